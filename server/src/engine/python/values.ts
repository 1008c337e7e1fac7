// What a settings expression is known to be, without running it.
//
// Knowledge is partial, never all-or-nothing:
// - `unknown` is a first-class answer: every rule treats it as "cannot decide" and stays quiet
//   (prefer a missed warning to a false alarm);
// - `oneOf` holds the few values a name may have after a branch the reader cannot decide (the
//   options are never `oneOf` themselves; see alternatives.ts for how they are built and bounded);
// - a sequence may hold `some` items: zero or more items nobody can list (an append in a loop, a
//   spread of something unknown), optionally limited to known candidates. Every other item is
//   certainly there, in that order, so `in` can still answer yes, and order questions can still
//   be decided away from the unknown part;
// - a dict entry may be `maybe` there, and a dict may be `open` (keys nobody can list).
// Environment reads keep their variable name, default and cast so that rules can reason about
// "with the analysis environment" (by default: every variable unset) and "whenever it is set".

import type { SyntaxNode } from '@lezer/common';

export type Value =
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none'; /** The unset environment variable this None stands for (`os.environ.get("X")`). */ variable?: string }
  | SequenceValue
  | DictValue
  /** A pathlib path, or (`environ`) a django-environ `Path`, whose operators and methods differ. */
  | { kind: 'path'; path: string; environ?: true }
  | ModuleValue
  | { kind: 'callable'; name: string; self?: Value }
  | FunctionValue
  | ClassValue
  | InstanceValue
  /** `globals()` of a module (its file): see namespace.ts. */
  | { kind: 'namespace'; module: string }
  | { kind: 'envReader'; library: EnvLibrary; schema: Map<string, EnvSchemaEntry> }
  | EnvValue
  | OneOf
  | Some
  | UnknownValue;

/** A module: a library the evaluator knows by name, or a project module whose names are its attributes. */
export interface ModuleValue {
  kind: 'module';
  name: string;
  /** A project module: its file, and its names as they are once it has run. */
  file?: string;
  members?: (attribute: string) => { value: Value; concreteValue?: Value; token?: number } | undefined;
  /** A project module: every name it binds (for `dir(module)` and `module.__dict__`). */
  names?: () => string[];
}

export interface SequenceValue {
  kind: 'list' | 'tuple' | 'set';
  items: Value[];
}

export interface DictEntry {
  key: Value;
  value: Value;
  /** The entry may be absent (set in a branch that may not run). */
  maybe?: boolean;
}

export interface DictValue {
  kind: 'dict';
  entries: DictEntry[];
  /** Keys nobody can list may be present too. */
  open: boolean;
  /** Where `open`: the keys nobody can list all start with this (`EMAIL_` for an e-mail URL's settings). */
  keyPrefix?: string;
}

/** A value that is one of a few others (a branch nobody can decide). Options are never `oneOf`. */
export interface OneOf {
  kind: 'oneOf';
  options: Value[];
}

/** Inside a sequence only: zero or more items, each one of `candidates` when they are known. */
export interface Some {
  kind: 'some';
  candidates?: Value[];
}

export interface UnknownValue {
  kind: 'unknown';
  reason?: string;
  /** Environment variables the value depends on. */
  envNames?: string[];
  /**
   * Evaluating it raises (in the analysis environment): Django could not load the module.
   * The variable whose absence causes it, when one does.
   */
  raises?: { message: string; variable?: string };
  /** Inside a merged value only: the name is not bound on this path (Django's default applies). */
  absent?: boolean;
}

/** A function defined in a project module (`def env_bool(name, default): …`). */
export interface FunctionValue {
  kind: 'function';
  name: string;
  def: FunctionDef;
  /** A method read from an instance or (classmethod) a class: its first argument. */
  bound?: Value;
}

export interface FunctionDef {
  node: SyntaxNode;
  text: string;
  file: string;
  /** The module whose run defined it (differs from `file` in a split-settings component). */
  module: string;
  /** The defining module's names, as they are once it has run (for calls from other modules). */
  globals: (name: string) => { value: Value; concreteValue?: Value; token?: number } | undefined;
  /** A method: the class whose body defines it (for `super()`), and its decorators' names. */
  owner?: ClassValue;
  decorators?: string[];
}

/** A class defined in a project module: its own attributes, then its bases'. */
export interface ClassValue {
  kind: 'class';
  name: string;
  bases: Value[];
  attributes: Map<string, ClassAttribute>;
}

