// The Deployment Checklist view in the Explorer: the server's checklist as a tree. One row per
// item with a status icon tinted by the theme (passed, failed, warning, not decided), the detail
// beside it and in the tooltip; a row's children are its places (a click opens one); clicking a
// row that carries a command runs it on the row's project. With several Django projects, each is
// a top-level node. The view asks the server only while it is visible, and again after a save or
// a Django Deploy task once it is stale.
import { Disposable, EventEmitter, MarkdownString, Range, tasks, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window, workspace } from 'vscode';
import type { Command, TreeDataProvider, TreeView } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { distinctPlaces, docUrl, placeName, requestChecklist, STATUS, summary, type ChecklistItem, type ChecklistProject, type Location } from './checklist';

export const CHECKLIST_VIEW = 'djangoDeploy.checklist';

export type ChecklistNode =
  | { kind: 'project'; project: ChecklistProject }
  | { kind: 'item'; project: ChecklistProject; item: ChecklistItem }
  | { kind: 'place'; project: ChecklistProject; item: ChecklistItem; place: Location }
  | { kind: 'more'; project: ChecklistProject; item: ChecklistItem; count: number };

/** How long after the last save the view asks the server again. */
const REFRESH_DELAY_MS = 1500;

export class ChecklistTree implements TreeDataProvider<ChecklistNode>, Disposable {
  private readonly changed = new EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: TreeView<ChecklistNode>;
  private loading: Promise<ChecklistProject[]> | undefined;
  private stale = false;
  /** How many projects the last answer had (several: each is a top-level node). */
  private shownProjects = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: Disposable[] = [];

  constructor(
    private readonly client: () => Promise<LanguageClient>,
    private readonly reportError: (error: unknown) => void,
  ) {
    this.view = window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: this, showCollapseAll: true });
    const later = () => this.scheduleRefresh();
    this.disposables.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(() => {
        if (this.view.visible && this.stale) this.refresh();
      }),
      workspace.onDidSaveTextDocument(later),
      workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('djangoDeploy') && later()),
      // collectstatic fills STATIC_ROOT: the collectstatic row changes.
      tasks.onDidEndTaskProcess((e) => e.execution.task.definition.type === 'django-deploy' && later()),
    );
  }

  /** Forgets the checklist; the view asks the server again (now when visible, else when shown). */
  refresh(): void {
    clearTimeout(this.timer);
    this.loading = undefined;
    this.stale = !this.view.visible;
    this.changed.fire(undefined);
  }

  /** The checklist the view shows (asked for once per refresh). */
  projects(): Promise<ChecklistProject[]> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<ChecklistProject[]> {
    try {
      const projects = await window.withProgress({ location: { viewId: CHECKLIST_VIEW } }, async () => requestChecklist(await this.client()));
      this.view.message = undefined;
      this.shownProjects = projects.length;
      this.view.description = projects.length === 1 ? summary(projects[0]) : undefined;
      return projects;
    } catch (error) {
      this.view.message = `Could not check the project: ${error instanceof Error ? error.message : String(error)}`;
      this.reportError(error);
      this.loading = undefined;
      return [];
    }
  }

  private scheduleRefresh(): void {
    if (!this.view.visible) {
      this.stale = true;
      this.loading = undefined;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  async getChildren(node?: ChecklistNode): Promise<ChecklistNode[]> {
    if (!node) {
      const projects = await this.projects();
      if (projects.length === 1) return projects[0].items.map((item) => ({ kind: 'item', project: projects[0], item }));
      return projects.map((project) => ({ kind: 'project', project }));
    }
    if (node.kind === 'project') return node.project.items.map((item) => ({ kind: 'item', project: node.project, item }));
    if (node.kind === 'item') {
      const places: ChecklistNode[] = distinctPlaces(node.item).map((place) => ({ kind: 'place', project: node.project, item: node.item, place }));
      const hidden = node.item.placeCount - node.item.places.length;
      return hidden > 0 ? [...places, { kind: 'more', project: node.project, item: node.item, count: hidden }] : places;
    }
    return [];
  }

  getTreeItem(node: ChecklistNode): TreeItem {
    switch (node.kind) {
      case 'project':
        return projectItem(node.project);
      case 'item':
        return checklistItem(node.project, node.item);
      case 'place':
        return placeItem(node.project, node.item, node.place);
      case 'more': {
        const t = new TreeItem(`${node.count.toLocaleString('en')} more not listed`, TreeItemCollapsibleState.None);
        t.iconPath = new ThemeIcon('ellipsis');
        t.tooltip = `The server lists the first ${node.item.places.length} places of ${node.item.placeCount.toLocaleString('en')}; the Problems panel has all of them.`;
        return t;
      }
    }
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    if (node.kind === 'project') return undefined;
    if (node.kind === 'item') return this.shownProjects > 1 ? { kind: 'project', project: node.project } : undefined;
    return { kind: 'item', project: node.project, item: node.item };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function projectItem(project: ChecklistProject): TreeItem {
  const t = new TreeItem(project.name, TreeItemCollapsibleState.Expanded);
  t.id = `project:${project.root}`;
  t.iconPath = new ThemeIcon('folder');
  t.description = `${project.settingsModule ?? 'no settings module found'} · ${summary(project)}`;
  t.tooltip = `${project.root}\n${summary(project)}`;
  t.contextValue = 'djangoDeployProject';
  return t;
}

function checklistItem(project: ChecklistProject, item: ChecklistItem): TreeItem {
  const places = distinctPlaces(item);
  const status = STATUS[item.status];
  const t = new TreeItem(item.title, places.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
  t.id = `item:${project.root}:${item.id}`;
  t.iconPath = new ThemeIcon(status.icon, new ThemeColor(status.color));
  t.description = item.detail;
  t.command = rowCommand(project, item, places);
  const tooltip = new MarkdownString(undefined, true);
  tooltip.appendMarkdown(`$(${status.icon}) `).appendText(`${item.title} (${status.word})`).appendMarkdown('\n\n').appendText(item.detail);
  if (t.command) tooltip.appendMarkdown('\n\n').appendText(`Click: ${t.command.title}.`);
  t.tooltip = tooltip;
  t.accessibilityInformation = { label: `${item.title}: ${status.word}. ${item.detail}` };
  // Menus read these words (package.json, view/item/context): the docs action needs `doc`.
  t.contextValue = ['checklistItem', item.status, item.command ? 'command' : '', docUrl(item) ? 'doc' : ''].filter(Boolean).join(' ');
  return t;
}

/** What clicking a row does: the command that fixes it, on its project; else its one place. */
function rowCommand(project: ChecklistProject, item: ChecklistItem, places: Location[]): Command | undefined {
  if (item.command) return { command: item.command.id, title: item.command.title, arguments: [project.name] };
  if (places.length === 1) return openPlace(places[0]);
  return undefined;
}

function placeItem(project: ChecklistProject, item: ChecklistItem, place: Location): TreeItem {
  const t = new TreeItem(placeName(place), TreeItemCollapsibleState.None);
  t.id = `place:${project.root}:${item.id}:${place.uri}:${place.range.start.line}`;
  t.resourceUri = Uri.parse(place.uri);
  t.iconPath = ThemeIcon.File;
  t.description = place.label;
  t.tooltip = `${placeName(place)}: ${place.label}`;
  t.command = openPlace(place);
  t.contextValue = 'checklistPlace';
  return t;
}

function openPlace(place: Location): Command {
  const { start, end } = place.range;
  return { command: 'vscode.open', title: 'Open', arguments: [Uri.parse(place.uri), { selection: new Range(start.line, start.character, end.line, end.character), preview: true }] };
}
