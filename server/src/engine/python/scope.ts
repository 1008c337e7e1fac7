// A module's names while it runs in the head: bindings (what a name holds, where it was set, what
// it overrode) and scopes layered over each other.
//
// A branch runs in a layer over the scope it started from, so a fork costs nothing and the merge
// after the branch visits only the names the branch set (linear in what changed, never in the
// size of the module). Values are lazy: a binding records how to compute its value and computes
// it on first read, against the bindings that existed at its statement (`seq` / `prior`).

import { type Value, unknown } from './values';
import { type Budget, LIMITS } from './budget';
import { type Token, freshToken } from './memo';

export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

/** What evaluating a statement's expression gives. */
export interface Evaluated {
  value: Value;
  /** The value in the analysis environment, where it differs from `value` (or may). */
  concreteValue?: Value;
  envVariables?: string[];
}

export interface SettingBinding extends Evaluated {
  name: string;
  /** The name in the statement that gave the value (what hovers and squiggles point at). */
  origin: SourceRange;
  /** The assigned expression, where there is one. */
  valueRange?: SourceRange;
  /** The whole statement. */
  statement: SourceRange;
  /** In-place changes after the last assignment (`+=`, `.append`, item assignment…). */
  changes: SourceRange[];
  /** The binding this one replaced. */
  overrides?: SettingBinding;
  /** Set when the value depends on a branch that may not run: the branch, as written. */
  conditional?: string;
  /** For a binding merged after a branch: the bindings it may be. */
  alternatives?: SettingBinding[];
  /** Set when the name came in through an import: the import statement. */
  importedVia?: SourceRange;
  /** Execution order: a value is evaluated against the bindings that came before it. */
  seq: number;
  /** The binding of the same name this one replaced in its scope (assignment, change or deletion). */
  prior?: SettingBinding;
  /** `del NAME`: the name is unbound from this statement on. */
  deleted?: boolean;
  /** Identifies the value: the same token means the same value (see memo.ts). */
  token: Token;
}

export type Lazy = () => Evaluated;
export type BindingFields = Omit<SettingBinding, 'value' | 'concreteValue' | 'envVariables' | 'token'>;

const NO_CHANGES: SourceRange[] = [];

/** Increases across every execution, so that bindings compare by age even across modules. */
let SEQ = 0;
export function nextSeq(): number {
  return ++SEQ;
}

/**
 * A binding whose value is computed on first read. Settings files are mostly values nobody
 * reads (rules read a few dozen settings): evaluating lazily keeps a keystroke cheap.
 */
export class LazyBinding implements SettingBinding {
  name!: string;
  changes!: SourceRange[];
  overrides?: SettingBinding;
  conditional?: string;
  alternatives?: SettingBinding[];
  importedVia?: SourceRange;
  seq!: number;
  prior?: SettingBinding;
  deleted?: boolean;
  /** Its value is computed from `prior`'s (an in-place change, `X = X + …`): forced oldest first. */
  chained?: boolean;
  token!: Token;
  // Ranges as plain offsets: one object per binding instead of four, on every keystroke.
  private file!: string;
  private originStart!: number;
  private originEnd!: number;
  private statementStart!: number;
  private statementEnd!: number;
  private valueStart!: number;
  private valueEnd!: number;
  private evaluated: Evaluated | undefined;
  private compute: Lazy | undefined;
  private budget!: Budget;

  static create(fields: BindingFields, value: Evaluated | Lazy, budget: Budget, chained = false, token: Token = freshToken()): LazyBinding {
    const b: LazyBinding = Object.create(LazyBinding.prototype);
    b.token = token;
    b.name = fields.name;
    b.file = fields.origin.file;
    b.originStart = fields.origin.start;
    b.originEnd = fields.origin.end;
    b.statementStart = fields.statement.start;
    b.statementEnd = fields.statement.end;
    b.valueStart = fields.valueRange ? fields.valueRange.start : -1;
    b.valueEnd = fields.valueRange ? fields.valueRange.end : -1;
    b.changes = fields.changes;
    b.overrides = fields.overrides;
    b.conditional = fields.conditional;
    b.alternatives = fields.alternatives;
    b.importedVia = fields.importedVia;
    b.seq = fields.seq;
    b.prior = fields.prior;
    b.deleted = fields.deleted;
    b.chained = chained;
    b.budget = budget;
    if (typeof value === 'function') {
      b.compute = value;
      b.evaluated = undefined;
    } else {
      b.evaluated = value;
      b.compute = undefined;
    }
    return b;
  }

