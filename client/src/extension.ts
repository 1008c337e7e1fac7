// The VS Code side of Django Deploy: start the language server, hand it the djangoDeploy
// settings and file events, and offer a few commands. All analysis lives in server/.
import { commands, window, workspace } from 'vscode';
import type { ExtensionContext, FileSystemWatcher, LogOutputChannel } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** What `activate` returns; editor tests await `ready` before they look at diagnostics. */
export interface DjangoDeployApi {
  /** The running client. A restart after a failed start replaces it. */
  readonly client: LanguageClient | undefined;
  /** Resolves when the current client has started; rejects when the server could not start. */
  readonly ready: Promise<void>;
}

const SHOW_OUTPUT = 'Show Output';

let client: LanguageClient | undefined;
export let ready: Promise<void> = Promise.resolve();

/**
 * vscode-languageclient announces each start-up failure with its own notification (and a
 * crashing server with several). Until the first start succeeds these only go to the log:
 * activate() reports the failure once, with a Show Output button.
 */
class DjangoDeployClient extends LanguageClient {
  private started = false;

  override async start(): Promise<void> {
    await super.start();
    this.started = true;
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.started ? showNotification : false);
  }
}

export function activate(context: ExtensionContext): DjangoDeployApi {
  const output = window.createOutputChannel('Django Deploy', { log: true });
  const fileEvents = [
    workspace.createFileSystemWatcher('**/*.py'),
    workspace.createFileSystemWatcher(
      '**/{requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,setup.cfg}',
    ),
  ];
  context.subscriptions.push(output, ...fileEvents);

  const startServer = (): void => {
    const previous = client;
    client = undefined;
    previous?.dispose().catch(() => undefined);
    ready = startClient(context, output, fileEvents);
    ready.catch((error) => reportError(output, 'Django Deploy: the language server could not start', error));
  };

  context.subscriptions.push(
    commands.registerCommand('djangoDeploy.restartServer', async () => {
      if (client?.state === State.Starting) return;
      if (!client?.isRunning()) return startServer();
      ready = client.restart();
      await ready.catch((error) => reportError(output, 'Django Deploy: restarting the language server failed', error));
    }),
    commands.registerCommand('djangoDeploy.showOutput', () => output.show()),
    commands.registerCommand('djangoDeploy.checkProject', () => checkProject(output)),
  );

  startServer();
  return {
    get client() {
      return client;
    },
    get ready() {
      return ready;
    },
  };
}

export function deactivate(): Promise<void> | undefined {
  return client?.needsStop() ? client.stop() : undefined;
}

async function startClient(
  context: ExtensionContext,
  output: LogOutputChannel,
  fileEvents: FileSystemWatcher[],
): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'file', language: 'html' },
      { scheme: 'file', language: 'django-html' },
    ],
    synchronize: { configurationSection: 'djangoDeploy', fileEvents },
    initializationOptions: () => workspace.getConfiguration('djangoDeploy'),
    // Without a handler the library shows its own notification; the failure reaches ready instead.
    initializationFailedHandler: () => false,
    outputChannel: output,
  };
  client = new DjangoDeployClient('djangoDeploy', 'Django Deploy', serverOptions, clientOptions);
  await client.start();
}

async function checkProject(output: LogOutputChannel): Promise<void> {
  try {
    if (!client) throw new Error('the language server is not running');
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'djangoDeploy.checkProject', arguments: [] });
    await commands.executeCommand('workbench.actions.view.problems');
  } catch (error) {
    await reportError(output, 'Django Deploy: checking the project failed', error);
  }
}

async function reportError(output: LogOutputChannel, message: string, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  output.error(`${message}: ${reason}`);
  const choice = await window.showErrorMessage(`${message}: ${reason}`, SHOW_OUTPUT);
  if (choice === SHOW_OUTPUT) output.show();
}
