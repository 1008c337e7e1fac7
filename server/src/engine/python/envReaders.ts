// Environment readers: django-environ's `Env(...)` schema and `Path`, environs and decouple
// readers with their casts, and django-configurations' `values.*Value(...)`. Each read goes
// through envRead (environment.ts).

import type { SyntaxNode } from '@lezer/common';
import * as posix from 'node:path/posix';
import { type Value, type EnvCast, type EnvSchemaEntry, type EnvLibrary, UNKNOWN, NONE, unknown, truthy, isExactSequence, pathLike } from './values';
import { type EvalContext, unknownFrom, osPathJoin } from './evaluate';
import type { CallArgs } from './calls';
import { envRead, castOfDefault, castFromText, ENVIRON_METHODS } from './environment';

/**
 * django-environ's `Path(start, *parts)`: `os.path.abspath(os.path.join(start, *parts))`; an
 * absolute result only (a relative one depends on the working folder).
 */
export function environPath(parts: Value[]): Value {
  const strings = parts.map(pathLike);
  if (strings.some((x) => x === undefined)) return unknownFrom(...parts);
  const joined = osPathJoin(strings as string[]);
  if (!joined.startsWith('/')) return unknown('relative to the working folder');
  const normalized = posix.normalize(joined);
  return { kind: 'path', path: normalized.length > 1 ? normalized.replace(/\/$/, '') : normalized, environ: true };
}

export function environSchema(args: CallArgs): Map<string, EnvSchemaEntry> {
  const schema = new Map<string, EnvSchemaEntry>();
  for (const [name, v] of args.keywords) {
    if (isExactSequence(v) && v.kind === 'tuple') schema.set(name, { cast: castOf(v.items[0]) ?? 'other', default: v.items[1] });
    else schema.set(name, { cast: castOf(v) ?? 'other' });
  }
  return schema;
}

/** The cast a value names: the builtin `bool`, `[str]`, `Csv()`… */
function castOf(v: Value | undefined, written?: string): EnvCast | undefined {
  if (!v) return undefined;
  if (v.kind === 'callable') {
    switch (v.name) {
      case 'bool':
      case 'int':
      case 'float':
      case 'str':
      case 'list':
      case 'tuple':
      case 'dict':
        return v.name;
      case 'decouple.Csv()':
        return 'list';
      case 'pathlib.Path':
        return 'path';
      case 'json.loads':
        return 'json';
    }
  }
  if (v.kind === 'list') return 'list';
  if (v.kind === 'tuple') return 'tuple';
  return written ? castFromText(written) : undefined;
}

