// String literals (escapes, f-strings), numbers, and Python's `str()` and `%` formatting.
//
// Part of the expression evaluator (evaluate.ts).

import type { SyntaxNode } from '@lezer/common';
import { type Value, UNKNOWN, str, unknown, raising, isExactSequence } from './values';
import { LIMITS, boundedString } from './budget';
import { oneOf, map2 } from './alternatives';
import { type EvalContext, evaluate, significantChildren, text, unknownFrom } from './evaluate';
import { dictGet } from './collections';

export function parseStringLiteral(raw: string): Value {
  const m = /^([rRbBuU]{0,2})('''|"""|'|")/.exec(raw);
  if (!m) return UNKNOWN;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  if (prefix.includes('b')) return unknown('bytes');
  let body = raw.slice(m[0].length);
  if (body.endsWith(quote) && body.length >= quote.length) body = body.slice(0, body.length - quote.length);
  else return unknown('unterminated string');
  return str(prefix.includes('r') ? body : unescape(body));
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(\r\n|\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)/g, (all, e: string) => {
    switch (e[0]) {
      case '\n':
      case '\r':
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\\':
        return '\\';
      case "'":
        return "'";
      case '"':
        return '"';
      case 'x':
      case 'u':
      case 'U': {
        if (e.length === 1) return all;
        const code = Number.parseInt(e.slice(1), 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      default:
        if (e[0] >= '0' && e[0] <= '7') return String.fromCharCode(Number.parseInt(e, 8));
        return all; // Python keeps unknown escapes as written
    }
  });
}

export function formatString(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const raw = text(node, ctx);
  const m = /^([rRfF]{1,2})('''|"""|'|")/.exec(raw);
  if (!m) return UNKNOWN;
  const quote = m[2];
  const isRaw = m[1].toLowerCase().includes('r');
  const bodyStart = node.from + m[0].length;
  const bodyEnd = raw.endsWith(quote) && raw.length >= m[0].length + quote.length ? node.to - quote.length : -1;
  if (bodyEnd < 0) return unknown('unterminated string');
  const parts: string[] = [];
  const values: Value[][] = [];
  let pos = bodyStart;
  for (const c of significantChildren(node)) {
    if (c.name !== 'FormatReplacement') continue;
    parts.push(literalPart(ctx.text.slice(pos, c.from), isRaw));
    const inner = significantChildren(c).filter((x) => x.name !== 'FormatSpec' && x.name !== 'FormatConversion');
    if (inner.length !== 1 || c.getChild('FormatSpec') || c.getChild('FormatConversion')) return UNKNOWN;
    const v = evaluate(inner[0], ctx, depth + 1);
    const options = v.kind === 'oneOf' ? v.options : [v];
    const strings: Value[] = [];
    for (const o of options) {
      const s = toStr(o);
      if (s === undefined) return unknownFrom(v);
      strings.push(str(s));
    }
    values.push(strings);
    pos = c.to;
  }
  parts.push(literalPart(ctx.text.slice(pos, bodyEnd), isRaw));
  // Every combination of the replacements' options (bounded by oneOf).
  let acc: Value = str(parts[0]);
  for (let i = 0; i < values.length; i++) {
    const next = oneOf(values[i]);
    const tail = parts[i + 1];
    acc = map2(acc, next, (a, b) => (a.kind === 'str' && b.kind === 'str' ? boundedString(ctx.budget, a.value + b.value + tail) : UNKNOWN));
  }
  return acc;
}

function literalPart(s: string, isRaw: boolean): string {
  const t = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return isRaw ? t : unescape(t);
}

export function parseNumber(raw: string): Value {
  const t = raw.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 16) };
  if (/^0[oO][0-7]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 8) };
  if (/^0[bB][01]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 2) };
  if (/^\d+$/.test(t)) return { kind: 'int', value: Number(t) };
  if (/[jJ]$/.test(t)) return UNKNOWN;
  const f = Number(t);
  return Number.isNaN(f) ? UNKNOWN : { kind: 'float', value: f };
}

/** `str(v)` as Python prints it, where known. */
export function toStr(v: Value): string | undefined {
  switch (v.kind) {
    case 'str':
      return v.value;
    case 'int':
      return String(v.value);
    case 'float':
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16 ? `${v.value}.0` : String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'path':
      return v.path;
    default:
      return undefined;
  }
}

/** `"%s-%d" % (a, b)`, `"%(name)s" % {...}`. */
export function percentFormat(format: string, args: Value, ctx: EvalContext): Value {
  const positional = args.kind === 'tuple' && isExactSequence(args) ? args.items : args.kind === 'dict' ? undefined : [args];
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    let j = i + 1;
    let key: string | undefined;
    if (format[j] === '(') {
      const close = format.indexOf(')', j);
      if (close < 0) return unknown('bad format');
      key = format.slice(j + 1, close);
      j = close + 1;
    }
    while (j < format.length && '-+ #0123456789.'.includes(format[j])) j++;
    const conv = format[j];
    if (conv === '%') {
      out += '%';
      i = j;
      continue;
    }
    let v: Value | undefined;
    if (key !== undefined) v = args.kind === 'dict' ? dictGet(args, key) : undefined;
    else v = positional?.[next++];
    if (!v) return unknownFrom(args);
    let s: string | undefined;
    if (conv === 's') s = toStr(v);
    else if (conv === 'd' || conv === 'i') s = v.kind === 'int' ? String(v.value) : v.kind === 'float' ? String(Math.trunc(v.value)) : v.kind === 'bool' ? String(Number(v.value)) : undefined;
    else if (conv === 'r') s = v.kind === 'str' || v.kind === 'int' ? (v.kind === 'str' ? `'${v.value}'` : String(v.value)) : undefined;
    if (s === undefined) return unknownFrom(v);
    out += s;
    if (out.length > LIMITS.stringLength) return unknown('string too long');
    i = j;
  }
  if (positional && next < positional.length) return raising('TypeError: not all arguments converted during string formatting');
  return boundedString(ctx.budget, out);
}
