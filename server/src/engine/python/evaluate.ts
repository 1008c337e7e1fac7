// Evaluates the decidable part of Python expressions found in settings files.
//
// Names, attributes and subscripts live here; literals and string formatting in strings.ts,
// containers and comprehensions in collections.ts, operators in operators.ts, calls (builtins,
// methods, project functions, environment readers) in calls.ts. Everything not understood is
// `unknown`. Nothing here throws on user text, and every step counts against the module's budget
// (budget.ts).
//
// Two modes: `symbolic` keeps environment reads as `env` values; `concrete` gives each read the
// value it has in the analysis environment (by default every variable unset), which is what
// `manage.py check --deploy` sees on a machine configured that way.

import type { SyntaxNode } from '@lezer/common';
import * as posix from 'node:path/posix';
import { type Value, type ClassValue, type SequenceValue, UNKNOWN, NONE, TRUE, FALSE, str, unknown, raising, truthy, pyEquals, isExactSequence, envNamesOf } from './values';
import { type Budget, LIMITS, boundedString, boundedItems } from './budget';
import { oneOf, mapValue, map2 } from './alternatives';
import { call } from './calls';
import { readClassAttribute, readInstanceAttribute } from './classes';
import { type NamespaceWrites, isOwnNamespace, namespaceRead, isAbsent } from './namespace';
import { envRead } from './environment';
import type { ReadLog } from './memo';
import { parseStringLiteral, formatString, parseNumber, toStr, percentFormat } from './strings';
import { sequence, comprehension, dictComprehension, dictionary, iterate, bindTarget, comprehensionItems, generatorArgument, setEntry, dictGet, isHashableKnown } from './collections';
import { binary, isBooleanNode, booleanExpression, unary, applyOperator, membership, mergeDicts } from './operators';

export { parseStringLiteral, toStr, percentFormat, iterate, bindTarget, comprehensionItems, generatorArgument, setEntry, dictGet, applyOperator, membership, mergeDicts };

export interface Binding {
  value: Value;
  /** The value in the analysis environment, where it differs from `value` (or may). */
  concreteValue?: Value;
  /** Identifies the value across analyses (memo.ts); locals have none. */
  token?: number;
}

/** What evaluation may ask of the project: files that exist. */
export interface EvalHost {
  /** true/false for paths inside the workspace, undefined where nobody knows. */
  pathExists?(path: string, kind: 'any' | 'file' | 'dir'): boolean | undefined;
  /** A project module by its dotted name (`importlib.import_module("mysite.configuration")`). */
  importModule?(dotted: string): Value | undefined;
  /** Files the module being run opens for writing (`open(path, "x")` creates what a later read finds). */
  created?: Set<string>;
}

export interface EvalContext {
  text: string;
  /** Absolute posix path of the module, the value of `__file__`. */
  file: string;
  mode: 'symbolic' | 'concrete';
  /** Environment variables set for the analysis (concrete mode); every other variable is unset. */
  environment: ReadonlyMap<string, string>;
  lookup(name: string): Binding | undefined;
  /** Set when something was read whose concrete value may differ (the environment, sys.argv). */
  touchedEnv: boolean;
  /** Environment variables read while evaluating. */
  envVariables: Set<string>;
  budget: Budget;
  host: EvalHost;
  /** Project functions being called (bounded by LIMITS.callDepth). */
  callDepth: number;
  /** The name a class-body assignment binds (django-configurations reads DJANGO_<NAME>). */
  assignedName?: string;
  /** The module being run (its file) and its names at the statement evaluated: project functions of that module see these. */
  moduleFile: string;
  moduleLookup: (name: string) => Binding | undefined;
  /** Where the reads of a memoised evaluation are recorded (memo.ts). */
  reads?: ReadLog;
  /** Binds a name from inside an expression (`x := …` in a function); absent where nothing can be bound. */
  assign?: (name: string, value: Value) => void;
  /** Inside a method: its class and its first argument (what `super()` needs). */
  method?: { owner: ClassValue; self: Value };
  /** Where writes of the module's namespace are collected (namespace.ts); absent where nobody collects them. */
  namespaceWrites?: NamespaceWrites;
  /** The module whose `globals()` this code sees (a function's own module); the module run when absent. */
  namespaceModule?: string;
}

