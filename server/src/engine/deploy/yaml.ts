// A small YAML reader: block maps and sequences by indentation, plain / quoted / block scalars,
// one-line flow sequences, anchors, aliases and `<<` merges. Enough for compose and platform
// files; bounded by LAUNCHER_LIMITS, never throws.

import { LAUNCHER_LIMITS } from './launchers';
import { firstSpace, logicalLines } from './lines';

export type YamlNode =
  | { kind: 'map'; entries: YamlEntry[] }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'scalar'; value: string; start: number; end: number; line: number };

export interface YamlEntry {
  key: string;
  value: YamlNode;
  keyStart: number;
  line: number;
}

interface YamlLine {
  indent: number;
  /** The content after the indentation (comments not stripped yet). */
  content: string;
  /** Offset of `content` in the text. */
  start: number;
  line: number;
  blank: boolean;
}

const EMPTY = (start: number, line: number): YamlNode => ({ kind: 'scalar', value: '', start, end: start, line });

/** Reads a YAML document into nodes; never throws, stops at LAUNCHER_LIMITS. */
export function readYaml(source: string): YamlNode {
  const lines: YamlLine[] = [];
  let started = false;
  for (const { text, start, line } of logicalLines(source, '')) {
    let indent = 0;
    while (indent < text.length && text[indent] === ' ') indent++;
    const t = text.trim();
    // The first document only (compose and platform files have one).
    if (t === '---' || t === '...' || t.startsWith('%')) {
      if (started) break;
      continue;
    }
    const blank = t === '' || t.startsWith('#');
    started ||= !blank;
    lines.push({ indent, content: text.slice(indent), start: start + indent, line, blank });
  }
  const reader = new YamlReader(lines);
  return reader.node(-1, 0);
}

class YamlReader {
  i = 0;
  anchors = new Map<string, YamlNode>();
  constructor(private readonly lines: YamlLine[]) {}

  private skipBlank(): YamlLine | undefined {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
    return this.lines[this.i];
  }

  /** The block node starting at the next line indented more than `parent`. */
  node(parent: number, depth: number): YamlNode {
    const l = this.skipBlank();
    if (!l || l.indent <= parent) return EMPTY(l?.start ?? 0, l?.line ?? 0);
    if (depth > LAUNCHER_LIMITS.depth) return this.skipBlock(parent);
    if (isSeqItem(l.content)) return this.seq(l.indent, depth);
    if (splitKey(l.content)) return this.map(l.indent, depth);
    // A plain multi-line scalar.
    const parts: string[] = [];
    const start = l.start;
    let end = l.start;
    while (this.i < this.lines.length && (this.lines[this.i].blank || this.lines[this.i].indent > parent)) {
      const x = this.lines[this.i++];
      if (x.blank) continue;
      parts.push(stripComment(x.content).trim());
      end = x.start + x.content.length;
    }
    return { kind: 'scalar', value: parts.join(' '), start, end, line: l.line };
  }

  private skipBlock(parent: number): YamlNode {
    const l = this.lines[this.i];
    while (this.i < this.lines.length && (this.lines[this.i].blank || this.lines[this.i].indent > parent)) this.i++;
    return EMPTY(l.start, l.line);
  }

  private map(indent: number, depth: number): YamlNode {
    const entries: YamlEntry[] = [];
    const merges: YamlNode[] = [];
    for (let l = this.skipBlank(); l && l.indent === indent; l = this.skipBlank()) {
      const kv = splitKey(l.content);
      if (!kv || isSeqItem(l.content)) break;
      this.i++;
      const value = this.value(l, kv.valueOffset, indent, depth);
      if (kv.key === '<<') merges.push(...(value.kind === 'seq' ? value.items : [value]));
      else entries.push({ key: kv.key, value, keyStart: l.start, line: l.line });
    }
    // `<<: *base`: the anchored map's keys, where this map does not set them.
    const own = new Set(entries.map((e) => e.key));
    for (const m of merges) {
      if (m.kind !== 'map') continue;
      for (const e of m.entries) {
        if (own.has(e.key)) continue;
        own.add(e.key);
        entries.push(e);
      }
    }
    return { kind: 'map', entries };
  }

