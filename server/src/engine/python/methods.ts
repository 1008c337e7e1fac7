// Methods of values: strings (`split`, `format`…), paths, dicts, lists / tuples / sets, and the
// module's namespace (`globals().get(…)`, `.update(…)`).
//
// Called through callMethod (calls.ts).

import * as posix from 'node:path/posix';
import { type Value, UNKNOWN, NONE, str, unknown, raising, pyEquals, isExactSequence, pathLike } from './values';
import { LIMITS, boundedString, boundedItems } from './budget';
import { oneOf, someOf } from './alternatives';
import { type EvalContext, operand, unknownFrom, joinPaths } from './evaluate';
import { toStr } from './strings';
import { iterate, dictGet } from './collections';
import type { CallArgs } from './calls';
import { environPath } from './envReaders';
import { ABSENT, isAbsent, isOwnNamespace, namespaceRead, namespaceHas, namespaceWrite, namespaceOpaque, namespaceUpdate, exactEntries } from './namespace';

export function strMethod(s: string, method: string, args: CallArgs, ctx: EvalContext): Value {
  const a0 = args.positional[0];
  const a1 = args.positional[1];
  const chars = (v: Value | undefined) => (v === undefined || v.kind === 'none' ? null : v.kind === 'str' ? v.value : undefined);
  switch (method) {
    case 'split':
    case 'rsplit': {
      const sep = chars(a0 ?? args.keywords.get('sep'));
      const max = a1 ?? args.keywords.get('maxsplit');
      if (sep === undefined || (max && max.kind !== 'int')) return unknownFrom(a0 ?? UNKNOWN);
      const limit = max && max.kind === 'int' && max.value >= 0 ? max.value : -1;
      if (sep === '') return raising('ValueError: empty separator');
      let parts: string[];
      if (sep === null) parts = s.split(/[ \t\n\r\f\v]+/).filter((p) => p.length > 0);
      else parts = s.split(sep);
      if (limit >= 0 && parts.length > limit + 1) {
        if (method === 'split') parts = [...parts.slice(0, limit), parts.slice(limit).join(sep ?? ' ')];
        else parts = [parts.slice(0, parts.length - limit).join(sep ?? ' '), ...parts.slice(parts.length - limit)];
      }
      if (parts.length > LIMITS.collectionItems) return unknown('too many items');
      return boundedItems(ctx.budget, 'list', parts.map(str));
    }
    case 'splitlines':
      return boundedItems(ctx.budget, 'list', s.split(/\r\n|\r|\n/).filter((p, i, all) => i < all.length - 1 || p.length > 0).map(str));
    case 'lower':
    case 'casefold':
      return str(s.toLowerCase());
    case 'upper':
      return str(s.toUpperCase());
    case 'title':
      return str(s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()));
    case 'capitalize':
      return str(s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s);
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      const set = chars(a0);
      if (set === undefined) return unknownFrom(a0!);
      const isStripped = (c: string) => (set === null ? /\s/.test(c) : set.includes(c));
      let start = 0;
      let end = s.length;
      if (method !== 'rstrip') while (start < end && isStripped(s[start])) start++;
      if (method !== 'lstrip') while (end > start && isStripped(s[end - 1])) end--;
      return str(s.slice(start, end));
    }
    case 'replace': {
      if (a0?.kind !== 'str' || a1?.kind !== 'str') return unknownFrom(a0 ?? UNKNOWN, a1 ?? UNKNOWN);
      if (a0.value === '') return unknown('replace with an empty pattern');
      const count = s.split(a0.value).length - 1;
      if (s.length + count * (a1.value.length - a0.value.length) > LIMITS.stringLength) return unknown('string too long');
      return boundedString(ctx.budget, s.split(a0.value).join(a1.value));
    }
    case 'startswith':
    case 'endswith': {
      const test = (p: string) => (method === 'startswith' ? s.startsWith(p) : s.endsWith(p));
      if (a0?.kind === 'str') return { kind: 'bool', value: test(a0.value) };
      if (a0 && isExactSequence(a0) && a0.items.every((i) => i.kind === 'str')) return { kind: 'bool', value: a0.items.some((i) => test((i as { value: string }).value)) };
      return unknownFrom(a0 ?? UNKNOWN);
    }
    case 'removeprefix':
      return a0?.kind === 'str' ? str(s.startsWith(a0.value) ? s.slice(a0.value.length) : s) : UNKNOWN;
    case 'removesuffix':
      return a0?.kind === 'str' ? str(a0.value && s.endsWith(a0.value) ? s.slice(0, s.length - a0.value.length) : s) : UNKNOWN;
    case 'join': {
      const items = a0 ? iterate(operand(a0), ctx) : undefined;
      if (!items || items.some((i) => i.kind !== 'str')) return unknownFrom(a0 ?? UNKNOWN);
      const total = items.reduce((n, i) => n + (i as { value: string }).value.length + s.length, 0);
      if (total > LIMITS.stringLength) return unknown('string too long');
      return boundedString(ctx.budget, items.map((i) => (i as { value: string }).value).join(s));
    }
    case 'format':
      return strFormat(s, args, ctx);
    case 'isdigit':
    case 'isnumeric':
    case 'isdecimal':
      return { kind: 'bool', value: s.length > 0 && /^\d+$/.test(s) };
    case 'isalpha':
      return { kind: 'bool', value: s.length > 0 && /^[A-Za-z]+$/.test(s) };
    case 'zfill':
      return a0?.kind === 'int' && a0.value < 1000 ? str(s.padStart(a0.value, '0')) : UNKNOWN;
    case 'count':
      return a0?.kind === 'str' && a0.value ? { kind: 'int', value: s.split(a0.value).length - 1 } : UNKNOWN;
    case 'find':
    case 'index': {
      if (a0?.kind !== 'str') return UNKNOWN;
      const i = s.indexOf(a0.value);
      return i < 0 && method === 'index' ? raising('ValueError: substring not found') : { kind: 'int', value: i };
    }
    case 'encode':
      return unknown('bytes');
    case 'partition':
    case 'rpartition': {
      if (a0?.kind !== 'str' || !a0.value) return UNKNOWN;
      const i = method === 'partition' ? s.indexOf(a0.value) : s.lastIndexOf(a0.value);
      if (i < 0) return { kind: 'tuple', items: method === 'partition' ? [str(s), str(''), str('')] : [str(''), str(''), str(s)] };
      return { kind: 'tuple', items: [str(s.slice(0, i)), str(a0.value), str(s.slice(i + a0.value.length))] };
    }
    default:
      return unknown(`str.${method}()`);
  }
}

