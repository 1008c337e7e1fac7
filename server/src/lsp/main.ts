// Entry point of dist/server.js. The transport comes from the command line (--stdio,
// --node-ipc, --socket=N, --pipe=NAME), as vscode-languageserver reads it.

import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { framesBelow, MAX_FRAME_BYTES } from './frames';
import { DjangoDeployServer } from './server';

// Over stdio a frame with a bad header (no or a malformed Content-Length) leaves the reader's
// buffer out of step for good: every later message would be lost and the server deaf. End the
// connection instead: the client sees the exit and starts a new server.
const stdio = process.argv.includes('--stdio');
const reader = stdio ? new StreamMessageReader(framesBelow(MAX_FRAME_BYTES, process.stdin, (length) => {
  server.logError('reading a message (the connection ends; the client restarts the server)', new Error(`a frame announces ${length} bytes, over the ${MAX_FRAME_BYTES}-byte limit`));
  setImmediate(() => process.exit(1));
})) : undefined;
const connection = reader ? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
const server = new DjangoDeployServer(connection);
// Input closed without an `exit` notification (which exits on its own): the client is gone.
reader?.onClose(() => process.exit(1));
reader?.onError((error) => {
  server.logError('reading a message (the connection ends; the client restarts the server)', error);
  setImmediate(() => process.exit(1));
});

// A bug must cost one answer, never the server: log it and keep serving.
process.on('uncaughtException', (error) => server.logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => server.logError('unhandled rejection', reason));

server.listen();
