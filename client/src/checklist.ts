// The deployment checklist in the command palette: the server checks the workspace, a Quick
// Pick shows one row per item; choosing a row opens its place(s) or runs the command that fixes
// it; a button copies the checklist as Markdown for a pull request.
import { commands, env, Position, ProgressLocation, Range, Selection, ThemeIcon, Uri, window, workspace } from 'vscode';
import type { QuickPickItem, TextDocumentShowOptions, TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const CHECKLIST_REQUEST = 'djangoDeploy/checklist';

export interface Location {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  label: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'warn' | 'unknown';
  detail: string;
  places: Location[];
  /** All places, when more than `places` holds. */
  placeCount: number;
  command?: { id: string; title: string };
}

export interface ChecklistProject {
  root: string;
  name: string;
  settingsModule: string | undefined;
  items: ChecklistItem[];
  markdown: string;
}

const MARK: Record<ChecklistItem['status'], string> = { pass: '✓', fail: '✗', warn: '⚠', unknown: '?' };
const WORD: Record<ChecklistItem['status'], string> = { pass: 'passes', fail: 'fails', warn: 'warning', unknown: 'not decided' };

/** Asks the server for the checklist of every workspace folder, with progress in the window. */
export async function requestChecklist(client: LanguageClient): Promise<ChecklistProject[]> {
  const result = await window.withProgress({ location: ProgressLocation.Window, title: 'Django Deploy: checking the project' }, () => client.sendRequest<{ projects: ChecklistProject[] }>(CHECKLIST_REQUEST, {}));
  return result.projects;
}

/** The project named `wanted` (workspace folder name or root path), or the user's choice. */
async function chooseProject(projects: ChecklistProject[], wanted?: string): Promise<ChecklistProject | undefined> {
  if (wanted) return projects.find((p) => p.name === wanted || p.root === wanted);
  if (projects.length <= 1) return projects[0];
  const picked = await window.showQuickPick(
    projects.map((p) => ({ label: p.name, description: p.settingsModule, detail: summary(p), project: p })),
    { title: 'Django Deploy: which project?' },
  );
  return picked?.project;
}

export function summary(p: ChecklistProject): string {
  const failing = p.items.filter((i) => i.status === 'fail').length;
  const passing = p.items.filter((i) => i.status === 'pass').length;
  return `${passing} of ${p.items.length} pass${failing ? `, ${failing} failing` : ''}`;
}

interface ItemPick extends QuickPickItem {
  item: ChecklistItem;
}

/** `djangoDeploy.showChecklist`: returns the project shown (tests read it). */
export async function showChecklist(client: LanguageClient, wanted?: string): Promise<ChecklistProject | undefined> {
  const project = await chooseProject(await requestChecklist(client), wanted);
  if (!project) {
    void window.showInformationMessage('Django Deploy: no Django project in this workspace.');
    return undefined;
  }
  const pick = window.createQuickPick<ItemPick>();
  pick.title = `Deployment checklist: ${project.settingsModule ?? project.name} (${summary(project)})`;
  pick.placeholder = 'Choose an item to open where it is decided, or to run the command that fixes it';
  pick.matchOnDetail = true;
  pick.items = project.items.map((item) => ({
    label: `${MARK[item.status]} ${item.title}`,
    description: item.status === 'pass' ? undefined : WORD[item.status],
    detail: item.detail,
    item,
  }));
  pick.buttons = [{ iconPath: new ThemeIcon('copy'), tooltip: 'Copy as Markdown' }];
  pick.onDidTriggerButton(async () => {
    await env.clipboard.writeText(project.markdown);
    void window.showInformationMessage('Django Deploy: checklist copied as Markdown.');
  });
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) await openItem(chosen.item);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return project;
}

/** `djangoDeploy.copyChecklist`: the checklist as Markdown on the clipboard; returns it. */
export async function copyChecklist(client: LanguageClient, wanted?: string): Promise<string | undefined> {
  const project = await chooseProject(await requestChecklist(client), wanted);
  if (!project) return undefined;
  await env.clipboard.writeText(project.markdown);
  void window.showInformationMessage(`Django Deploy: checklist copied as Markdown (${summary(project)}).`);
  return project.markdown;
}

/** Opens an item's one place, lets the user choose among several, or runs its command. */
export async function openItem(item: ChecklistItem): Promise<void> {
  // Several findings on one line (a value and its trap) are one place to open.
  const seen = new Set<string>();
  const places = item.places.filter((p) => p.uri && !seen.has(`${p.uri}:${p.range.start.line}`) && seen.add(`${p.uri}:${p.range.start.line}`));
  if (places.length === 1) {
    await reveal(places[0]);
    return;
  }
  if (places.length > 1) {
    const more = item.placeCount > item.places.length ? ` (the first ${item.places.length} of ${item.placeCount.toLocaleString('en')})` : '';
    const picked = await window.showQuickPick(
      places.map((p) => ({ label: placeName(p), detail: p.label, place: p })),
      { title: `${item.title}${more}`, matchOnDetail: true },
    );
    if (picked) await reveal(picked.place);
    return;
  }
  if (item.command) {
    await commands.executeCommand(item.command.id);
    return;
  }
  void window.showInformationMessage(`${MARK[item.status]} ${item.title}: ${item.detail}`);
}

/** A place for people: `mysite/settings.py:12`. */
export function placeName(place: Location): string {
  return `${workspace.asRelativePath(Uri.parse(place.uri))}:${place.range.start.line + 1}`;
}

/** Opens a place's file with the place selected and in view. */
export async function reveal(place: Location, options: TextDocumentShowOptions = { preview: true }): Promise<TextEditor> {
  const document = await workspace.openTextDocument(Uri.parse(place.uri));
  const range = new Range(new Position(place.range.start.line, place.range.start.character), new Position(place.range.end.line, place.range.end.character));
  const editor = await window.showTextDocument(document, options);
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range);
  return editor;
}
