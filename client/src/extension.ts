// The VS Code side of Django Deploy: start the language server, hand it the djangoDeploy
// settings and file events, and offer a few commands. All analysis lives in server/.
import { commands, window, workspace } from 'vscode';
import type { ExtensionContext, FileSystemWatcher, LogOutputChannel } from 'vscode';
import { CloseAction, ExecuteCommandRequest, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { copyChecklist, openDoc, showChecklist } from './checklist';
import { ChecklistTree, type ChecklistNode } from './checklistTree';
import { compareServers, currentCompareView } from './compareView';
import { generateNginxConfig, problemStatusBar } from './deployCommands';
import { folderArgument } from './projects';
import { interpreterHints, registerTasks, runManageTask } from './tasks';
import SERVER_NODE_OPTIONS from '../../server/node-options.json';

/** What `activate` returns; editor tests await `ready` before they look at diagnostics. */
export interface DjangoDeployApi {
  /** The current client; every (re)start creates a new one. */
  readonly client: LanguageClient | undefined;
  /** Resolves when the current client has started; rejects when the server could not start. */
  readonly ready: Promise<void>;
  /** The WSGI vs ASGI view's current data and HTML, when it is open. */
  compareView(): { data: unknown[]; html: string } | undefined;
  /** The status bar item's text and tooltip. */
  statusBar(): { text: string; tooltip: string };
  /** The Deployment Checklist view's data provider (tests read its rows). */
  checklistView(): ChecklistTree;
  /** Messages the task failure hint has shown, oldest first. */
  interpreterHints(): readonly string[];
}

const SHOW_OUTPUT = 'Show Output';

let client: LanguageClient | undefined;
export let ready: Promise<void> = Promise.resolve();

/**
 * Until the server has run once, a failure is reported by activate() in one message with a
 * Show Output button: vscode-languageclient's own notifications only go to the log, and a
 * server that dies on start-up is not restarted in a loop. Once it has run, the library's
 * usual crash handling applies (restart up to four times, then tell the user).
 */
class DjangoDeployClient extends LanguageClient {
  private hasRun = false;

  override async start(): Promise<void> {
    await super.start();
    if (this.isRunning()) this.hasRun = true;
  }

  override createDefaultErrorHandler(maxRestartCount?: number): ErrorHandler {
    const crashes = super.createDefaultErrorHandler(maxRestartCount);
    return {
      error: (error, message, count) => crashes.error(error, message, count),
      closed: () => (this.hasRun ? crashes.closed() : { action: CloseAction.DoNotRestart, handled: true }),
    };
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.hasRun ? showNotification : false);
  }
}