/** What `sys.argv` is while `manage.py check --deploy` loads the settings. */
export const CHECK_ARGV: Value = { kind: 'list', items: [str('manage.py'), str('check'), str('--deploy')] };

export function evaluate(node: SyntaxNode | null | undefined, ctx: EvalContext, depth = 0): Value {
  if (!node) return UNKNOWN;
  if (depth > LIMITS.expressionDepth) return unknown('expression nested too deeply');
  if (!ctx.budget.step()) return ctx.budget.stopped();
  try {
    return evaluateNode(node, ctx, depth);
  } catch {
    // Defensive: malformed trees (or a native stack limit) must never take the analysis down.
    return UNKNOWN;
  }
}

export function text(node: SyntaxNode, ctx: { text: string }): string {
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

function evaluateNode(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  switch (node.name) {
    case 'String':
      return literal(parseStringLiteral(text(node, ctx)), ctx);
    case 'ContinuedString': {
      let acc = '';
      for (const c of significantChildren(node)) {
        const v = evaluate(c, ctx, depth + 1);
        if (v.kind !== 'str') return v.kind === 'unknown' ? v : UNKNOWN;
        acc += v.value;
        if (acc.length > LIMITS.stringLength) return unknown('string too long');
      }
      return boundedString(ctx.budget, acc);
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
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
    case 'ComprehensionExpression':
      return comprehension(node, node.name === 'SetComprehensionExpression' ? 'set' : 'list', ctx, depth);
    case 'DictionaryComprehensionExpression':
      return dictComprehension(node, ctx, depth);
    case 'DictionaryExpression':
      return dictionary(node, ctx, depth);
    case 'VariableName':
      return variable(text(node, ctx), ctx);
    case 'MemberExpression':
      return member(node, ctx, depth);
    case 'CallExpression':
      return call(node, ctx, depth);
    case 'BinaryExpression':
      return isBooleanNode(node, ctx) ? booleanExpression(node, ctx, depth) : binary(node, ctx, depth);
    case 'UnaryExpression':
      return isBooleanNode(node, ctx) ? booleanExpression(node, ctx, depth) : unary(node, ctx, depth);
    case 'ConditionalExpression': {
      const parts = significantChildren(node).filter((c) => c.name !== 'if' && c.name !== 'else');
      if (parts.length !== 3) return UNKNOWN;
      const cond = truthy(operand(evaluate(parts[1], ctx, depth + 1)));
      if (cond === true) return evaluate(parts[0], ctx, depth + 1);
      if (cond === false) return evaluate(parts[2], ctx, depth + 1);
      return oneOf([evaluate(parts[0], ctx, depth + 1), evaluate(parts[2], ctx, depth + 1)]);
    }
    case 'NamedExpression': {
      // `name := value`: the value, bound to the name where the context allows it.
      const parts = significantChildren(node).filter((c) => c.name !== 'AssignOp');
      const v = evaluate(parts[parts.length - 1], ctx, depth + 1);
      if (parts[0]?.name === 'VariableName') ctx.assign?.(text(parts[0], ctx), v);
      return v;
    }
    case 'LambdaExpression':
      return { kind: 'function', name: '<lambda>', def: { node, text: ctx.text, file: ctx.file, module: '', globals: ctx.lookup } };
    default:
      return UNKNOWN;
  }
}

function literal(v: Value, ctx: EvalContext): Value {
  if (v.kind === 'str' && !ctx.budget.allocate(v.value.length)) return ctx.budget.stopped();
  return v;
}

/** An operand of a test or operator: a symbolic env read is an unknown that remembers its variable. */
export function operand(v: Value): Value {
  if (v.kind === 'env') return unknown(undefined, [v.variable]);
  return v;
}

/** The unknown an operation on `values` gives: a raise passes through; the first reason is kept. */
export function unknownFrom(...values: Value[]): Value {
  let reason: string | undefined;
  for (const v of values) {
    if (v.kind === 'unknown' && v.raises) return v;
    if (!reason && v.kind === 'unknown' && !v.absent) reason = v.reason;
  }
  return unknown(reason, envNamesOf(...values));
}

/** A context whose lookups see `locals` first (comprehension variables, function locals). */
export function withLocals(ctx: EvalContext, locals: Map<string, Value>): EvalContext {
  const outer = ctx.lookup;
  return deriveContext(ctx, {
    lookup: (name) => {
      const v = locals.get(name);
      return v !== undefined ? { value: v } : outer(name);
    },
    assign: (name, value) => locals.set(name, value),
  });
}

/**
 * A context like `ctx` with some fields replaced. Reads of the environment made through it are
 * reads of the expression being evaluated: the flags and the budget are shared.
 */
export function deriveContext(ctx: EvalContext, change: Partial<Pick<EvalContext, 'text' | 'file' | 'lookup' | 'callDepth' | 'assign' | 'method' | 'namespaceWrites' | 'namespaceModule'>>): EvalContext {
  return {
    text: change.text ?? ctx.text,
    file: change.file ?? ctx.file,
    mode: ctx.mode,
    environment: ctx.environment,
    lookup: change.lookup ?? ctx.lookup,
    get touchedEnv() {
      return ctx.touchedEnv;
    },
    set touchedEnv(t: boolean) {
      ctx.touchedEnv = t;
    },
    envVariables: ctx.envVariables,
    budget: ctx.budget,
    host: ctx.host,
    callDepth: change.callDepth ?? ctx.callDepth,
    moduleFile: ctx.moduleFile,
    moduleLookup: ctx.moduleLookup,
    reads: ctx.reads,
    assign: change.assign ?? ctx.assign,
    method: 'method' in change ? change.method : ctx.method,
    namespaceWrites: 'namespaceWrites' in change ? change.namespaceWrites : ctx.namespaceWrites,
    namespaceModule: change.namespaceModule ?? ctx.namespaceModule,
  };
}

// ---------------------------------------------------------------------------------------------
// Names, attributes, subscripts

export const BUILTINS = new Set(['str', 'int', 'bool', 'float', 'list', 'tuple', 'dict', 'set', 'frozenset', 'len', 'sorted', 'reversed', 'any', 'all', 'min', 'max', 'sum', 'filter', 'map', 'range', 'isinstance', 'print', 'repr', 'enumerate', 'zip', 'open', 'getattr', 'hasattr', 'round', 'abs', 'super', 'globals', 'vars', 'locals', 'exec', 'type', 'object', 'dir']);

function variable(name: string, ctx: EvalContext): Value {
  if (name === '__file__') return str(ctx.file);
  if (name === '__name__') return unknown('__name__');
  const b = ctx.lookup(name);
  if (b) {
    if (b.concreteValue !== undefined) {
      ctx.touchedEnv = true;
      if (ctx.mode === 'concrete') return b.concreteValue;
    }
    if (b.value.kind === 'env') ctx.touchedEnv = true;
    return b.value;
  }
  if (BUILTINS.has(name)) return { kind: 'callable', name };
  return unknown(`${name} is not defined here`);
}

function member(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const isSubscript = !!node.getChild('[');
  const children = significantChildren(node);
  if (children.length < 1) return UNKNOWN;
  const obj = evaluate(children[0], ctx, depth + 1);
  if (isSubscript) return subscript(node, obj, children, ctx, depth);
  const prop = children[children.length - 1];
  if (children.length < 2 || prop.name !== 'PropertyName') return UNKNOWN;
  const attr = text(prop, ctx);
  return mapValue(obj, (o) => attribute(o, attr, ctx, depth));
}

function subscript(node: SyntaxNode, obj: Value, children: SyntaxNode[], ctx: EvalContext, depth: number): Value {
  // A slice: `a[1:]`, `a[:2]`, `a[::-1]`: colons between the brackets.
  let colons = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === ':') colons++;
  if (colons > 0) return slice(node, obj, ctx, depth);
  const keyNode = children[1];
  if (!keyNode) return UNKNOWN;
  const key = evaluate(keyNode, ctx, depth + 1);
  return map2(obj, key, (o, k) => item(o, k, ctx));
}

function item(obj: Value, key: Value, ctx: EvalContext): Value {
  if (obj.kind === 'namespace') {
    if (!isOwnNamespace(obj, ctx) || key.kind !== 'str') return unknownFrom(key);
    const v = namespaceRead(key.value, ctx);
    return isAbsent(v) ? raising(`KeyError: '${key.value}'`) : v;
  }
  if (obj.kind === 'module' && obj.name === 'os.environ') {
    if (key.kind !== 'str') return unknownFrom(key);
    return envRead(ctx, { variable: key.value, accessor: 'os.environ', library: 'os', cast: 'str', default: undefined });
  }
  if (obj.kind === 'dict') {
    if (!isHashableKnown(key)) return unknownFrom(key);
    for (const e of obj.entries) if (pyEquals(e.key, key) === true) return e.maybe ? UNKNOWN : e.value;
    return obj.open || obj.entries.some((e) => pyEquals(e.key, key) === undefined) ? UNKNOWN : raising(`KeyError: ${toStr(key) ?? '?'}`);
  }
  if ((obj.kind === 'list' || obj.kind === 'tuple') && (key.kind === 'int' || key.kind === 'bool')) {
    const k = key.kind === 'bool' ? Number(key.value) : key.value;
    // Items before the first `some` part still have their index.
    const firstSome = obj.items.findIndex((i) => i.kind === 'some');
    if (firstSome >= 0) return k >= 0 && k < firstSome ? obj.items[k] : UNKNOWN;
    const i = k < 0 ? obj.items.length + k : k;
    return obj.items[i] ?? raising('IndexError: index out of range');
  }
  if (obj.kind === 'str' && key.kind === 'int') {
    const chars = [...obj.value];
    const i = key.value < 0 ? chars.length + key.value : key.value;
    return i >= 0 && i < chars.length ? str(chars[i]) : raising('IndexError: string index out of range');
  }
  if (obj.kind === 'none') return raising("TypeError: 'NoneType' object is not subscriptable", obj.variable);
  return unknownFrom(operand(obj), operand(key));
}

function slice(node: SyntaxNode, obj: Value, ctx: EvalContext, depth: number): Value {
  // Bounds between the brackets, in order, split on colons.
  const bounds: (SyntaxNode | undefined)[] = [undefined];
  let started = false;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === '[') started = true;
    else if (!started) continue;
    else if (c.name === ':') bounds.push(undefined);
    else if (c.name !== ']' && !c.type.isError) bounds[bounds.length - 1] = c;
  }
  const read = (n: SyntaxNode | undefined): number | null | undefined => {
    if (!n) return null;
    const v = evaluate(n, ctx, depth + 1);
    return v.kind === 'int' ? v.value : v.kind === 'none' ? null : undefined;
  };
  const [start, stop, step] = [read(bounds[0]), read(bounds[1]), read(bounds[2])];
  if (start === undefined || stop === undefined || step === undefined || step === 0) return UNKNOWN;
  return mapValue(obj, (o) => {
    let items: Value[] | undefined;
    if ((o.kind === 'list' || o.kind === 'tuple') && isExactSequence(o)) items = o.items;
    else if (o.kind === 'str') items = [...o.value].map(str);
    if (!items) return unknownFrom(operand(o));
    const picked = sliceIndexes(items.length, start, stop, step ?? 1).map((i) => items![i]);
    if (o.kind === 'str') return boundedString(ctx.budget, picked.map((p) => (p as { value: string }).value).join(''));
    return boundedItems(ctx.budget, o.kind as 'list' | 'tuple', picked);
  });
}

