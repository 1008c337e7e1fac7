// Engine fixes → code actions: one quick fix per distinct fix at the cursor, and one fix-all
// action made of every safe fix of the document.

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { ignoreOnLineEdit } from '../engine/text';
import type { Finding, Fix } from '../engine/findings';
import { safeFixEdits } from '../engine/fixAll';
import { sameRange, SOURCE, toRange, toWorkspaceEdit, type Texts } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.djangoDeploy';
export const FIX_ALL_TITLE = 'Fix all safe Django Deploy problems';

/** Whether an action of `kind` is wanted by a request's `only` (kinds are hierarchical). */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function quickFixes(
  path: string,
  fixes: { finding: Finding; fix: Fix }[],
  context: CodeActionContext,
  texts: Texts,
): CodeAction[] {
  const text = texts.text(path) ?? '';
  const index = texts.lineIndex(path, text);
  // The same fix is often offered by several findings (the security block): one action, all diagnostics.
  const byEdits = new Map<string, { fix: Fix; diagnostics: Diagnostic[] }>();
  for (const { finding, fix } of fixes) {
    const key = `${fix.title}\0${JSON.stringify(fix.edits)}`;
    const range: Range = toRange(index, finding.start, finding.end);
    const matching = context.diagnostics.filter((d) => d.code === finding.code && sameRange(d.range, range));
    const entry = byEdits.get(key);
    if (entry) {
      for (const d of matching) if (!entry.diagnostics.includes(d)) entry.diagnostics.push(d);
    } else {
      byEdits.set(key, { fix, diagnostics: matching });
    }
  }
  const actions: CodeAction[] = [];
  for (const { fix, diagnostics } of byEdits.values()) {
    const edit = toWorkspaceEdit(fix.edits, texts);
    if (!edit) continue;
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit };
    if (diagnostics.length) action.diagnostics = diagnostics;
    if (fix.safe) action.isPreferred = true;
    actions.push(action);
  }
  // Safe fixes first: they are the ones to pick without reading.
  return actions.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
}

/**
 * "Ignore CODE on this line" for each of our diagnostics at the cursor: the inline comment the
 * engine honours (`# django-deploy: ignore[CODE]`, `{# django-deploy: ignore[CODE] #}`). Never
 * for DJD000 (an analysis failure is not a finding), nor where a comment would change the code.
 */
export function ignoreActions(uri: string, text: string, python: boolean, diagnostics: Diagnostic[], document: { offsetAt(p: Position): number; positionAt(offset: number): Position }): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string' || d.code === 'DJD000') continue;
    const edit = ignoreOnLineEdit(text, document.offsetAt(d.range.start), d.code, python);
    if (!edit) continue;
    const key = `${d.code}\0${edit.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range: Range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
    actions.push({ title: `Ignore ${d.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [{ range, newText: edit.newText }] } } });
  }
  return actions;
}

export function fixAll(findings: Finding[], texts: Texts): CodeAction | undefined {
  const edits = [...safeFixEdits(findings).values()].flat();
  if (!edits.length) return undefined;
  const edit = toWorkspaceEdit(edits, texts);
  return edit ? { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit } : undefined;
}
