// Engine values → LSP values: paths ↔ URIs, UTF-16 offsets → positions, findings → diagnostics,
// fix edits → workspace edits. Offsets become line/character here and nowhere else.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Severity, TextEdit } from '../engine/findings';
import { LineIndex } from '../engine/text';
import { toPosix } from '../host/read';

export const SOURCE = 'Django Deploy';

/** Documents that are not files (`untitled:`) get a path under this folder, never read from disk. */
const VIRTUAL_ROOT = '/__django_deploy_virtual__';

export function isVirtualPath(path: string): boolean {
  return path.startsWith(VIRTUAL_ROOT + '/');
}

/** An absolute POSIX path for a document URI. */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return toPosix(fileURLToPath(uri));
    } catch {
      // a file URI Node refuses (a UNC host on POSIX…): fall through to a virtual path
    }
  }
  const name = encodeURIComponent(uri).replace(/%/g, '_');
  return `${VIRTUAL_ROOT}/${name}${name.endsWith('.py') ? '' : '.py'}`;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so that code actions can find the engine's fixes again. */
export interface DiagnosticData {
  code: string;
  start: number;
  end: number;
}

/** Line indexes of the texts last converted, one per file, rebuilt when the text changes. */
export class LineIndexCache {
  private indexes = new Map<string, LineIndex>();

  get(path: string, text: string): LineIndex {
    const cached = this.indexes.get(path);
    if (cached && cached.text === text) return cached;
    const index = new LineIndex(text);
    this.indexes.set(path, index);
    return index;
  }

  delete(path: string): void {
    this.indexes.delete(path);
  }
}

export function toRange(index: LineIndex, start: number, end: number): Range {
  return { start: index.position(start), end: index.position(end) };
}

export interface Texts {
  /** The current text of a file: the open document's, else the project's. */
  text(path: string): string | undefined;
  uri(path: string): string;
  lineIndex(path: string, text: string): LineIndex;
}

export function toDiagnostic(finding: Finding, texts: Texts): Diagnostic {
  const text = texts.text(finding.file) ?? '';
  const range = toRange(texts.lineIndex(finding.file, text), finding.start, finding.end);
  const diagnostic: Diagnostic = {
    range,
    // A copy at the import line of a problem set in base.py: a hint there (hover, quick fixes),
    // so that the Problems panel lists each problem once, where it is, as every count does.
    severity: finding.inherited ? DiagnosticSeverity.Hint : SEVERITY[finding.severity],
    code: finding.code,
    source: SOURCE,
    message: finding.message,
    data: { code: finding.code, start: finding.start, end: finding.end } satisfies DiagnosticData,
  };
  if (finding.docsUrl) diagnostic.codeDescription = { href: finding.docsUrl };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => {
      const relatedText = texts.text(r.file) ?? '';
      return { location: { uri: texts.uri(r.file), range: toRange(texts.lineIndex(r.file, relatedText), r.start, r.end) }, message: r.message };
    });
  }
  const tags: DiagnosticTag[] = [];
  if (finding.unnecessary) tags.push(DiagnosticTag.Unnecessary);
  if (finding.deprecated) tags.push(DiagnosticTag.Deprecated);
  if (tags.length) diagnostic.tags = tags;
  return diagnostic;
}

/** Engine edits (possibly in several files) → a WorkspaceEdit keyed by file URI. */
export function toWorkspaceEdit(edits: Iterable<TextEdit>, texts: Texts): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const text = texts.text(e.file);
    if (text === undefined) return undefined; // the target vanished: offering the fix would corrupt it
    const uri = texts.uri(e.file);
    (changes[uri] ??= []).push({ range: toRange(texts.lineIndex(e.file, text), e.start, e.end), newText: e.newText });
  }
  return Object.keys(changes).length ? { changes } : undefined;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