/**
 * An instance of a project class (`Settings()`): attributes are the class's, read through its
 * method resolution order, properties computed. `after` is `super()`'s view: the classes after
 * that one only.
 */
export interface InstanceValue {
  kind: 'instance';
  cls: ClassValue;
  after?: ClassValue;
  /** What `__init__` set on it (`self.name = name`). */
  attributes?: Map<string, Value>;
}

/** A class attribute: a binding of the class body (settings.ts's SettingBinding fits). */
export interface ClassAttribute {
  readonly value: Value;
  readonly concreteValue?: Value;
  readonly origin: { file: string; start: number; end: number };
}

export type EnvLibrary = 'os' | 'django-environ' | 'decouple' | 'environs' | 'configurations';

/** The cast applied to the raw string read from the environment. */
export type EnvCast = 'str' | 'bool' | 'int' | 'float' | 'list' | 'tuple' | 'path' | 'json' | 'dict' | 'url' | 'other';

export interface EnvSchemaEntry {
  cast: EnvCast;
  default?: Value;
}

/** A value read from the process environment, e.g. `os.environ.get("DEBUG", False)`. */
export interface EnvValue {
  kind: 'env';
  variable: string;
  /** How it is read, as written: `os.environ.get`, `env.bool`, `config`... */
  accessor: string;
  library: EnvLibrary;
  cast: EnvCast;
  /** The value when the variable is unset; `undefined` when unset raises (KeyError, ImproperlyConfigured). */
  default: Value | undefined;
  /** The library casts the default too (python-decouple, django-environ's parse_default). */
  castsDefault?: boolean;
}

export const UNKNOWN: Value = { kind: 'unknown' };
export const NONE: Value = { kind: 'none' };
export const TRUE: Value = { kind: 'bool', value: true };
export const FALSE: Value = { kind: 'bool', value: false };
export const SOME: Value = { kind: 'some' };

export function str(value: string): Value {
  return { kind: 'str', value };
}

export function int(value: number): Value {
  return { kind: 'int', value };
}

export function unknown(reason?: string, envNames?: string[]): Value {
  return envNames && envNames.length ? { kind: 'unknown', reason, envNames } : reason ? { kind: 'unknown', reason } : UNKNOWN;
}

/** A value whose evaluation raises: Django cannot load the module that computes it. */
export function raising(message: string, variable?: string): Value {
  return { kind: 'unknown', reason: message, raises: { message, variable }, envNames: variable ? [variable] : undefined };
}

export function isSequence(v: Value): v is SequenceValue {
  return v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set';
}

/** Every item is certainly there and known to exist (no `some` part). */
export function isExactSequence(v: Value): v is SequenceValue {
  return isSequence(v) && !v.items.some((i) => i.kind === 'some');
}

/** A value whose kind is certain: not unknown, an environment read, one of several values or a `some` part. */
export function isDecided(v: Value): boolean {
  return v.kind !== 'unknown' && v.kind !== 'env' && v.kind !== 'oneOf' && v.kind !== 'some';
}

export function raises(v: Value): boolean {
  return v.kind === 'unknown' && !!v.raises;
}

/** Python truthiness: true, false, or undefined when it cannot be decided. */
export function truthy(v: Value): boolean | undefined {
  switch (v.kind) {
    case 'str':
      return v.value.length > 0;
    case 'int':
    case 'float':
      return v.value !== 0;
    case 'bool':
      return v.value;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
    case 'set': {
      if (v.items.length === 0) return false;
      return v.items.some((i) => i.kind !== 'some') ? true : undefined;
    }
    case 'dict':
      return v.entries.some((e) => !e.maybe) ? true : v.entries.length === 0 && !v.open ? false : undefined;
    case 'path':
    case 'module':
    case 'callable':
    case 'function':
    case 'class':
    case 'envReader':
    case 'namespace':
      return true;
    case 'oneOf':
      return agree(v.options, truthy);
    default:
      return undefined;
  }
}

/** The answer every option gives, or undefined when they differ or one cannot tell. */
export function agree<T>(options: Value[], f: (v: Value) => T | undefined): T | undefined {
  let answer: T | undefined;
  for (let i = 0; i < options.length; i++) {
    const a = f(options[i]);
    if (a === undefined) return undefined;
    if (i === 0) answer = a;
    else if (a !== answer) return undefined;
  }
  return answer;
}

