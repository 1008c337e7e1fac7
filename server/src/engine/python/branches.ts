// Statements that branch: `if`, `try`, `with` and loops. Arms nobody can decide run each in a
// layer over the current scope and are merged after the statement (ModuleRun.runFork, merge);
// loops are unrolled over known items, or run once and widened. Free functions over the
// ModuleRun (execute.ts).

import type { SyntaxNode } from '@lezer/common';
import { evaluate, significantChildren, BUILTINS, operand } from './evaluate';
import { type Value, UNKNOWN, unknown, truthy, isSequence, sameValue } from './values';
import { LIMITS } from './budget';
import { oneOf, widenLoop } from './alternatives';
import { Scope, LazyBinding, fieldsOf, nextSeq, type Evaluated, type BindingFields } from './scope';
import { ifArms, tryParts, forParts, catches, catchesType } from './syntax';
import { ABSENT } from './namespace';
import { lazySymbolic, type Mode } from './lazy';
import { importsIn } from './imports';
import type { ModuleRun } from './execute';

/** Which arm runs: its index, -1 for none, undefined when the mode cannot tell. */
function chooseArm(run: ModuleRun, tests: (SyntaxNode | undefined)[], mode: Mode): number | undefined {
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    if (!test) return i;
    const t = decide(run, test, mode);
    if (t === true) return i;
    if (t === undefined) return undefined;
  }
  return -1;
}

/** A test that is `name := value` (maybe in parentheses): binds the name, returns the name node to test. */
function walrus(run: ModuleRun, test: SyntaxNode, statement: SyntaxNode, conditional: string | undefined): SyntaxNode {
  let t = test;
  while (t.name === 'ParenthesizedExpression' && significantChildren(t).length === 1) t = significantChildren(t)[0];
  if (t.name !== 'NamedExpression') return test;
  const parts = significantChildren(t).filter((c) => c.name !== 'AssignOp');
  const target = parts[0];
  const value = parts[parts.length - 1];
  if (target?.name !== 'VariableName' || !value || value === target) return test;
  const m = run.memoized({ kind: 'A', text: run.text, from: t.from, to: t.to }, () => run.later(value));
  run.bind(run.src(target), m.value, target, statement, value, conditional, false, m.token);
  return target;
}

/** Whether a test is true in a mode (memoised like any evaluation). */
function decide(run: ModuleRun, test: SyntaxNode, mode: Mode): boolean | undefined {
  const scope = run.scope;
  const m = run.memoized({ kind: mode === 'concrete' ? 'Tc' : 'Ts', text: run.text, from: test.from, to: test.to }, () => () => {
    const ctx = run.context(mode, run.recording((name) => scope.get(name)));
    const t = truthy(operand(evaluate(test, ctx)));
    return { value: t === undefined ? UNKNOWN : { kind: 'bool', value: t } };
  });
  const v = (typeof m.value === 'function' ? m.value() : m.value).value;
  return v.kind === 'bool' ? v.value : undefined;
}

export function ifStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined, depth: number): void {
  const arms = ifArms(node);
  if (!arms.length) return;
  // `if v := os.getenv("X"):` binds v before the test is judged (in the module's scope).
  for (const arm of arms) if (arm.test) arm.test = walrus(run, arm.test, node, conditional);
  const tests = arms.map((a) => a.test);
  const chosen = chooseArm(run, tests, 'symbolic');
  if (chosen !== undefined) {
    if (chosen >= 0) run.block(arms[chosen].body, conditional, depth + 1);
    return;
  }
  const concreteChoice = chooseArm(run, tests, 'concrete');
  const labels = arms.map((a) => (a.keyword === 'else' ? 'else' : `${a.keyword} ${a.test ? run.src(a.test).replace(/\s+/g, ' ').slice(0, 60) : '…'}`));
  // An arm the analysis environment does not take gives symbolic values only.
  const forks = arms.map((arm, i) => {
    const notTaken = concreteChoice !== undefined && concreteChoice !== i;
    if (notTaken) run.symbolicOnly++;
    try {
      return run.runFork(arm.body, conditional ?? labels[i], depth);
    } finally {
      if (notTaken) run.symbolicOnly--;
    }
  });
  const hasElse = arms[arms.length - 1].test === undefined;
  if (!hasElse) forks.push(new Scope(run.scope));
  const concreteIndex = concreteChoice === undefined ? undefined : concreteChoice === -1 ? forks.length - 1 : concreteChoice;
  run.merge(forks, concreteIndex, conditional ?? labels.join(' / '));
}

