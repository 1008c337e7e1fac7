// "Django Deploy: Compare WSGI and ASGI": a webview with what one project has (entry points,
// settings, async views, Channels, servers in the requirements), a recommendation with its
// reasons, the exact command line of every server for this project, and the general comparison.
// The server computes everything; this file only renders it. Every string from the project is
// escaped; the page runs one nonce'd script, loads nothing remote, follows the theme and is
// usable by keyboard. It refreshes when Python, requirement or launcher files change.
import { randomBytes } from 'node:crypto';
import { env, ViewColumn, window, workspace } from 'vscode';
import type { Disposable, WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { placeName, reveal, type Location } from './checklist';
import { renderComparison, type ProjectComparison } from './compareHtml';
import { chooseProject } from './projects';

export type { ProjectComparison } from './compareHtml';

export const COMPARE_REQUEST = 'djangoDeploy/compareServers';

/** Files whose change can change the comparison. */
const WATCHED = '**/{*.py,requirements*.txt,requirements*.in,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,setup.cfg,Procfile,Dockerfile,*.Dockerfile,docker-compose*.yml,compose*.yml,compose*.yaml}';

let current: CompareView | undefined;

/** Every Django project's comparison, as the server computes it (only `root`'s, when given and the server can). */
export async function requestComparison(client: LanguageClient, root?: string): Promise<ProjectComparison[]> {
  const result = await client.sendRequest<{ projects: ProjectComparison[] }>(COMPARE_REQUEST, root ? { root } : {});
  return result.projects;
}

/**
 * `djangoDeploy.compareServers`: opens (or reveals) the view on one project, the one `wanted`
 * names or the user's choice; returns what it shows (tests read it).
 */
export async function compareServers(client: LanguageClient, wanted?: string): Promise<ProjectComparison[]> {
  const all = await requestComparison(client);
  const project = await chooseProject(all, wanted, 'Compare WSGI and ASGI');
  if (!project) return [];
  if (!current) current = new CompareView(client, () => (current = undefined));
  else current.reveal();
  current.show(project.root, all);
  return current.data;
}

/** The open view's last data and HTML, for tests. */
export function currentCompareView(): { data: ProjectComparison[]; html: string } | undefined {
  return current ? { data: current.data, html: current.html } : undefined;
}

class CompareView {
  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private locations: Location[] = [];
  private texts: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The workspace folder of the project shown. */
  private root = '';
  data: ProjectComparison[] = [];
  html = '';

  constructor(
    private readonly client: LanguageClient,
    onDispose: () => void,
  ) {
    this.panel = window.createWebviewPanel('djangoDeploy.compareServers', 'WSGI vs ASGI', ViewColumn.Active, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
    this.panel.webview.onDidReceiveMessage((m: { type?: string; index?: number }) => void this.received(m), undefined, this.disposables);
    const watcher = workspace.createFileSystemWatcher(WATCHED);
    const later = () => this.scheduleRefresh();
    this.disposables.push(watcher, watcher.onDidChange(later), watcher.onDidCreate(later), watcher.onDidDelete(later), workspace.onDidSaveTextDocument(later));
    this.panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const d of this.disposables) d.dispose();
      onDispose();
    });
  }

  reveal(): void {
    this.panel.reveal();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), 400);
  }

  async refresh(): Promise<ProjectComparison[]> {
    this.show(this.root, await requestComparison(this.client, this.root), this.panel.title);
    return this.data;
  }

  /** Renders the project at `root` out of the server's answer `all`; `title` kept on a refresh. */
  show(root: string, all: ProjectComparison[], title?: string): void {
    this.root = root;
    this.data = all.filter((p) => p.root === root);
    this.panel.title = title ?? (all.length > 1 && this.data[0] ? `WSGI vs ASGI: ${this.data[0].name}` : 'WSGI vs ASGI');
    const page = renderComparison(this.data, randomBytes(16).toString('base64'), placeName);
    this.locations = page.locations;
    this.texts = page.texts;
    this.html = page.html;
    this.panel.webview.html = this.html;
  }

  private async received(message: { type?: string; index?: number }): Promise<void> {
    const i = typeof message.index === 'number' ? message.index : -1;
    if (message.type === 'copy' && this.texts[i] !== undefined) {
      await env.clipboard.writeText(this.texts[i]);
      void window.setStatusBarMessage('Django Deploy: command line copied', 2500);
    } else if (message.type === 'open' && this.locations[i]) {
      await reveal(this.locations[i], { viewColumn: ViewColumn.One });
    } else if (message.type === 'refresh') {
      await this.refresh();
    }
  }
}


