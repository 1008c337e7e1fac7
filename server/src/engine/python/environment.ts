// Environment reads, as each library performs them: `os.environ` / `os.getenv`, django-environ
// (`env(...)`, `env.bool(...)`, `Env(SCHEMA)`), python-decouple (`config(...)`, `Csv()`) and
// environs (`Env().bool(...)`).
//
// Symbolic mode keeps a read as an `env` value (variable, default, cast). Concrete mode gives the
// value the read returns in the analysis environment: the variable's string cast the library's
// way when it is set, its default (cast or not, as the library does) when it is unset, and a
// raising value when an unset variable without a default stops the module from loading.

import type { SyntaxNode } from '@lezer/common';
import { type Value, type EnvValue, type EnvCast, type EnvLibrary, type EnvSchemaEntry, TRUE, FALSE, str, unknown, raising, isSequence, pyRepr } from './values';
import { boundedItems, boundedString } from './budget';
import type { EvalContext } from './evaluate';
import { trimRuns } from '../text';

/** Records a read and returns what the mode makes of it. */
export function envRead(ctx: EvalContext, read: Omit<EnvValue, 'kind'>): Value {
  ctx.touchedEnv = true;
  ctx.envVariables.add(read.variable);
  const v: EnvValue = { kind: 'env', ...read };
  return ctx.mode === 'concrete' ? concreteRead(v, ctx) : v;
}

/** The value of a read in the analysis environment. */
export function concreteRead(v: EnvValue, ctx: Pick<EvalContext, 'environment' | 'budget'>): Value {
  const raw = ctx.environment.get(v.variable);
  if (raw !== undefined) return castRaw(raw, v, ctx);
  return concreteValue(v, ctx);
}

/** A read when its variable is unset: the default, cast where the library casts it, or a raise. */
export function concreteValue(v: EnvValue, ctx?: Pick<EvalContext, 'budget'>): Value {
  if (v.default === undefined) return raising(missingMessage(v), v.variable);
  const d = v.default;
  // A None default remembers its variable: `os.environ.get("X").split(",")` raises because of X.
  if (d.kind === 'none' && !v.castsDefault) return { kind: 'none', variable: v.variable };
  if (!v.castsDefault) return d;
  if (d.kind === 'str') return castString(d.value, v.cast, v.library, ctx);
  // decouple's bool cast reads str(default): False → 'False' → False; None → 'None' raises.
  if (v.cast === 'bool') {
    if (d.kind === 'bool') return d;
    if (d.kind === 'int') return { kind: 'bool', value: d.value !== 0 };
    if (d.kind === 'none') return v.library === 'decouple' ? raising(`ValueError: invalid truth value 'None' (default of ${v.variable})`) : FALSE;
  }
  if (v.cast === 'int' && d.kind === 'int') return d;
  if ((v.cast === 'list' || v.cast === 'tuple') && isSequence(d)) return d;
  return d;
}

function missingMessage(v: EnvValue): string {
  switch (v.library) {
    case 'os':
      return v.accessor === 'os.environ' ? `KeyError: '${v.variable}'` : `${v.variable} is unset`;
    case 'django-environ':
      return `ImproperlyConfigured: Set the ${v.variable} environment variable`;
    case 'decouple':
      return `UndefinedValueError: ${v.variable} not found`;
    case 'environs':
      return `EnvError: Environment variable "${v.variable}" not set`;
    case 'configurations':
      return `ValueError: Value '${v.variable}' is required to be set as the environment variable '${v.variable}'`;
  }
}

function castRaw(raw: string, v: EnvValue, ctx: Pick<EvalContext, 'budget'>): Value {
  return castString(raw, v.cast, v.library, ctx);
}

/** What the library's cast turns a raw string into, where decidable. */
export function castString(raw: string, cast: EnvCast, library: EnvLibrary = 'os', ctx?: Pick<EvalContext, 'budget'>): Value {
  const s = (x: string): Value => (ctx ? boundedString(ctx.budget, x) : str(x));
  switch (cast) {
    case 'str':
      return s(raw);
    case 'bool':
      return castBool(raw, library);
    case 'int': {
      const t = raw.trim();
      if (!/^[-+]?\d+$/.test(t)) return raising(`ValueError: invalid literal for int(): ${pyRepr(str(raw), 40)}`);
      return { kind: 'int', value: Number.parseInt(t, 10) };
    }
    case 'float': {
      const f = Number(raw.trim());
      return Number.isNaN(f) ? unknown('not a number') : { kind: 'float', value: f };
    }
    case 'list':
    case 'tuple': {
      let parts: string[];
      if (library === 'decouple') parts = raw.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
      else if (library === 'environs') parts = raw === '' ? [] : raw.split(',').map((p) => p.trim());
      else parts = (cast === 'tuple' ? trimRuns(raw, '(', ')') : raw).split(',').filter((p) => p.length > 0);
      const items = parts.map(s);
      return ctx ? boundedItems(ctx.budget, cast, items) : { kind: cast, items };
    }
    case 'path':
      return { kind: 'path', path: raw };
    default:
      return unknown(`cast to ${cast}`);
  }
}

