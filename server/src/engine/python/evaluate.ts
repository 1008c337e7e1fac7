// Evaluates the decidable part of Python expressions found in settings files.
//
// Literals, containers, comprehensions, names, attributes, subscripts and operators live here;
// calls (builtins, methods, project functions, environment readers) in calls.ts. Everything not
// understood is `unknown`. Nothing here throws on user text, and every step counts against the
// module's budget (budget.ts).
//
// Two modes: `symbolic` keeps environment reads as `env` values; `concrete` gives each read the
// value it has in the analysis environment (by default every variable unset), which is what
// `manage.py check --deploy` sees on a machine configured that way.

import type { SyntaxNode } from '@lezer/common';
import * as posix from 'node:path/posix';
import { type Value, type ClassValue, type SequenceValue, type DictEntry, UNKNOWN, NONE, TRUE, FALSE, str, unknown, raising, truthy, pyEquals, isSequence, isExactSequence, pathLike, envNamesOf, agree } from './values';
import { type Budget, LIMITS, boundedString, boundedItems } from './budget';
import { oneOf, mapValue, map2, someOf } from './alternatives';
import { call, environPath } from './calls';
import { readClassAttribute, readInstanceAttribute, SENTINEL_CLASS } from './classes';
import { type NamespaceWrites, isOwnNamespace, namespaceRead, namespaceHas, isAbsent } from './namespace';
import { envRead } from './environment';
import type { ReadLog } from './memo';

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

/** Whether a node's own children include an error marker (a half-typed container). */
function hasErrorChild(node: SyntaxNode): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.isError) return true;
  return false;
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

function formatString(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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

// ---------------------------------------------------------------------------------------------
// Containers

function sequence(node: SyntaxNode, kind: 'list' | 'tuple' | 'set', ctx: EvalContext, depth: number): Value {
  const items: Value[] = [];
  const children = significantChildren(node);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '*' && i + 1 < children.length) {
      const spread = evaluate(children[++i], ctx, depth + 1);
      const spreadItems = iterate(spread, ctx);
      if (spreadItems) items.push(...spreadItems);
      else items.push({ kind: 'some' });
      continue;
    }
    if (c.name === 'for') return UNKNOWN;
    items.push(evaluate(c, ctx, depth + 1));
    if (items.length > LIMITS.collectionItems) return unknown(`more than ${LIMITS.collectionItems} items`);
  }
  if (hasErrorChild(node) && kind !== 'tuple') {
    // Half-typed container: what was read may be incomplete.
    return unknown('incomplete');
  }
  return boundedItems(ctx.budget, kind, kind === 'set' ? distinct(items) : items);
}

function distinct(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const i of items) if (!out.some((o) => pyEquals(o, i) === true)) out.push(i);
  return out;
}

/**
 * The items a `for` (or `*spread`, `list()`, `in`) walks over, when they can be listed: a
 * sequence (its `some` parts kept), a string's characters, a dict's keys. Undefined otherwise.
 */
export function iterate(v: Value, ctx: EvalContext): Value[] | undefined {
  if (isSequence(v)) return v.items;
  if (v.kind === 'str') {
    if (v.value.length > LIMITS.collectionItems || !ctx.budget.allocate(v.value.length)) return undefined;
    return [...v.value].map(str);
  }
  if (v.kind === 'dict') {
    const keys: Value[] = v.entries.map((e) => (e.maybe ? someOf([e.key]) : e.key));
    if (v.open) keys.push({ kind: 'some' });
    return keys;
  }
  return undefined;
}

interface Clause {
  targets: SyntaxNode[];
  iterable: SyntaxNode;
  filters: SyntaxNode[];
}

