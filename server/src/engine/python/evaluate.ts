// Evaluates the decidable part of Python expressions found in settings files.
//
// Literals, containers, string concatenation, pathlib and os.path arithmetic and environment
// reads (os.environ, os.getenv, django-environ, python-decouple) are understood; everything else
// is `unknown`. Nothing here throws on user text.
//
// Two modes: `symbolic` keeps environment reads as `env` values; `unset` replaces each read by
// the value it has when the variable is not set (its default), which is what `manage.py check`
// sees on a machine without the variable.

import type { SyntaxNode } from '@lezer/common';
import * as posix from 'node:path/posix';
import {
  type Value,
  type EnvValue,
  type EnvCast,
  type EnvSchemaEntry,
  UNKNOWN,
  NONE,
  TRUE,
  FALSE,
  str,
  unknown,
  truthy,
  pyEquals,
  isSequence,
  envDefault,
  pathLike,
} from './values';

export interface Binding {
  value: Value;
  /** The value when every environment variable is unset, where it differs from `value`. */
  unsetValue?: Value;
}

export interface EvalContext {
  text: string;
  /** Absolute posix path of the module, the value of `__file__`. */
  file: string;
  mode: 'symbolic' | 'unset';
  lookup(name: string): Binding | undefined;
  /** Set when an environment read was met, so callers know to evaluate the `unset` mode too. */
  touchedEnv: boolean;
  /** Environment variables read while evaluating. */
  envVariables: Set<string>;
}

const MAX_DEPTH = 60;
const MAX_ITEMS = 5000;

export function evaluate(node: SyntaxNode | null | undefined, ctx: EvalContext, depth = 0): Value {
  if (!node || depth > MAX_DEPTH) return UNKNOWN;
  try {
    return evaluateNode(node, ctx, depth);
  } catch {
    // Defensive: malformed trees must never take the analysis down.
    return UNKNOWN;
  }
}

function text(node: SyntaxNode, ctx: EvalContext): string {
  return ctx.text.slice(node.from, node.to);
}

/** Children that carry meaning (no punctuation, no error markers). */
export function significantChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.type.isError) continue;
    const n = c.name;
    if (n === '(' || n === ')' || n === '[' || n === ']' || n === '{' || n === '}' || n === ',' || n === ':' || n === '.') continue;
    if (n === 'Comment') continue;
    out.push(c);
  }
  return out;
}

function hasError(node: SyntaxNode): boolean {
  let found = false;
  node.toTree().iterate({
    enter(n) {
      if (found) return false;
      if (n.type.isError) found = true;
      return undefined;
    },
  });
  return found;
}

function evaluateNode(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  switch (node.name) {
    case 'String':
      return parseStringLiteral(text(node, ctx));
    case 'ContinuedString': {
      let acc = '';
      for (const c of significantChildren(node)) {
        const v = evaluate(c, ctx, depth + 1);
        if (v.kind !== 'str') return UNKNOWN;
        acc += v.value;
      }
      return str(acc);
    }
    case 'FormatString':
      return formatString(node, ctx, depth);
    case 'Number':
      return parseNumber(text(node, ctx));
    case 'Boolean':
      return text(node, ctx) === 'True' ? TRUE : FALSE;
    case 'None':
      return NONE;
    case 'ParenthesizedExpression': {
      const inner = significantChildren(node);
      return inner.length === 1 ? evaluate(inner[0], ctx, depth + 1) : UNKNOWN;
    }
    case 'ArrayExpression':
    case 'TupleExpression':
    case 'SetExpression':
      return sequence(node, node.name === 'ArrayExpression' ? 'list' : node.name === 'TupleExpression' ? 'tuple' : 'set', ctx, depth);
    case 'DictionaryExpression':
      return dictionary(node, ctx, depth);
    case 'VariableName':
      return variable(text(node, ctx), ctx);
    case 'MemberExpression':
      return member(node, ctx, depth);
    case 'CallExpression':
      return call(node, ctx, depth);
    case 'BinaryExpression':
      return binary(node, ctx, depth);
    case 'UnaryExpression':
      return unary(node, ctx, depth);
    case 'ConditionalExpression': {
      const parts = significantChildren(node).filter((c) => c.name !== 'if' && c.name !== 'else');
      if (parts.length !== 3) return UNKNOWN;
      const cond = truthy(resolveForTest(evaluate(parts[1], ctx, depth + 1), ctx));
      if (cond === true) return evaluate(parts[0], ctx, depth + 1);
      if (cond === false) return evaluate(parts[2], ctx, depth + 1);
      const a = evaluate(parts[0], ctx, depth + 1);
      const b = evaluate(parts[2], ctx, depth + 1);
      return pyEquals(a, b) === true ? a : unknownFrom(a, b);
    }
    default:
      return UNKNOWN;
  }
}

