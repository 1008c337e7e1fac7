// Operators: arithmetic, comparison, identity and membership (`in os.environ` reads the
// environment), unary, and and / or / not with Python's precedence.
//
// Part of the expression evaluator (evaluate.ts).

import type { SyntaxNode } from '@lezer/common';
import { type Value, UNKNOWN, str, unknown, raising, truthy, pyEquals, isSequence, isExactSequence, pathLike, agree } from './values';
import { LIMITS, boundedString, boundedItems } from './budget';
import { oneOf, mapValue, map2 } from './alternatives';
import { type EvalContext, evaluate, significantChildren, text, operand, unknownFrom, joinPaths } from './evaluate';
import { distinct, setEntry } from './collections';
import { percentFormat } from './strings';
import { environPath } from './envReaders';
import { SENTINEL_CLASS } from './classes';
import { isOwnNamespace, namespaceHas } from './namespace';

export function binary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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

export function isBooleanNode(node: SyntaxNode, ctx: EvalContext): boolean {
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

export function booleanExpression(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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

export function unary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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
