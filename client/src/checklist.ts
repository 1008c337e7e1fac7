// The deployment checklist in the command palette: the server checks the workspace, a Quick
// Pick shows one row per item with its status codicon; choosing a row runs the command that
// fixes it, or opens its place(s); a button copies the checklist as Markdown for a pull request.
// What a row does is shared with the Deployment Checklist view (checklistTree.ts).
import { commands, env, Position, ProgressLocation, Range, Selection, ThemeIcon, Uri, window, workspace } from 'vscode';
import type { QuickInputButton, QuickPickItem, TextDocumentShowOptions, TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { chooseProject, HAS_PROJECT_CONTEXT, type ProjectRef } from './projects';

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
  /** Django's documentation for the item (https). */
  doc?: string;
}

export interface ChecklistProject {
  root: string;
  name: string;
  settingsModule: string | undefined;
  items: ChecklistItem[];
  markdown: string;
}

/** How each status looks: a codicon, the theme colour that tints it, and a word for people. */
export const STATUS: Record<ChecklistItem['status'], { icon: string; color: string; word: string }> = {
  pass: { icon: 'pass', color: 'testing.iconPassed', word: 'passes' },
  fail: { icon: 'error', color: 'testing.iconFailed', word: 'fails' },
  warn: { icon: 'warning', color: 'problemsWarningIcon.foreground', word: 'warning' },
  unknown: { icon: 'question', color: 'problemsInfoIcon.foreground', word: 'not decided' },
};

/** Asks the server for the checklist of every Django project in the workspace, with progress in the window. */
export async function requestChecklist(client: LanguageClient): Promise<ChecklistProject[]> {
  const result = await window.withProgress({ location: ProgressLocation.Window, title: 'Django Deploy: checking the project' }, () => client.sendRequest<{ projects: ChecklistProject[] }>(CHECKLIST_REQUEST, {}));
  void commands.executeCommand('setContext', HAS_PROJECT_CONTEXT, result.projects.length > 0);
  return result.projects;
}

export function summary(p: ChecklistProject): string {
  const failing = p.items.filter((i) => i.status === 'fail').length;
  const passing = p.items.filter((i) => i.status === 'pass').length;
  return `${passing} of ${p.items.length} pass${failing ? `, ${failing} failing` : ''}`;
}

interface ItemButton extends QuickInputButton {
  action: 'places' | 'doc';
}

interface ItemPick extends QuickPickItem {
  item: ChecklistItem;
  buttons: ItemButton[];
}

/** The row's documentation link, when it is a web page (nothing else is opened). */
export function docUrl(item: ChecklistItem): Uri | undefined {
  return typeof item.doc === 'string' && /^https:\/\/[^\s]+$/.test(item.doc) ? Uri.parse(item.doc) : undefined;
}

/** The row's distinct places: several findings on one line (a value and its trap) are one place. */
export function distinctPlaces(item: ChecklistItem): Location[] {
  const seen = new Set<string>();
  return item.places.filter((p) => p.uri && !seen.has(`${p.uri}:${p.range.start.line}`) && seen.add(`${p.uri}:${p.range.start.line}`));
}

/** `djangoDeploy.showChecklist`: returns the project shown (tests read it). */
export async function showChecklist(client: LanguageClient, wanted?: string): Promise<ChecklistProject | undefined> {
  const project = await chooseProject(await requestChecklist(client), wanted, 'Show Deployment Checklist', summary);
  if (!project) return undefined;
  const pick = window.createQuickPick<ItemPick>();
  pick.title = `Deployment checklist: ${project.settingsModule ?? project.name} (${summary(project)})`;
  pick.placeholder = 'Choose an item to run the command that fixes it, or to open where it is decided';
  pick.matchOnDetail = true;
  pick.matchOnDescription = true;
  pick.items = project.items.map((item) => ({
    label: `$(${STATUS[item.status].icon}) ${item.title}`,
    description: [STATUS[item.status].word, item.command ? `runs: ${item.command.title}` : ''].filter(Boolean).join(' · '),
    detail: item.detail,
    buttons: [
      ...(item.command && distinctPlaces(item).length ? [{ iconPath: new ThemeIcon('go-to-file'), tooltip: 'Open where it is decided', action: 'places' as const }] : []),
      ...(docUrl(item) ? [{ iconPath: new ThemeIcon('book'), tooltip: 'Open Django’s documentation', action: 'doc' as const }] : []),
    ],
    item,
  }));
  pick.buttons = [{ iconPath: new ThemeIcon('copy'), tooltip: 'Copy as Markdown' }];
  pick.onDidTriggerButton(async () => {
    await env.clipboard.writeText(project.markdown);
    void window.showInformationMessage('Django Deploy: checklist copied as Markdown.');
  });
  pick.onDidTriggerItemButton(async ({ item, button }) => {
    pick.hide();
    if ((button as ItemButton).action === 'doc') await openDoc(item.item);
    else await openPlaces(item.item);
  });
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) await runItem(project, chosen.item);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return project;
}

/** `djangoDeploy.copyChecklist`: the checklist as Markdown on the clipboard; returns it. */
export async function copyChecklist(client: LanguageClient, wanted?: string): Promise<string | undefined> {
  const project = await chooseProject(await requestChecklist(client), wanted, 'Copy Deployment Checklist as Markdown', summary);
  if (!project) return undefined;
  await env.clipboard.writeText(project.markdown);
  void window.showInformationMessage(`Django Deploy: checklist copied as Markdown (${summary(project)}).`);
  return project.markdown;
}

/**
 * What choosing a row does: run the command that fixes it (on the row's project), else open
 * its place, or let the user choose among its places.
 */
export async function runItem(project: ProjectRef, item: ChecklistItem): Promise<void> {
  if (item.command) {
    await commands.executeCommand(item.command.id, project.name);
    return;
  }
  await openPlaces(item);
}

/** Opens an item's one place, or lets the user choose among several. */
export async function openPlaces(item: ChecklistItem): Promise<void> {
  const places = distinctPlaces(item);
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
  void window.showInformationMessage(`${item.title} (${STATUS[item.status].word}): ${item.detail}`);
}

/** Opens the row's Django documentation in the browser. */
export async function openDoc(item: ChecklistItem): Promise<boolean> {
  const url = docUrl(item);
  return url ? env.openExternal(url) : false;
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
