// Statements that bind module names other than by assignment: class-settings exporters
// (`Production.load_settings(__name__)`) and writes through `globals()`, `vars()`, `locals()` and
// `exec` (namespace.ts). Free functions over the ModuleRun (execute.ts).

import type { SyntaxNode } from '@lezer/common';
import { classAttribute, classAttributeNames } from './classes';
import { evaluate, attribute, significantChildren, type EvalContext } from './evaluate';
import { type Value, UNKNOWN, sameValue, type ClassValue } from './values';
import { LazyBinding, lookupAt, fieldsOf, nextSeq, type SettingBinding, type Evaluated } from './scope';
import { ABSENT, NamespaceWrites, isAbsent } from './namespace';
import type { Mode } from './lazy';
import type { ModuleRun } from './execute';

/** A call of the module's namespace: `globals()`, `vars()`, `locals()`, `exec(`. */
export const NAMESPACE_CALL = /\b(?:globals|vars|locals)\s*\(\s*\)|\bexec\s*\(/;

// -------------------------------------------------------------------------------------------
// Class-settings exporters

/**
 * `Production.load_settings(__name__)`: a class method that copies the class's upper-case
 * members onto the module (readthedocs' class-based settings: `setattr(module, name, value)`
 * over `inspect.getmembers(cls())`, properties computed). The class, when the call is one.
 */
export function classExporter(run: ModuleRun, objectNode: SyntaxNode, method: string, args: SyntaxNode[]): ClassValue | undefined {
  // The argument first: reading the object's value would force every `X.append(…)` eagerly.
  if (args.length !== 1) return undefined;
  const target = run.src(args[0]).replace(/\s+/g, '');
  if (target !== '__name__' && target !== 'sys.modules[__name__]') return undefined;
  const cls = run.scope.get(run.src(objectNode))?.value;
  if (cls?.kind !== 'class') return undefined;
  const fn = classAttribute(cls, method)?.value;
  if (fn?.kind !== 'function' || !fn.def.owner) return undefined;
  const body = fn.def.text.slice(fn.def.node.from, fn.def.node.to);
  return /\bsetattr\s*\(/.test(body) && /\b(getmembers|dir|vars)\s*\(|__dict__/.test(body) ? cls : undefined;
}

/** Binds each upper-case member of an instance of `cls` (properties computed), where its class body sets it. */
export function exportClassSettings(run: ModuleRun, cls: ClassValue, statement: SyntaxNode, conditional: string | undefined) {
  const instance: Value = { kind: 'instance', cls };
  run.seq = nextSeq();
  const scope = run.scope;
  const seq = run.seq;
  const here = run.range(statement);
  for (const name of classAttributeNames(cls)) {
    // Python's `name.isupper() and not name.startswith("_")`.
    if (name.startsWith('_') || !/[A-Z]/.test(name) || /[a-z]/.test(name)) continue;
    const defining = classAttribute(cls, name) as SettingBinding;
    const property = defining.value.kind === 'function';
    const compute = (): Evaluated => {
      const read = (mode: Mode) => {
        const ctx = run.context(mode, (n) => lookupAt(scope, n, seq));
        return { value: attribute(instance, name, ctx), ctx };
      };
      const symbolic = read('symbolic');
      if (!symbolic.ctx.touchedEnv) return { value: symbolic.value };
      const concrete = read('concrete');
      const envVariables = [...new Set([...symbolic.ctx.envVariables, ...concrete.ctx.envVariables])];
      return { value: symbolic.value, concreteValue: concrete.value, envVariables: envVariables.length ? envVariables : undefined };
    };
    const binding = LazyBinding.create(
      {
        ...fieldsOf(defining),
        // A property has no value expression to rewrite.
        valueRange: property ? undefined : defining.valueRange,
        overrides: run.scope.get(name),
        conditional: conditional ?? defining.conditional,
        importedVia: defining.origin.file === run.current.file ? defining.importedVia : here,
        seq,
        prior: run.scope.raw(name),
      },
      compute,
      run.budget,
    );
    run.scope.set(name, binding);
    run.assignments.push(binding);
  }
}

// -------------------------------------------------------------------------------------------
// The module's namespace written through globals() (namespace.ts)

/**
 * Whether a call statement may write the module's namespace: it names `globals()`, `vars()`,
 * `locals()` or `exec`, or calls a function of this module that does (directly or through the
 * functions it calls, followed when the statement runs).
 */
export function writesNamespace(run: ModuleRun, statement: SyntaxNode, callee: SyntaxNode): boolean {
  if (NAMESPACE_CALL.test(run.src(statement))) return true;
  if (callee.name !== 'VariableName') return false;
  const fn = run.scope.get(run.src(callee))?.value;
  if (fn?.kind !== 'function' || fn.def.module !== run.options.file) return false;
  let top = fn.def.node;
  while (top.parent) top = top.parent;
  return namespaceFunctions(run, fn.def.file, top, fn.def.text).has(fn.def.node.from);
}

/** Functions of a file whose body (or a function of the file they call) writes through globals(). */
function namespaceFunctions(run: ModuleRun, file: string, top: SyntaxNode, text: string): Set<number> {
  const known = run.namespaceFunctionStarts.get(file);
  if (known) return known;
  const starts = new Set<number>();
  // Module-level definitions by name; those mentioning globals()/exec, then those calling them.
  const defs = new Map<string, SyntaxNode>();
  for (let c = top.firstChild; c; c = c.nextSibling) {
    const def = c.name === 'FunctionDefinition' ? c : c.name === 'DecoratedStatement' ? c.getChild('FunctionDefinition') : null;
    const name = def?.getChild('VariableName');
    if (def && name) defs.set(text.slice(name.from, name.to), def);
  }
  const writers = new Set<string>();
  for (const [name, def] of defs) if (NAMESPACE_CALL.test(text.slice(def.from, def.to))) writers.add(name);
  for (let grown = true, rounds = 0; grown && rounds < 16; rounds++) {
    grown = false;
    for (const [name, def] of defs) {
      if (writers.has(name)) continue;
      const body = text.slice(def.from, def.to);
      if ([...writers].some((w) => body.includes(`${w}(`))) {
        writers.add(name);
        grown = true;
      }
    }
  }
  for (const name of writers) starts.add(defs.get(name)!.from);
  run.namespaceFunctionStarts.set(file, starts);
  return starts;
}

/**
 * A statement that writes the module's namespace: evaluated now, in both modes, collecting its
 * writes; each name written is bound here. A write nobody can name makes the module's
 * namespace dynamic (what is not assigned may still be set).
 */
export function namespaceStatement(run: ModuleRun, statement: SyntaxNode, conditional: string | undefined) {
  const scope = run.scope;
  const evaluateIn = (mode: Mode) => {
    const ctx = run.context(mode, (n) => scope.get(n));
    ctx.namespaceWrites = new NamespaceWrites();
    const result = statement.name === 'AssignStatement' ? namespaceAssignment(run, statement, ctx) : evaluate(statement.firstChild, ctx);
    return { writes: ctx.namespaceWrites, ctx, result };
  };
  const symbolic = evaluateIn('symbolic');
  const concrete = evaluateIn('concrete');
  // The statement raises where Django runs it (`globals().update(import_module(missing).__dict__)`):
  // it writes nothing, and a `try` around it sees the exception.
  if (concrete.result.kind === 'unknown' && concrete.result.raises) return run.noteRaise(concrete.result, statement, conditional);
  const where = `${run.current.file.slice(run.current.file.lastIndexOf('/') + 1)}, line ${lineOf(run.text, statement.from)}`;
  if (!run.symbolicOnly) for (const d of concrete.writes.opaque) run.markDynamic({ why: `${d.why} (${where})`, prefix: d.prefix });
  const names = new Set([...symbolic.writes.names.keys(), ...concrete.writes.names.keys()]);
  if (!names.size) return;
  run.seq = nextSeq();
  const envVariables = [...new Set([...symbolic.ctx.envVariables, ...concrete.ctx.envVariables])];
  for (const name of names) {
    const prior = run.scope.get(name);
    const before = (mode: Mode) => (prior ? (mode === 'concrete' ? (prior.concreteValue ?? prior.value) : prior.value) : ABSENT);
    const value = symbolic.writes.names.get(name) ?? before('symbolic');
    const concreteValue = concrete.writes.names.get(name) ?? before('concrete');
    if (isAbsent(value) && isAbsent(concreteValue)) {
      run.remove(name, run.range(statement));
      continue;
    }
    const differs = concrete.ctx.touchedEnv || symbolic.ctx.touchedEnv || !sameValue(value, concreteValue);
    run.bind(name, { value, concreteValue: differs ? concreteValue : undefined, envVariables: differs && envVariables.length ? envVariables : undefined }, nameIn(run, statement, name) ?? statement, statement, undefined, conditional);
  }
}

/** `globals()["NAME"] = value` (also `vars()`, `locals()`): the value, or what raises. */
function namespaceAssignment(run: ModuleRun, statement: SyntaxNode, ctx: EvalContext): Value {
  const parts = significantChildren(statement).filter((c) => c.name !== 'AssignOp');
  const value = parts.length >= 2 ? evaluate(parts[parts.length - 1], ctx) : UNKNOWN;
  if (value.kind === 'unknown' && value.raises) return value;
  for (const target of parts.slice(0, -1)) {
    const keyNode = target.name === 'MemberExpression' ? significantChildren(target)[1] : undefined;
    const key = keyNode ? evaluate(keyNode, ctx) : UNKNOWN;
    if (key.kind === 'unknown' && key.raises) return key;
    if (key.kind === 'str') ctx.namespaceWrites!.write(key.value, value);
    else ctx.namespaceWrites!.addOpaque('globals()[…] = …');
  }
  return value;
}

/** The string literal naming a setting in a statement (`set_option("X", …)`), for a precise place. */
function nameIn(run: ModuleRun, statement: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const quote of ['"', "'"]) {
    const at = run.text.indexOf(`${quote}${name}${quote}`, statement.from);
    if (at < 0 || at >= statement.to) continue;
    const node = run.current.parsed.tree.resolveInner(at + 1, 1);
    if (node.name === 'String' && node.from >= statement.from && node.to <= statement.to) return node;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