export function tryStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined, depth: number): void {
  const parts = tryParts(node);
  if (!parts) return;
  const { project, thirdParty } = importsIn(run, parts.body);
  const missing = project.find((m) => !run.options.moduleExists(m));
  const handlerFor = (kind: string) => parts.handlers.find((h) => catches(h.types, kind, run.text));
  const finish = () => {
    if (parts.finallyBody) run.block(parts.finallyBody, conditional, depth + 1);
  };
  if (missing) {
    // `try: from .local import *` without local.py: the handler runs, as in Python.
    const handler = handlerFor('ModuleNotFoundError');
    if (handler) run.block(handler.body, conditional, depth + 1);
    finish();
    return;
  }
  const label = `try: ${run.text.slice(parts.body.from, parts.body.to).trim().split('\n')[0].replace(/^:\s*/, '').slice(0, 50)}`;
  const body = run.runFork(parts.body, conditional, depth);
  if (parts.orElse) run.runInto(body, parts.orElse, conditional, depth);
  // What the body raises in the analysis environment decides which side Django runs.
  const raised = raisedIn(run, body);
  const mayRaise = raised !== undefined || thirdParty.length > 0 || dependsOnEnvironment(run, body);
  if (!mayRaise || !parts.handlers.length) {
    run.commit(body);
    finish();
    return;
  }
  const handler = handlerFor(raised ? raised.split(':')[0] : 'ImportError') ?? parts.handlers[0];
  const fallback = run.runFork(handler.body, conditional ?? 'except', depth);
  run.merge([body, fallback], raised ? 1 : 0, conditional ?? label);
  finish();
}

/**
 * The body of a `with` runs once; its `as` targets are unknown. `with contextlib.suppress(E…)`
 * is a `try` whose handler does nothing: a body that raises one of them (a name defined
 * nowhere, for NameError) leaves the names as they were.
 */
export function withStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined, depth: number): void {
  const body = node.getChild('Body');
  const managers = significantChildren(node).filter((c) => c.name !== 'Body' && c.name !== 'with' && c.name !== 'as' && c.prevSibling?.name !== 'as');
  // `with open(path) as f:` of a file that is not there: FileNotFoundError, the body never runs.
  for (const m of managers) {
    const v = run.evaluateNow(m);
    const concrete = v.concreteValue ?? v.value;
    if (concrete.kind === 'unknown' && concrete.raises) return run.noteRaise(concrete, node, conditional);
  }
  for (const t of significantChildren(node)) if (t.prevSibling?.name === 'as' && t.name === 'VariableName') run.bind(run.src(t), { value: unknown('a with-statement target') }, t, node, undefined, conditional);
  if (!body) return;
  const suppressed = managers.length === 1 ? suppressedTypes(run, managers[0]) : undefined;
  if (!suppressed) return run.block(body, conditional, depth + 1);
  if (suppressed.includes('NameError') && usesUndefinedName(run, body)) return;
  const fork = run.runFork(body, conditional, depth);
  const raised = raisedIn(run, fork)?.split(':')[0];
  if (!raised) return run.commit(fork);
  const caught = suppressed.some((t) => catchesType(t, raised));
  run.merge([fork, new Scope(run.scope)], caught ? 1 : 0, conditional ?? `with suppress(${suppressed.join(', ')})`);
}

/** `contextlib.suppress(NameError, KeyError)` / `suppress(…)`: the exception names. */
function suppressedTypes(run: ModuleRun, manager: SyntaxNode): string[] | undefined {
  if (manager.name !== 'CallExpression' || !/^(contextlib\.)?suppress$/.test(run.src(manager.firstChild ?? manager))) return undefined;
  const args = manager.getChild('ArgList');
  return args ? significantChildren(args).map((a) => run.src(a).replace(/^.*\./, '')) : [];
}

/**
 * Whether a block reads a name bound nowhere: not in the module's names so far, not assigned
 * in the block before, not a builtin; never claimed after a star import of a module nobody can
 * read or a write of globals() nobody could name.
 */
function usesUndefinedName(run: ModuleRun, body: SyntaxNode): boolean {
  if (run.unlistedStarImport || run.dynamicNames) return false;
  const assigned = new Set<string>();
  let found = false;
  body.toTree().iterate({
    enter: (ref) => {
      if (found) return false;
      const n = ref.node;
      if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition' || n.name === 'LambdaExpression' || n.name.endsWith('Comprehension')) return false;
      if (n.name !== 'VariableName') return undefined;
      const name = run.text.slice(body.from + n.from, body.from + n.to);
      const next = n.nextSibling;
      if (next?.name === 'AssignOp') assigned.add(name);
      else if (!assigned.has(name) && !run.scope.has(name) && !BUILTINS.has(name) && name !== '__file__' && name !== '__name__') found = true;
      return undefined;
    },
  });
  return found;
}