/** `value is True` in Python. */
export function isTrue(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'oneOf') return agree(v.options, isTrue);
  if (v.kind === 'unknown' || v.kind === 'env' || v.kind === 'some') return undefined;
  return false;
}

function numberOf(v: Value): number | undefined {
  return v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? (v.value ? 1 : 0) : undefined;
}

/** Python `==` where decidable. */
export function pyEquals(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'oneOf') return agree(a.options, (o) => pyEquals(o, b));
  if (b.kind === 'oneOf') return agree(b.options, (o) => pyEquals(a, o));
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'env' || b.kind === 'env' || a.kind === 'some' || b.kind === 'some') return undefined;
  const na = numberOf(a);
  const nb = numberOf(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (a.kind === 'str' && b.kind === 'str') return a.value === b.value;
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  if (a.kind === 'path' && b.kind === 'path') return a.path === b.path;
  if (isSequence(a) && isSequence(b)) {
    if ((a.kind === 'set') !== (b.kind === 'set') || (a.kind === 'tuple') !== (b.kind === 'tuple')) return false;
    if (!isExactSequence(a) || !isExactSequence(b)) return undefined;
    if (a.items.length !== b.items.length) return a.kind === 'set' ? undefined : false;
    if (a.kind === 'set') return undefined;
    let all = true;
    for (let i = 0; i < a.items.length; i++) {
      const eq = pyEquals(a.items[i], b.items[i]);
      if (eq === false) return false;
      if (eq === undefined) all = false;
    }
    return all ? true : undefined;
  }
  if (a.kind === 'dict' && b.kind === 'dict') {
    if (a.open || b.open || a.entries.some((e) => e.maybe) || b.entries.some((e) => e.maybe)) return undefined;
    if (a.entries.length !== b.entries.length) return false;
    let all = true;
    for (const e of a.entries) {
      const other = b.entries.find((x) => pyEquals(x.key, e.key) === true);
      if (!other) return b.entries.some((x) => pyEquals(x.key, e.key) === undefined) ? undefined : false;
      const eq = pyEquals(e.value, other.value);
      if (eq === false) return false;
      if (eq === undefined) all = false;
    }
    return all ? true : undefined;
  }
  if (a.kind !== b.kind) {
    // A str never equals a number, a list never equals a str...
    const decidable = (v: Value) => v.kind !== 'module' && v.kind !== 'callable' && v.kind !== 'envReader' && v.kind !== 'function' && v.kind !== 'class';
    return decidable(a) && decidable(b) ? false : undefined;
  }
  return undefined;
}

/** Structural identity (used to merge equal options), bounded in size: false when too big to tell. */
export function sameValue(a: Value, b: Value, budget = { left: 2000 }): boolean {
  if (a === b) return true;
  if (--budget.left < 0 || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'none':
      return true;
    case 'path':
      return a.path === (b as typeof a).path;
    case 'module':
      return a.name === (b as typeof a).name;
    case 'callable': {
      const c = b as typeof a;
      return a.name === c.name && (a.self === c.self || (!!a.self && !!c.self && sameValue(a.self, c.self, budget)));
    }
    case 'class':
      return a === b;
    case 'instance':
      return a.cls === (b as typeof a).cls && a.after === (b as typeof a).after;
    case 'namespace':
      return a.module === (b as typeof a).module;
    case 'function':
      return a.def.node === (b as typeof a).def.node;
    case 'env': {
      const e = b as EnvValue;
      return a.variable === e.variable && a.accessor === e.accessor && a.cast === e.cast && (a.default === e.default || (!!a.default && !!e.default && sameValue(a.default, e.default, budget)));
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const s = b as SequenceValue;
      return a.items.length === s.items.length && a.items.every((x, i) => sameValue(x, s.items[i], budget));
    }
    case 'dict': {
      const d = b as DictValue;
      return a.open === d.open && a.entries.length === d.entries.length && a.entries.every((e, i) => !!e.maybe === !!d.entries[i].maybe && sameValue(e.key, d.entries[i].key, budget) && sameValue(e.value, d.entries[i].value, budget));
    }
    case 'some': {
      const s = b as Some;
      if (!a.candidates || !s.candidates) return !a.candidates && !s.candidates;
      return a.candidates.length === s.candidates.length && a.candidates.every((x, i) => sameValue(x, s.candidates![i], budget));
    }
    case 'oneOf': {
      const o = b as OneOf;
      return a.options.length === o.options.length && a.options.every((x, i) => sameValue(x, o.options[i], budget));
    }
    default:
      return false;
  }
}

