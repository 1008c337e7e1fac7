// What a settings expression is known to be, without running it.
//
// `unknown` is a first-class answer: every rule must treat it as "cannot decide" and stay quiet
// (prefer a missed warning to a false alarm). Environment reads keep their variable name, default
// and cast so that rules can reason about "when the variable is unset" and "whenever it is set".

export type Value =
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list' | 'tuple' | 'set'; items: Value[] }
  | { kind: 'dict'; entries: DictEntry[]; open: boolean }
  | { kind: 'path'; path: string }
  | { kind: 'module'; name: string }
  | { kind: 'callable'; name: string }
  | { kind: 'envReader'; library: EnvLibrary; schema: Map<string, EnvSchemaEntry> }
  | EnvValue
  | { kind: 'unknown'; reason?: string; envNames?: string[] };

export interface DictEntry {
  key: Value;
  value: Value;
}

export type EnvLibrary = 'os' | 'django-environ' | 'decouple';

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
  cast: EnvCast;
  /** The value when the variable is unset; `undefined` when unset raises (KeyError, ImproperlyConfigured). */
  default: Value | undefined;
}

export const UNKNOWN: Value = { kind: 'unknown' };
export const NONE: Value = { kind: 'none' };
export const TRUE: Value = { kind: 'bool', value: true };
export const FALSE: Value = { kind: 'bool', value: false };

export function str(value: string): Value {
  return { kind: 'str', value };
}

export function unknown(reason?: string, envNames?: string[]): Value {
  return envNames && envNames.length ? { kind: 'unknown', reason, envNames } : reason ? { kind: 'unknown', reason } : UNKNOWN;
}

export function isSequence(v: Value): v is { kind: 'list' | 'tuple' | 'set'; items: Value[] } {
  return v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set';
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
    case 'set':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0 ? true : v.open ? undefined : false;
    case 'path':
    case 'module':
    case 'callable':
    case 'envReader':
      return true;
    default:
      return undefined;
  }
}

/** `value is True` in Python. */
export function isTrue(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'unknown' || v.kind === 'env') return undefined;
  return false;
}

/** Python `==` where decidable. */
export function pyEquals(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'env' || b.kind === 'env') return undefined;
  const num = (v: Value) => (v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? (v.value ? 1 : 0) : undefined);
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (a.kind === 'str' && b.kind === 'str') return a.value === b.value;
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  if (a.kind === 'path' && b.kind === 'path') return a.path === b.path;
  if (isSequence(a) && isSequence(b)) {
    if (a.kind !== b.kind) return false;
    if (a.items.length !== b.items.length) return false;
    let all = true;
    for (let i = 0; i < a.items.length; i++) {
      const eq = pyEquals(a.items[i], b.items[i]);
      if (eq === false) return false;
      if (eq === undefined) all = false;
    }
    return all ? true : undefined;
  }
  if (a.kind !== b.kind) {
    // A str never equals a number, a list never equals a str...
    const decidable = (v: Value) => v.kind !== 'dict' && v.kind !== 'module' && v.kind !== 'callable' && v.kind !== 'envReader';
    return decidable(a) && decidable(b) ? false : undefined;
  }
  return undefined;
}

/** A string for a value that is a plain string or a Path, as Django's `str()`/`os.fspath()` would give. */
export function pathLike(v: Value): string | undefined {
  if (v.kind === 'str') return v.value;
  if (v.kind === 'path') return v.path;
  return undefined;
}

/** Python's repr, for messages and hovers. Long values are shortened. */
export function pyRepr(v: Value, budget = 120): string {
  const out = reprInner(v);
  return out.length > budget ? out.slice(0, budget - 1) + '…' : out;
}

function reprInner(v: Value): string {
  switch (v.kind) {
    case 'str':
      return pyStringLiteral(v.value);
    case 'int':
    case 'float':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return '[' + v.items.map(reprInner).join(', ') + ']';
    case 'tuple':
      return v.items.length === 1 ? '(' + reprInner(v.items[0]) + ',)' : '(' + v.items.map(reprInner).join(', ') + ')';
    case 'set':
      return v.items.length ? '{' + v.items.map(reprInner).join(', ') + '}' : 'set()';
    case 'dict':
      return '{' + v.entries.map((e) => reprInner(e.key) + ': ' + reprInner(e.value)).concat(v.open ? ['…'] : []).join(', ') + '}';
    case 'path':
      return `Path(${pyStringLiteral(v.path)})`;
    case 'module':
      return `<module ${v.name}>`;
    case 'callable':
      return v.name;
    case 'envReader':
      return '<environment reader>';
    case 'env':
      return `${v.accessor}(${pyStringLiteral(v.variable)})`;
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
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + quote;
}

/** A value as read when the environment variable is unset: the default with its cast applied. */
export function envDefault(v: EnvValue): Value {
  if (v.default === undefined) return unknown(`${v.variable} is required`, [v.variable]);
  const d = v.default;
  // django-environ and decouple cast string defaults too; os.environ.get returns the default as is.
  if (v.accessor.startsWith('os.') || d.kind !== 'str') return d;
  return castString(d.value, v.cast);
}

/** What the library's cast turns a raw string into, where decidable. */
export function castString(raw: string, cast: EnvCast): Value {
  switch (cast) {
    case 'str':
      return str(raw);
    case 'bool': {
      const t = raw.trim().toLowerCase();
      if (['true', 'on', 'ok', 'y', 'yes', '1'].includes(t)) return TRUE;
      if (['false', 'off', 'n', 'no', '0', ''].includes(t)) return FALSE;
      return unknown('not a boolean');
    }
    case 'int': {
      const n = Number.parseInt(raw, 10);
      return Number.isNaN(n) ? unknown() : { kind: 'int', value: n };
    }
    case 'list':
    case 'tuple':
      return { kind: cast, items: raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(str) };
    case 'path':
      return { kind: 'path', path: raw };
    default:
      return unknown();
  }
}