/** Splits a flat comprehension (`elem for a in b if c for d in e`) into its element and clauses. */
function comprehensionParts(node: SyntaxNode): { element: SyntaxNode[]; clauses: Clause[] } | undefined {
  const children = significantChildren(node);
  const element: SyntaxNode[] = [];
  const clauses: Clause[] = [];
  let i = 0;
  for (; i < children.length && children[i].name !== 'for'; i++) if (children[i].name !== 'async') element.push(children[i]);
  while (i < children.length) {
    if (children[i].name !== 'for') return undefined;
    i++;
    const targets: SyntaxNode[] = [];
    for (; i < children.length && children[i].name !== 'in'; i++) targets.push(children[i]);
    i++;
    const iterable = children[i++];
    if (!iterable || !targets.length) return undefined;
    const filters: SyntaxNode[] = [];
    while (i < children.length && children[i].name === 'if') {
      if (children[i + 1]) filters.push(children[i + 1]);
      i += 2;
    }
    while (i < children.length && children[i].name === 'async') i++;
    clauses.push({ targets, iterable, filters });
  }
  return element.length && clauses.length ? { element, clauses } : undefined;
}

/** Binds a `for` target (`x`, `k, v`, `(a, b)`) to a value; false when it cannot. */
export function bindTarget(targets: SyntaxNode[], value: Value, locals: Map<string, Value>, ctx: { text: string }): boolean {
  if (targets.length === 1) {
    const t = targets[0];
    if (t.name === 'VariableName') {
      locals.set(text(t, ctx), value);
      return true;
    }
    if (t.name === 'TupleExpression' || t.name === 'ArrayExpression' || t.name === 'ParenthesizedExpression') return bindTarget(significantChildren(t), value, locals, ctx);
    return false;
  }
  const parts = isExactSequence(value) && value.items.length === targets.length ? value.items : undefined;
  targets.forEach((t, i) => bindTarget([t], parts ? parts[i] : unknown('unpacked'), locals, ctx));
  return !!parts;
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

/**
 * Runs the clauses of a comprehension, calling `emit` for each combination that passes the
 * filters: `certain`, `maybe` (a filter or a `some` part leaves it undecided) or `unlisted` (items
 * nobody can list). Returns false when an iterable cannot be listed or a bound is hit.
 */
function runClauses(clauses: Clause[], ctx: EvalContext, depth: number, emit: (ctx: EvalContext, how: 'certain' | 'maybe' | 'unlisted') => boolean): boolean {
  const locals = new Map<string, Value>();
  const inner = withLocals(ctx, locals);
  let count = 0;
  const loop = (k: number, certain: boolean): boolean => {
    if (k === clauses.length) {
      if (++count > LIMITS.collectionItems) return false;
      return emit(inner, certain ? 'certain' : 'maybe');
    }
    const clause = clauses[k];
    const items = iterate(operand(evaluate(clause.iterable, inner, depth + 1)), inner);
    if (!items) return false;
    for (const item of items) {
      if (!ctx.budget.step()) return false;
      if (item.kind === 'some' && !item.candidates) {
        if (!emit(inner, 'unlisted')) return false;
        continue;
      }
      for (const candidate of item.kind === 'some' ? item.candidates! : [item]) {
        bindTarget(clause.targets, candidate, locals, ctx);
        let passes: boolean | undefined = true;
        for (const f of clause.filters) {
          const t = truthy(operand(evaluate(f, inner, depth + 1)));
          if (t === false) {
            passes = false;
            break;
          }
          if (t === undefined) passes = undefined;
        }
        if (passes === false) continue;
        if (!loop(k + 1, certain && passes === true && item.kind !== 'some')) return false;
      }
    }
    return true;
  };
  return loop(0, true);
}

function comprehension(node: SyntaxNode, kind: 'list' | 'set', ctx: EvalContext, depth: number): Value {
  const parts = comprehensionParts(node);
  if (!parts || parts.element.length !== 1) return UNKNOWN;
  return comprehensionItems(parts, kind, ctx, depth);
}

/** A generator or list comprehension as a sequence of its items. */
export function comprehensionItems(parts: { element: SyntaxNode[]; clauses: Clause[] }, kind: 'list' | 'set', ctx: EvalContext, depth: number): Value {
  const items: Value[] = [];
  const ok = runClauses(parts.clauses, ctx, depth, (inner, how) => {
    if (how === 'unlisted') items.push({ kind: 'some' });
    else {
      const v = evaluate(parts.element[0], inner, depth + 1);
      items.push(how === 'certain' ? v : someOf([v]));
    }
    return items.length <= LIMITS.collectionItems;
  });
  if (!ok) return UNKNOWN;
  return boundedItems(ctx.budget, kind, mergeSomes(items));
}

/** A generator expression written as a call's only argument: `any(x for x in y)`. */
export function generatorArgument(argList: SyntaxNode, ctx: EvalContext, depth: number): Value | undefined {
  let hasFor = false;
  for (let c = argList.firstChild; c; c = c.nextSibling) if (c.name === 'for') hasFor = true;
  if (!hasFor) return undefined;
  const parts = comprehensionParts(argList);
  if (!parts || parts.element.length !== 1) return UNKNOWN;
  return comprehensionItems(parts, 'list', ctx, depth);
}

/** Adjacent `some` parts become one. */
function mergeSomes(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const i of items) {
    const last = out[out.length - 1];
    if (i.kind === 'some' && last?.kind === 'some') out[out.length - 1] = someOf([last, i]);
    else out.push(i);
  }
  return out;
}

