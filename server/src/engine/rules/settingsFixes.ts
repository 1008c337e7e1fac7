// Edits that fix settings findings. Every fix leaves valid Python: values are replaced as whole
// expressions, new statements go on their own lines after a complete statement, and `import os`
// is added when a fix needs it and the file does not import it.

import * as posix from 'node:path/posix';
import type { SettingBinding } from '../python/execute';
import type { Fix, TextEdit } from '../findings';
import type { SettingsView } from './settingsView';

export class SettingsFixes {
  constructor(
    private rootFile: string,
    private text: (file: string) => string,
    private s: SettingsView,
  ) {}

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
    const eol = this.eol(text);
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

  /** The file's line ending. */
  eol(text: string): string {
    const nl = text.indexOf('\n');
    return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  }

  /** `import os` at the end of the file's leading imports, when the file has none. */
  importOs(file: string): TextEdit | undefined {
    const text = this.text(file);
    if (/^import\s+os(\s*$|\s*,|\s+as\s|\s*#)/m.test(text) || /^import\s+[\w., ]*\bos\b/m.test(text)) return undefined;
    const at = this.importInsertionOffset(text);
    return { file, start: at, end: at, newText: `import os${this.eol(text)}` };
  }

  /** After the module docstring and the leading import block. */
  importInsertionOffset(text: string): number {
    let offset = 0;
    const doc = /^(\s*#[^\n]*\n|\s*\n)*\s*([rRuU]?("""|'''))[\s\S]*?\3[^\n]*\n/.exec(text);
    if (doc) offset = doc[0].length;
    else {
      const comments = /^(#[^\n]*\n|\s*\n)*/.exec(text);
      offset = comments ? comments[0].length : 0;
    }
    // Move past contiguous import lines (and blank lines/comments between them).
    const re = /^(?:(?:import|from)\s[^\n]*(?:\\\n[^\n]*)*\n|(?:from\s[^\n]*\([^)]*\)[^\n]*\n)|[ \t]*#[^\n]*\n|[ \t]*\n)/y;
    let last = offset;
    let pos = offset;
    for (;;) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || m[0].length === 0) break;
      pos += m[0].length;
      if (/^(import|from)\s/.test(m[0])) last = pos;
    }
    return last;
  }

  /** `BASE_DIR / "x"` or `os.path.join(BASE_DIR, "x")`, following how BASE_DIR is built. */
  pathExpression(dirName: string): { expression: string; needsOs: boolean } | undefined {
    const base = this.s.get('BASE_DIR').value;
    if (base.kind === 'path') return { expression: `BASE_DIR / ${this.literal(dirName)}`, needsOs: false };
    if (base.kind === 'str') return { expression: `os.path.join(BASE_DIR, ${this.literal(dirName)})`, needsOs: true };
    return undefined;
  }

  /** A string literal in the quote style the settings module mostly uses. */
  literal(value: string): string {
    const text = this.text(this.rootFile);
    let single = 0;
    let double = 0;
    for (const m of text.matchAll(/^[^#\n]*?=\s*([rbuRBU]?)(['"])/gm)) {
      if (m[2] === "'") single++;
      else double++;
    }
    const quote = single > double ? "'" : '"';
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote);
    return quote + escaped + quote;
  }
}