/** `"{}-{name}".format(a, name=b)`: fields without conversions or format specs. */
function strFormat(format: string, args: CallArgs, ctx: EvalContext): Value {
  let out = '';
  let auto = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const close = format.indexOf('}', i);
      if (close < 0) return raising("ValueError: Single '{' encountered in format string");
      const field = format.slice(i + 1, close);
      if (/[!:.[]/.test(field)) return unknown('format spec');
      const v = field === '' ? args.positional[auto++] : /^\d+$/.test(field) ? args.positional[Number(field)] : args.keywords.get(field);
      if (!v) return args.unknownSpread ? UNKNOWN : raising(`IndexError or KeyError: '${field}' in format`);
      const s = toStr(v);
      if (s === undefined) return unknownFrom(v);
      out += s;
      if (out.length > LIMITS.stringLength) return unknown('string too long');
      i = close;
    } else if (c === '}') {
      if (format[i + 1] === '}') i++;
      out += '}';
    } else out += c;
  }
  return boundedString(ctx.budget, out);
}

export function pathMethod(self: Value & { kind: 'path' }, method: string, args: CallArgs, ctx: EvalContext): Value {
  const p = self.path;
  if (self.environ) {
    // django-environ Path: `.path(*parts)` is a Path, `.file(name)` opens a file.
    if (method === 'path') return environPath([self, ...args.positional]);
    if (method === '__str__') return str(p);
    return unknown(`environ.Path.${method}()`);
  }
  switch (method) {
    case 'resolve':
    case 'absolute':
      return p.startsWith('/') ? { kind: 'path', path: posix.normalize(p) } : unknown('relative to the working folder');
    case 'expanduser':
      return p.startsWith('~') ? unknown('home folder') : { kind: 'path', path: p };
    case 'joinpath': {
      const parts = args.positional.map(pathLike);
      if (parts.some((x) => x === undefined)) return unknownFrom(...args.positional);
      return { kind: 'path', path: joinPaths([p, ...(parts as string[])]) };
    }
    case 'with_name':
      return args.positional[0]?.kind === 'str' ? { kind: 'path', path: joinPaths([posix.dirname(p), (args.positional[0] as { value: string }).value]) } : UNKNOWN;
    case 'as_posix':
    case '__str__':
      return str(p);
    case 'exists':
    case 'is_dir':
    case 'is_file': {
      if (ctx.reads) ctx.reads.unmemoizable = true;
      const known = p.startsWith('/') ? ctx.host.pathExists?.(posix.normalize(p), method === 'is_dir' ? 'dir' : method === 'is_file' ? 'file' : 'any') : undefined;
      return known === undefined ? unknown(`Path.${method}()`) : { kind: 'bool', value: known };
    }
    case 'mkdir':
    case 'touch':
      return NONE;
    default:
      return unknown(`Path.${method}()`);
  }
}