/** The first exception a fork's statements raise in the analysis environment, if any. */
function raisedIn(run: ModuleRun, fork: Scope): string | undefined {
  for (const name of fork.ownNames()) {
    const b = fork.ownRaw(name);
    if (!b || b.deleted) continue;
    const v = b.concreteValue ?? b.value;
    if (v.kind === 'unknown' && v.raises) return v.raises.message;
  }
  return undefined;
}

function dependsOnEnvironment(run: ModuleRun, fork: Scope): boolean {
  for (const name of fork.ownNames()) {
    const b = fork.ownRaw(name);
    if (b && !b.deleted && b.concreteValue !== undefined) return true;
  }
  return false;
}

export function forStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined, depth: number): void {
  const parts = forParts(node);
  if (!parts) return forgetAssignedIn(run, node, conditional, 'changed in a loop');
  const iterable = run.evaluateNow(parts.iterable);
  const items = listedItems(iterable.value);
  const concreteItems = iterable.concreteValue !== undefined ? listedItems(iterable.concreteValue) : items;
  const jumps = hasJump(run, parts.body);
  const same = !!items && !!concreteItems && concreteItems.length === items.length && concreteItems.every((c, i) => sameValue(c, items[i]));
  // Passes are unrolled only without `break` / `continue` (which this interpreter does not
  // follow); no pass at all needs neither.
  if (items && same && items.length <= LIMITS.loopIterations && (!jumps || !items.length)) {
    // Known items: every pass runs, in order, as Python would.
    for (const item of items) loopPass(run, parts.targets, item, undefined, parts.body, node, conditional, depth);
    if (parts.orElse) run.block(parts.orElse, conditional, depth + 1);
    return;
  }
  const unrollConcrete = !!concreteItems && concreteItems.length <= LIMITS.loopIterations && (!jumps || !concreteItems.length);
  // With the concrete passes to follow, the widened pass only gives symbolic values.
  if (unrollConcrete) run.symbolicOnly++;
  let widened: Scope;
  try {
    widened = loopOnce(run, node, parts.body, conditional, depth, { targets: parts.targets, items: items ?? undefined });
  } finally {
    if (unrollConcrete) run.symbolicOnly--;
  }
  if (concreteItems && unrollConcrete) {
    // Items known only in the analysis environment (`os.environ.get("X", "").split(",")`):
    // their passes give the concrete values, the widened pass the symbolic ones.
    const saved = run.scope;
    const unrolled = new Scope(saved);
    run.scope = unrolled;
    try {
      for (const item of concreteItems) loopPass(run, parts.targets, unknown('a loop item'), item, parts.body, node, conditional ?? 'loop', depth);
    } finally {
      run.scope = saved;
    }
    combine(run, widened, unrolled);
  } else run.commit(widened);
  if (parts.orElse) run.block(parts.orElse, conditional, depth + 1);
}

/** One pass of a loop body with its targets bound to an item (and, when it differs, its concrete value). */
function loopPass(run: ModuleRun, targets: SyntaxNode[], item: Value, concreteItem: Value | undefined, body: SyntaxNode, node: SyntaxNode, conditional: string | undefined, depth: number) {
  run.seq = nextSeq();
  bindTargets(run, targets, item, node, conditional, concreteItem);
  run.block(body, conditional, depth + 1);
}

/** Symbolic values from one layer, concrete values from another (both over the current scope). */
function combine(run: ModuleRun, symbolic: Scope, concrete: Scope) {
  const names = new Set([...symbolic.ownNames(), ...concrete.ownNames()]);
  run.seq = nextSeq();
  for (const name of names) {
    const sym = symbolic.ownRaw(name) ?? run.scope.get(name);
    const con = concrete.ownRaw(name) ?? run.scope.get(name);
    const shape = sym ?? con;
    if (!shape) continue;
    const compute = (): Evaluated =>
      lazySymbolic(() => (sym && !sym.deleted ? sym.value : ABSENT), con && !con.deleted ? (con.concreteValue ?? con.value) : ABSENT, [...new Set([...(sym?.envVariables ?? []), ...(con?.envVariables ?? [])])]);
    run.scope.set(name, LazyBinding.create({ ...fieldsOf(shape), seq: run.seq, prior: run.scope.raw(name), deleted: undefined }, compute, run.budget, true, run.memo.derive(`C\0${name}\0${sym?.token ?? 0}\0${con?.token ?? 0}`)));
  }
}