export function activate(context: ExtensionContext): DjangoDeployApi {
  const output = window.createOutputChannel('Django Deploy', { log: true });
  const fileEvents = [
    workspace.createFileSystemWatcher('**/*.py'),
    workspace.createFileSystemWatcher(
      '**/{requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,setup.cfg}',
    ),
    // Templates and static assets: a renamed or deleted static file updates {% static %} findings.
    workspace.createFileSystemWatcher(
      '**/*.{html,htm,txt,xml,svg,css,js,mjs,map,json,webmanifest,png,jpg,jpeg,gif,webp,avif,ico,bmp,woff,woff2,ttf,otf,eot,mp3,mp4,webm,ogg,wav,vtt,pdf}',
    ),
  ];
  context.subscriptions.push(output, ...fileEvents);

  const statusBar = problemStatusBar(() => client);
  // Restarts queue behind each other, so two quick ones cannot leave a client running unseen.
  const startServer = (): Promise<void> => {
    ready = ready.catch(() => undefined).then(() => restartClient(context, output, fileEvents));
    return ready.then(statusBar.refresh, (error) => reportError(output, 'Django Deploy: the language server could not start', error));
  };

  const checklistView = new ChecklistTree(
    async () => {
      await ready;
      if (!client) throw new Error('the language server is not running');
      return client;
    },
    (error) => output.error(`Django Deploy: the Deployment Checklist view could not check the project: ${error instanceof Error ? error.message : String(error)}`),
  );

  // Commands that act on one project take an optional workspace folder name (checklist rows,
  // tests, keybindings) or a checklist view node; without one they ask when there are several.
  const onProject = (id: string, what: string, run: (c: LanguageClient, folder: string | undefined) => Promise<unknown>) =>
    commands.registerCommand(id, (arg?: unknown) => withClient(output, what, (c) => run(c, folderArgument(arg))));

  context.subscriptions.push(
    commands.registerCommand('djangoDeploy.restartServer', startServer),
    commands.registerCommand('djangoDeploy.showOutput', () => output.show()),
    commands.registerCommand('djangoDeploy.checkProject', () => checkProject(output)),
    onProject('djangoDeploy.showChecklist', 'showing the deployment checklist', showChecklist),
    onProject('djangoDeploy.copyChecklist', 'copying the deployment checklist', copyChecklist),
    onProject('djangoDeploy.compareServers', 'comparing WSGI and ASGI', compareServers),
    onProject('djangoDeploy.generateNginxConfig', 'generating the nginx config', generateNginxConfig),
    onProject('djangoDeploy.runCheckDeploy', 'running check --deploy', (c, folder) => runManageTask(c, 'check --deploy', folder)),
    onProject('djangoDeploy.runCollectstatic', 'running collectstatic', (c, folder) => runManageTask(c, 'collectstatic', folder)),
    commands.registerCommand('djangoDeploy.refreshChecklist', () => checklistView.refresh()),
    commands.registerCommand('djangoDeploy.openChecklistDoc', (node?: ChecklistNode) => (node && node.kind !== 'project' ? openDoc(node.item) : false)),
    checklistView,
    registerTasks(() => client),
    statusBar,
  );

  void startServer();
  return {
    get client() {
      return client;
    },
    get ready() {
      return ready;
    },
    compareView: currentCompareView,
    statusBar: () => ({ text: statusBar.item.text, tooltip: String(statusBar.item.tooltip ?? '') }),
    checklistView: () => checklistView,
    interpreterHints: () => interpreterHints,
  };
}

export function deactivate(): Promise<void> {
  return stopCurrentClient();
}

/** Stops the current client, if any, and starts a new one. */
async function restartClient(
  context: ExtensionContext,
  output: LogOutputChannel,
  fileEvents: FileSystemWatcher[],
): Promise<void> {
  await stopCurrentClient();

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // V8's young generation capped at 2 × 4 MB: the server stays under 100 MB with no
    // measurable change in latency (npm run bench starts its servers with the same options).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_OPTIONS } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] },
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
    // Without a handler the library shows the failure itself; this way it only reaches `ready`.
    initializationFailedHandler: () => false,
    outputChannel: output,
  };
  const started = new DjangoDeployClient('djangoDeploy', 'Django Deploy', serverOptions, clientOptions);
  client = started;
  await started.start();
  if (client !== started) return; // stopped meanwhile
  // start() also resolves when the server process exited before answering `initialize`.
  if (!started.isRunning()) throw new Error('the server process exited while starting');
}

async function stopCurrentClient(): Promise<void> {
  const previous = client;
  client = undefined;
  if (!previous) return;
  // A client can only be stopped once its start has settled.
  if (previous.state === State.Starting) await previous.start().catch(() => undefined);
  await previous.dispose().catch(() => undefined);
}

async function checkProject(output: LogOutputChannel): Promise<void> {
  try {
    if (!client) throw new Error('the language server is not running');
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'djangoDeploy.server.checkProject', arguments: [] });
    await commands.executeCommand('workbench.actions.view.problems');
  } catch (error) {
    reportError(output, 'Django Deploy: checking the project failed', error);
  }
}

/** Runs a command that needs the server, once it has started; failures become one notification. */
async function withClient<T>(output: LogOutputChannel, what: string, run: (client: LanguageClient) => Promise<T>): Promise<T | undefined> {
  try {
    await ready;
    if (!client) throw new Error('the language server is not running');
    return await run(client);
  } catch (error) {
    reportError(output, `Django Deploy: ${what} failed`, error);
    return undefined;
  }
}

/** One notification for the user (not awaited, so commands return at once); the reason goes to the output. */
function reportError(output: LogOutputChannel, message: string, error: unknown): void {
  output.error(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  void window.showErrorMessage(`${message}. See the output for details.`, SHOW_OUTPUT).then((choice) => {
    if (choice === SHOW_OUTPUT) output.show();
  });
}
