// Entry point of dist/server.js. The transport comes from the command line (--stdio,
// --node-ipc, --socket=N, --pipe=NAME), as vscode-languageserver reads it.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DjangoDeployServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const server = new DjangoDeployServer(connection);

// A bug must cost one answer, never the server: log it and keep serving.
process.on('uncaughtException', (error) => server.logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => server.logError('unhandled rejection', reason));

server.listen();