/** `env("X", …)`, `env.bool("X", default=False)`, `config("X", cast=bool)`, `env.list(...)`. */
export function readerMethod(reader: Extract<Value, { kind: 'envReader' }>, method: string, args: CallArgs, ctx: EvalContext): Value {
  const library: EnvLibrary = reader.library;
  if (method === 'read_env' || method === 'smart_cast' || method === 'prefixed' || method === 'expand_vars' || method === 'seal' || method === 'dump') return method === 'prefixed' ? reader : NONE;
  if (library === 'decouple' && method !== '' && method !== 'get' && method !== 'config') return unknown(`config.${method}`);
  if (!(method in ENVIRON_METHODS)) return unknown(`env.${method}()`);
  const key = args.positional[0] ?? args.keywords.get('var') ?? args.keywords.get('name') ?? args.keywords.get('option');
  const defaultVariable = method === 'db' || method === 'db_url' ? 'DATABASE_URL' : method === 'cache' || method === 'cache_url' ? 'CACHE_URL' : method === 'email' || method === 'email_url' ? 'EMAIL_URL' : undefined;
  const variable = key?.kind === 'str' ? key.value : key === undefined ? defaultVariable : undefined;
  if (variable === undefined) return unknownFrom(key ?? UNKNOWN);
  let cast: EnvCast = ENVIRON_METHODS[method];
  let dflt: Value | undefined;
  let castValue: Value | undefined;
  let castText: string | undefined;
  if (library === 'decouple') {
    castValue = args.keywords.get('cast') ?? args.positional[2];
    castText = nodeText(args.keywordNodes.get('cast') ?? args.positionalNodes[2], ctx);
    dflt = args.keywords.get('default') ?? args.positional[1];
  } else if (library === 'django-environ') {
    if (method === '' || method === 'get_value') {
      castValue = args.keywords.get('cast') ?? args.positional[1];
      castText = nodeText(args.keywordNodes.get('cast') ?? args.positionalNodes[1], ctx);
      dflt = args.keywords.get('default') ?? args.positional[2];
    } else if (method === 'list' || method === 'tuple' || method === 'dict') {
      dflt = args.keywords.get('default') ?? args.positional[2];
    } else {
      dflt = args.keywords.get('default') ?? args.positional[1];
    }
  } else {
    // environs: env.bool("X", default), env("X", default)
    dflt = args.keywords.get('default') ?? args.positional[1];
  }
  if (castValue) cast = castOf(castValue, castText) ?? 'other';
  const fromSchema = reader.schema.get(variable);
  if (fromSchema) {
    if ((method === '' || method === 'get_value') && !castValue) cast = fromSchema.cast;
    if (!dflt && fromSchema.default) dflt = fromSchema.default;
  }
  // django-environ's smart cast: with no cast, the default's type casts the value.
  if (library === 'django-environ' && (method === '' || method === 'get_value') && !castValue && !fromSchema) cast = castOfDefault(dflt) ?? 'str';
  const accessor = library === 'decouple' ? 'config' : method ? `env.${method}` : 'env';
  const read = envRead(ctx, { variable, accessor, library, cast, default: dflt, castsDefault: library === 'decouple' || library === 'environs' });
  // An e-mail URL's settings (`vars().update(env.email())`): EMAIL_HOST, EMAIL_PORT… nobody can list.
  if (/^(email|email_url|dj_email_url)$/.test(method) && !(read.kind === 'unknown' && read.raises)) return { kind: 'dict', entries: [], open: true, keyPrefix: 'EMAIL_' };
  return read;
}

function nodeText(node: SyntaxNode | undefined, ctx: EvalContext): string | undefined {
  return node ? ctx.text.slice(node.from, node.to) : undefined;
}

/** django-configurations' value classes: the cast of each, for the environment variable it reads. */
const CONFIGURATION_VALUES: Record<string, EnvCast> = {
  Value: 'str',
  BooleanValue: 'bool',
  IntegerValue: 'int',
  PositiveIntegerValue: 'int',
  FloatValue: 'float',
  ListValue: 'list',
  TupleValue: 'tuple',
  SingleNestedListValue: 'other',
  SingleNestedTupleValue: 'other',
  SetValue: 'other',
  DictValue: 'other',
  EmailValue: 'str',
  URLValue: 'str',
  IPValue: 'str',
  RegexValue: 'str',
  PathValue: 'path',
  SecretValue: 'str',
  DatabaseURLValue: 'other',
  CacheURLValue: 'other',
  EmailURLValue: 'other',
  SearchURLValue: 'other',
  BackendsValue: 'other',
};

/**
 * `values.BooleanValue(False)` in a django-configurations class body: the environment variable
 * DJANGO_<NAME> (or `environ_prefix` / `environ_name`), its default when unset.
 */
export function configurationsValue(kind: string, args: CallArgs, ctx: EvalContext): Value {
  const cast = CONFIGURATION_VALUES[kind];
  if (!cast || !ctx.assignedName) return unknown(`values.${kind}()`);
  const environ = args.keywords.get('environ');
  const dflt = args.keywords.get('default') ?? args.positional[0] ?? (kind === 'SecretValue' ? undefined : NONE);
  if (environ && truthy(environ) === false) return dflt ?? NONE;
  const prefixValue = args.keywords.get('environ_prefix');
  const nameValue = args.keywords.get('environ_name');
  const prefix = prefixValue?.kind === 'str' ? prefixValue.value : prefixValue?.kind === 'none' ? '' : 'DJANGO';
  const base = nameValue?.kind === 'str' ? nameValue.value : ctx.assignedName;
  const variable = prefix ? `${prefix}_${base}` : base;
  const required = kind === 'SecretValue' || truthy(args.keywords.get('environ_required') ?? NONE) === true;
  return envRead(ctx, { variable, accessor: `values.${kind}`, library: 'configurations', cast, default: required ? undefined : dflt });
}