  private seq(indent: number, depth: number): YamlNode {
    const items: YamlNode[] = [];
    for (let l = this.skipBlank(); l && l.indent === indent && isSeqItem(l.content); l = this.skipBlank()) {
      let offset = 1;
      while (offset < l.content.length && (l.content[offset] === ' ' || l.content[offset] === '\t')) offset++;
      const rest = l.content.slice(offset);
      if (!rest.trim() || rest.trim().startsWith('#')) {
        this.i++;
        items.push(this.node(indent, depth + 1));
      } else if (splitKey(rest) || isSeqItem(rest)) {
        // `- key: value` opens a map whose keys line up with `key`.
        this.lines[this.i] = { ...l, indent: l.indent + offset, content: rest, start: l.start + offset };
        items.push(isSeqItem(rest) ? this.seq(l.indent + offset, depth + 1) : this.map(l.indent + offset, depth + 1));
      } else {
        this.i++;
        items.push(this.value(l, offset, indent, depth));
      }
    }
    return { kind: 'seq', items };
  }

  /** The value after a key or a dash on line `l`, from `offset` in its content. */
  private value(l: YamlLine, offset: number, indent: number, depth: number): YamlNode {
    let text = l.content.slice(offset);
    let at = l.start + offset;
    const skipSpaces = () => {
      let k = 0;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      text = text.slice(k);
      at += k;
    };
    skipSpaces();
    let anchor: string | undefined;
    for (let guard = 0; guard < 4 && (text.startsWith('&') || text.startsWith('!')); guard++) {
      const space = firstSpace(text);
      const word = space < 0 ? text : text.slice(0, space);
      if (word[0] === '&') anchor = word.slice(1);
      text = space < 0 ? '' : text.slice(space);
      at += word.length;
      skipSpaces();
    }
    let node: YamlNode;
    if (text === '' || text.startsWith('#')) {
      const next = this.skipBlank();
      if (next && next.indent === indent && isSeqItem(next.content)) node = this.seq(indent, depth + 1);
      else node = this.node(indent, depth + 1);
    } else if (text[0] === '*') {
      const name = stripComment(text.slice(1)).trim();
      node = this.anchors.get(name) ?? EMPTY(at, l.line);
    } else if (text[0] === '|' || text[0] === '>') {
      node = this.blockScalar(text[0] === '>', indent, at, l.line);
    } else if (text[0] === '[') {
      node = this.flowSeq(text, at, l.line);
    } else if (text[0] === '"' || text[0] === "'") {
      const q = quoted(text);
      node = { kind: 'scalar', value: q.value, start: at, end: at + q.length, line: l.line };
    } else {
      let value = stripComment(text).trimEnd();
      let end = at + value.length;
      // A plain scalar may go on over more indented lines.
      while (this.i < this.lines.length && !this.lines[this.i].blank && this.lines[this.i].indent > indent && !splitKey(this.lines[this.i].content) && !isSeqItem(this.lines[this.i].content)) {
        const x = this.lines[this.i++];
        value += ' ' + stripComment(x.content).trim();
        end = x.start + x.content.length;
      }
      node = { kind: 'scalar', value, start: at, end, line: l.line };
    }
    if (anchor) this.anchors.set(anchor, node);
    return node;
  }

  private blockScalar(folded: boolean, indent: number, at: number, line: number): YamlNode {
    const parts: string[] = [];
    let inner = -1;
    let end = at;
    while (this.i < this.lines.length) {
      const x = this.lines[this.i];
      const empty = x.content.trim() === '';
      if (!empty && x.indent <= indent) break;
      this.i++;
      if (empty) {
        parts.push('');
        continue;
      }
      if (inner < 0) inner = x.indent;
      parts.push(' '.repeat(Math.max(0, x.indent - inner)) + x.content);
      end = x.start + x.content.length;
    }
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    // Folded: lines become spaces (enough for commands); literal: newlines stay.
    return { kind: 'scalar', value: parts.join(folded ? ' ' : '\n'), start: at, end, line };
  }

