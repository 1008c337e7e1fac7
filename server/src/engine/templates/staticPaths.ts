// Static-path intelligence inside templates: which `{% static '…' %}` path is under the cursor,
// completion folder by folder from the finders, links to the file that serves a path, and a
// hover that says which file serves it, from which folder, and the URL it renders to.

import { codeSpan, escapeMarkdown } from '../markdown';
import { scanTemplate, type TemplateScan } from './scan';
import type { TemplateContext } from './templateRules';

export interface StaticPathReference {
  path: string;
  /** The string's content (inside the quotes). */
  start: number;
  end: number;
}

/** Every literal `{% static '…' %}` path of a template. */
export function staticPathReferences(scan: TemplateScan): StaticPathReference[] {
  const out: StaticPathReference[] = [];
  for (const t of scan.tokens) {
    if (t.kind !== 'block' || t.tagName !== 'static') continue;
    const m = /^static\s+(["'])([^"'\n]*)\1/.exec(t.content);
    if (!m) continue;
    const start = t.contentStart + m[0].indexOf(m[1]) + 1;
    out.push({ path: m[2], start, end: start + m[2].length });
  }
  return out;
}

/**
 * The static path being typed at `offset`: inside the quotes of `{% static '…` (the tag may be
 * unfinished while typing, so the line is read directly).
 */
export function staticPathBeingTyped(text: string, offset: number): StaticPathReference | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /\{%\s*static\s+(["'])([^"'%\n]*)$/.exec(before);
  if (!m) return undefined;
  const start = offset - m[2].length;
  let end = offset;
  while (end < text.length && !/["'\s%\n]/.test(text[end])) end++;
  return { path: text.slice(start, end), start, end };
}

export interface StaticCompletion {
  /** What the item inserts: a folder name with a trailing slash, or a file name. */
  label: string;
  kind: 'folder' | 'file';
  /** For files: the source folder it comes from. */
  detail?: string;
  /** The range the item replaces: the last path segment being typed. */
  start: number;
  end: number;
}

/** Completion of the segment being typed, from the finders' index (first finder wins). */
export function staticCompletions(text: string, offset: number, ctx: TemplateContext): StaticCompletion[] {
  const typed = staticPathBeingTyped(text, offset);
  if (!typed) return [];
  const soFar = text.slice(typed.start, offset);
  const folder = soFar.includes('/') ? soFar.slice(0, soFar.lastIndexOf('/') + 1) : '';
  const segmentStart = typed.start + folder.length;
  const seen = new Map<string, StaticCompletion>();
  for (const [path, file] of ctx.index) {
    if (!path.startsWith(folder)) continue;
    const rest = path.slice(folder.length);
    const slash = rest.indexOf('/');
    const label = slash >= 0 ? rest.slice(0, slash + 1) : rest;
    if (!label || seen.has(label)) continue;
    seen.set(label, slash >= 0 ? { label, kind: 'folder', start: segmentStart, end: typed.end } : { label, kind: 'file', detail: file.source.origin, start: segmentStart, end: typed.end });
  }
  return [...seen.values()].sort((a, b) => (a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'folder' ? -1 : 1));
}

export interface StaticLink {
  start: number;
  end: number;
  /** Absolute path of the file that serves the static path. */
  target: string;
}

/** Ctrl+click on a `{% static %}` path opens the source file the finders would serve. */
export function staticLinks(text: string, ctx: TemplateContext): StaticLink[] {
  const out: StaticLink[] = [];
  for (const ref of staticPathReferences(scanTemplate(text))) {
    const found = ctx.index.get(ref.path);
    if (found) out.push({ start: ref.start, end: ref.end, target: found.file });
  }
  return out;
}

/** Hover on a `{% static %}` path: the file, its folder, and the URL it renders to. */
export function staticHover(text: string, offset: number, ctx: TemplateContext, relative: (file: string) => string): { contents: string; start: number; end: number } | undefined {
  const ref = staticPathReferences(scanTemplate(text)).find((r) => r.start <= offset && offset <= r.end);
  if (!ref) return undefined;
  const found = ctx.index.get(ref.path);
  const url = ctx.staticUrl ? `${ctx.staticUrl}${ref.path}` : undefined;
  const lines = [`**${escapeMarkdown(`{% static '${ref.path}' %}`)}**`, ''];
  if (found) {
    lines.push(`Served from ${codeSpan(relative(found.file))}`, `Folder: ${escapeMarkdown(found.source.origin)} (${codeSpan(relative(found.source.root))})`);
  } else {
    lines.push('No static folder of the project has this file (with ManifestStaticFilesStorage and DEBUG = False, rendering fails).');
  }
  if (url) lines.push(`Renders to ${codeSpan(url)} (plus a content hash with ManifestStaticFilesStorage)`);
  return { contents: lines.join('\n'), start: ref.start, end: ref.end };
}
