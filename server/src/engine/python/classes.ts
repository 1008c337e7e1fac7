// Classes the project defines, read the way Python reads them: attributes looked up along the
// method resolution order (C3), methods bound to their instance, properties computed on read,
// `super()` starting after the class that calls it. This is what class-based settings need:
// `class Production(Base): @property def MIDDLEWARE(self): m = super().MIDDLEWARE; …`, exported
// to the module by a helper (`Production.load_settings(__name__)`), or django-configurations.

import { type Value, type ClassValue, type ClassAttribute, type FunctionValue, type InstanceValue, unknown } from './values';
import type { EvalContext } from './evaluate';
import type { CallArgs } from './calls';
import { callFunction } from './functions';

const MAX_CLASS_DEPTH = 16;

/** `object`: what `object()` makes an instance of (sentinels compared with `is`). */
export const SENTINEL_CLASS: ClassValue = { kind: 'class', name: 'object', bases: [], attributes: new Map() };
const linearizations = new WeakMap<ClassValue, ClassValue[]>();

/** The class and its project bases in Python's method resolution order (C3; depth first when C3 fails). */
export function mro(cls: ClassValue, depth = 0): ClassValue[] {
  const known = linearizations.get(cls);
  if (known) return known;
  const bases = cls.bases.filter((b): b is ClassValue => b.kind === 'class');
  let order: ClassValue[];
  if (depth > MAX_CLASS_DEPTH) order = [cls];
  else order = [cls, ...(c3(bases.map((b) => mro(b, depth + 1)).concat([bases])) ?? depthFirst(bases, depth))];
  linearizations.set(cls, order);
  return order;
}

function c3(sequences: ClassValue[][]): ClassValue[] | undefined {
  const seqs = sequences.map((s) => [...s]).filter((s) => s.length);
  const out: ClassValue[] = [];
  while (seqs.length) {
    const head = seqs.map((s) => s[0]).find((h) => !seqs.some((s) => s.indexOf(h) > 0));
    if (!head) return undefined;
    out.push(head);
    for (const s of seqs) if (s[0] === head) s.shift();
    for (let i = seqs.length - 1; i >= 0; i--) if (!seqs[i].length) seqs.splice(i, 1);
  }
  return out;
}

function depthFirst(bases: ClassValue[], depth: number): ClassValue[] {
  const out: ClassValue[] = [];
  for (const b of bases) for (const c of mro(b, depth + 1)) if (!out.includes(c)) out.push(c);
  return out;
}

/** An attribute of a class or its bases; with `after`, only the classes after that one (`super()`). */
export function classAttribute(cls: Value, attr: string, after?: ClassValue): ClassAttribute | undefined {
  if (cls.kind !== 'class') return undefined;
  const order = mro(cls);
  const start = after ? order.indexOf(after) + 1 : 0;
  if (after && start === 0) return undefined;
  for (let i = start; i < order.length; i++) {
    const own = order[i].attributes.get(attr);
    if (own) return own;
  }
  return undefined;
}

/** Every attribute name of a class and its bases. */
export function classAttributeNames(cls: ClassValue): Set<string> {
  const names = new Set<string>();
  for (const c of mro(cls)) for (const n of c.attributes.keys()) names.add(n);
  return names;
}

/** Whether a method carries a decorator (`property`, `functools.cached_property` → `cached_property`). */
export function decorated(fn: FunctionValue, ...names: string[]): boolean {
  return !!fn.def.decorators?.some((d) => names.includes(d));
}

const PROPERTY = ['property', 'cached_property'];

const NO_ARGS: CallArgs = { positional: [], keywords: new Map(), keywordNodes: new Map(), positionalNodes: [], unknownSpread: false };

/** The value of a class attribute in the context's mode. */
function attributeValue(a: ClassAttribute, ctx: EvalContext): Value {
  if (a.concreteValue !== undefined) ctx.touchedEnv = true;
  return ctx.mode === 'concrete' ? (a.concreteValue ?? a.value) : a.value;
}

/** `Cls.attr`: class methods bound to the class, everything else as defined. */
export function readClassAttribute(cls: ClassValue, attr: string, ctx: EvalContext): Value {
  if (ctx.reads) ctx.reads.unmemoizable = true;
  const a = classAttribute(cls, attr);
  if (!a) return unknown(`${cls.name}.${attr}`);
  const v = attributeValue(a, ctx);
  return v.kind === 'function' && v.def.owner && decorated(v, 'classmethod') ? { ...v, bound: cls } : v;
}

/** `instance.attr`: properties computed with the instance, then what `__init__` set, then class attributes (methods bound). */
export function readInstanceAttribute(obj: InstanceValue, attr: string, ctx: EvalContext, depth: number): Value {
  if (ctx.reads) ctx.reads.unmemoizable = true;
  const a = classAttribute(obj.cls, attr, obj.after);
  const v = a && attributeValue(a, ctx);
  const self: InstanceValue = { kind: 'instance', cls: obj.cls, attributes: obj.attributes };
  if (v?.kind === 'function' && v.def.owner && decorated(v, ...PROPERTY)) return callFunction({ ...v, bound: self }, NO_ARGS, ctx, depth);
  const own = obj.after ? undefined : obj.attributes?.get(attr);
  if (own) return own;
  if (!v) return unknown(`${obj.cls.name}.${attr}`);
  if (v.kind !== 'function' || !v.def.owner) return v;
  if (decorated(v, 'staticmethod')) return v;
  return { ...v, bound: decorated(v, 'classmethod') ? obj.cls : self };
}

/** `super()` inside a method: the instance seen from the classes after the method's own. */
export function superOf(method: { owner: ClassValue; self: Value } | undefined): Value {
  if (!method || method.self.kind !== 'instance') return unknown('super() outside a method');
  return { kind: 'instance', cls: method.self.cls, after: method.owner, attributes: method.self.attributes };
}

/** `Cls(args)`: an instance, with what its `__init__` sets (`self.name = name`) when it can be followed. */
export function construct(cls: ClassValue, args: CallArgs, ctx: EvalContext, depth: number): Value {
  const instance: InstanceValue = { kind: 'instance', cls, attributes: new Map() };
  if (cls === SENTINEL_CLASS) return instance;
  const init = classAttribute(cls, '__init__');
  const fn = init && attributeValue(init, ctx);
  if (fn?.kind === 'function' && fn.def.owner) {
    const r = callFunction({ ...fn, bound: instance }, args, ctx, depth);
    if (r.kind === 'unknown' && r.raises) return r;
  }
  return instance;
}
