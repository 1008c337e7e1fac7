// Edits that fix settings findings. Every fix leaves valid Python: values are replaced as whole
// expressions, new statements go on their own lines after a complete statement, and `import os`
// is added when a fix needs it and the file does not import it.

import * as posix from 'node:path/posix';
import type { SettingBinding } from '../python/execute';
import type { Fix, TextEdit } from '../findings';
import type { SettingsView } from './settingsView';
import { eolOf } from '../text';

export class SettingsFixes {
  /** The file's text with lone \r line breaks read as \n (same length, same offsets) for scanning lines. */
  private text: (file: string) => string;

  constructor(
    private rootFile: string,
    private rawText: (file: string) => string,
    private s: SettingsView,
  ) {
    this.text = (file) => {
      const t = rawText(file);
      return t.includes('\r') ? t.replace(/\r(?!\n)/g, '\n') : t;
    };
  }

  /**
   * Replaces the assigned expression of a binding. When the value comes from another module
   * (`from .base import *`), the production module overrides it instead: base modules are
   * shared with development.
   */
  replaceValue(title: string, binding: SettingBinding | undefined, expression: string, safe: boolean, needsOs = false): Fix | undefined {
    if (!binding) return undefined;
    if (binding.origin.file !== this.rootFile || binding.importedVia) {
      return this.addStatements(`${title} in ${posix.basename(this.rootFile)}`, [`${binding.name} = ${expression}`], safe, undefined, needsOs);
    }
    if (!binding.valueRange || binding.changes.length || binding.conditional) return undefined;
    const edits: TextEdit[] = [{ file: binding.valueRange.file, start: binding.valueRange.start, end: binding.valueRange.end, newText: expression }];
    if (needsOs) {
      const imp = this.importOs(binding.valueRange.file);
      if (imp) edits.push(imp);
    }
    return { title, safe, edits };
  }

  /**
   * Adds statements to the settings module Django loads: after `afterBinding` when it is in that
   * file, otherwise at the end of the file.
   */
  addStatements(title: string, lines: string[], safe: boolean, afterBinding?: SettingBinding, needsOs = false): Fix {
    const file = this.rootFile;
    const text = this.text(file);
    let offset: number;
    let prefix = '';
    if (afterBinding && afterBinding.statement.file === file && !afterBinding.conditional && afterBinding.importedVia === undefined) {
      const end = this.lineEnd(text, afterBinding.changes.length ? afterBinding.changes[afterBinding.changes.length - 1].end : afterBinding.statement.end);
      offset = end;
      prefix = '\n';
      if (end === text.length && !text.endsWith('\n')) prefix = '\n';
    } else {
      offset = text.length;
      prefix = text.length === 0 || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    }
    const eol = this.eol();
    const block = lines.join(eol);
    prefix = prefix.replace(/\n/g, eol);
    const newText = afterBinding && offset < text.length ? `${prefix}${block}` : `${prefix}${block}${eol}`;
    const edits: TextEdit[] = [{ file, start: offset, end: offset, newText }];
    if (needsOs) {
      const imp = this.importOs(file);
      if (imp) edits.push(imp);
    }
    return { title, safe, edits };
  }

