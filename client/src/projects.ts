// Which Django project a command acts on. The server returns one project per workspace folder
// it recognises as Django; a command given a folder (a tree row, a test, a keybinding's args)
// uses it, a workspace with one project uses that one, and with several the user chooses: the
// project of the active editor is offered first, never picked silently.
import { commands, window, workspace } from 'vscode';
import type { QuickPickItem } from 'vscode';

/** What every project the server returns has (checklist and comparison alike). */
export interface ProjectRef {
  /** The workspace folder's path. */
  root: string;
  /** The workspace folder's name. */
  name: string;
  settingsModule?: string;
}

/** The context key the Deployment Checklist view's `when` clause reads. */
export const HAS_PROJECT_CONTEXT = 'djangoDeploy.hasProject';

/**
 * The folder a command was given: a folder name or root (tests, keybindings, checklist rows),
 * or a checklist tree node (view menus pass the node they were invoked on).
 */
export function folderArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object' && 'project' in arg) {
    const project = (arg as { project?: { name?: unknown } }).project;
    if (typeof project?.name === 'string') return project.name;
  }
  return undefined;
}

/** The project folder `wanted` names (its name or its root path), if any. */
export function projectNamed<T extends ProjectRef>(projects: T[], wanted: string): T | undefined {
  return projects.find((p) => p.name === wanted || p.root === wanted);
}

interface ProjectPick<T> extends QuickPickItem {
  project: T;
}

/**
 * The project a command acts on: the one `wanted` names, the only one, or the user's choice
 * (undefined when they dismiss the list). Says so when there is none.
 */
export async function chooseProject<T extends ProjectRef>(projects: T[], wanted: string | undefined, action: string, describe?: (p: T) => string): Promise<T | undefined> {
  void commands.executeCommand('setContext', HAS_PROJECT_CONTEXT, projects.length > 0);
  if (wanted) {
    const named = projectNamed(projects, wanted);
    if (!named) void window.showWarningMessage(`Django Deploy: no Django project in the workspace folder "${wanted}".`);
    return named;
  }
  if (projects.length === 0) {
    void window.showInformationMessage('Django Deploy: no Django project in this workspace.');
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const active = activeRoot();
  const ordered = [...projects].sort((a, b) => Number(b.root === active) - Number(a.root === active));
  const items: ProjectPick<T>[] = ordered.map((p) => ({
    label: `$(folder) ${p.name}`,
    description: [p.root === active ? 'active editor' : '', p.settingsModule ?? 'no settings module found'].filter(Boolean).join(' · '),
    detail: describe?.(p),
    project: p,
  }));
  const picked = await window.showQuickPick(items, {
    title: `Django Deploy: ${action}`,
    placeHolder: 'Which Django project?',
    matchOnDescription: true,
  });
  return picked?.project;
}

/** The workspace folder path of the active editor's file, if any. */
function activeRoot(): string | undefined {
  const uri = window.activeTextEditor?.document.uri;
  const folder = uri ? workspace.getWorkspaceFolder(uri) : undefined;
  return folder?.uri.fsPath;
}