export function dictMethod(d: Extract<Value, { kind: 'dict' }>, method: string, args: CallArgs, ctx: EvalContext): Value {
  switch (method) {
    case 'get': {
      const key = args.positional[0];
      if (!key) return UNKNOWN;
      const dflt = args.positional[1] ?? NONE;
      if (key.kind !== 'str') return unknownFrom(key);
      const v = dictGet(d, key.value);
      if (v === undefined) return dflt;
      return v;
    }
    case 'keys':
      return { kind: 'list', items: d.entries.map((e) => (e.maybe ? someOf([e.key]) : e.key)).concat(d.open ? [{ kind: 'some' }] : []) };
    case 'values':
      return { kind: 'list', items: d.entries.map((e) => (e.maybe ? someOf([e.value]) : e.value)).concat(d.open ? [{ kind: 'some' }] : []) };
    case 'items':
      return { kind: 'list', items: d.entries.map((e): Value => (e.maybe ? someOf([{ kind: 'tuple', items: [e.key, e.value] }]) : { kind: 'tuple', items: [e.key, e.value] })).concat(d.open ? [{ kind: 'some' }] : []) };
    case 'copy':
      return d;
    case 'setdefault':
    case 'update':
    case 'pop':
      // Their effect on the dict is followed by the executor; as values they are not needed.
      return unknown(`dict.${method}()`);
    default:
      return unknown(`dict.${method}()`);
  }
  void ctx;
}

export function sequenceMethod(v: Extract<Value, { kind: 'list' | 'tuple' | 'set' }>, method: string, args: CallArgs): Value {
  switch (method) {
    case 'copy':
      return v;
    case 'count': {
      if (!isExactSequence(v) || !args.positional[0]) return UNKNOWN;
      let n = 0;
      for (const i of v.items) {
        const eq = pyEquals(i, args.positional[0]);
        if (eq === undefined) return UNKNOWN;
        if (eq) n++;
      }
      return { kind: 'int', value: n };
    }
    case 'index': {
      const needle = args.positional[0];
      if (!needle) return UNKNOWN;
      for (let i = 0; i < v.items.length; i++) {
        const item = v.items[i];
        if (item.kind === 'some') return UNKNOWN;
        const eq = pyEquals(item, needle);
        if (eq === true) return { kind: 'int', value: i };
        if (eq === undefined) return UNKNOWN;
      }
      return raising('ValueError: not in list');
    }
    default:
      return unknown(`${v.kind}.${method}()`);
  }
}

/** `globals().get(…)`, `.update(…)`, `.setdefault(…)`, `.pop(…)` on the module's namespace. */
export function namespaceMethod(ns: Value, method: string, args: CallArgs, ctx: EvalContext): Value {
  if (!isOwnNamespace(ns, ctx)) return unknown(`globals().${method}()`);
  const key = args.positional[0];
  switch (method) {
    case 'get': {
      if (key?.kind !== 'str') return unknownFrom(key ?? UNKNOWN);
      const v = namespaceRead(key.value, ctx);
      const fallback = args.positional[1] ?? NONE;
      if (isAbsent(v)) return fallback;
      return v.kind === 'oneOf' && v.options.some(isAbsent) ? oneOf(v.options.map((o) => (isAbsent(o) ? fallback : o))) : v;
    }
    case 'update':
      if (args.positional.length > 1) return UNKNOWN;
      if (key) {
        const v = operand(key);
        namespaceUpdate(ctx, exactEntries(v), 'globals().update()', v.kind === 'dict' ? v.keyPrefix : undefined);
      }
      for (const [k, v] of args.keywords) namespaceWrite(ctx, k, v);
      return NONE;
    case 'setdefault': {
      if (key?.kind !== 'str') {
        namespaceOpaque(ctx, 'globals().setdefault()');
        return UNKNOWN;
      }
      const value = args.positional[1] ?? NONE;
      const has = namespaceHas(key.value, ctx);
      if (has === false) namespaceWrite(ctx, key.value, value);
      else if (has === undefined) {
        const before = namespaceRead(key.value, ctx);
        namespaceWrite(ctx, key.value, oneOf((before.kind === 'oneOf' ? before.options : [before]).map((o) => (isAbsent(o) ? value : o))));
      }
      return namespaceRead(key.value, ctx);
    }
    case 'pop':
      if (key?.kind !== 'str') return UNKNOWN;
      namespaceWrite(ctx, key.value, ABSENT);
      return args.positional[1] ?? UNKNOWN;
    default:
      return unknown(`globals().${method}()`);
  }
}