/** A string for a value that is a plain string or a Path, as Django's `str()`/`os.fspath()` would give. */
export function pathLike(v: Value): string | undefined {
  if (v.kind === 'str') return v.value;
  if (v.kind === 'path') return v.path;
  return undefined;
}

/**
 * Membership of a string in a sequence: true when an item certainly equals it, false when no
 * item can, undefined otherwise (an unknown item, a `some` part that may hold it).
 */
export function containsString(v: Value, entry: string): boolean | undefined {
  if (v.kind === 'oneOf') return agree(v.options, (o) => containsString(o, entry));
  if (!isSequence(v)) return undefined;
  let unsure = false;
  for (const i of v.items) {
    if (i.kind === 'str') {
      if (i.value === entry) return true;
    } else if (i.kind === 'some') {
      if (!i.candidates || i.candidates.some((c) => c.kind !== 'str' || c.value === entry)) unsure = true;
    } else if (i.kind !== 'int' && i.kind !== 'float' && i.kind !== 'bool' && i.kind !== 'none') unsure = true;
  }
  return unsure ? undefined : false;
}

/** Python's repr, for messages and hovers. Long values are shortened. */
export function pyRepr(v: Value, budget = 120): string {
  const out = reprInner(v, { left: budget * 4 });
  return out.length > budget ? out.slice(0, budget - 1) + '…' : out;
}

function reprInner(v: Value, left: { left: number }): string {
  if (left.left <= 0) return '…';
  const out = reprOne(v, left);
  left.left -= out.length;
  return out;
}

function reprOne(v: Value, left: { left: number }): string {
  const items = (xs: Value[]) => {
    const parts: string[] = [];
    for (const x of xs) {
      if (left.left <= 0) {
        parts.push('…');
        break;
      }
      parts.push(reprInner(x, left));
    }
    return parts.join(', ');
  };
  switch (v.kind) {
    case 'str':
      return pyStringLiteral(v.value.length > 4 * left.left ? v.value.slice(0, 4 * left.left) : v.value);
    case 'int':
    case 'float':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return '[' + items(v.items) + ']';
    case 'tuple':
      return v.items.length === 1 ? '(' + items(v.items) + ',)' : '(' + items(v.items) + ')';
    case 'set':
      return v.items.length ? '{' + items(v.items) + '}' : 'set()';
    case 'dict': {
      const parts: string[] = [];
      for (const e of v.entries) {
        if (left.left <= 0) {
          parts.push('…');
          break;
        }
        parts.push(reprInner(e.key, left) + ': ' + reprInner(e.value, left) + (e.maybe ? ' (maybe)' : ''));
      }
      if (v.open) parts.push('…');
      return '{' + parts.join(', ') + '}';
    }
    case 'path':
      return `Path(${pyStringLiteral(v.path)})`;
    case 'module':
      return `<module ${v.name}>`;
    case 'callable':
      return v.name;
    case 'function':
      return `<function ${v.name}>`;
    case 'class':
      return `<class ${v.name}>`;
    case 'instance':
      return `<${v.cls.name} object>`;
    case 'namespace':
      return 'globals()';
    case 'envReader':
      return '<environment reader>';
    case 'env':
      return `${v.accessor}(${pyStringLiteral(v.variable)})`;
    case 'oneOf':
      return v.options.map((o) => reprInner(o, left)).join(' or ');
    case 'some':
      return v.candidates ? `…(maybe ${v.candidates.map((c) => reprInner(c, left)).join(', ')})` : '…';
    default:
      return 'unknown';
  }
}

export function pyStringLiteral(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + quote;
}

/** Environment variable names a value depends on (env reads, unknowns that came from them). */
export function envNamesOf(...values: Value[]): string[] {
  const names = new Set<string>();
  const visit = (v: Value, depth: number) => {
    if (depth > 4) return;
    if (v.kind === 'env') names.add(v.variable);
    else if (v.kind === 'unknown') v.envNames?.forEach((n) => names.add(n));
    else if (v.kind === 'oneOf') v.options.forEach((o) => visit(o, depth + 1));
  };
  values.forEach((v) => visit(v, 0));
  return [...names];
}
