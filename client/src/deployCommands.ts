// Smaller deployment commands: the nginx config for static files in an untitled editor, and a
// status bar item with the production problem count that opens the checklist.
import { languages, StatusBarAlignment, window, workspace } from 'vscode';
import type { Disposable, StatusBarItem, TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestComparison } from './compareView';
import { chooseProject } from './projects';

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

/**
 * The status bar item: the production problem count (the server's: every settings module, and
 * the templates analysed so far), refreshed as diagnostics change; a click opens the checklist.
 */
export function problemStatusBar(getClient: () => LanguageClient | undefined): Disposable & { item: StatusBarItem; refresh(): void } {
  const item = window.createStatusBarItem('djangoDeploy.problems', StatusBarAlignment.Left, 50);
  item.name = 'Django Deploy';
  item.command = 'djangoDeploy.showChecklist';
  item.text = '$(rocket)';
  item.tooltip = 'Django Deploy: click for the deployment checklist.';
  item.show();
  let timer: NodeJS.Timeout | undefined;
  const update = async () => {
    const client = getClient();
    if (!client?.isRunning()) return;
    const count = await client.sendRequest<{ errors: number; warnings: number; templates: number }>(PROBLEM_COUNT_REQUEST, {}).catch(() => undefined);
    if (!count) return;
    const total = count.errors + count.warnings;
    item.text = total ? `$(rocket) ${total}` : '$(rocket) $(check)';
    item.tooltip = total
      ? `Django Deploy: ${total} production problem${total === 1 ? '' : 's'} (${count.errors} error${count.errors === 1 ? '' : 's'}, ${count.warnings} warning${count.warnings === 1 ? '' : 's'}${count.templates ? `, ${count.templates} in templates read so far` : ''}). Click for the deployment checklist.`
      : 'Django Deploy: no production problems found so far. Click for the deployment checklist.';
    item.accessibilityInformation = { label: item.tooltip };
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