function dictComprehension(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const parts = comprehensionParts(node);
  if (!parts || parts.element.length !== 2) return UNKNOWN;
  const entries: DictEntry[] = [];
  let open = false;
  const ok = runClauses(parts.clauses, ctx, depth, (inner, how) => {
    if (how === 'unlisted') {
      open = true;
      return true;
    }
    const key = evaluate(parts.element[0], inner, depth + 1);
    const value = evaluate(parts.element[1], inner, depth + 1);
    if (!setEntry(entries, key, value, how === 'maybe')) open = true;
    return entries.length <= LIMITS.collectionItems;
  });
  if (!ok) return UNKNOWN;
  return { kind: 'dict', entries, open };
}

function dictionary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  const entries: DictEntry[] = [];
  let open = false;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '**') {
      const spread = evaluate(children[++i], ctx, depth + 1);
      if (spread.kind === 'dict') {
        if (entries.length + spread.entries.length > LIMITS.collectionItems) return unknown('too large');
        for (const e of spread.entries) setEntry(entries, e.key, e.value, e.maybe);
        open ||= spread.open;
      } else open = true;
      if (!ctx.budget.allocate(spread.kind === 'dict' ? spread.entries.length : 1)) return ctx.budget.stopped();
      continue;
    }
    const key = evaluate(c, ctx, depth + 1);
    const value = i + 1 < children.length ? evaluate(children[++i], ctx, depth + 1) : UNKNOWN;
    if (!setEntry(entries, key, value)) open = true;
    if (entries.length > LIMITS.collectionItems) return unknown('too large');
  }
  if (hasErrorChild(node)) open = true;
  return { kind: 'dict', entries, open };
}

/** Sets a key (replacing an equal one); false when the key is unknown. */
export function setEntry(entries: DictEntry[], key: Value, value: Value, maybe?: boolean): boolean {
  if (!isHashableKnown(key)) return false;
  for (let i = 0; i < entries.length; i++) {
    if (pyEquals(entries[i].key, key) === true) {
      entries[i] = maybe ? { key, value: oneOf([entries[i].value, value]), maybe: entries[i].maybe } : { key, value };
      return true;
    }
  }
  entries.push(maybe ? { key, value, maybe: true } : { key, value });
  return true;
}

function isHashableKnown(v: Value): boolean {
  return v.kind === 'str' || v.kind === 'int' || v.kind === 'bool' || v.kind === 'none' || v.kind === 'float' || (v.kind === 'tuple' && v.items.every(isHashableKnown));
}

