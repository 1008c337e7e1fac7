// Calls in settings expressions: builtins (`str`, `int`, `bool`, `list`, `filter`, `map`, `any`…),
// pathlib / os.path, and functions the project defines (functions.ts); methods of strings, paths,
// lists and dicts are in methods.ts, environment readers in envReaders.ts. Arguments are
// evaluated before the call, so a read that raises (an unset required variable) makes the call
// raise too.

import type { SyntaxNode } from '@lezer/common';
import * as posix from 'node:path/posix';
import { type Value, UNKNOWN, NONE, TRUE, FALSE, str, unknown, raising, truthy, isExactSequence, pathLike, agree } from './values';
import { LIMITS, boundedString, boundedItems } from './budget';
import { oneOf, mapValue, someOf } from './alternatives';
import { type EvalContext, evaluate, significantChildren, text, operand, unknownFrom, toStr, iterate, joinPaths, osPathJoin, generatorArgument, mergeDicts, setEntry, attribute, percentFormat } from './evaluate';
import { envRead } from './environment';
import { callFunction } from './functions';
import { superOf, construct, SENTINEL_CLASS } from './classes';
import { isOwnNamespace, namespaceOpaque } from './namespace';
import { strMethod, pathMethod, dictMethod, sequenceMethod, namespaceMethod } from './methods';
import { environPath, environSchema, readerMethod, configurationsValue } from './envReaders';

export { environPath };

export interface CallArgs {
  positional: Value[];
  keywords: Map<string, Value>;
  /** Keyword arguments as written (a cast such as `Csv()` is read from its text). */
  keywordNodes: Map<string, SyntaxNode>;
  positionalNodes: SyntaxNode[];
  /** `*args` / `**kwargs` whose contents are unknown. */
  unknownSpread: boolean;
}

/** Evaluates a call's arguments (a lone generator expression becomes one list argument). */
export function readArgs(callNode: SyntaxNode, ctx: EvalContext, depth: number): CallArgs {
  const args: CallArgs = { positional: [], keywords: new Map(), keywordNodes: new Map(), positionalNodes: [], unknownSpread: false };
  const list = callNode.getChild('ArgList');
  if (!list) return args;
  const generator = generatorArgument(list, ctx, depth);
  if (generator) {
    args.positional.push(generator);
    return args;
  }
  const children = significantChildren(list);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '*' || c.name === '**') {
      const v = children[i + 1] ? evaluate(children[i + 1], ctx, depth + 1) : UNKNOWN;
      i++;
      if (c.name === '*' && isExactSequence(v)) args.positional.push(...v.items);
      else if (c.name === '**' && v.kind === 'dict' && !v.open && v.entries.every((e) => e.key.kind === 'str' && !e.maybe)) for (const e of v.entries) args.keywords.set((e.key as { value: string }).value, e.value);
      else args.unknownSpread = true;
      continue;
    }
    if (c.name === 'VariableName' && children[i + 1]?.name === 'AssignOp') {
      const valueNode = children[i + 2];
      if (valueNode) {
        args.keywords.set(text(c, ctx), evaluate(valueNode, ctx, depth + 1));
        args.keywordNodes.set(text(c, ctx), valueNode);
      }
      i += 2;
      continue;
    }
    args.positional.push(evaluate(c, ctx, depth + 1));
    args.positionalNodes.push(c);
  }
  return args;
}

function raisingArg(args: CallArgs): Value | undefined {
  for (const v of args.positional) if (v.kind === 'unknown' && v.raises) return v;
  for (const v of args.keywords.values()) if (v.kind === 'unknown' && v.raises) return v;
  return undefined;
}

export function call(node: SyntaxNode, ctx: EvalContext, depth: number): Value {
  const calleeNode = node.firstChild;
  if (!calleeNode) return UNKNOWN;
  // Method calls: `BASE_DIR.resolve()`, `"a,b".split(",")`, `env.bool(...)`, `os.environ.get(...)`.
  if (calleeNode.name === 'MemberExpression' && calleeNode.lastChild?.name === 'PropertyName' && calleeNode.firstChild) {
    const obj = evaluate(calleeNode.firstChild, ctx, depth + 1);
    const method = text(calleeNode.lastChild, ctx);
    const args = readArgs(node, ctx, depth);
    const raised = raisingArg(args);
    if (raised) return raised;
    return mapValue(obj, (o) => callMethod(o, method, args, ctx, depth));
  }
  const callee = evaluate(calleeNode, ctx, depth + 1);
  const args = readArgs(node, ctx, depth);
  const raised = raisingArg(args);
  if (raised) return raised;
  return mapValue(callee, (c) => callValue(c, args, ctx, depth));
}

