// The module's own namespace as a value: `globals()` (and `vars()` / `locals()` at module level).
// Real settings write settings through it: PeeringDB's `set_option("SECURE_HSTS_SECONDS", 47304000)`
// is `context[name] = value` on `globals()` passed down through helpers; others do
// `globals().update(config)` or `globals()[name] = value` in a loop.
//
// An evaluation that may write collects its writes in a NamespaceWrites (per path inside a
// function, merged when the function returns); the executor binds what a statement wrote at that
// statement. A write nobody can name (`globals().update(data)` with unknown data, `exec(code,
// globals())`) makes the namespace "opaque": after it, a setting not assigned anywhere may still
// be set, and rules must not assume Django's default for it.

import { type Value, unknown, isSequence } from './values';
import { type DynamicNames, matchingDynamic } from './scope';
import type { EvalContext } from './evaluate';
import { oneOf } from './alternatives';

/** A name that is not bound (on some path): Django's default applies there. */
export const ABSENT: Value = { kind: 'unknown', reason: 'not set on every path', absent: true };

export function isAbsent(v: Value): boolean {
  return v.kind === 'unknown' && !!v.absent;
}

export class NamespaceWrites {
  /** Names written, in order, with their value (ABSENT after `del` or `pop`). */
  readonly names = new Map<string, Value>();
  /** Writes nobody can name that happened: why (and the prefix of the names, when known). */
  opaque: DynamicNames[] = [];

  /** `parent`: the writes of the evaluation this one runs inside (a caller's path). */
  constructor(readonly parent?: NamespaceWrites) {}

  copy(): NamespaceWrites {
    const c = new NamespaceWrites(this.parent);
    for (const [k, v] of this.names) c.names.set(k, v);
    c.opaque = [...this.opaque];
    return c;
  }

  addOpaque(why: string, prefix?: string): void {
    if (!this.opaque.some((d) => d.why === why && d.prefix === prefix)) this.opaque.push({ why, prefix });
  }

  write(name: string, value: Value): void {
    this.names.set(name, value);
  }
}

/** Whether `ns` is the namespace of the module being run (writes to another module's are not ours). */
export function isOwnNamespace(ns: Value, ctx: EvalContext): boolean {
  return ns.kind === 'namespace' && ns.module === ctx.moduleFile;
}

/**
 * The value `name` has in the module's namespace during this evaluation: what it wrote, else
 * the module's binding at the statement. ABSENT when certainly not bound; unknown after an
 * opaque write.
 */
export function namespaceRead(name: string, ctx: EvalContext): Value {
  for (let w = ctx.namespaceWrites; w; w = w.parent) {
    const v = w.names.get(name);
    if (v !== undefined) return v;
    const why = matchingDynamic(w.opaque, name);
    if (why) return unknown(`may be set by ${why}`);
  }
  const b = ctx.moduleLookup(name);
  if (!b) return ABSENT;
  if (b.concreteValue !== undefined) ctx.touchedEnv = true;
  return ctx.mode === 'concrete' ? (b.concreteValue ?? b.value) : b.value;
}

/** `name in globals()`: true, false, or undefined when it is bound on some paths only. */
export function namespaceHas(name: string, ctx: EvalContext): boolean | undefined {
  const v = namespaceRead(name, ctx);
  if (isAbsent(v)) return false;
  if (v.kind === 'oneOf') return v.options.some(isAbsent) ? (v.options.every(isAbsent) ? false : undefined) : true;
  if (v.kind === 'unknown' && v.reason?.startsWith('may be set by')) return undefined;
  return true;
}

/** A write of the module's namespace, where the evaluation collects them; false when it cannot. */
export function namespaceWrite(ctx: EvalContext, name: string, value: Value): boolean {
  if (!ctx.namespaceWrites) return false;
  ctx.namespaceWrites.write(name, value);
  return true;
}

/** Marks the namespace as written with names nobody can list (all starting with `prefix`, when given). */
export function namespaceOpaque(ctx: EvalContext, why: string, prefix?: string): void {
  ctx.namespaceWrites?.addOpaque(why, prefix);
}

/** `globals().update(d)` / `.update(NAME=v)`: each string key written, or opaque. */
export function namespaceUpdate(ctx: EvalContext, entries: { key: Value; value: Value; maybe?: boolean }[] | undefined, why: string, prefix?: string): void {
  if (!entries) return namespaceOpaque(ctx, why, prefix);
  for (const e of entries) {
    if (e.key.kind !== 'str') return namespaceOpaque(ctx, why);
    const before = e.maybe ? namespaceRead(e.key.value, ctx) : undefined;
    namespaceWrite(ctx, e.key.value, before ? oneOf([before, e.value]) : e.value);
  }
}

/** The entries of a `dict(...)`-like argument of `update`, when every key is known. */
export function exactEntries(v: Value): { key: Value; value: Value; maybe?: boolean }[] | undefined {
  if (v.kind === 'dict' && !v.open) return v.entries;
  if (isSequence(v) && v.items.every((i) => isSequence(i) && i.items.length === 2)) return v.items.map((i) => ({ key: (i as { items: Value[] }).items[0], value: (i as { items: Value[] }).items[1] }));
  return undefined;
}