/**
 * A dict's value for a string key: the value when the key is certainly there, `unknown` when it
 * may be (a `maybe` entry, an open dict), undefined when it is certainly absent.
 */
export function dictGet(d: Value, key: string): Value | undefined {
  if (d.kind === 'oneOf') {
    const values = d.options.map((o) => dictGet(o, key));
    if (values.every((v) => v === undefined)) return undefined;
    if (values.some((v) => v === undefined)) return UNKNOWN;
    return oneOf(values as Value[]);
  }
  if (d.kind !== 'dict') return UNKNOWN;
  for (const e of d.entries) {
    if (e.key.kind === 'str' && e.key.value === key) return e.maybe ? UNKNOWN : e.value;
  }
  return d.open ? UNKNOWN : undefined;
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


// ---------------------------------------------------------------------------------------------
// Operators

function binary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  if (children.length < 3) return UNKNOWN;
  const [leftNode, opNode] = children;
  const rightNode = children[children.length - 1];
  let op = text(opNode, ctx);
  if (children.length === 4) op = `${op} ${text(children[2], ctx)}`; // `not in`, `is not`
  // (`and` / `or` are booleanExpression's.)
  const left = evaluate(leftNode, ctx, depth + 1);
  const right = evaluate(rightNode, ctx, depth + 1);
  return map2(operand(left), operand(right), (l, r) => applyOperator(op, l, r, ctx));
}

// ---------------------------------------------------------------------------------------------
// and / or / not, with Python's precedence
//
// @lezer/python parses `not a and b` as `not (a and b)` (and `x and not a or b` as
// `x and not (a or b)`). Python's grammar is or < and < not: the chain of and/or/not between
// parentheses is flattened and parsed again that way before it is evaluated.

type BoolTree = { atom: SyntaxNode } | { not: BoolTree } | { op: 'and' | 'or'; left: BoolTree; right: BoolTree };

function isBooleanNode(node: SyntaxNode, ctx: EvalContext): boolean {
  const children = significantChildren(node);
  if (node.name === 'UnaryExpression') return children.length === 2 && children[0].name === 'not';
  return children.length === 3 && (children[1].name === 'and' || children[1].name === 'or' || /^(and|or)$/.test(text(children[1], ctx)));
}

function flattenBoolean(node: SyntaxNode, ctx: EvalContext, out: (SyntaxNode | 'and' | 'or' | 'not')[], depth: number): boolean {
  if (depth > LIMITS.expressionDepth || out.length > 4096) return false;
  if (!isBooleanNode(node, ctx)) {
    out.push(node);
    return true;
  }
  const children = significantChildren(node);
  if (node.name === 'UnaryExpression') {
    out.push('not');
    return flattenBoolean(children[1], ctx, out, depth + 1);
  }
  if (!flattenBoolean(children[0], ctx, out, depth + 1)) return false;
  out.push(text(children[1], ctx) as 'and' | 'or');
  return flattenBoolean(children[2], ctx, out, depth + 1);
}

/** or_test: and_test ('or' and_test)*; and_test: not_test ('and' not_test)*; not_test: 'not' not_test | atom. */
function parseBoolean(tokens: (SyntaxNode | 'and' | 'or' | 'not')[]): BoolTree | undefined {
  let i = 0;
  const notTest = (): BoolTree | undefined => {
    let nots = 0;
    while (tokens[i] === 'not') {
      nots++;
      i++;
    }
    const t = tokens[i++];
    if (!t || typeof t === 'string') return undefined;
    let tree: BoolTree = { atom: t };
    for (let k = 0; k < nots; k++) tree = { not: tree };
    return tree;
  };
  const chain = (op: 'and' | 'or', next: () => BoolTree | undefined): BoolTree | undefined => {
    let left = next();
    while (left && tokens[i] === op) {
      i++;
      const right = next();
      if (!right) return undefined;
      left = { op, left, right };
    }
    return left;
  };
  const tree = chain('or', () => chain('and', notTest));
  return i === tokens.length ? tree : undefined;
}