  /** The end of the line holding `offset`, before its `\r\n` or `\n`. */
  private lineEnd(text: string, offset: number): number {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** The root file's line ending (\r\n, \n or a lone \r, as the file has it). */
  eol(): string {
    return eolOf(this.rawText(this.rootFile));
  }

  /** `import os` at the end of the file's leading imports, when the file has none. */
  importOs(file: string): TextEdit | undefined {
    const text = this.text(file);
    if (importsOs(text)) return undefined;
    const at = this.importInsertionOffset(text);
    return { file, start: at, end: at, newText: `import os${this.eol()}` };
  }

  /** After the module docstring and the leading import block (one pass over the lines, no regular expressions). */
  importInsertionOffset(text: string): number {
    let pos = 0;
    let last = -1;
    let afterDoc = 0;
    let sawCode = false;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      end = end < 0 ? text.length : end + 1;
      const line = text.slice(pos, end);
      const t = line.trim();
      if (t === '' || t.startsWith('#')) {
        pos = end;
        continue;
      }
      const quote = /^[rRuU]?("""|\'\'\')/.exec(t);
      if (quote && !sawCode && last < 0) {
        // The module docstring: to the end of the line that closes it.
        const open = pos + line.indexOf(quote[1]) + 3;
        const close = text.indexOf(quote[1], open);
        if (close < 0) return text.length;
        const lineEnd = text.indexOf('\n', close);
        pos = afterDoc = lineEnd < 0 ? text.length : lineEnd + 1;
        sawCode = true;
        continue;
      }
      if (t.startsWith('import ') || t.startsWith('from ')) {
        // A parenthesised or backslash-continued import runs on to its closing line.
        let stop = end;
        if (line.includes('(') && !line.includes(')')) {
          const close = text.indexOf(')', end);
          const after = close < 0 ? -1 : text.indexOf('\n', close);
          stop = close < 0 ? text.length : after < 0 ? text.length : after + 1;
        } else {
          while (text.slice(pos, stop).trimEnd().endsWith('\\') && stop < text.length) {
            const next = text.indexOf('\n', stop);
            stop = next < 0 ? text.length : next + 1;
          }
        }
        pos = stop;
        last = stop;
        sawCode = true;
        continue;
      }
      break;
    }
    if (last >= 0) return last;
    return afterDoc || this.leadingComments(text);
  }

  /** The end of the comment and blank lines at the top of a file. */
  private leadingComments(text: string): number {
    let pos = 0;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      end = end < 0 ? text.length : end + 1;
      const t = text.slice(pos, end).trim();
      if (t !== '' && !t.startsWith('#')) break;
      pos = end;
    }
    return pos;
  }

  /** `BASE_DIR / "x"` or `os.path.join(BASE_DIR, "x")`, following how BASE_DIR is built. */
  pathExpression(dirName: string): { expression: string; needsOs: boolean } | undefined {
    const base = this.s.get('BASE_DIR').value;
    if (base.kind === 'path') return { expression: `BASE_DIR / ${this.literal(dirName)}`, needsOs: false };
    if (base.kind === 'str') return { expression: `os.path.join(BASE_DIR, ${this.literal(dirName)})`, needsOs: true };
    return undefined;
  }

  /** The text of the settings module fixes go to. */
  rootText(): string {
    return this.text(this.rootFile);
  }

  /** A string literal in the quote style the settings module mostly uses. */
  literal(value: string): string {
    const quote = this.quote();
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote);
    return quote + escaped + quote;
  }

  /** `os.environ.get("NAME", "default")` in the file's quote style. */
  envGet(name: string, fallback: string): string {
    return `os.environ.get(${this.literal(name)}, ${this.literal(fallback)})`;
  }

  /** `os.environ["NAME"]` in the file's quote style. */
  envRequired(name: string): string {
    return `os.environ[${this.literal(name)}]`;
  }

  /**
   * The quote the settings module mostly uses for strings: `'` or `"` (double on a tie). Quote
   * characters are counted outside comments, triple quotes (docstrings) left out.
   */
  private quote(): '"' | "'" {
    const text = this.rawText(this.rootFile);
    if (QUOTE_STYLE.text !== text) QUOTE_STYLE = { text, quote: quoteStyle(this.text(this.rootFile)) };
    return QUOTE_STYLE.quote;
  }
}

/** The last text whose quote style was counted: every fix of an analysis asks for the same file's. */
let QUOTE_STYLE: { text: string; quote: '"' | "'" } = { text: '', quote: '"' };

/** Quote characters counted outside comments, triple quotes (docstrings) left out; double on a tie. */
function quoteStyle(text: string): '"' | "'" {
  let single = 0;
  let double = 0;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    const hash = line.indexOf('#');
    // A '#' inside a string would cut the line early: only the count moves a little.
    if (hash >= 0) line = line.slice(0, hash);
    line = line.split('"""').join('').split("'''").join('');
    for (let i = 0; i < line.length; i++) {
      if (line[i] === "'") single++;
      else if (line[i] === '"') double++;
    }
    pos = end + 1;
  }
  return single > double ? "'" : '"';
}

/** Whether a module imports `os` at its top level (`import os`, `import os.path`, `import sys, os`, `import os as x` does not count). */
export function importsOs(text: string): boolean {
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (text.startsWith('import', pos) && (text[pos + 6] === ' ' || text[pos + 6] === '\t')) {
      const names = text.slice(pos + 7, end).split('#')[0].split(',');
      for (const n of names) {
        const parts = n.trim().split(/[ \t]+/);
        if (parts[0] === 'os' || parts[0].startsWith('os.')) {
          if (parts.length === 1 || (parts[1] === 'as' && parts[2] === 'os')) return true;
          if (parts[0].startsWith('os.') && parts.length === 1) return true;
        }
      }
    }
    pos = end + 1;
  }
  return false;
}
