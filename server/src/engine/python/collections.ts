// Containers and comprehensions: list / tuple / set / dict displays, what a `for` walks over,
// comprehension clauses and their targets, and dict entries.
//
// Part of the expression evaluator (evaluate.ts).

import type { SyntaxNode } from '@lezer/common';
import { type Value, type DictEntry, UNKNOWN, str, unknown, truthy, pyEquals, isSequence, isExactSequence } from './values';
import { LIMITS, boundedItems } from './budget';
import { oneOf, someOf } from './alternatives';
import { type EvalContext, evaluate, significantChildren, text, operand, withLocals } from './evaluate';

/** Whether a node's own children include an error marker (a half-typed container). */
function hasErrorChild(node: SyntaxNode): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.isError) return true;
  return false;
}

export function sequence(node: SyntaxNode, kind: 'list' | 'tuple' | 'set', ctx: EvalContext, depth: number): Value {
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

export function distinct(items: Value[]): Value[] {
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

export function comprehension(node: SyntaxNode, kind: 'list' | 'set', ctx: EvalContext, depth: number): Value {
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

export function dictComprehension(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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

export function dictionary(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
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

export function isHashableKnown(v: Value): boolean {
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