function booleanExpression(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const tokens: (SyntaxNode | 'and' | 'or' | 'not')[] = [];
  const tree = flattenBoolean(node, ctx, tokens, depth) ? parseBoolean(tokens) : undefined;
  return tree ? evaluateBoolean(tree, ctx, depth) : UNKNOWN;
}

function evaluateBoolean(tree: BoolTree, ctx: EvalContext, depth: number): Value {
  if ('atom' in tree) return evaluate(tree.atom, ctx, depth + 1);
  if ('not' in tree) {
    return mapValue(operand(evaluateBoolean(tree.not, ctx, depth + 1)), (x) => {
      const t = truthy(x);
      return t === undefined ? unknownFrom(x) : { kind: 'bool', value: !t };
    });
  }
  const left = evaluateBoolean(tree.left, ctx, depth + 1);
  const lt = truthy(operand(left));
  if (lt === undefined) {
    const right = evaluateBoolean(tree.right, ctx, depth + 1);
    // `a or b` is a when a is truthy, else b: one of the two.
    return oneOf([truthyPart(left, tree.op === 'or'), right]);
  }
  if (tree.op === 'and') return lt ? evaluateBoolean(tree.right, ctx, depth + 1) : left;
  return lt ? left : evaluateBoolean(tree.right, ctx, depth + 1);
}

/** The options of `v` that are truthy (or falsy), when `v` is a `oneOf`; else `v`. */
function truthyPart(v: Value, want: boolean): Value {
  if (v.kind !== 'oneOf') return operand(v);
  const kept = v.options.filter((o) => truthy(o) !== !want);
  return kept.length ? oneOf(kept) : v;
}