/** Calls `obj.method(args)`. */
export function callMethod(obj: Value, method: string, args: CallArgs, ctx: EvalContext, depth: number): Value {
  switch (obj.kind) {
    case 'module':
      // `env = os.environ.copy()`: reads of the copy are reads of the environment.
      if (obj.name === 'os.environ' && method === 'copy' && !args.positional.length) return obj;
      if (obj.members) return mapValue(attribute(obj, method, ctx), (f) => callValue(f, args, ctx, depth));
      return callValue({ kind: 'callable', name: `${obj.name}.${method}` }, args, ctx, depth);
    case 'envReader':
      return readerMethod(obj, method, args, ctx);
    case 'str':
      return strMethod(obj.value, method, args, ctx);
    case 'path':
      return pathMethod(obj, method, args, ctx);
    case 'dict':
      return dictMethod(obj, method, args, ctx);
    case 'list':
    case 'tuple':
    case 'set':
      return sequenceMethod(obj, method, args);
    case 'none':
      return raising(`AttributeError: 'NoneType' object has no attribute '${method}'`, obj.variable);
    case 'namespace':
      return namespaceMethod(obj, method, args, ctx);
    case 'callable':
      if (obj.name === 'environ.Env' || obj.name === 'environs.Env') return method === 'read_env' ? NONE : unknown(`${obj.name}.${method}`);
      return unknown(`${obj.name}.${method}()`);
    case 'class':
    case 'instance': {
      const v = attribute(obj, method, ctx, depth);
      return mapValue(v, (f) => (f.kind === 'function' ? callFunction(f, args, ctx, depth) : unknownFrom(f)));
    }
    default:
      return unknownFrom(operand(obj));
  }
}

