// Values a name may have after branches nobody can decide, kept exact while they are few and
// merged into one partial value when they are many.
//
// `oneOf` keeps up to LIMITS.options distinct values. Past that, values are joined: sequences keep
// the items every value has, in their common order, and mark where the values differ with a `some`
// part (zero or more items, limited to the candidates that were seen); dicts keep the keys every
// value has, mark the others `maybe`, and join values per key; anything else becomes unknown.
// Every operation on a `oneOf` maps over its options (at most LIMITS.options² combinations).

import { LIMITS } from './budget';
import { type Value, type SequenceValue, type DictValue, type DictEntry, unknown, sameValue, isSequence, envNamesOf } from './values';

/** The value that is one of `options` (nested `oneOf`s flattened, equal options merged). */
export function oneOf(options: Value[]): Value {
  const distinct = new DistinctValues();
  for (const o of options) {
    if (o.kind === 'oneOf') {
      for (const inner of o.options) distinct.add(inner);
    } else distinct.add(o);
    if (distinct.values.length > LIMITS.options * 4) break;
  }
  const flat = distinct.values;
  if (flat.length === 0) return unknown('no value');
  // Django never sees a branch that stops the module from loading: the others are what it sees.
  const loading = flat.filter((o) => !(o.kind === 'unknown' && o.raises));
  if (loading.length && loading.length < flat.length) return oneOf(loading);
  if (flat.length === 1) return flat[0];
  if (flat.some((o) => o.kind === 'unknown' && !o.raises && !o.absent)) return unknown('conditional', envNamesOf(...flat));
  if (flat.length > LIMITS.options) return joinAll(flat);
  return { kind: 'oneOf', options: flat };
}

/**
 * Values without repeats. Strings, numbers, booleans and None are told apart by a key (a list of
 * thousands of candidates stays linear); anything else is compared structurally.
 */
class DistinctValues {
  values: Value[] = [];
  private keys = new Set<string>();
  private others: Value[] = [];

  add(v: Value): void {
    const key = v.kind === 'str' || v.kind === 'int' || v.kind === 'float' || v.kind === 'bool' ? `${v.kind}:${v.value}` : v.kind === 'none' ? 'none' : undefined;
    if (key !== undefined) {
      if (this.keys.has(key)) return;
      this.keys.add(key);
    } else {
      for (const x of this.others) if (sameValue(x, v)) return;
      this.others.push(v);
    }
    this.values.push(v);
  }
}

/** The options of a value: its alternatives, or itself. */
export function optionsOf(v: Value): Value[] {
  return v.kind === 'oneOf' ? v.options : [v];
}

/** `f` applied to every option of `v`. */
export function mapValue(v: Value, f: (v: Value) => Value): Value {
  if (v.kind !== 'oneOf') return f(v);
  return oneOf(v.options.map(f));
}

/** `f` applied to every combination of the options of `a` and `b`. */
export function map2(a: Value, b: Value, f: (a: Value, b: Value) => Value): Value {
  if (a.kind !== 'oneOf' && b.kind !== 'oneOf') return f(a, b);
  const as = optionsOf(a);
  const bs = optionsOf(b);
  if (as.length * bs.length > LIMITS.options * LIMITS.options) return unknown('too many alternatives', envNamesOf(a, b));
  const out: Value[] = [];
  for (const x of as) for (const y of bs) out.push(f(x, y));
  return oneOf(out);
}

/** One partial value that covers every value given. */
export function joinAll(values: Value[]): Value {
  let acc = values[0];
  for (let i = 1; i < values.length && acc.kind !== 'unknown'; i++) acc = join(acc, values[i]);
  return acc.kind === 'unknown' ? unknown('conditional', envNamesOf(...values)) : acc;
}

/** One partial value that covers both. */
export function join(a: Value, b: Value): Value {
  if (sameValue(a, b)) return a;
  if (isSequence(a) && isSequence(b) && a.kind === b.kind) return joinSequences(a, b);
  if (a.kind === 'dict' && b.kind === 'dict') return joinDicts(a, b);
  return unknown('conditional', envNamesOf(a, b));
}

/**
 * Items both sequences have, in their common order (a longest common subsequence); what lies
 * between them on either side becomes a `some` part with those items as candidates.
 */
function joinSequences(a: SequenceValue, b: SequenceValue): Value {
  const n = a.items.length;
  const m = b.items.length;
  if (n * m > 250_000) return unknown('conditional');
  // lcs[i][j]: length of the longest common subsequence of a[i:] and b[j:]
  const lcs: Uint16Array[] = [];
  for (let i = 0; i <= n; i++) lcs.push(new Uint16Array(m + 1));
  const eq = (x: Value, y: Value) => x.kind !== 'some' && y.kind !== 'some' && sameValue(x, y);
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = eq(a.items[i], b.items[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const items: Value[] = [];
  let gap: Value[] = [];
  const flush = () => {
    if (!gap.length) return;
    items.push(someOf(gap));
    gap = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(a.items[i], b.items[j])) {
      flush();
      items.push(a.items[i]);
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) gap.push(a.items[i++]);
    else gap.push(b.items[j++]);
  }
  flush();
  return { kind: a.kind, items };
}

/** A `some` part that may hold any of `items` (themselves possibly `some` parts). */
export function someOf(items: Value[]): Value {
  const candidates = new DistinctValues();
  for (const item of items) {
    if (item.kind === 'some') {
      if (!item.candidates) return { kind: 'some' };
      for (const c of item.candidates) candidates.add(c);
    } else if (item.kind === 'unknown') return { kind: 'some' };
    else candidates.add(item);
    if (candidates.values.length > LIMITS.someCandidates) return { kind: 'some' };
  }
  return { kind: 'some', candidates: candidates.values };
}

function joinDicts(a: DictValue, b: DictValue): Value {
  const entries: DictEntry[] = [];
  const used = new Set<DictEntry>();
  for (const e of a.entries) {
    const other = b.entries.find((x) => !used.has(x) && sameValue(x.key, e.key));
    if (!other) {
      entries.push({ key: e.key, value: e.value, maybe: true });
      continue;
    }
    used.add(other);
    entries.push({ key: e.key, value: sameValue(e.value, other.value) ? e.value : oneOf([e.value, other.value]), maybe: e.maybe || other.maybe || undefined });
  }
  for (const e of b.entries) if (!used.has(e)) entries.push({ key: e.key, value: e.value, maybe: true });
  return { kind: 'dict', entries, open: a.open || b.open };
}

/**
 * What a name holds after a loop that ran an unknown number of times, given its value before
 * and after one pass: a list that only grew at its end keeps its items and gets a `some` tail.
 */
export function widenLoop(before: Value, after: Value): Value {
  if (sameValue(before, after)) return before;
  // A pass that may or may not have changed it (an `if` inside the loop): widen each outcome.
  if (after.kind === 'oneOf') return joinAll(after.options.map((o) => widenLoop(before, o)));
  if (before.kind === 'oneOf') return joinAll(before.options.map((o) => widenLoop(o, after)));
  if (isSequence(before) && isSequence(after) && before.kind === after.kind && after.items.length >= before.items.length) {
    const prefix = before.items.every((x, i) => sameValue(x, after.items[i]));
    if (prefix) return { kind: before.kind, items: [...before.items, someOf(after.items.slice(before.items.length))] };
  }
  if (before.kind === 'dict' && after.kind === 'dict') {
    const joined = joinDicts(before, after);
    return joined.kind === 'dict' ? { ...joined, open: true } : joined;
  }
  return unknown('changed in a loop', envNamesOf(before, after));
}