function hasJump(run: ModuleRun, body: SyntaxNode): boolean {
  let found = false;
  body.toTree().iterate({
    enter: (n) => {
      if (found || n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') return false;
      if (n.name === 'BreakStatement' || n.name === 'ContinueStatement') found = true;
      return undefined;
    },
  });
  return found;
}

/**
 * A loop that runs an unknown number of times: one pass over unknown items, then what changed
 * is widened. Returns a layer over the current scope with the widened bindings.
 */
export function loopOnce(run: ModuleRun, node: SyntaxNode, body: SyntaxNode | null, conditional: string | undefined, depth: number, loop: { targets: SyntaxNode[]; items?: Value[] } | undefined): Scope {
  const widened = new Scope(run.scope);
  if (!body) return widened;
  const label = conditional ?? 'loop';
  const fork = new Scope(run.scope);
  const saved = run.scope;
  run.scope = fork;
  try {
    if (loop) {
      const candidates = loop.items?.flatMap((i) => (i.kind === 'some' ? (i.candidates ?? []) : [i]));
      const item = candidates && candidates.length && candidates.length <= LIMITS.options ? oneOf(candidates) : unknown('a loop item');
      bindTargets(run, loop.targets, item, node, label);
    }
    run.block(body, label, depth + 1);
  } finally {
    run.scope = saved;
  }
  run.seq = nextSeq();
  for (const name of fork.ownNames()) {
    const after = fork.ownRaw(name)!;
    const before = run.scope.get(name);
    const compute = (): Evaluated => {
      if (after.deleted || !before) return { value: unknown('changed in a loop') };
      if (before.concreteValue === undefined && after.concreteValue === undefined) return { value: widenLoop(before.value, after.value), envVariables: after.envVariables };
      const concreteValue = widenLoop(before.concreteValue ?? before.value, after.concreteValue ?? after.value);
      return lazySymbolic(() => widenLoop(before.value, after.value), concreteValue, after.envVariables);
    };
    const fields: BindingFields = before ? { ...fieldsOf(before), changes: [...before.changes, after.statement], conditional: label, seq: run.seq, prior: run.scope.raw(name) } : { ...fieldsOf(after), conditional: label, seq: run.seq, prior: run.scope.raw(name), deleted: undefined };
    widened.set(name, LazyBinding.create(fields, compute, run.budget, true, run.memo.derive(`W\0${name}\0${before?.token ?? 0}\0${after.token}`)));
  }
  return widened;
}

function bindTarget(run: ModuleRun, target: SyntaxNode, value: Value, statement: SyntaxNode, conditional: string | undefined, concreteValue?: Value) {
  if (target.name === 'VariableName') run.bind(run.src(target), { value, concreteValue }, target, statement, undefined, conditional);
  else if (target.name === 'TupleExpression' || target.name === 'ParenthesizedExpression' || target.name === 'ArrayExpression') bindTargets(run, significantChildren(target), value, statement, conditional, concreteValue);
}

/** `for name, value in …` / `a, b = …`: several targets unpack the value. */
function bindTargets(run: ModuleRun, targets: SyntaxNode[], value: Value, statement: SyntaxNode, conditional: string | undefined, concreteValue?: Value) {
  if (targets.length === 1) return bindTarget(run, targets[0], value, statement, conditional, concreteValue);
  const part = (v: Value, i: number): Value => {
    if (v.kind === 'oneOf') return oneOf(v.options.map((o) => part(o, i)));
    return isSequence(v) && v.items.length === targets.length && !v.items.some((x) => x.kind === 'some') ? v.items[i] : unknown('unpacked');
  };
  targets.forEach((t, i) => bindTarget(run, t, part(value, i), statement, conditional, concreteValue === undefined ? undefined : part(concreteValue, i)));
}

export function forgetAssignedIn(run: ModuleRun, node: SyntaxNode, conditional: string | undefined, reason: string): void {
  // Names assigned or changed somewhere inside get values nobody follows.
  const names = new Set<string>();
  node.toTree().iterate({
    enter: (ref) => {
      if (ref.name === 'AssignStatement' || ref.name === 'UpdateStatement' || ref.name === 'ExpressionStatement') {
        const t = run.text.slice(node.from + ref.from, Math.min(node.from + ref.to, node.from + ref.from + 200));
        const m = /^([A-Za-z_]\w*)/.exec(t);
        if (m) names.add(m[1]);
      }
      return undefined;
    },
  });
  for (const name of names) {
    const prev = run.scope.get(name);
    const fields: BindingFields = prev
      ? { ...fieldsOf(prev), conditional: conditional ?? reason, seq: run.seq, prior: run.scope.raw(name) }
      : { name, origin: run.range(node), statement: run.range(node), changes: [], conditional: conditional ?? reason, seq: run.seq, prior: run.scope.raw(name) };
    run.scope.set(name, LazyBinding.create(fields, { value: unknown(reason) }, run.budget));
  }
}

function listedItems(v: Value): Value[] | undefined {
  if (isSequence(v)) return v.items.some((i) => i.kind === 'some') ? undefined : v.items;
  if (v.kind === 'dict' && !v.open && !v.entries.some((e) => e.maybe)) return v.entries.map((e) => e.key);
  return undefined;
}
