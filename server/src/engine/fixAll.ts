// Fix-all: the safe fixes of a set of findings, merged into one non-overlapping edit list per
// file. Used by `source.fixAll` in the editor and by `check --fix` on the command line.

import type { Finding, TextEdit } from './findings';

export function safeFixEdits(findings: Finding[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  const seenFix = new Set<string>();
  // Findings sorted by position; the first fix touching a range wins.
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.inherited) continue;
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seenFix.has(key)) continue;
    seenFix.add(key);
    // Several fixes may share an edit (the one `{% load static %}` insertion): apply it once.
    const fresh = fix.edits.filter((e) => !(byFile.get(e.file) ?? []).some((o) => sameEdit(o, e)));
    const overlaps = fresh.some((e) => (byFile.get(e.file) ?? []).some((o) => rangesTouch(o, e)));
    if (overlaps) continue;
    for (const e of fresh) {
      const list = byFile.get(e.file) ?? [];
      list.push(e);
      byFile.set(e.file, list);
    }
  }
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return byFile;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end && a.newText === b.newText;
}

function rangesTouch(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start && a.newText === b.newText;
  return a.start < b.end && b.start < a.end || (a.start === b.start && a.end === b.end);
}

/** Applies non-overlapping edits to a text (edits in any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