  /** `[a, "b c", 'd']`, over several lines when the bracket stays open. */
  private flowSeq(first: string, at: number, line: number): YamlNode {
    let text = first;
    for (let guard = 0; guard < 200 && !flowClosed(text) && this.i < this.lines.length; guard++) {
      const x = this.lines[this.i++];
      text += ' ' + x.content;
    }
    const items: YamlNode[] = [];
    let i = 1;
    let depth = 0;
    let item = '';
    let itemStart = at + 1;
    const push = () => {
      const t = item.trim();
      const lead = item.length - item.trimStart().length;
      if (t) items.push({ kind: 'scalar', value: t[0] === '"' || t[0] === "'" ? quoted(t).value : t, start: itemStart + lead, end: itemStart + lead + t.length, line });
      item = '';
    };
    while (i < text.length) {
      const c = text[i];
      if ((c === '"' || c === "'") && item.trim() === '') {
        const q = quoted(text.slice(i));
        item += text.slice(i, i + q.length);
        i += q.length;
        continue;
      }
      if (c === '[' || c === '{') depth++;
      if ((c === ']' || c === '}') && depth-- === 0) break;
      if (c === ',' && depth === 0) {
        push();
        itemStart = at + i + 1;
      } else item += c;
      i++;
    }
    push();
    return { kind: 'seq', items };
  }
}

export function flowClosed(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

function isSeqItem(content: string): boolean {
  return content === '-' || content.startsWith('- ') || content.startsWith('-\t');
}

/** `key: value` (plain or quoted key): the key and where its value starts. */
function splitKey(content: string): { key: string; valueOffset: number } | undefined {
  if (!content || '-[{&*!|>#%@`'.includes(content[0]) && !(content[0] === '-' && content[1] !== ' ' && content[1] !== '\t' && content.length > 1)) {
    if (content[0] !== '<') return undefined;
  }
  if (content[0] === '"' || content[0] === "'") {
    const q = quoted(content);
    let k = q.length;
    while (content[k] === ' ') k++;
    if (content[k] !== ':' || (content[k + 1] !== undefined && content[k + 1] !== ' ' && content[k + 1] !== '\t')) return undefined;
    return { key: q.value, valueOffset: k + 1 };
  }
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '#' && i > 0 && (content[i - 1] === ' ' || content[i - 1] === '\t')) return undefined;
    if (c === ':' && (i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) {
      const key = content.slice(0, i).trim();
      return key ? { key, valueOffset: i + 1 } : undefined;
    }
  }
  return undefined;
}

/** A quoted scalar at the start of `s`: its value and how many characters it takes. */
export function quoted(s: string): { value: string; length: number } {
  const q = s[0];
  let value = '';
  let i = 1;
  while (i < s.length) {
    const c = s[i];
    if (q === "'" && c === "'") {
      if (s[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, length: i + 1 };
    }
    if (q === '"' && c === '\\' && i + 1 < s.length) {
      const e = s[i + 1];
      value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      i += 2;
      continue;
    }
    if (q === '"' && c === '"') return { value, length: i + 1 };
    value += c;
    i++;
  }
  return { value, length: s.length };
}

/** A plain scalar's text without its comment (` #` starts one). */
function stripComment(s: string): string {
  for (let i = 0; i < s.length; i++) if (s[i] === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  return s;
}

export function yamlGet(node: YamlNode | undefined, key: string): YamlNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value;
  return undefined;
}

export function yamlString(node: YamlNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== '' && node.value !== 'null' && node.value !== '~' ? node.value : undefined;
}

