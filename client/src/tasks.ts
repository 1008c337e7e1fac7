// "Run check --deploy" and "Run collectstatic" as VS Code tasks (type `django-deploy`): the
// interpreter `djangoDeploy.python` names, else the one chosen in the Python extension, else
// python3; `--settings` set to the production settings module; trusted workspaces only. With
// several Django projects the commands ask which one. check --deploy output goes through
// checkOutputRewriter, so the `$django-check` problem matcher puts each message in the Problems
// panel on the setting it is about. A run that cannot start Python or import Django ends with a
// message pointing to where the interpreter is chosen.
import { spawn } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import { commands, EventEmitter, extensions, languages, CustomExecution, RelativePattern, Task, tasks, Uri, window, workspace } from 'vscode';
import type { Disposable, Pseudoterminal, TaskDefinition, WorkspaceFolder } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkOutputRewriter, interpreterProblem, type Located } from './checkOutput';
import { chooseProject } from './projects';
import { COMPARE_REQUEST, type ProjectComparison } from './compareView';

export const TASK_TYPE = 'django-deploy';
export type ManageCommand = 'check --deploy' | 'collectstatic';

interface DjangoTaskDefinition extends TaskDefinition {
  command: ManageCommand;
  /** Workspace folder name. */
  folder?: string;
}

/** What a task needs to know about a folder's project. */
interface ProjectInfo {
  folder: WorkspaceFolder;
  managePy: string;
  settingsModule: string | undefined;
}

export function registerTasks(getClient: () => LanguageClient | undefined): Disposable {
  return tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: async () => {
      if (!workspace.isTrusted) return [];
      const client = getClient();
      if (!client) return [];
      const out: Task[] = [];
      for (const info of await projects(client)) for (const command of ['check --deploy', 'collectstatic'] as const) out.push(makeTask(info, command));
      return out;
    },
    resolveTask: async (task) => {
      const definition = task.definition as DjangoTaskDefinition;
      const client = getClient();
      if (!client || !workspace.isTrusted) return undefined;
      const info = (await projects(client)).find((p) => !definition.folder || p.folder.name === definition.folder);
      return info ? makeTask(info, definition.command, definition) : undefined;
    },
  });
}

/**
 * `djangoDeploy.runCheckDeploy` / `djangoDeploy.runCollectstatic`: runs the task on one project
 * (the folder `folderName` names, the only one, or the user's choice); resolves with its exit code.
 */
export async function runManageTask(client: LanguageClient, command: ManageCommand, folderName?: string): Promise<number | undefined> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage(`Django Deploy: "${command}" runs your project's Python code, so it needs a trusted workspace.`);
    return undefined;
  }
  const all = await projects(client);
  const chosen = await chooseProject(all.map((p) => ({ root: p.folder.uri.fsPath, name: p.folder.name, settingsModule: p.settingsModule, info: p })), folderName, `Run ${command}`);
  if (!chosen) return undefined;
  const execution = await tasks.executeTask(makeTask(chosen.info, command));
  return new Promise((resolve) => {
    const done = tasks.onDidEndTaskProcess((e) => {
      if (e.execution !== execution) return;
      done.dispose();
      resolve(e.exitCode);
    });
  });
}

async function projects(client: LanguageClient): Promise<ProjectInfo[]> {
  const result = await client.sendRequest<{ projects: ProjectComparison[] }>(COMPARE_REQUEST, {});
  const out: ProjectInfo[] = [];
  for (const p of result.projects) {
    const folder = workspace.getWorkspaceFolder(Uri.file(p.root));
    if (!folder) continue;
    const managePy = await findManagePy(folder, p.runFrom);
    if (managePy) out.push({ folder, managePy, settingsModule: p.settingsModule });
  }
  return out;
}

/** manage.py in the folder commands run from, else the shallowest one in the workspace folder. */
async function findManagePy(folder: WorkspaceFolder, runFrom: string): Promise<string | undefined> {
  const expected = Uri.joinPath(folder.uri, runFrom, 'manage.py');
  try {
    await workspace.fs.stat(expected);
    return expected.fsPath;
  } catch {
    const found = await workspace.findFiles(new RelativePattern(folder, '**/manage.py'), '**/{node_modules,.venv,venv,env,site-packages}/**', 10);
    return found.map((u) => u.fsPath).sort((a, b) => a.split(/[\\/]/).length - b.split(/[\\/]/).length)[0];
  }
}

function makeTask(info: ProjectInfo, command: ManageCommand, definition?: DjangoTaskDefinition): Task {
  const def: DjangoTaskDefinition = definition ?? { type: TASK_TYPE, command, folder: info.folder.name };
  const task = new Task(def, info.folder, command, 'Django Deploy', new CustomExecution(async () => new ManageTerminal(info, command)), command === 'check --deploy' ? ['$django-check'] : []);
  task.detail = `manage.py ${command}${info.settingsModule ? ` --settings ${info.settingsModule}` : ''}`;
  return task;
}

/** Where the interpreter came from: the message after a failed run points there. */
export type InterpreterOrigin = 'setting' | 'python extension' | 'default';