function sliceIndexes(length: number, start: number | null, stop: number | null, step: number): number[] {
  const norm = (i: number, dflt: number, lo: number, hi: number) => (i < 0 ? Math.max(lo, length + i) : Math.min(hi, i)) ?? dflt;
  const out: number[] = [];
  if (step > 0) {
    const a = start === null ? 0 : norm(start, 0, 0, length);
    const b = stop === null ? length : norm(stop, length, 0, length);
    for (let i = a; i < b && out.length <= LIMITS.collectionItems; i += step) out.push(i);
  } else {
    const a = start === null ? length - 1 : norm(start, length - 1, -1, length - 1);
    const b = stop === null ? -1 : norm(stop, -1, -1, length - 1);
    for (let i = a; i > b && out.length <= LIMITS.collectionItems; i += step) out.push(i);
  }
  return out;
}

/** A project module's `__dict__`: its names and their values (bounded). */
function moduleDict(obj: Extract<Value, { kind: 'module' }>, ctx: EvalContext): Value {
  if (ctx.reads) ctx.reads.unmemoizable = true;
  const names = obj.names!();
  if (names.length > LIMITS.collectionItems) return { kind: 'dict', entries: [], open: true };
  const entries = names.map((n) => {
    const b = obj.members!(n)!;
    if (b.concreteValue !== undefined) ctx.touchedEnv = true;
    return { key: str(n) as Value, value: ctx.mode === 'concrete' ? (b.concreteValue ?? b.value) : b.value };
  });
  return { kind: 'dict', entries, open: false };
}

