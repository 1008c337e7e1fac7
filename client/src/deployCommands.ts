// Smaller deployment commands: the nginx config for static files in an untitled editor, and a
// status bar item with the production problem count that opens the checklist.
import { languages, StatusBarAlignment, window, workspace, DiagnosticSeverity } from 'vscode';
import type { Disposable, StatusBarItem, TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const NGINX_REQUEST = 'djangoDeploy/nginxConfig';
const SOURCE = 'Django Deploy'; // the server's Diagnostic.source

/** `djangoDeploy.generateNginxConfig`: an untitled nginx file for this project; returns it. */
export async function generateNginxConfig(client: LanguageClient): Promise<TextDocument | undefined> {
  const result = await client.sendRequest<{ text: string; settingsModule?: string } | null>(NGINX_REQUEST, {});
  if (!result) {
    void window.showInformationMessage('Django Deploy: no Django project in this workspace.');
    return undefined;
  }
  const known = await languages.getLanguages();
  const document = await workspace.openTextDocument({ language: known.includes('nginx') ? 'nginx' : 'plaintext', content: result.text });
  await window.showTextDocument(document);
  return document;
}

/**
 * The status bar item: the number of production problems (errors and warnings the server
 * published) and a click that opens the checklist.
 */
export function problemStatusBar(): Disposable & { item: StatusBarItem } {
  const item = window.createStatusBarItem('djangoDeploy.problems', StatusBarAlignment.Left, 50);
  item.name = 'Django Deploy';
  item.command = 'djangoDeploy.showChecklist';
  const update = () => {
    let errors = 0;
    let warnings = 0;
    for (const [, diagnostics] of languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== SOURCE) continue;
        if (d.severity === DiagnosticSeverity.Error) errors++;
        else if (d.severity === DiagnosticSeverity.Warning) warnings++;
      }
    }
    const total = errors + warnings;
    item.text = total ? `$(rocket) ${total}` : '$(rocket) $(check)';
    item.tooltip = total
      ? `Django Deploy: ${total} production problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in the files checked so far. Click for the deployment checklist.`
      : 'Django Deploy: no production problems in the files checked so far. Click for the deployment checklist.';
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  const subscription = languages.onDidChangeDiagnostics(update);
  update();
  return { item, dispose: () => { subscription.dispose(); item.dispose(); } };
}