function castBool(raw: string, library: EnvLibrary): Value {
  const t = raw.trim().toLowerCase();
  switch (library) {
    case 'django-environ':
      // int(value) != 0, else value.lower() in BOOLEAN_TRUE_STRINGS
      if (/^[-+]?\d+$/.test(t)) return { kind: 'bool', value: Number.parseInt(t, 10) !== 0 };
      return { kind: 'bool', value: ['true', 'on', 'ok', 'y', 'yes', '1'].includes(raw.toLowerCase()) };
    case 'decouple':
      // strtobool, and '' is False
      if (['y', 'yes', 't', 'true', 'on', '1'].includes(t)) return TRUE;
      if (['n', 'no', 'f', 'false', 'off', '0', ''].includes(t)) return FALSE;
      return raising(`ValueError: invalid truth value ${pyRepr(str(raw), 40)}`);
    case 'configurations':
      if (['yes', 'y', 'true', '1'].includes(t)) return TRUE;
      if (['no', 'n', 'false', '0', ''].includes(t)) return FALSE;
      return raising(`ValueError: Cannot interpret boolean value ${pyRepr(str(raw), 40)}`);
    case 'environs':
      if (['t', 'true', 'on', 'y', 'yes', '1'].includes(t)) return TRUE;
      if (['f', 'false', 'off', 'n', 'no', '0'].includes(t)) return FALSE;
      return raising(`EnvError: not a valid boolean: ${pyRepr(str(raw), 40)}`);
    default:
      if (['true', 'on', 'ok', 'y', 'yes', '1', 't'].includes(t)) return TRUE;
      if (['false', 'off', 'n', 'no', '0', '', 'f'].includes(t)) return FALSE;
      return unknown('not a boolean');
  }
}

/** The cast a node names: `bool`, `int`, `Csv()`, `list`… */
export function castFromText(written: string): EnvCast | undefined {
  const t = written.replace(/\s+/g, '');
  switch (t) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'str':
      return 'str';
    case 'list':
      return 'list';
    case 'tuple':
      return 'tuple';
    case 'dict':
      return 'dict';
    case 'Path':
    case 'pathlib.Path':
      return 'path';
    case 'json.loads':
      return 'json';
  }
  if (/^(decouple\.)?Csv\(/.test(t)) return 'list';
  if (/^\[[a-z]+\]$/.test(t)) return 'list';
  if (/^\([a-z]+,?\)$/.test(t)) return 'tuple';
  return undefined;
}

/** The cast a default value implies (django-environ's smart cast: `env("X", default=True)` is a bool). */
export function castOfDefault(d: Value | undefined): EnvCast | undefined {
  if (!d) return undefined;
  switch (d.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'list':
      return 'list';
    case 'tuple':
      return 'tuple';
    case 'dict':
      return 'dict';
    case 'str':
      return 'str';
    default:
      return undefined;
  }
}

export const ENVIRON_METHODS: Record<string, EnvCast> = {
  '': 'str',
  str: 'str',
  unicode: 'str',
  bool: 'bool',
  int: 'int',
  float: 'float',
  list: 'list',
  tuple: 'tuple',
  dict: 'dict',
  json: 'json',
  url: 'url',
  path: 'path',
  db: 'other',
  db_url: 'other',
  cache: 'other',
  cache_url: 'other',
  email: 'other',
  email_url: 'other',
  search_url: 'other',
  get_value: 'str',
  // environs
  decimal: 'other',
  datetime: 'other',
  date: 'other',
  timedelta: 'other',
  log_level: 'other',
  uuid: 'other',
  dj_db_url: 'other',
  dj_email_url: 'other',
  dj_cache_url: 'other',
};

/** `environ.Env(DEBUG=(bool, False), ALLOWED_HOSTS=(list, []))` */
export function environSchema(keywords: Map<string, SyntaxNode>, ctx: EvalContext, evaluate: (n: SyntaxNode) => Value, children: (n: SyntaxNode) => SyntaxNode[]): Map<string, EnvSchemaEntry> {
  const schema = new Map<string, EnvSchemaEntry>();
  for (const [name, node] of keywords) {
    if (node.name === 'TupleExpression' || node.name === 'ParenthesizedExpression') {
      const parts = children(node);
      const cast = parts[0] ? castFromText(ctx.text.slice(parts[0].from, parts[0].to)) : undefined;
      schema.set(name, { cast: cast ?? 'other', default: parts[1] ? evaluate(parts[1]) : undefined });
    } else {
      schema.set(name, { cast: castFromText(ctx.text.slice(node.from, node.to)) ?? 'other' });
    }
  }
  return schema;
}

