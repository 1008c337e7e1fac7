// In-place changes of values, as Python makes them: `x.append(v)`, `x.insert(i, v)`, `d.update(…)`,
// `x += …`, `d["a"]["b"] = v`, `del d["k"]`. Copy-on-write: a change gives a new value and the
// old one stays what earlier statements saw. Shared by the module executor and the function
// interpreter.

import { type Value, UNKNOWN, NONE, unknown, raising, pyEquals, isSequence, str, envNamesOf } from './values';
import { type Budget, LIMITS, boundedItems } from './budget';
import { oneOf } from './alternatives';
import { setEntry } from './evaluate';

export const MUTATING_METHODS = new Set(['append', 'insert', 'extend', 'remove', 'update', 'pop', 'clear', 'setdefault', 'add', 'discard']);

export function augmented(old: Value, op: string, right: Value, budget: Budget): Value {
  if (old.kind === 'oneOf' || right.kind === 'oneOf') {
    const olds = old.kind === 'oneOf' ? old.options : [old];
    const rights = right.kind === 'oneOf' ? right.options : [right];
    if (olds.length * rights.length > LIMITS.options * LIMITS.options) return unknown('too many alternatives');
    return oneOf(olds.flatMap((o) => rights.map((r) => augmented(o, op, r, budget))));
  }
  if (old.kind === 'unknown' && old.raises) return old;
  if (right.kind === 'unknown' && right.raises) return right;
  if (op === '+=') {
    if (old.kind === 'list' && isSequence(right)) return boundedItems(budget, 'list', [...old.items, ...right.items]);
    if (old.kind === 'list' && right.kind === 'str') return boundedItems(budget, 'list', [...old.items, ...[...right.value].map(str)]);
    if (old.kind === 'tuple' && right.kind === 'tuple') return boundedItems(budget, 'tuple', [...old.items, ...right.items]);
    if (old.kind === 'str' && right.kind === 'str') return old.value.length + right.value.length > LIMITS.stringLength ? unknown('string too long') : str(old.value + right.value);
    if ((old.kind === 'int' || old.kind === 'float') && (right.kind === 'int' || right.kind === 'float')) return { kind: old.kind === 'float' || right.kind === 'float' ? 'float' : 'int', value: old.value + right.value };
    // Items nobody can list (a sequence from a library, a name defined elsewhere): the ones
    // already there stay certain.
    if ((old.kind === 'list' || old.kind === 'tuple') && right.kind === 'unknown' && !right.raises) return { kind: old.kind, items: [...old.items, { kind: 'some' }] };
    // list += "text" extends by its characters, whatever the variable holds.
    if (old.kind === 'list' && right.kind === 'env') return { kind: 'list', items: [...old.items, { kind: 'some' }] };
  }
  if (op === '|=' && old.kind === 'dict' && right.kind === 'dict') {
    const entries = [...old.entries];
    for (const e of right.entries) setEntry(entries, e.key, e.value, e.maybe);
    return { kind: 'dict', entries, open: old.open || right.open };
  }
  if (op === '|=' && old.kind === 'set' && isSequence(right)) return boundedItems(budget, 'set', [...old.items, ...right.items.filter((r) => !old.items.some((o) => pyEquals(o, r) === true))]);
  return unknown(undefined, envNamesOf(old, right));
}