/** `obj.attr` for values the evaluator knows. */
export function attribute(obj: Value, attr: string, ctx: EvalContext, depth = 0): Value {
  if (obj.kind === 'module') {
    if (obj.members && obj.names && attr === '__dict__') return moduleDict(obj, ctx);
    if (obj.members) {
      const b = obj.members(attr);
      if (obj.file) ctx.reads?.global(obj.file, attr, b?.token ?? 0);
      else if (ctx.reads) ctx.reads.unmemoizable = true;
      if (!b) return unknown(`${obj.name}.${attr}`);
      if (b.concreteValue !== undefined) ctx.touchedEnv = true;
      return ctx.mode === 'concrete' ? (b.concreteValue ?? b.value) : b.value;
    }
    const full = `${obj.name}.${attr}`;
    if (full === 'os.environ' || full === 'os.path') return { kind: 'module', name: full };
    if (full === 'sys.argv') {
      ctx.touchedEnv = true;
      return ctx.mode === 'concrete' ? CHECK_ARGV : unknown('sys.argv');
    }
    // '..' and '.' on every platform Python runs on; the separator is not.
    if (full === 'os.pardir' || full === 'os.path.pardir') return str('..');
    if (full === 'os.curdir' || full === 'os.path.curdir') return str('.');
    if (full === 'sys.platform' || full === 'os.name' || full === 'os.sep' || full === 'sys.version_info') return unknown(full);
    return { kind: 'callable', name: full };
  }
  if (obj.kind === 'path' && obj.environ) return attr === 'root' ? str(obj.path) : { kind: 'callable', name: `environ.Path.${attr}`, self: obj };
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
        return parents(obj.path);
      default:
        return { kind: 'callable', name: `Path.${attr}`, self: obj };
    }
  }
  if (obj.kind === 'class') return readClassAttribute(obj, attr, ctx);
  if (obj.kind === 'instance') return readInstanceAttribute(obj, attr, ctx, depth);
  if (obj.kind === 'callable' && (obj.name === 'environ.Env' || obj.name === 'environs.Env')) return { kind: 'callable', name: `${obj.name}.${attr}` };
  // `str.strip` as a function (`map(str.strip, …)`).
  if (obj.kind === 'callable' && obj.name === 'str' && !obj.self) return { kind: 'callable', name: `str.${attr}` };
  if (obj.kind === 'str' || obj.kind === 'list' || obj.kind === 'tuple' || obj.kind === 'set' || obj.kind === 'dict' || obj.kind === 'envReader') return { kind: 'callable', name: `${obj.kind}.${attr}`, self: obj };
  if (obj.kind === 'none') return raising(`AttributeError: 'NoneType' object has no attribute '${attr}'`, obj.variable);
  return unknownFrom(operand(obj));
}

function parents(path: string): Value {
  const items: Value[] = [];
  for (let p = posix.dirname(path); items.length < 64; p = posix.dirname(p)) {
    items.push({ kind: 'path', path: p });
    if (p === '/' || p === '.') break;
  }
  return { kind: 'tuple', items };
}

/** pathlib's joining: `Path(a) / b` (trailing slashes, empty and `.` parts dropped; an absolute part restarts). */
export function joinPaths(parts: string[]): string {
  let absolute = false;
  let segments: string[] = [];
  for (const p of parts) {
    if (p.startsWith('/')) {
      absolute = true;
      segments = [];
    }
    for (const s of p.split('/')) if (s && s !== '.') segments.push(s);
  }
  const joined = segments.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `os.path.join(a, b, …)`: an absolute part restarts, a slash is added only where none is; trailing slashes stay. */
export function osPathJoin(parts: string[]): string {
  let path = parts[0] ?? '';
  for (const b of parts.slice(1)) {
    if (b.startsWith('/')) path = b;
    else if (!path || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

export type { SequenceValue };