  /** The plain `NAME = value` statement, built from offsets without intermediate objects. */
  static assignment(name: string, file: string, nameFrom: number, nameTo: number, statementFrom: number, statementTo: number, valueFrom: number, valueTo: number, seq: number, previous: SettingBinding | undefined, conditional: string | undefined, value: Evaluated | Lazy, budget: Budget, chained: boolean, token: Token): LazyBinding {
    const b: LazyBinding = Object.create(LazyBinding.prototype);
    b.token = token;
    b.name = name;
    b.file = file;
    b.originStart = nameFrom;
    b.originEnd = nameTo;
    b.statementStart = statementFrom;
    b.statementEnd = statementTo;
    b.valueStart = valueFrom;
    b.valueEnd = valueTo;
    b.changes = NO_CHANGES;
    b.overrides = previous;
    b.conditional = conditional;
    b.alternatives = undefined;
    b.importedVia = undefined;
    b.seq = seq;
    b.prior = previous;
    b.deleted = undefined;
    b.chained = chained;
    b.budget = budget;
    if (typeof value === 'function') {
      b.compute = value;
      b.evaluated = undefined;
    } else {
      b.evaluated = value;
      b.compute = undefined;
    }
    return b;
  }

  get origin(): SourceRange {
    return { file: this.file, start: this.originStart, end: this.originEnd };
  }
  get statement(): SourceRange {
    return { file: this.file, start: this.statementStart, end: this.statementEnd };
  }
  get valueRange(): SourceRange | undefined {
    return this.valueStart < 0 ? undefined : { file: this.file, start: this.valueStart, end: this.valueEnd };
  }

  private force(): Evaluated {
    if (this.evaluated) return this.evaluated;
    const compute = this.compute;
    if (!compute) return { value: unknown('a value that depends on itself') }; // read while being computed
    if (this.chained) forceChainOldestFirst(this);
    if (this.evaluated) return this.evaluated;
    const budget = this.budget;
    if (budget.forceDepth >= LIMITS.forceDepth) {
      budget.cuts++;
      return { value: unknown('values depend on each other too deeply') };
    }
    this.compute = undefined;
    budget.forceDepth++;
    try {
      this.evaluated = compute();
    } catch {
      this.evaluated = { value: unknown() };
    } finally {
      budget.forceDepth--;
    }
    return this.evaluated;
  }

  /** Computes the binding's values (not a lazily computed symbolic part). */
  ensureComputed(): void {
    this.force();
  }

  get isForced(): boolean {
    return this.evaluated !== undefined;
  }

  /** Whether the symbolic value has been read (a merged binding computes it on first read). Set by the getter (instances are made with Object.create: no initialiser runs). */
  symbolicForced?: boolean;

  /** Reads the symbolic value once (without walking the chain: the caller goes oldest first). */
  forceSymbolic(): void {
    if (this.symbolicForced) return;
    this.symbolicForced = true;
    void this.force().value;
  }

  get value(): Value {
    const evaluated = this.force();
    // A merged binding's symbolic value is computed on first read, from the one before: read
    // the chain's oldest first (thousands of branches changing one name must not recurse).
    if (this.chained && !this.symbolicForced) forceChainOldestFirst(this, true);
    const v = evaluated.value;
    this.symbolicForced = true;
    return v;
  }
  get concreteValue(): Value | undefined {
    return this.force().concreteValue;
  }
  get envVariables(): string[] | undefined {
    return this.force().envVariables;
  }
}

