// Offsets are UTF-16 code units of the document text (what LSP and VS Code use). Lines and
// columns are computed here, once, at the edges.

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

// Line breaks are \n, \r\n and a lone \r, as Python reads source files and LSP counts lines.

/**
 * Calls `each` with the offset after every line break, in order, until it returns false. Each
 * break character is searched for once over the whole text: the next "\n" and the next "\r" are
 * remembered, so a text without "\r" is not searched to its end for one at every line.
 */
function eachLineStart(text: string, each: (start: number) => boolean | void): void {
  let n = text.indexOf('\n');
  let r = text.indexOf('\r');
  for (let from = 0; ; ) {
    if (n >= 0 && n < from) n = text.indexOf('\n', from);
    if (r >= 0 && r < from) r = text.indexOf('\r', from);
    let next: number;
    if (r >= 0 && (n < 0 || r < n)) next = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
    else if (n >= 0) next = n + 1;
    else return;
    if (each(next) === false) return;
    from = next;
  }
}

export function lineColumn(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  eachLineStart(text, (next) => {
    // Past the offset (also when it splits a \r\n: it is still on the line before).
    if (next > clamped) return false;
    line++;
    lineStart = next;
  });
  return { line, character: clamped - lineStart };
}

/** The file's line break: its first one (\r\n, \n or a lone \r); \n when it has none. */
export function eolOf(text: string): string {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return text.charCodeAt(r + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

/** Start offsets of every line, for repeated conversions on one text. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(readonly text: string) {
    const starts = this.starts;
    eachLineStart(text, (next) => {
      starts.push(next);
    });
  }
  position(offset: number): LineColumn {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    // The line's own text, before its break.
    if (end > this.starts[line] && line + 1 < this.starts.length) end -= this.text.charCodeAt(end - 1) === 10 && this.text.charCodeAt(end - 2) === 13 && end - 2 >= this.starts[line] ? 2 : 1;
    return Math.min(this.starts[line] + Math.max(0, character), end);
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * Whether the line holding `offset` says `django-deploy: ignore` (every code) or
 * `django-deploy: ignore[CODE, …]` (those codes). In Python the marker must sit in a `#` comment;
 * in templates any comment form counts (`{# … #}`, `<!-- … -->`).
 */
export function ignoredOnLine(text: string, offset: number, code: string, python: boolean): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  // Python: the last marker after the first '#' (found without `#.*`, which is quadratic on a
  // line of markers); templates: the first marker.
  const hash = python ? line.indexOf('#') : 0;
  if (hash < 0) return false;
  let m: RegExpExecArray | undefined;
  for (const found of line.slice(hash).matchAll(/django-deploy:\s*ignore(?:\[([^\]]*)\])?/g)) {
    m = found as RegExpExecArray;
    if (!python) break;
  }
  if (!m) return false;
  return m[1] === undefined || m[1].split(',').map((s) => s.trim()).includes(code);
}

/**
 * The edit that makes `ignoredOnLine` true for `code` on the line holding `offset`: the code added
 * to the line's marker, else a marker comment at the end of the line (`  # django-deploy:
 * ignore[CODE]` in Python, `{# django-deploy: ignore[CODE] #}` right after a template line's text,
 * which Django removes when it renders: the page is the same byte for byte). Undefined where a comment would change the code: a Python line that
 * opens or closes a triple-quoted string, continues with a backslash, or already has a `#` inside
 * a string; a template line inside {% verbatim %} or {% comment %}.
 */
export function ignoreOnLineEdit(text: string, offset: number, code: string, python: boolean): { start: number; end: number; newText: string } | undefined {
  if (ignoredOnLine(text, offset, code, python)) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  // A marker with codes already: add this one to its list (a scan: no pattern rescans the line).
  const from = python ? line.indexOf('#') : 0;
  const close = from < 0 ? -1 : markerListEnd(line, from, python);
  if (close >= 0) {
    const listed = line.slice(line.lastIndexOf('[', close) + 1, close).trim();
    return { start: lineStart + close, end: lineStart + close, newText: `${listed ? ', ' : ''}${code}` };
  }
  if (python) {
    if (line.includes('"""') || line.includes("'''") || line.trimEnd().endsWith('\\') || !hashOutsideStrings(line)) return undefined;
    const trimmed = line.trimEnd();
    return { start: lineStart + trimmed.length, end: lineStart + trimmed.length, newText: `  # django-deploy: ignore[${code}]` };
  }
  if (insideRawBlock(text, lineStart)) return undefined;
  const trimmed = line.trimEnd();
  // Right after the line's text: a space before it would stay in the rendered page.
  return { start: lineStart + trimmed.length, end: lineStart + trimmed.length, newText: `{# django-deploy: ignore[${code}] #}` };
}

/** Whether a `#` on a Python line (if any) starts a comment, i.e. is outside string literals; true when there is none. */
function hashOutsideStrings(line: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return true;
  }
  // No comment: an unterminated string means the line is not a whole statement we understand.
  return quote === undefined;
}

/** Whether `offset` of a template is inside {% verbatim %} or {% comment %}: a `{# #}` there is text, not a comment. */
function insideRawBlock(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 200_000), offset);
  for (const [open, close] of [['verbatim', 'endverbatim'], ['comment', 'endcomment']]) {
    const opened = lastTag(before, open);
    if (opened >= 0 && lastTag(before, close) < opened) return true;
  }
  return false;
}

/** The offset of the last `{% name` tag (`{%`, spaces, the name, then a space or `%}`), or -1. */
function lastTag(text: string, name: string): number {
  for (let at = text.lastIndexOf(name); at >= 0; at = at > 0 ? text.lastIndexOf(name, at - 1) : -1) {
    let i = at - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    const after = text[at + name.length];
    if (i >= 1 && text[i] === '%' && text[i - 1] === '{' && (after === ' ' || after === '\t' || after === '%')) return i - 1;
  }
  return -1;
}

/**
 * The offset of the `]` closing the `django-deploy: ignore[…]` marker `ignoredOnLine` reads on a
 * line at or after `from` (Python: the last one; templates: the first), or -1.
 */
function markerListEnd(line: string, from: number, python: boolean): number {
  let found = -1;
  for (let at = line.indexOf('django-deploy:', from); at >= 0; at = line.indexOf('django-deploy:', at + 1)) {
    let i = at + 'django-deploy:'.length;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (!line.startsWith('ignore', i)) continue;
    // A bare `ignore` (every code) after it wins in Python; it is never ours to extend.
    found = line.startsWith('ignore[', i) ? line.indexOf(']', i) : -1;
    if (!python) break;
  }
  return found;
}

/**
 * `s` without the run of `leading` characters at its start and of `trailing` at its end (one
 * character each; '' for none). A loop: `/\.+$/`-style patterns are quadratic on a long run.
 */
export function trimRuns(s: string, leading: string, trailing: string): string {
  let start = 0;
  let end = s.length;
  if (leading) while (start < end && s[start] === leading) start++;
  if (trailing) while (end > start && s[end - 1] === trailing) end--;
  return s.slice(start, end);
}