/** Calls a value: a project function, an environment reader, a builtin or a known library function. */
export function callValue(callee: Value, args: CallArgs, ctx: EvalContext, depth: number): Value {
  if (callee.kind === 'function') return callFunction(callee, args, ctx, depth);
  // A project class called: an instance, with what its __init__ sets.
  if (callee.kind === 'class') return construct(callee, args, ctx, depth);
  if (callee.kind === 'envReader') return readerMethod(callee, '', args, ctx);
  // django-environ: `ROOT("media")` is the joined path as a string.
  if (callee.kind === 'path' && callee.environ) return mapValue(environPath([callee, ...args.positional]), (p) => (p.kind === 'path' ? str(p.path) : p));
  if (callee.kind !== 'callable') return unknownFrom(operand(callee));
  if (callee.self) return callMethod(callee.self, callee.name.slice(callee.name.lastIndexOf('.') + 1), args, ctx, depth);
  const a = (i: number, keyword?: string): Value | undefined => args.positional[i] ?? (keyword ? args.keywords.get(keyword) : undefined);
  const name = callee.name;
  switch (name) {
    case 'pathlib.Path':
    case 'pathlib.PurePath':
    case 'pathlib.PosixPath':
    case 'pathlib.PurePosixPath': {
      const parts = args.positional.map(pathLike);
      if (parts.some((p) => p === undefined)) return unknownFrom(...args.positional);
      return { kind: 'path', path: parts.length ? joinPaths(parts as string[]) : '.' };
    }
    case 'environ.Path':
      return environPath(args.positional.length ? args.positional : [str('')]);
    case 'os.path.join': {
      const parts = args.positional.map(pathLike);
      if (parts.some((p) => p === undefined) || parts.length === 0) return unknownFrom(...args.positional);
      return boundedString(ctx.budget, osPathJoin(parts as string[]));
    }
    case 'os.path.dirname':
    case 'os.path.basename':
    case 'os.path.abspath':
    case 'os.path.realpath':
    case 'os.path.normpath':
    case 'os.path.expanduser': {
      const p = pathLike(a(0) ?? UNKNOWN);
      if (p === undefined) return unknownFrom(a(0) ?? UNKNOWN);
      if (name === 'os.path.dirname') return str(posix.dirname(p) === '.' && !p.includes('/') ? '' : posix.dirname(p));
      if (name === 'os.path.basename') return str(p.endsWith('/') ? '' : posix.basename(p));
      if (name === 'os.path.expanduser') return p.startsWith('~') ? unknown('home folder') : str(p);
      return p.startsWith('/') ? str(posix.normalize(p)) : unknown('relative to the working folder');
    }
    case 'os.path.exists':
    case 'os.path.isdir':
    case 'os.path.isfile': {
      const p = pathLike(a(0) ?? UNKNOWN);
      if (ctx.reads) ctx.reads.unmemoizable = true; // the file listing is not a read the memo checks
      const known = p !== undefined && p.startsWith('/') ? ctx.host.pathExists?.(posix.normalize(p), name.endsWith('isdir') ? 'dir' : name.endsWith('isfile') ? 'file' : 'any') : undefined;
      return known === undefined ? unknown(`${name}()`) : { kind: 'bool', value: known };
    }
    case 'os.path.splitext': {
      const p = pathLike(a(0) ?? UNKNOWN);
      if (p === undefined) return UNKNOWN;
      const ext = posix.extname(p);
      return { kind: 'tuple', items: [str(p.slice(0, p.length - ext.length)), str(ext)] };
    }
    case 'os.environ.get':
    case 'os.getenv':
    case 'os.environ.setdefault': {
      const key = a(0, 'key');
      if (key?.kind !== 'str') return unknownFrom(key ?? UNKNOWN);
      return envRead(ctx, { variable: key.value, accessor: name, library: 'os', cast: 'str', default: a(1, name === 'os.environ.setdefault' ? 'value' : 'default') ?? NONE });
    }
    case 'environ.Env':
      return { kind: 'envReader', library: 'django-environ', schema: environSchema(args) };
    case 'environs.Env':
      return { kind: 'envReader', library: 'environs', schema: new Map() };
    case 'decouple.AutoConfig':
    case 'decouple.Config':
      return { kind: 'envReader', library: 'decouple', schema: new Map() };
    case 'decouple.config':
      return readerMethod({ kind: 'envReader', library: 'decouple', schema: new Map() }, '', args, ctx);
    case 'decouple.Csv':
      return { kind: 'callable', name: 'decouple.Csv()' };
    case 'decouple.Choices':
      return { kind: 'callable', name: 'decouple.Choices()' };
    case 'environ.Env.read_env':
    case 'environ.Env.smart_cast':
    case 'dotenv.load_dotenv':
    case 'print':
      return NONE;
    case 'open': {
      // Reading a file of the workspace that is not there (and that the module did not create):
      // FileNotFoundError, what `try: open(…)` handles.
      const p = pathLike(a(0, 'file') ?? UNKNOWN);
      const mode = a(1, 'mode');
      if (ctx.reads) ctx.reads.unmemoizable = true;
      if (p === undefined || !p.startsWith('/')) return unknown('open()');
      const path = posix.normalize(p);
      if (mode !== undefined && (mode.kind !== 'str' || /[wxa+]/.test(mode.value))) {
        ctx.host.created?.add(path);
        return unknown('open()');
      }
      if (!ctx.host.created?.has(path) && ctx.host.pathExists?.(path, 'file') === false) return raising(`FileNotFoundError: No such file: '${p}'`);
      return unknown('open()');
    }
    case 'dj_database_url.config':
    case 'dj_database_url.parse':
    case 'environ.Env.db_url_config':
    case 'environ.Env.cache_url_config':
      return { kind: 'dict', entries: [], open: true };
    case 'str':
      return builtinStr(a(0));
    case 'bool': {
      const v = a(0);
      if (!v) return FALSE;
      const t = truthy(operand(v));
      return t === undefined ? unknownFrom(v) : { kind: 'bool', value: t };
    }
    case 'int':
      return builtinInt(a(0), args.positional.length > 1 || args.keywords.has('base'));
    case 'float': {
      const v = a(0);
      if (!v) return { kind: 'float', value: 0 };
      if (v.kind === 'int' || v.kind === 'float') return { kind: 'float', value: v.value };
      if (v.kind === 'str') {
        const f = Number(v.value.trim());
        return v.value.trim() && !Number.isNaN(f) ? { kind: 'float', value: f } : raising(`ValueError: could not convert string to float: '${v.value.slice(0, 40)}'`);
      }
      return unknownFrom(v);
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'frozenset': {
      const v = a(0);
      const kind = name === 'frozenset' ? 'set' : name;
      if (!v) return { kind, items: [] };
      const items = iterate(operand(v), ctx);
      return items ? boundedItems(ctx.budget, kind, items) : unknownFrom(v);
    }
    case 'dict': {
      // `dict(os.environ)`: a copy of the environment, read like it.
      const only = args.positional.length === 1 && !args.keywords.size ? operand(args.positional[0]) : undefined;
      if (only?.kind === 'module' && only.name === 'os.environ') return only;
      return builtinDict(args, ctx);
    }
    case 'len': {
      const v = operand(a(0) ?? UNKNOWN);
      if (v.kind === 'str') return { kind: 'int', value: [...v.value].length };
      if (isExactSequence(v)) return { kind: 'int', value: v.items.length };
      if (v.kind === 'dict' && !v.open && !v.entries.some((e) => e.maybe)) return { kind: 'int', value: v.entries.length };
      return unknownFrom(v);
    }
    case 'sorted':
    case 'reversed': {
      const items = iterate(operand(a(0) ?? UNKNOWN), ctx);
      if (!items || items.some((i) => i.kind === 'some')) return UNKNOWN;
      if (name === 'reversed') return { kind: 'list', items: [...items].reverse() };
      if (items.every((i) => i.kind === 'str')) return { kind: 'list', items: [...items].sort((x, y) => ((x as { value: string }).value < (y as { value: string }).value ? -1 : 1)) };
      if (items.every((i) => i.kind === 'int' || i.kind === 'float')) return { kind: 'list', items: [...items].sort((x, y) => (x as { value: number }).value - (y as { value: number }).value) };
      return UNKNOWN;
    }
    case 'any':
    case 'all': {
      const items = iterate(operand(a(0) ?? UNKNOWN), ctx);
      if (!items) return UNKNOWN;
      let unsure = false;
      for (const i of items) {
        const t = i.kind === 'some' ? undefined : truthy(operand(i));
        if (name === 'any' && t === true) return TRUE;
        if (name === 'all' && t === false) return FALSE;
        if (t === undefined && !(i.kind === 'some' && i.candidates && i.candidates.every((c) => truthy(c) === (name === 'all')))) unsure = true;
      }
      return unsure ? UNKNOWN : { kind: 'bool', value: name === 'all' };
    }
    case 'min':
    case 'max':
    case 'sum': {
      const items = args.positional.length > 1 ? args.positional : iterate(operand(a(0) ?? UNKNOWN), ctx);
      if (!items || !items.every((i) => i.kind === 'int' || i.kind === 'float')) return UNKNOWN;
      const nums = items.map((i) => (i as { value: number }).value);
      if (name === 'sum') return { kind: items.some((i) => i.kind === 'float') ? 'float' : 'int', value: nums.reduce((x, y) => x + y, 0) };
      if (!nums.length) return raising(`ValueError: ${name}() arg is an empty sequence`);
      return items[nums.indexOf(name === 'min' ? Math.min(...nums) : Math.max(...nums))];
    }
    case 'filter':
    case 'map':
      return filterOrMap(name, a(0) ?? UNKNOWN, a(1) ?? UNKNOWN, ctx, depth);
    case 'range': {
      const nums = args.positional.map((v) => (v.kind === 'int' ? v.value : undefined));
      if (!nums.length || nums.some((n) => n === undefined)) return UNKNOWN;
      const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
      if (step === 0) return raising('ValueError: range() arg 3 must not be zero');
      const items: Value[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
        if (items.length >= LIMITS.collectionItems) return unknown('too large');
        items.push({ kind: 'int', value: i });
      }
      return { kind: 'list', items };
    }
    case 'enumerate':
    case 'zip': {
      const lists = (name === 'enumerate' ? [a(0) ?? UNKNOWN] : args.positional).map((v) => iterate(operand(v), ctx));
      if (lists.some((l) => !l || l.some((i) => i.kind === 'some'))) return UNKNOWN;
      const n = Math.min(...lists.map((l) => l!.length));
      const items: Value[] = [];
      for (let i = 0; i < n; i++) items.push({ kind: 'tuple', items: name === 'enumerate' ? [{ kind: 'int', value: i }, lists[0]![i]] : lists.map((l) => l![i]) });
      return boundedItems(ctx.budget, 'list', items);
    }
    case 'super':
      return args.positional.length ? unknown('super(…) with arguments') : superOf(ctx.method);
    case 'globals':
      return { kind: 'namespace', module: ctx.namespaceModule ?? ctx.moduleFile };
    case 'object':
      return args.positional.length ? UNKNOWN : { kind: 'instance', cls: SENTINEL_CLASS };
    case 'type': {
      // `type(default)(raw)` casts like the default: the builtin of a known value's type.
      const v = args.positional.length === 1 ? operand(args.positional[0]) : undefined;
      const builtin: Partial<Record<Value['kind'], string>> = { str: 'str', int: 'int', float: 'float', bool: 'bool', list: 'list', tuple: 'tuple', dict: 'dict', set: 'set' };
      const cast = v && builtin[v.kind];
      return cast ? { kind: 'callable', name: cast } : unknown('type()');
    }
    case 'vars':
    case 'locals':
      // The module's namespace at module level only; inside a function, its locals.
      return args.positional.length || ctx.callDepth > 0 ? unknown(`${name}()`) : { kind: 'namespace', module: ctx.moduleFile };
    case 'exec': {
      // `exec(code, globals())`: whatever the code binds, nobody can list.
      const target = args.positional[1] ?? args.keywords.get('globals');
      if (!target || isOwnNamespace(target, ctx)) namespaceOpaque(ctx, 'exec()');
      return NONE;
    }
    case 'dir': {
      // `dir(module)` of a project module: its names, sorted (dunder names left out).
      const m = a(0);
      if (m?.kind !== 'module' || !m.names) return unknown('dir()');
      if (ctx.reads) ctx.reads.unmemoizable = true;
      const names = m.names().sort();
      return names.length > LIMITS.collectionItems ? unknown('dir()') : { kind: 'list', items: names.map(str) };
    }
    case 'isinstance':
      return builtinIsinstance(a(0) ?? UNKNOWN, a(1) ?? UNKNOWN);
    case 'getattr':
    case 'hasattr': {
      const o = a(0);
      const n = a(1);
      if (!o || n?.kind !== 'str') return UNKNOWN;
      // A project module's attribute that is certainly absent: the default (getattr) or False (hasattr).
      if (o.kind === 'module' && o.members) {
        const present = o.members(n.value);
        if (o.file) ctx.reads?.global(o.file, n.value, present?.token ?? 0);
        if (!present) return name === 'hasattr' ? FALSE : (a(2) ?? raising(`AttributeError: module '${o.name}' has no attribute '${n.value}'`));
        if (name === 'hasattr') return TRUE;
      }
      if (name === 'hasattr') return UNKNOWN;
      return attribute(o, n.value, ctx);
    }
    case 'importlib.import_module': {
      const n = a(0);
      if (n?.kind !== 'str') return unknownFrom(n ?? UNKNOWN);
      // The module object is not a read the memo can check again: not memoised.
      if (ctx.reads) ctx.reads.unmemoizable = true;
      return ctx.host.importModule?.(n.value) ?? unknown(`module ${n.value}`);
    }
    case 'repr': {
      const v = a(0);
      return v?.kind === 'str' ? str(`'${v.value}'`) : v?.kind === 'int' ? str(String(v.value)) : UNKNOWN;
    }
  }
  if (name.startsWith('configurations.values.')) return configurationsValue(name.slice('configurations.values.'.length), args, ctx);
  // Unbound methods used as functions: `map(str.strip, …)`, `str.lower(x)`.
  if (name.startsWith('str.') && args.positional[0]?.kind === 'str') {
    const [self, ...rest] = args.positional;
    return strMethod((self as { value: string }).value, name.slice(4), { ...args, positional: rest }, ctx);
  }
  if (name.startsWith('environ.Env.') || name.startsWith('environs.Env.')) return unknown(name);
  return unknown(`${name}()`);
}

function builtinStr(v: Value | undefined): Value {
  if (!v) return str('');
  const s = toStr(v);
  return s !== undefined ? str(s) : unknownFrom(operand(v));
}

function builtinInt(v: Value | undefined, withBase: boolean): Value {
  if (!v) return { kind: 'int', value: 0 };
  if (withBase) return unknownFrom(v);
  if (v.kind === 'int') return v;
  if (v.kind === 'bool') return { kind: 'int', value: v.value ? 1 : 0 };
  if (v.kind === 'float') return { kind: 'int', value: Math.trunc(v.value) };
  if (v.kind === 'str') {
    const t = v.value.trim().replace(/(\d)_(?=\d)/g, '$1');
    return /^[-+]?\d+$/.test(t) ? { kind: 'int', value: Number.parseInt(t, 10) } : raising(`ValueError: invalid literal for int() with base 10: '${v.value.slice(0, 40)}'`);
  }
  if (v.kind === 'none') return raising("TypeError: int() argument must be a string, a bytes-like object or a number, not 'NoneType'", v.variable);
  return unknownFrom(operand(v));
}

function builtinDict(args: CallArgs, ctx: EvalContext): Value {
  const entries: { key: Value; value: Value; maybe?: boolean }[] = [];
  let open = args.unknownSpread;
  const first = args.positional[0];
  if (first) {
    if (first.kind === 'dict') {
      for (const e of first.entries) setEntry(entries, e.key, e.value, e.maybe);
      open ||= first.open;
    } else {
      const items = iterate(operand(first), ctx);
      if (!items) return unknownFrom(first);
      for (const pair of items) {
        if (pair.kind === 'some') {
          open = true;
          continue;
        }
        if (!isExactSequence(pair) || pair.items.length !== 2 || !setEntry(entries, pair.items[0], pair.items[1])) open = true;
      }
    }
  }
  for (const [k, v] of args.keywords) setEntry(entries, str(k), v);
  return { kind: 'dict', entries, open };
}

function builtinIsinstance(v: Value, types: Value): Value {
  const names = types.kind === 'callable' ? [types.name] : isExactSequence(types) && types.items.every((t) => t.kind === 'callable') ? types.items.map((t) => (t as { name: string }).name) : undefined;
  if (!names) return UNKNOWN;
  const kindOf: Record<string, string[]> = { str: ['str'], int: ['int', 'bool'], bool: ['bool'], float: ['float'], list: ['list'], tuple: ['tuple'], dict: ['dict'], set: ['set'], 'pathlib.Path': ['path'] };
  const decide = (x: Value): boolean | undefined => {
    if (!['str', 'int', 'bool', 'float', 'list', 'tuple', 'dict', 'set', 'none', 'path'].includes(x.kind)) return undefined;
    return names.some((n) => kindOf[n]?.includes(x.kind));
  };
  const t = v.kind === 'oneOf' ? agree(v.options, decide) : decide(v);
  return t === undefined ? unknownFrom(v) : { kind: 'bool', value: t };
}

/** `filter(f, items)` / `map(f, items)` with `f` a builtin, a method like `str.strip`, a lambda or a project function. */
function filterOrMap(name: 'filter' | 'map', fn: Value, iterable: Value, ctx: EvalContext, depth: number): Value {
  const items = iterate(operand(iterable), ctx);
  if (!items) return unknownFrom(iterable);
  const apply = (x: Value): Value => (fn.kind === 'none' ? x : callValue(fn, { positional: [x], keywords: new Map(), keywordNodes: new Map(), positionalNodes: [], unknownSpread: false }, ctx, depth));
  const out: Value[] = [];
  for (const item of items) {
    if (item.kind === 'some') {
      out.push(item.candidates ? someOf(item.candidates.map((c) => (name === 'map' ? apply(c) : c))) : item);
      continue;
    }
    const r = apply(item);
    if (r.kind === 'unknown' && r.raises) return r;
    if (name === 'map') out.push(r);
    else {
      const t = truthy(operand(r));
      if (t === true) out.push(item);
      else if (t === undefined) out.push(someOf([item]));
    }
  }
  return boundedItems(ctx.budget, 'list', out);
}

export { percentFormat, mergeDicts, oneOf };
