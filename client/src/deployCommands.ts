// Smaller deployment commands: the nginx config for static files in an untitled editor, and a
// status bar item with the production problem count that opens the checklist.
import { commands, languages, StatusBarAlignment, window, workspace } from 'vscode';
import type { Disposable, StatusBarItem, TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestComparison } from './compareView';
import { chooseProject, HAS_PROJECT_CONTEXT } from './projects';

export const NGINX_REQUEST = 'djangoDeploy/nginxConfig';
export const PROBLEM_COUNT_REQUEST = 'djangoDeploy/problemCount';

/**
 * `djangoDeploy.generateNginxConfig`: an untitled nginx file for one project (the one `wanted`
 * names, or the user's choice); returns it. The request names the project's root; a server that
 * answers with another project's config (one that knows only the first) is not shown as this one's.
 */
export async function generateNginxConfig(client: LanguageClient, wanted?: string): Promise<TextDocument | undefined> {
  const projects = await requestComparison(client);
  const project = await chooseProject(projects, wanted, 'Generate nginx Config for Static Files');
  if (!project) return undefined;
  const result = await client.sendRequest<{ text: string; settingsModule?: string; root?: string } | null>(NGINX_REQUEST, { root: project.root });
  if (!result) {
    void window.showInformationMessage('Django Deploy: no Django project in this workspace.');
    return undefined;
  }
  const answeredFor = result.root ?? projects[0]?.root;
  if (answeredFor !== project.root) {
    void window.showWarningMessage(`Django Deploy: the language server generated the nginx config of another project, not of "${project.name}".`);
    return undefined;
  }
  const known = await languages.getLanguages();
  const document = await workspace.openTextDocument({ language: known.includes('nginx') ? 'nginx' : 'plaintext', content: result.text });
  await window.showTextDocument(document);
  return document;
}

/** What the server counts (server.ts ProblemCount): the same problems as the checklist and the CLI. */
interface ProblemCount {
  errors: number;
  warnings: number;
  templates: number;
  /** Django projects in the workspace; 0: the item hides (silent outside Django). */
  projects?: number;
  /** False while templates wait for their background analysis. */
  complete?: boolean;
}

/** Sent by the server when a background analysis ends: the count may have changed. */
const PROBLEMS_CHANGED = 'djangoDeploy/problemsChanged';

/**
 * The status bar item: the problem count of the workspace's Django projects (errors and warnings
 * of every settings module and template, each once, as the checklist and the CLI count them),
 * refreshed as diagnostics change and when the server says its background analysis ended; a
 * spinner while templates are still being read; hidden where there is no Django project. A
 * click opens the checklist.
 */
export function problemStatusBar(getClient: () => LanguageClient | undefined): Disposable & { item: StatusBarItem; refresh(): void } {
  const item = window.createStatusBarItem('djangoDeploy.problems', StatusBarAlignment.Left, 50);
  item.name = 'Django Deploy';
  item.command = 'djangoDeploy.showChecklist';
  item.text = '$(rocket)';
  item.tooltip = 'Django Deploy: click for the deployment checklist.';
  let timer: NodeJS.Timeout | undefined;
  const listening = new WeakSet<LanguageClient>();
  const update = async () => {
    const client = getClient();
    if (!client?.isRunning()) return;
    if (!listening.has(client)) {
      listening.add(client);
      client.onNotification(PROBLEMS_CHANGED, later);
    }
    const count = await client.sendRequest<ProblemCount>(PROBLEM_COUNT_REQUEST, {}).catch(() => undefined);
    if (!count) return;
    // The server's verdict on evidence (manage.py running Django, Django in the requirements…)
    // shows or hides the status bar item and the Deployment Checklist view.
    void commands.executeCommand('setContext', HAS_PROJECT_CONTEXT, count.projects !== 0);
    if (count.projects === 0) {
      item.hide();
      return;
    }
    const total = count.errors + count.warnings;
    const reading = count.complete === false;
    item.text = `${total ? `$(rocket) ${total}` : '$(rocket) $(check)'}${reading ? ' $(loading~spin)' : ''}`;
    const counted = `${count.errors} error${count.errors === 1 ? '' : 's'}, ${count.warnings} warning${count.warnings === 1 ? '' : 's'}${count.templates ? `, ${count.templates} in templates` : ''}`;
    item.tooltip = `${total ? `Django Deploy: ${total} problem${total === 1 ? '' : 's'} (${counted})` : 'Django Deploy: no problems found'}${reading ? ', templates still being read' : ''}. The checklist and the command line count the same; Check Project lists them all in the Problems panel. Click for the deployment checklist.`;
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };
  const subscription = languages.onDidChangeDiagnostics(later);
  later();
  return {
    item,
    refresh: later,
    dispose: () => {
      clearTimeout(timer);
      subscription.dispose();
      item.dispose();
    },
  };
}
