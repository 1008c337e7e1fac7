// Offsets are UTF-16 code units of the document text (what LSP and VS Code use). Lines and
// columns are computed here, once, at the edges.

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export function lineColumn(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: clamped - lineStart };
}

/** Start offsets of every line, for repeated conversions on one text. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
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
  const m = (python ? /#.*django-deploy:\s*ignore(?:\[([^\]]*)\])?/ : /django-deploy:\s*ignore(?:\[([^\]]*)\])?/).exec(text.slice(lineStart, lineEnd));
  if (!m) return false;
  return m[1] === undefined || m[1].split(',').map((s) => s.trim()).includes(code);
}