/** In `unset` mode an env value is replaced by its default before tests and operators. */
function resolveForTest(v: Value, ctx: EvalContext): Value {
  if (v.kind === 'env') return ctx.mode === 'unset' ? envDefault(v) : unknown(undefined, [v.variable]);
  return v;
}

function unknownFrom(...values: Value[]): Value {
  const names = new Set<string>();
  for (const v of values) {
    if (v.kind === 'env') names.add(v.variable);
    if (v.kind === 'unknown' && v.envNames) v.envNames.forEach((n) => names.add(n));
  }
  return unknown(undefined, [...names]);
}

// ---------------------------------------------------------------------------------------------
// Literals

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
      case 'U':
        return e.length > 1 ? String.fromCodePoint(Number.parseInt(e.slice(1), 16)) : all;
      default:
        if (/^[0-7]+$/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
        return all; // Python keeps unknown escapes as written
    }
  });
}

function formatString(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const raw = text(node, ctx);
  const m = /^([rRfF]{1,2})('''|"""|'|")/.exec(raw);
  if (!m) return UNKNOWN;
  const quote = m[2];
  const isRaw = m[1].toLowerCase().includes('r');
  const bodyStart = node.from + m[0].length;
  const bodyEnd = raw.endsWith(quote) && raw.length >= m[0].length + quote.length ? node.to - quote.length : -1;
  if (bodyEnd < 0) return unknown('unterminated string');
  let out = '';
  let pos = bodyStart;
  for (const c of significantChildren(node)) {
    if (c.name !== 'FormatReplacement') continue;
    out += literalPart(ctx.text.slice(pos, c.from), isRaw);
    const inner = significantChildren(c).filter((x) => x.name !== 'FormatSpec' && x.name !== 'FormatConversion');
    if (inner.length !== 1 || c.getChild('FormatSpec') || c.getChild('FormatConversion')) return UNKNOWN;
    const v = evaluate(inner[0], ctx, depth + 1);
    const s = v.kind === 'str' ? v.value : v.kind === 'int' ? String(v.value) : v.kind === 'path' ? v.path : undefined;
    if (s === undefined) return unknownFrom(v);
    out += s;
    pos = c.to;
  }
  out += literalPart(ctx.text.slice(pos, bodyEnd), isRaw);
  return str(out);
}

function literalPart(s: string, isRaw: boolean): string {
  const t = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return isRaw ? t : unescape(t);
}

function parseNumber(raw: string): Value {
  const t = raw.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 16) };
  if (/^0[oO][0-7]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 8) };
  if (/^0[bB][01]+$/.test(t)) return { kind: 'int', value: Number.parseInt(t.slice(2), 2) };
  if (/^\d+$/.test(t)) return { kind: 'int', value: Number(t) };
  if (/[jJ]$/.test(t)) return UNKNOWN;
  const f = Number(t);
  return Number.isNaN(f) ? UNKNOWN : { kind: 'float', value: f };
}

// ---------------------------------------------------------------------------------------------
// Containers

function sequence(node: SyntaxNode, kind: 'list' | 'tuple' | 'set', ctx: EvalContext, depth: number): Value {
  if (hasComprehension(node)) return UNKNOWN;
  const items: Value[] = [];
  const children = significantChildren(node);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '*' && i + 1 < children.length) {
      const spread = evaluate(children[++i], ctx, depth + 1);
      if (!isSequence(spread)) return unknownFrom(spread);
      items.push(...spread.items);
      continue;
    }
    items.push(evaluate(c, ctx, depth + 1));
    if (items.length > MAX_ITEMS) return unknown('too large');
  }
  if (hasError(node) && kind !== 'tuple') {
    // Half-typed container: keep what was read, but it may be incomplete.
    return unknown('incomplete');
  }
  return { kind, items };
}

function hasComprehension(node: SyntaxNode): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === 'for') return true;
  return node.name.includes('Comprehension');
}

function dictionary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  if (hasComprehension(node)) return UNKNOWN;
  const children = significantChildren(node);
  const entries: { key: Value; value: Value }[] = [];
  let open = false;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '**') {
      const spread = evaluate(children[++i], ctx, depth + 1);
      if (spread.kind === 'dict') {
        for (const e of spread.entries) setEntry(entries, e.key, e.value);
        open ||= spread.open;
      } else open = true;
      continue;
    }
    const key = evaluate(c, ctx, depth + 1);
    const value = i + 1 < children.length ? evaluate(children[++i], ctx, depth + 1) : UNKNOWN;
    setEntry(entries, key, value);
    if (entries.length > MAX_ITEMS) return unknown('too large');
  }
  if (hasError(node)) open = true;
  return { kind: 'dict', entries, open };
}

function setEntry(entries: { key: Value; value: Value }[], key: Value, value: Value) {
  const existing = entries.findIndex((e) => pyEquals(e.key, key) === true);
  if (existing >= 0) entries[existing] = { key, value };
  else entries.push({ key, value });
}

export function dictGet(d: Value, key: string): Value | undefined {
  if (d.kind !== 'dict') return undefined;
  for (const e of d.entries) if (e.key.kind === 'str' && e.key.value === key) return e.value;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Names, attributes, subscripts

function variable(name: string, ctx: EvalContext): Value {
  if (name === '__file__') return str(ctx.file);
  const b = ctx.lookup(name);
  if (b) {
    if (ctx.mode === 'unset' && b.unsetValue) return b.unsetValue;
    if (b.value.kind === 'env') ctx.touchedEnv = true;
    return b.value;
  }
  switch (name) {
    case 'str':
    case 'int':
    case 'bool':
    case 'float':
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
    case 'len':
      return { kind: 'callable', name };
  }
  return UNKNOWN;
}

function member(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  if (children.length < 2) return UNKNOWN;
  const objectNode = children[0];
  const isSubscript = !!node.getChild('[');
  if (isSubscript) {
    const obj = evaluate(objectNode, ctx, depth + 1);
    const keyNode = children[1];
    if (obj.kind === 'module' && obj.name === 'os.environ') {
      const key = evaluate(keyNode, ctx, depth + 1);
      if (key.kind !== 'str') return UNKNOWN;
      return envRead(ctx, { variable: key.value, accessor: 'os.environ', cast: 'str', default: undefined });
    }
    const key = evaluate(keyNode, ctx, depth + 1);
    if (obj.kind === 'dict' && key.kind === 'str') return dictGet(obj, key.value) ?? (obj.open ? UNKNOWN : UNKNOWN);
    if (isSequence(obj) && key.kind === 'int') {
      const i = key.value < 0 ? obj.items.length + key.value : key.value;
      return obj.items[i] ?? UNKNOWN;
    }
    return unknownFrom(obj);
  }
  const prop = children[children.length - 1];
  if (prop.name !== 'PropertyName') return UNKNOWN;
  const attr = text(prop, ctx);
  const obj = evaluate(objectNode, ctx, depth + 1);
  return attribute(obj, attr);
}

function attribute(obj: Value, attr: string): Value {
  if (obj.kind === 'module') {
    const full = `${obj.name}.${attr}`;
    if (full === 'os.environ' || full === 'os.path') return { kind: 'module', name: full };
    return { kind: 'callable', name: full };
  }
  if (obj.kind === 'path') {
    switch (attr) {
      case 'parent':
        return { kind: 'path', path: posix.dirname(obj.path) };
      case 'name':
        return str(posix.basename(obj.path));
      case 'stem':
        return str(posix.basename(obj.path, posix.extname(obj.path)));
      case 'suffix':
        return str(posix.extname(obj.path));
      case 'parents':
        return UNKNOWN;
      default:
        return { kind: 'callable', name: `Path.${attr}` };
    }
  }
  if (obj.kind === 'callable' && obj.name === 'environ.Env') return { kind: 'callable', name: `environ.Env.${attr}` };
  return unknownFrom(obj);
}

// ---------------------------------------------------------------------------------------------
// Calls

interface Args {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  spread: boolean;
}

function readArgs(node: SyntaxNode, ctx: EvalContext): Args {
  const args: Args = { positional: [], keywords: new Map(), spread: false };
  const list = node.getChild('ArgList');
  if (!list) return args;
  const children = significantChildren(list);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '*' || c.name === '**') {
      args.spread = true;
      i++;
      continue;
    }
    if (c.name === 'VariableName' && children[i + 1]?.name === 'AssignOp') {
      const value = children[i + 2];
      if (value) args.keywords.set(text(c, ctx), value);
      i += 2;
      continue;
    }
    args.positional.push(c);
  }
  return args;
}

function call(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const calleeNode = node.firstChild;
  if (!calleeNode) return UNKNOWN;
  const args = readArgs(node, ctx);
  const arg = (i: number, keyword?: string): Value | undefined => {
    const n = args.positional[i] ?? (keyword ? args.keywords.get(keyword) : undefined);
    return n ? evaluate(n, ctx, depth + 1) : undefined;
  };

  // Method calls on values: `BASE_DIR.resolve()`, `"a,b".split(",")`, `env.bool(...)`.
  if (calleeNode.name === 'MemberExpression' && calleeNode.lastChild?.name === 'PropertyName' && calleeNode.firstChild) {
    const obj = evaluate(calleeNode.firstChild, ctx, depth + 1);
    const method = text(calleeNode.lastChild, ctx);
    if (obj.kind === 'str') return strMethod(obj.value, method, args, ctx, depth);
    if (obj.kind === 'path') return pathMethod(obj.path, method, args, ctx, depth);
    if (obj.kind === 'envReader') return djangoEnvironRead(`env.${method}`, obj.schema, args, ctx, depth);
    if (obj.kind === 'env') return unknown(undefined, [obj.variable]);
    if (obj.kind !== 'module' && obj.kind !== 'callable') return unknownFrom(obj);
  }

  const callee = evaluate(calleeNode, ctx, depth + 1);
  if (callee.kind === 'envReader') return djangoEnvironRead('env', callee.schema, args, ctx, depth);
  if (callee.kind !== 'callable') return unknownFrom(callee);
  switch (callee.name) {
    case 'pathlib.Path':
    case 'pathlib.PurePath':
    case 'pathlib.PosixPath': {
      const parts = args.positional.map((n) => pathLike(evaluate(n, ctx, depth + 1)));
      if (parts.some((p) => p === undefined)) return UNKNOWN;
      return { kind: 'path', path: parts.length ? joinPaths(parts as string[]) : '.' };
    }
    case 'os.path.join': {
      const parts = args.positional.map((n) => pathLike(evaluate(n, ctx, depth + 1)));
      if (parts.some((p) => p === undefined) || parts.length === 0) return UNKNOWN;
      return str(joinPaths(parts as string[]));
    }
    case 'os.path.dirname': {
      const p = pathLike(arg(0) ?? UNKNOWN);
      return p === undefined ? UNKNOWN : str(posix.dirname(p));
    }
    case 'os.path.basename': {
      const p = pathLike(arg(0) ?? UNKNOWN);
      return p === undefined ? UNKNOWN : str(posix.basename(p));
    }
    case 'os.path.abspath':
    case 'os.path.realpath':
    case 'os.path.normpath': {
      const p = pathLike(arg(0) ?? UNKNOWN);
      return p === undefined || !p.startsWith('/') ? UNKNOWN : str(posix.normalize(p));
    }
    case 'os.environ.get':
    case 'os.getenv': {
      const key = arg(0, 'key');
      if (key?.kind !== 'str') return UNKNOWN;
      const d = arg(1, 'default');
      return envRead(ctx, { variable: key.value, accessor: callee.name, cast: 'str', default: d ?? NONE });
    }
    case 'environ.Env':
      return { kind: 'envReader', library: 'django-environ', schema: environSchema(args, ctx, depth) };
    case 'decouple.config':
      return decoupleConfig(args, ctx, depth);
    case 'str':
      return builtinStr(arg(0));
    case 'bool': {
      const v = arg(0);
      if (!v) return FALSE;
      const t = truthy(resolveForTest(v, ctx));
      return t === undefined ? unknownFrom(v) : { kind: 'bool', value: t };
    }
    case 'int': {
      const v = arg(0);
      if (v?.kind === 'int') return v;
      if (v?.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(v.value)) return { kind: 'int', value: Number.parseInt(v.value, 10) };
      if (v?.kind === 'bool') return { kind: 'int', value: v.value ? 1 : 0 };
      return unknownFrom(v ?? UNKNOWN);
    }
    case 'list':
    case 'tuple': {
      const v = arg(0);
      if (!v) return { kind: callee.name, items: [] };
      if (isSequence(v)) return { kind: callee.name, items: [...v.items] };
      return unknownFrom(v);
    }
  }
  if (callee.name.startsWith('environ.Env.')) return djangoEnvironRead(callee.name, undefined, args, ctx, depth);
  return UNKNOWN;
}

function strMethod(s: string, method: string, args: Args, ctx: EvalContext, depth: number): Value {
  const a0 = args.positional[0] ? evaluate(args.positional[0], ctx, depth + 1) : undefined;
  switch (method) {
    case 'split':
      if (a0 && a0.kind === 'str' && a0.value) return { kind: 'list', items: s.split(a0.value).map(str) };
      if (!a0 || a0.kind === 'none') return { kind: 'list', items: s.split(/\s+/).filter(Boolean).map(str) };
      return UNKNOWN;
    case 'lower':
      return str(s.toLowerCase());
    case 'upper':
      return str(s.toUpperCase());
    case 'strip':
      return args.positional.length === 0 ? str(s.trim()) : UNKNOWN;
    case 'format':
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function pathMethod(p: string, method: string, args: Args, ctx: EvalContext, depth: number): Value {
  switch (method) {
    case 'resolve':
    case 'absolute':
    case 'expanduser':
      return { kind: 'path', path: posix.normalize(p) };
    case 'joinpath': {
      const parts = args.positional.map((n) => pathLike(evaluate(n, ctx, depth + 1)));
      if (parts.some((x) => x === undefined)) return UNKNOWN;
      return { kind: 'path', path: joinPaths([p, ...(parts as string[])]) };
    }
    case 'as_posix':
    case '__str__':
      return str(p);
    default:
      return UNKNOWN;
  }
}

function builtinStr(v: Value | undefined): Value {
  if (!v) return str('');
  switch (v.kind) {
    case 'str':
      return v;
    case 'path':
      return str(v.path);
    case 'int':
    case 'float':
      return str(String(v.value));
    case 'bool':
      return str(v.value ? 'True' : 'False');
    case 'none':
      return str('None');
    default:
      return unknownFrom(v);
  }
}

export function joinPaths(parts: string[]): string {
  let acc = '';
  for (const p of parts) {
    if (p.startsWith('/')) acc = p;
    else acc = acc ? (acc.endsWith('/') ? acc + p : acc + '/' + p) : p;
  }
  return acc.length > 1 && acc.endsWith('/') ? acc.slice(0, -1) : acc;
}

function envRead(ctx: EvalContext, read: Omit<EnvValue, 'kind'>): Value {
  ctx.touchedEnv = true;
  ctx.envVariables.add(read.variable);
  const v: EnvValue = { kind: 'env', ...read };
  return ctx.mode === 'unset' ? envDefault(v) : v;
}

/** `env('X')`, `env.bool('X', default=False)`, `env.list(...)` — django-environ. */
function djangoEnvironRead(name: string, schema: Map<string, EnvSchemaEntry> | undefined, args: Args, ctx: EvalContext, depth: number): Value {
  const method = name.replace(/^environ\.Env\./, '').replace(/^env\.?/, '');
  const castByMethod: Record<string, EnvCast> = {
    '': 'str',
    str: 'str',
    bool: 'bool',
    int: 'int',
    float: 'float',
    list: 'list',
    tuple: 'tuple',
    dict: 'dict',
    json: 'json',
    url: 'url',
    path: 'path',
    db: 'other',
    db_url: 'other',
    cache: 'other',
    cache_url: 'other',
    email: 'other',
    email_url: 'other',
    search_url: 'other',
    parse_value: 'other',
  };
  if (method === 'read_env' || method === 'smart_cast' || !(method in castByMethod)) return UNKNOWN;
  const key = args.positional[0] ? evaluate(args.positional[0], ctx, depth + 1) : args.keywords.get('var') ? evaluate(args.keywords.get('var'), ctx, depth + 1) : undefined;
  if (key?.kind !== 'str') return UNKNOWN;
  let cast = castByMethod[method];
  let dflt: Value | undefined;
  const castNode = method === '' ? (args.keywords.get('cast') ?? args.positional[1]) : args.keywords.get('cast');
  if (castNode) cast = castFromNode(castNode, ctx) ?? 'other';
  const defaultNode = args.keywords.get('default') ?? (method === '' ? args.positional[2] : args.positional[1]);
  if (defaultNode) dflt = evaluate(defaultNode, ctx, depth + 1);
  const fromSchema = schema?.get(key.value);
  if (fromSchema) {
    if (method === '' && !castNode) cast = fromSchema.cast;
    if (!defaultNode && fromSchema.default) dflt = fromSchema.default;
  }
  return envRead(ctx, { variable: key.value, accessor: method ? `env.${method}` : 'env', cast, default: dflt });
}

/** `environ.Env(DEBUG=(bool, False), ALLOWED_HOSTS=(list, []))` */
function environSchema(args: Args, ctx: EvalContext, depth: number): Map<string, EnvSchemaEntry> {
  const schema = new Map<string, EnvSchemaEntry>();
  for (const [name, node] of args.keywords) {
    if (node.name === 'TupleExpression' || node.name === 'ParenthesizedExpression') {
      const parts = significantChildren(node);
      const cast = parts[0] ? castFromNode(parts[0], ctx) : undefined;
      schema.set(name, { cast: cast ?? 'other', default: parts[1] ? evaluate(parts[1], ctx, depth + 1) : undefined });
    } else {
      schema.set(name, { cast: castFromNode(node, ctx) ?? 'other' });
    }
  }
  return schema;
}

function castFromNode(node: SyntaxNode, ctx: EvalContext): EnvCast | undefined {
  const t = text(node, ctx).replace(/\s+/g, '');
  switch (t) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'str':
      return 'str';
    case 'list':
    case 'Csv()':
    case 'decouple.Csv()':
      return 'list';
    case 'tuple':
      return 'tuple';
    case 'dict':
      return 'dict';
    case 'Path':
    case 'pathlib.Path':
      return 'path';
  }
  if (/^(decouple\.)?Csv\(/.test(t)) return 'list';
  return undefined;
}

/** python-decouple: `config('DEBUG', default=False, cast=bool)` */
function decoupleConfig(args: Args, ctx: EvalContext, depth: number): Value {
  const key = args.positional[0] ? evaluate(args.positional[0], ctx, depth + 1) : undefined;
  if (key?.kind !== 'str') return UNKNOWN;
  const castNode = args.keywords.get('cast') ?? args.positional[2];
  const cast: EnvCast = castNode ? (castFromNode(castNode, ctx) ?? 'other') : 'str';
  const defaultNode = args.keywords.get('default') ?? args.positional[1];
  const dflt = defaultNode ? evaluate(defaultNode, ctx, depth + 1) : undefined;
  return envRead(ctx, { variable: key.value, accessor: 'config', cast, default: dflt });
}

// ---------------------------------------------------------------------------------------------
// Operators

function binary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  if (children.length < 3) return UNKNOWN;
  const [leftNode, opNode] = children;
  const rightNode = children[children.length - 1];
  let op = text(opNode, ctx);
  if (children.length === 4) op = `${op} ${text(children[2], ctx)}`; // `not in`, `is not`
  const left = evaluate(leftNode, ctx, depth + 1);
  if (op === 'and' || op === 'or') {
    const lt = truthy(resolveForTest(left, ctx));
    if (lt === undefined) {
      const right = evaluate(rightNode, ctx, depth + 1);
      return unknownFrom(left, right);
    }
    if (op === 'and') return lt ? evaluate(rightNode, ctx, depth + 1) : left;
    return lt ? left : evaluate(rightNode, ctx, depth + 1);
  }
  const l = resolveForTest(left, ctx);
  const r = resolveForTest(evaluate(rightNode, ctx, depth + 1), ctx);
  switch (op) {
    case '+':
      if (l.kind === 'str' && r.kind === 'str') return str(l.value + r.value);
      if ((l.kind === 'list' && r.kind === 'list') || (l.kind === 'tuple' && r.kind === 'tuple')) return { kind: l.kind, items: [...l.items, ...r.items] };
      return numeric(l, r, (a, b) => a + b);
    case '-':
      return numeric(l, r, (a, b) => a - b);
    case '*':
      if ((l.kind === 'list' || l.kind === 'tuple') && r.kind === 'int' && r.value >= 0 && l.items.length * r.value <= MAX_ITEMS) {
        return { kind: l.kind, items: Array.from({ length: r.value }, () => l.items).flat() };
      }
      return numeric(l, r, (a, b) => a * b);
    case '//':
      return numeric(l, r, (a, b) => (b === 0 ? Number.NaN : Math.floor(a / b)));
    case '/': {
      if (l.kind === 'path') {
        const p = pathLike(r);
        return p === undefined ? UNKNOWN : { kind: 'path', path: joinPaths([l.path, p]) };
      }
      if (l.kind === 'str' && r.kind === 'path') return { kind: 'path', path: joinPaths([l.value, r.path]) };
      return unknownFrom(l, r);
    }
    case '%':
      return unknownFrom(l, r);
    case '==':
    case '!=': {
      const eq = pyEquals(l, r);
      if (eq === undefined) return unknownFrom(l, r);
      return { kind: 'bool', value: op === '==' ? eq : !eq };
    }
    case 'is':
    case 'is not': {
      if (l.kind === 'none' || r.kind === 'none' || (l.kind === 'bool' && r.kind === 'bool')) {
        if (l.kind === 'unknown' || r.kind === 'unknown') return unknownFrom(l, r);
        const same = l.kind === r.kind && (l.kind !== 'bool' || (r.kind === 'bool' && l.value === r.value));
        return { kind: 'bool', value: op === 'is' ? same : !same };
      }
      return unknownFrom(l, r);
    }
    case 'in':
    case 'not in': {
      let found: boolean | undefined;
      if (isSequence(r)) {
        found = false;
        for (const item of r.items) {
          const eq = pyEquals(l, item);
          if (eq === true) {
            found = true;
            break;
          }
          if (eq === undefined) found = undefined;
        }
      } else if (r.kind === 'str' && l.kind === 'str') found = r.value.includes(l.value);
      if (found === undefined) return unknownFrom(l, r);
      return { kind: 'bool', value: op === 'in' ? found : !found };
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const a = l.kind === 'int' || l.kind === 'float' ? l.value : undefined;
      const b = r.kind === 'int' || r.kind === 'float' ? r.value : undefined;
      if (a === undefined || b === undefined) return unknownFrom(l, r);
      const res = op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      return { kind: 'bool', value: res };
    }
  }
  return unknownFrom(l, r);
}

function numeric(l: Value, r: Value, f: (a: number, b: number) => number): Value {
  const num = (v: Value) => (v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : undefined);
  const a = num(l);
  const b = num(r);
  if (a === undefined || b === undefined) return unknownFrom(l, r);
  const res = f(a, b);
  if (Number.isNaN(res)) return UNKNOWN;
  return { kind: l.kind === 'float' || r.kind === 'float' || !Number.isInteger(res) ? 'float' : 'int', value: res };
}

function unary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  if (children.length !== 2) return UNKNOWN;
  const op = text(children[0], ctx);
  const v = resolveForTest(evaluate(children[1], ctx, depth + 1), ctx);
  if (op === 'not') {
    const t = truthy(v);
    return t === undefined ? unknownFrom(v) : { kind: 'bool', value: !t };
  }
  if (op === '-' && (v.kind === 'int' || v.kind === 'float')) return { kind: v.kind, value: -v.value };
  if (op === '+' && (v.kind === 'int' || v.kind === 'float')) return v;
  return unknownFrom(v);
}
