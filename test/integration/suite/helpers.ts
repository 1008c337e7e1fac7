// Small helpers shared by the integration suites (they run inside the extension host).
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'django-deploy.django-deploy';

export interface DjangoDeployApi {
  readonly ready: Promise<void>;
  compareView(): { data: { name: string; asyncViews: unknown[] }[]; html: string } | undefined;
  statusBar(): { text: string; tooltip: string };
  readonly client: { sendRequest<R>(method: string, params: unknown): Promise<R> } | undefined;
}

/** Polls `predicate` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export async function waitFor<T>(predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000, what: string | (() => string) = 'condition', intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}${lastError ? `: ${lastError instanceof Error ? lastError.message : String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A diagnostic's code as a string, whether VS Code gives a string, a number or {value, target}. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Django Deploy');
}

export function codes(uri: vscode.Uri): string[] {
  return ours(uri).map(codeOf).sort();
}

/** Waits until the diagnostics of `uri` satisfy `predicate`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (codes: string[], diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const ds = ours(uri);
    return predicate(ds.map(codeOf), ds) ? ds : undefined;
  }, timeoutMs, () => `${what} (diagnostics of ${vscode.workspace.asRelativePath(uri)} at the end: ${codes(uri).join(', ') || 'none'})`);
}

export function find(uri: vscode.Uri, code: string): vscode.Diagnostic {
  const d = ours(uri).find((x) => codeOf(x) === code);
  assert.ok(d, `${code} expected among ${codes(uri).join(', ')}`);
  return d;
}

/** The workspace folder the launcher created for a fixture (named after it). */
export function fixtureFolder(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `a workspace folder named ${name} (folders: ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ') || 'none'}); the launchers open test/editor/launchers' workspace`);
  return folder.uri;
}

/** Activates the extension and waits for its language client to be ready. */
export async function activateExtension(): Promise<DjangoDeployApi> {
  const ext = vscode.extensions.getExtension<DjangoDeployApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed (loaded from the development path)`);
  const api = await ext.activate();
  assert.ok(api && typeof api.ready?.then === 'function', 'activate() returns the API with a ready promise');
  await api.ready;
  assert.equal(ext.isActive, true);
  return api;
}

export async function openDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The range of the `occurrence`-th `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} (#${occurrence}) in ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.positionAt(doc.getText().length));
}

/** Replaces the whole text of a document (through a workspace edit, like an extension would). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, fullRange(doc), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'workspace edit applied');
  assert.equal(doc.getText(), text);
}

/** Puts a document back to `text` and saves it, so no dirty editor outlives a test. */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.isClosed) return;
  if (doc.getText() !== text) await setText(doc, text);
  if (doc.isDirty) await doc.save();
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind, 10);
  return (result ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof (a as vscode.Command).command === 'string'));
}

/** A line for the report: the console, and DJANGO_DEPLOY_TEST_LOG when the launcher set it. */
export function note(line: string): void {
  console.log(line);
  const file = process.env.DJANGO_DEPLOY_TEST_LOG;
  if (file) {
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      /* best effort */
    }
  }
}