export function applyOperator(op: string, l: Value, r: Value, ctx: EvalContext): Value {
  if (l.kind === 'unknown' && l.raises) return l;
  if (r.kind === 'unknown' && r.raises) return r;
  switch (op) {
    case '+':
      if (l.kind === 'path' && l.environ) return environPath([l, r]);
      if (l.kind === 'str' && r.kind === 'str') return boundedString(ctx.budget, l.value + r.value);
      if ((l.kind === 'list' && r.kind === 'list') || (l.kind === 'tuple' && r.kind === 'tuple')) return boundedItems(ctx.budget, l.kind, [...l.items, ...r.items]);
      // A sequence and one nobody can list (a library's, a name defined elsewhere): the known
      // items stay certain, in their place.
      if ((l.kind === 'list' || l.kind === 'tuple') && r.kind === 'unknown' && !r.raises) return { kind: l.kind, items: [...l.items, { kind: 'some' }] };
      if ((r.kind === 'list' || r.kind === 'tuple') && l.kind === 'unknown' && !l.raises) return { kind: r.kind, items: [{ kind: 'some' }, ...r.items] };
      if (l.kind === 'none' || r.kind === 'none') return raising('TypeError: unsupported operand type(s) for +');
      return numeric(l, r, (a, b) => a + b);
    case '-':
      // django-environ: `Path(__file__) - 3` goes up three levels.
      if (l.kind === 'path' && l.environ && r.kind === 'int') return r.value >= 0 && r.value <= 64 ? environPath([l, str('../'.repeat(r.value))]) : UNKNOWN;
      if (l.kind === 'set' && r.kind === 'set' && isExactSequence(l) && isExactSequence(r)) {
        const removed = r.items;
        return { kind: 'set', items: l.items.filter((x) => !removed.some((y) => pyEquals(x, y) === true)) };
      }
      return numeric(l, r, (a, b) => a - b);
    case '*':
      return repeat(l, r, ctx) ?? repeat(r, l, ctx) ?? numeric(l, r, (a, b) => a * b);
    case '**':
      return numeric(l, r, (a, b) => (Math.abs(b) > 64 ? Number.NaN : a ** b));
    case '//':
      return numeric(l, r, (a, b) => (b === 0 ? Number.NaN : Math.floor(a / b)));
    case '/': {
      if (l.kind === 'path' && l.environ) return unknown('environ.Path / (depends on the django-environ version)');
      if (l.kind === 'path') {
        const p = pathLike(r);
        return p === undefined ? unknownFrom(r) : { kind: 'path', path: joinPaths([l.path, p]) };
      }
      if (l.kind === 'str' && r.kind === 'path') return { kind: 'path', path: joinPaths([l.value, r.path]) };
      const q = numeric(l, r, (a, b) => (b === 0 ? Number.NaN : a / b));
      return q.kind === 'int' ? { kind: 'float', value: q.value } : q;
    }
    case '%':
      if (l.kind === 'str') return percentFormat(l.value, r, ctx);
      return numeric(l, r, (a, b) => (b === 0 ? Number.NaN : ((a % b) + b) % b));
    case '|':
      if (l.kind === 'dict' && r.kind === 'dict') return mergeDicts(l, r);
      if (l.kind === 'set' && r.kind === 'set') return boundedItems(ctx.budget, 'set', distinct([...l.items, ...r.items]));
      if (l.kind === 'bool' && r.kind === 'bool') return { kind: 'bool', value: l.value || r.value };
      return numeric(l, r, (a, b) => a | b);
    case '&':
      if (l.kind === 'bool' && r.kind === 'bool') return { kind: 'bool', value: l.value && r.value };
      return numeric(l, r, (a, b) => a & b);
    case '==':
    case '!=': {
      const eq = pyEquals(l, r);
      if (eq === undefined) return unknownFrom(l, r);
      return { kind: 'bool', value: op === '==' ? eq : !eq };
    }
    case 'is':
    case 'is not': {
      const same = identical(l, r);
      if (same === undefined) return unknownFrom(l, r);
      return { kind: 'bool', value: op === 'is' ? same : !same };
    }
    case 'in':
    case 'not in': {
      const found = membership(l, r, ctx);
      if (found === undefined) return unknownFrom(l, r);
      return { kind: 'bool', value: op === 'in' ? found : !found };
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      let a: number | string | undefined = l.kind === 'int' || l.kind === 'float' ? l.value : l.kind === 'bool' ? Number(l.value) : undefined;
      let b: number | string | undefined = r.kind === 'int' || r.kind === 'float' ? r.value : r.kind === 'bool' ? Number(r.value) : undefined;
      if (l.kind === 'str' && r.kind === 'str') {
        a = l.value;
        b = r.value;
      }
      if (a === undefined || b === undefined) return unknownFrom(l, r);
      const res = op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      return { kind: 'bool', value: res };
    }
  }
  return unknownFrom(l, r);
}

function repeat(seq: Value, times: Value, ctx: EvalContext): Value | undefined {
  if (times.kind !== 'int' && times.kind !== 'bool') return undefined;
  const n = Math.max(0, times.kind === 'bool' ? Number(times.value) : times.value);
  if (seq.kind === 'str') {
    if (seq.value.length * n > LIMITS.stringLength) return unknown(`string longer than ${LIMITS.stringLength} characters`);
    return boundedString(ctx.budget, seq.value.repeat(n));
  }
  if (seq.kind === 'list' || seq.kind === 'tuple') {
    if (seq.items.length * n > LIMITS.collectionItems) return unknown('too large');
    const items: Value[] = [];
    for (let i = 0; i < n; i++) items.push(...seq.items);
    return boundedItems(ctx.budget, seq.kind, items);
  }
  return undefined;
}