/**
 * `X.append(…)` thirty thousand times makes a chain of values each computed from the one before.
 * Forcing the newest would recurse through all of them: force them from the oldest instead.
 */
function forceChainOldestFirst(newest: LazyBinding, symbolic = false) {
  const chain: LazyBinding[] = [];
  // Linear in the chain, each binding once: a forced one (its symbolic value too, when asked)
  // ends the walk.
  for (let b = newest.prior; b instanceof LazyBinding && !(symbolic ? b.symbolicForced : b.isForced); b = b.prior) {
    chain.push(b);
    if (!b.chained) break;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    chain[i].ensureComputed();
    if (symbolic) chain[i].forceSymbolic();
  }
}

/** The position and history fields of a binding, without forcing its value. */
export function fieldsOf(b: SettingBinding): BindingFields {
  return {
    name: b.name,
    origin: b.origin,
    valueRange: b.valueRange,
    statement: b.statement,
    changes: b.changes,
    overrides: b.overrides,
    conditional: b.conditional,
    alternatives: b.alternatives,
    importedVia: b.importedVia,
    seq: b.seq,
    prior: b.prior,
    deleted: b.deleted,
  };
}

/**
 * Names and their bindings, optionally layered over a parent scope: reads fall through to the
 * parent, writes stay in the layer. A module's own scope has no parent.
 */
/**
 * Names nobody can list that a module may have bound (a write of globals() nobody could name,
 * see namespace.ts): why, and the prefix they all share when that is known (`EMAIL_` for
 * `vars().update(env.email())`).
 */
export interface DynamicNames {
  why: string;
  prefix?: string;
}

export function matchingDynamic(entries: readonly DynamicNames[] | undefined, name: string | undefined): string | undefined {
  for (const d of entries ?? []) if (!d.prefix || (name !== undefined && name.startsWith(d.prefix))) return d.why;
  return undefined;
}

export class Scope {
  private own = new Map<string, SettingBinding>();
  /** Set on a module's scope when names nobody can list may be bound. */
  dynamicNames: DynamicNames[] | undefined;

  constructor(readonly parent?: Scope) {}

  /** Why `name`, not bound here, may still be set; without a name, why any name may be. */
  dynamic(name?: string): string | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const why = matchingDynamic(s.dynamicNames, name);
      if (why) return why;
    }
    return undefined;
  }

  /** The binding a read sees now (undefined for names never bound or deleted). */
  get(name: string): SettingBinding | undefined {
    const b = this.raw(name);
    return b?.deleted ? undefined : b;
  }

  /** The newest binding or deletion record of a name, through the layers. */
  raw(name: string): SettingBinding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.own.get(name);
      if (b) return b;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, binding: SettingBinding): void {
    this.own.set(name, binding);
  }

  /** Names this layer set (or deleted). */
  ownNames(): IterableIterator<string> {
    return this.own.keys();
  }

  /** This layer's binding or deletion record of a name. */
  ownRaw(name: string): SettingBinding | undefined {
    return this.own.get(name);
  }

  /** Every bound name with its binding, through the layers (newest layer wins). */
  *entries(): IterableIterator<[string, SettingBinding]> {
    if (!this.parent) {
      for (const [k, b] of this.own) if (!b.deleted) yield [k, b];
      return;
    }
    const seen = new Set<string>();
    for (let s: Scope | undefined = this; s; s = s.parent) {
      for (const [k, b] of s.own) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (!b.deleted) yield [k, b];
      }
    }
  }

  /** This layer's names with their newest binding or deletion record (a module's own scope: every name). */
  rawEntries(): IterableIterator<[string, SettingBinding]> {
    return this.own.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, SettingBinding]> {
    return this.entries();
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
}

/** The binding of `name` that a statement numbered `seq` sees in `scope`. */
export function lookupAt(scope: Scope, name: string, seq: number): SettingBinding | undefined {
  let b = scope.raw(name);
  while (b && b.seq >= seq) b = b.prior;
  return b?.deleted ? undefined : b;
}