/** The interpreter: djangoDeploy.python, else the Python extension's for this folder, else python3. */
export async function pythonFor(folder: WorkspaceFolder): Promise<{ path: string; origin: InterpreterOrigin }> {
  const configured = workspace.getConfiguration('djangoDeploy', folder.uri).get<string>('python', '').trim();
  if (configured) return { path: configured, origin: 'setting' };
  const python = extensions.getExtension(PYTHON_EXTENSION);
  if (python) {
    try {
      const api = (python.isActive ? python.exports : await python.activate()) as {
        environments?: { getActiveEnvironmentPath(resource?: Uri): { path: string }; resolveEnvironment(path: string): Promise<{ executable: { uri?: Uri } } | undefined> };
        settings?: { getExecutionDetails(resource?: Uri): { execCommand?: string[] } };
      };
      const active = api.environments?.getActiveEnvironmentPath(folder.uri);
      if (active) {
        const resolved = await api.environments!.resolveEnvironment(active.path);
        if (resolved?.executable.uri) return { path: resolved.executable.uri.fsPath, origin: 'python extension' };
      }
      const legacy = api.settings?.getExecutionDetails(folder.uri).execCommand;
      if (legacy?.length) return { path: legacy[0], origin: 'python extension' };
    } catch {
      // The Python extension could not tell: fall back.
    }
  }
  return { path: process.platform === 'win32' ? 'python' : 'python3', origin: 'default' };
}

const PYTHON_EXTENSION = 'ms-python.python';
/** How much of a run's output is kept to explain a failure. */
const OUTPUT_TAIL = 16_384;
const SELECT_INTERPRETER = 'Select Interpreter';
const OPEN_SETTING = 'Open Setting';

/** Messages the task failure hint showed, newest last (tests read them through the API). */
export const interpreterHints: string[] = [];

/**
 * After a run that could not start Python or import Django: one message pointing to where the
 * interpreter is chosen ("Python: Select Interpreter" when the Python extension is installed,
 * and the djangoDeploy.python setting).
 */
async function showInterpreterHint(command: ManageCommand, python: { path: string; origin: InterpreterOrigin }, reason: string): Promise<void> {
  const from = python.origin === 'setting' ? 'set in djangoDeploy.python' : python.origin === 'python extension' ? "the Python extension's interpreter" : 'no interpreter chosen';
  const canSelect = !!extensions.getExtension(PYTHON_EXTENSION);
  const message = `Django Deploy: ${command} could not run Django with ${python.path} (${from}): ${reason}. ${canSelect ? 'Select the interpreter of the project’s virtual environment, or set' : 'Set'} djangoDeploy.python to a Python that has Django installed.`;
  interpreterHints.push(message);
  const choice = await window.showWarningMessage(message, ...(canSelect ? [SELECT_INTERPRETER] : []), OPEN_SETTING);
  if (choice === SELECT_INTERPRETER) await commands.executeCommand('python.setInterpreter');
  else if (choice === OPEN_SETTING) await commands.executeCommand('workbench.action.openSettings', '@id:djangoDeploy.python');
}

/** Runs manage.py in a pseudoterminal, rewriting check output for the problem matcher. */
class ManageTerminal implements Pseudoterminal {
  private readonly writer = new EventEmitter<string>();
  private readonly closer = new EventEmitter<number>();
  onDidWrite = this.writer.event;
  onDidClose = this.closer.event;
  private child: ReturnType<typeof spawn> | undefined;

  constructor(
    private readonly info: ProjectInfo,
    private readonly command: ManageCommand,
  ) {}

  async open(): Promise<void> {
    const python = await pythonFor(this.info.folder);
    const cwd = dirname(this.info.managePy);
    const args = [this.info.managePy, ...(this.command === 'check --deploy' ? ['check', '--deploy'] : ['collectstatic', '--noinput']), ...(this.info.settingsModule ? ['--settings', this.info.settingsModule] : [])];
    this.write(`> ${[python.path, relative(cwd, this.info.managePy) || 'manage.py', ...args.slice(1)].join(' ')}\n\n`);
    const rewrite = checkOutputRewriter((code) => locate(this.info, code), { file: settingsFile(this.info) ?? this.info.managePy, line: 1 });
    // The end of the output, where Python's traceback is: read when the run fails.
    let tail = '';
    let finished = false;
    const finish = (code: number, spawnError?: NodeJS.ErrnoException) => {
      if (finished) return;
      finished = true;
      this.closer.fire(code);
      const reason = interpreterProblem(code, tail, spawnError?.code);
      if (reason) void showInterpreterHint(this.command, python, reason);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(python.path, args, { cwd, env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    } catch (error) {
      this.write(`Could not start ${python.path}: ${(error as Error).message}\n`);
      finish(127, error as NodeJS.ErrnoException);
      return;
    }
    this.child = child;
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-OUTPUT_TAIL);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.write(rewrite(line.replace(/\r$/, '')) + '\n');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.write(`Could not run ${python.path}: ${error.message}\n`);
      finish(127, error);
    });
    child.on('close', (code) => {
      if (pending) this.write(rewrite(pending) + '\n');
      this.write(`\n${this.command} exited with code ${code ?? 1}.\n`);
      finish(code ?? 1);
    });
  }

  close(): void {
    this.child?.kill();
  }

  private write(text: string): void {
    this.writer.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}

/** The production settings file, from the module name (…/mysite/settings/production.py or __init__.py). */
function settingsFile(info: ProjectInfo): string | undefined {
  if (!info.settingsModule) return undefined;
  const base = join(dirname(info.managePy), ...info.settingsModule.split('.'));
  return existsSync(`${base}.py`) ? `${base}.py` : existsSync(join(base, '__init__.py')) ? join(base, '__init__.py') : undefined;
}

/** Where our own diagnostics put a check id in the settings file (Django names no file). */
function locate(info: ProjectInfo, code: string): Located | undefined {
  const file = settingsFile(info);
  if (!file) return undefined;
  for (const [uri, diagnostics] of languages.getDiagnostics()) {
    if (uri.fsPath !== file) continue;
    const d = diagnostics.find((x) => (typeof x.code === 'object' ? x.code.value : x.code) === code);
    if (d) return { file, line: d.range.start.line + 1 };
  }
  return undefined;
}