export function inPlace(old: Value, method: string, args: Value[], budget: Budget): Value {
  if (old.kind === 'oneOf') return oneOf(old.options.map((o) => inPlace(o, method, args, budget)));
  if (args.some((a) => a.kind === 'oneOf')) {
    // Each combination of the arguments' options (bounded by oneOf).
    const [first, ...rest] = args;
    const firstOptions = first.kind === 'oneOf' ? first.options : [first];
    return oneOf(firstOptions.map((f) => inPlace(old, method, [f, ...rest], budget)));
  }
  for (const a of args) if (a.kind === 'unknown' && a.raises) return a;
  if (old.kind === 'list' || old.kind === 'set') {
    switch (method) {
      case 'append':
      case 'add':
        if (args.length !== 1) return UNKNOWN;
        if (old.kind === 'set' && old.items.some((x) => pyEquals(x, args[0]) === true)) return old;
        return boundedItems(budget, old.kind, [...old.items, args[0].kind === 'env' ? UNKNOWN : args[0]]);
      case 'insert': {
        if (args.length !== 2 || args[0].kind !== 'int') return UNKNOWN;
        const items = [...old.items];
        let i = args[0].value;
        if (i < 0) i = Math.max(0, items.length + i);
        // An index past a `some` part cannot be placed: the position is unknown.
        const firstSome = items.findIndex((x) => x.kind === 'some');
        if (firstSome >= 0 && i > firstSome) return { kind: old.kind, items: [...items.slice(0, firstSome), { kind: 'some' }] };
        items.splice(Math.min(i, items.length), 0, args[1]);
        return boundedItems(budget, old.kind, items);
      }
      case 'extend':
        if (args.length !== 1) return UNKNOWN;
        if (isSequence(args[0])) return boundedItems(budget, old.kind, [...old.items, ...args[0].items]);
        return { kind: old.kind, items: [...old.items, { kind: 'some' }] };
      case 'remove':
      case 'discard': {
        if (args.length !== 1) return UNKNOWN;
        const i = old.items.findIndex((x) => pyEquals(x, args[0]) === true);
        if (i < 0) {
          const maybe = old.items.some((x) => x.kind !== 'some' && pyEquals(x, args[0]) === undefined);
          if (maybe) return UNKNOWN;
          return method === 'remove' && !old.items.some((x) => x.kind === 'some') ? raising('ValueError: list.remove(x): x not in list') : old;
        }
        const items = [...old.items];
        items.splice(i, 1);
        return { kind: old.kind, items };
      }
      case 'clear':
        return { kind: old.kind, items: [] };
      case 'pop':
        return args.length === 0 && old.items.length && old.items[old.items.length - 1].kind !== 'some' ? { kind: old.kind, items: old.items.slice(0, -1) } : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }
  if (old.kind === 'dict') {
    if (method === 'update' && args.length === 1 && args[0].kind === 'dict') return augmented(old, '|=', args[0], budget);
    if (method === 'setdefault' && args.length >= 1) {
      if (old.entries.some((e) => !e.maybe && pyEquals(e.key, args[0]) === true)) return old;
      if (old.open || old.entries.some((e) => pyEquals(e.key, args[0]) !== false)) return { ...old, open: true };
      const entries = [...old.entries];
      setEntry(entries, args[0], args[1] ?? NONE);
      return { kind: 'dict', entries, open: old.open };
    }
    if (method === 'pop' && args.length >= 1) {
      const entries = old.entries.filter((e) => pyEquals(e.key, args[0]) !== true);
      return entries.length === old.entries.length && old.entries.some((e) => pyEquals(e.key, args[0]) === undefined) ? UNKNOWN : { kind: 'dict', entries, open: old.open };
    }
    if (method === 'clear') return { kind: 'dict', entries: [], open: false };
    return UNKNOWN;
  }
  return unknown(undefined, envNamesOf(old));
}

export function setIn(container: Value, keys: (Value | undefined)[], value: Value): Value {
  return updateIn(container, keys, () => value);
}

export function deleteIn(container: Value, keys: (Value | undefined)[], budget: Budget): Value {
  if (keys.length === 0) return UNKNOWN;
  const last = keys[keys.length - 1];
  return updateIn(container, keys.slice(0, -1), (inner) => (last ? inPlace(inner, 'pop', [last], budget) : UNKNOWN));
}

/** Copy-on-write update of a nested dict/list item. */
export function updateIn(container: Value, keys: (Value | undefined)[], f: (old: Value) => Value): Value {
  if (keys.length === 0) return f(container);
  if (container.kind === 'oneOf') return oneOf(container.options.map((o) => updateIn(o, keys, f)));
  const [key, ...rest] = keys;
  if (!key) return container.kind === 'dict' ? { ...container, open: true } : unknown();
  if (container.kind === 'dict' && (key.kind === 'str' || key.kind === 'int')) {
    const entries = [...container.entries];
    const i = entries.findIndex((e) => pyEquals(e.key, key) === true);
    const old = i >= 0 ? (entries[i].maybe ? UNKNOWN : entries[i].value) : container.open ? UNKNOWN : rest.length ? raising(`KeyError: ${key.kind === 'str' ? `'${key.value}'` : key.value}`) : UNKNOWN;
    const next = updateIn(old, rest, f);
    if (i >= 0) entries[i] = { key: entries[i].key, value: next };
    else entries.push({ key, value: next });
    return { kind: 'dict', entries, open: container.open };
  }
  if ((container.kind === 'list' || container.kind === 'tuple') && key.kind === 'int') {
    const firstSome = container.items.findIndex((x) => x.kind === 'some');
    const length = firstSome >= 0 ? firstSome : container.items.length;
    const idx = key.value < 0 ? (firstSome >= 0 ? -1 : container.items.length + key.value) : key.value;
    if (idx < 0 || idx >= length) return firstSome >= 0 ? container : raising('IndexError: list assignment index out of range');
    const items = [...container.items];
    items[idx] = updateIn(items[idx], rest, f);
    return { kind: container.kind, items };
  }
  if (container.kind === 'unknown' && container.raises) return container;
  return unknown();
}