/** Python's `is` where it is decidable: None, True and False are singletons. */
function identical(l: Value, r: Value): boolean | undefined {
  // `_MISSING = object()` sentinels: the same object only.
  const sentinel = (v: Value) => v.kind === 'instance' && v.cls === SENTINEL_CLASS;
  if (sentinel(l) || sentinel(r)) return l === r ? true : sentinel(l) && sentinel(r) ? false : l.kind === 'unknown' || r.kind === 'unknown' || l.kind === 'oneOf' || r.kind === 'oneOf' ? undefined : false;
  const singleton = (v: Value) => v.kind === 'none' || v.kind === 'bool';
  const definite = (v: Value) => v.kind === 'str' || v.kind === 'int' || v.kind === 'float' || v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set' || v.kind === 'dict' || v.kind === 'path' || singleton(v);
  if (!definite(l) || !definite(r)) return undefined;
  if (singleton(l) && singleton(r)) return l.kind === r.kind && (l.kind === 'none' || (l as { value: boolean }).value === (r as { value: boolean }).value);
  if (singleton(l) || singleton(r)) return false;
  return undefined;
}

/** `needle in container`: true, false, or undefined when it cannot be decided. */
export function membership(needle: Value, container: Value, ctx: EvalContext): boolean | undefined {
  if (container.kind === 'namespace') return needle.kind === 'str' && isOwnNamespace(container, ctx) ? namespaceHas(needle.value, ctx) : undefined;
  if (container.kind === 'module' && container.name === 'os.environ') return envPresence(needle, ctx);
  if (container.kind === 'envReader') return envPresence(needle, ctx);
  if (container.kind === 'str') {
    if (needle.kind !== 'str') return undefined;
    return container.value.includes(needle.value);
  }
  if (container.kind === 'dict') {
    let unsure = container.open;
    for (const e of container.entries) {
      const eq = pyEquals(needle, e.key);
      if (eq === true && !e.maybe) return true;
      if (eq !== false) unsure = true;
    }
    return unsure ? undefined : false;
  }
  if (isSequence(container)) {
    let unsure = false;
    for (const item of container.items) {
      if (item.kind === 'some') {
        if (!item.candidates || item.candidates.some((c) => pyEquals(needle, c) !== false)) unsure = true;
        continue;
      }
      const eq = pyEquals(needle, item);
      if (eq === true) return true;
      if (eq === undefined) unsure = true;
    }
    return unsure ? undefined : false;
  }
  if (container.kind === 'oneOf') return agree(container.options, (o) => membership(needle, o, ctx));
  return undefined;
}

/** `"X" in os.environ`: decided in the analysis environment, unknown symbolically. */
function envPresence(needle: Value, ctx: EvalContext): boolean | undefined {
  if (needle.kind !== 'str') return undefined;
  ctx.touchedEnv = true;
  ctx.envVariables.add(needle.value);
  return ctx.mode === 'concrete' ? ctx.environment.has(needle.value) : undefined;
}

function numeric(l: Value, r: Value, f: (a: number, b: number) => number): Value {
  const num = (v: Value) => (v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : undefined);
  const a = num(l);
  const b = num(r);
  if (a === undefined || b === undefined) return unknownFrom(l, r);
  const res = f(a, b);
  if (!Number.isFinite(res)) return UNKNOWN;
  return { kind: l.kind === 'float' || r.kind === 'float' || !Number.isInteger(res) ? 'float' : 'int', value: res };
}

export function mergeDicts(a: Extract<Value, { kind: 'dict' }>, b: Extract<Value, { kind: 'dict' }>): Value {
  const entries = [...a.entries];
  for (const e of b.entries) setEntry(entries, e.key, e.value, e.maybe);
  return { kind: 'dict', entries, open: a.open || b.open };
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

function unary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const children = significantChildren(node);
  if (children.length !== 2) return UNKNOWN;
  const op = text(children[0], ctx);
  const v = operand(evaluate(children[1], ctx, depth + 1));
  // (`not` is booleanExpression's.)
  return mapValue(v, (x) => {
    if (op === '-' && (x.kind === 'int' || x.kind === 'float')) return { kind: x.kind, value: -x.value };
    if (op === '+' && (x.kind === 'int' || x.kind === 'float')) return x;
    return unknownFrom(x);
  });
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
