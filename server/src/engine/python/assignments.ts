// Assignments and in-place changes: `NAME = value`, unpacking, `X["k"] = v`, `del X["k"]`,
// `X += …`, `X.append(…)`, and the lines lezer swallows into a statement left open. Call statements
// that include files or write the module's namespace are handed on (imports.ts,
// namespaceStatements.ts). Free functions over the ModuleRun (execute.ts).

import type { SyntaxNode } from '@lezer/common';
import { parseFragment } from './parse';
import { Tree, NodeType } from '@lezer/common';
import { significantChildren } from './evaluate';
import { type Value, UNKNOWN, unknown, isSequence } from './values';
import { LIMITS } from './budget';
import { LazyBinding, fieldsOf, type Evaluated, type Lazy, type BindingFields } from './scope';
import { MUTATING_METHODS, augmented, inPlace, setIn, deleteIn, updateIn } from './mutation';
import type { Token } from './memo';
import { lazySymbolic, pick, once, type Mode } from './lazy';
import { isInclude, include } from './imports';
import { classExporter, exportClassSettings, writesNamespace, namespaceStatement, NAMESPACE_CALL } from './namespaceStatements';
import type { ModuleRun } from './execute';

export function assign(run: ModuleRun, node: SyntaxNode, conditional: string | undefined): void {
  if (recoverSwallowedLines(run, node, conditional)) return;
  // Fast path, most of any settings file: `NAME = value`.
  const target = node.firstChild;
  const op = target?.nextSibling;
  const simpleValue = op?.nextSibling;
  if (target?.name === 'VariableName' && op?.name === 'AssignOp' && simpleValue && !simpleValue.type.isError && !simpleValue.nextSibling) {
    const name = run.src(target);
    const previous = run.scope.get(name);
    const chained = previous !== undefined && mentions(run, simpleValue, name);
    const m = run.memoized({ kind: run.classDepth ? 'Ac' : 'A', text: run.text, from: node.from, to: node.to }, () => run.later(simpleValue, run.classDepth ? name : undefined));
    const binding = LazyBinding.assignment(name, run.current.file, target.from, target.to, node.from, node.to, simpleValue.from, simpleValue.to, run.seq, previous, conditional, m.value, run.budget, chained, m.token);
    // `prior` is the raw record (a deletion included) so that older statements still see theirs.
    binding.prior = run.scope.raw(name);
    run.scope.set(name, binding);
    run.assignments.push(binding);
    run.noteCandidate(node, binding);
    return;
  }
  // `A = B = value`, `A, B = 1, 2`, `A: int = 3`, `X["k"] = v`
  const segments: SyntaxNode[][] = [[]];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.type.isError || c.name === 'Comment') continue;
    if (c.name === 'AssignOp') segments.push([]);
    else if (c.name !== ',' && c.name !== 'TypeDef') segments[segments.length - 1].push(c);
  }
  if (segments.length < 2) return; // `A: int` without a value
  const valueNodes = segments.pop()!;
  if (valueNodes.length === 0) {
    for (const targets of segments) for (const t of targets) forgetTarget(run, t, node, conditional);
    return;
  }
  const valueNode = valueNodes.length === 1 ? valueNodes[0] : undefined;
  const m = run.memoized({ kind: 'V', text: run.text, from: node.from, to: node.to }, () => (valueNode ? run.later(valueNode) : laterTuple(run, valueNodes)));
  const lazy = typeof m.value === 'function' ? once(m.value) : (() => m.value) as Lazy;
  for (const targets of segments) {
    if (targets.length === 1) assignTarget(run, targets[0], { get: lazy, token: m.token }, node, valueNode ?? valueNodes[0], conditional);
    else targets.forEach((t, i) => assignTarget(run, t, { get: unpack(lazy, i, targets.length), token: run.memo.derive(`U\0${m.token}\0${i}`) }, node, undefined, conditional));
  }
}

/** Whether an expression's text mentions a name (a cheap test for `X = X + …`). */
function mentions(run: ModuleRun, node: SyntaxNode, name: string): boolean {
  const i = run.text.indexOf(name, node.from);
  return i >= 0 && i < node.to;
}

/**
 * While a bracket is still open (`B = [` being typed), lezer's recovery swallows the next line
 * into the broken statement (`B = [C = 3` reads as a chained assignment). The name being typed
 * becomes unknown and the swallowed lines are read again as statements of their own.
 */
function recoverSwallowedLines(run: ModuleRun, node: SyntaxNode, conditional: string | undefined): boolean {
  // An open bracket leaves its container ending in an error node: a cheap test that skips every
  // well-formed statement.
  let broken: SyntaxNode | undefined;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (!endsInError(c)) continue;
    const nl = run.text.indexOf('\n', c.from);
    if (nl >= 0 && nl < c.to) {
      broken = c;
      break;
    }
  }
  if (!broken) return false;
  const text = run.text;
  const firstTarget = node.firstChild;
  if (firstTarget?.name === 'VariableName' && firstTarget.to <= broken.from) {
    run.bind(run.src(firstTarget), { value: unknown('incomplete') }, firstTarget, node, broken, conditional);
  }
  const restart = text.indexOf('\n', broken.from) + 1;
  if (restart <= 0 || restart >= node.to) return true;
  // Parse only the swallowed lines, then place that tree at its offset in the document; bounded
  // so that thousands of open brackets cannot make a keystroke quadratic.
  run.recovered += node.to - restart;
  if (run.recovered > LIMITS.recoveryFactor * text.length + 10_000) return true;
  const sub = parseFragment(text.slice(restart, node.to));
  const placed = new Tree(NodeType.none, [sub], [restart], node.to);
  const script = placed.topNode.firstChild;
  const saved = run.current;
  run.current = { parsed: { ...saved.parsed, tree: placed }, file: saved.file };
  try {
    for (let c = script?.firstChild ?? null; c; c = c.nextSibling) run.statement(c, conditional, 0);
  } finally {
    run.current = saved;
  }
  return true;
}

function laterTuple(run: ModuleRun, nodes: SyntaxNode[]): Lazy {
  const items = nodes.map((n) => run.later(n));
  return () => {
    const parts = items.map((i) => i());
    const concrete = parts.some((p) => p.concreteValue !== undefined);
    return {
      value: { kind: 'tuple', items: parts.map((p) => p.value) },
      concreteValue: concrete ? { kind: 'tuple', items: parts.map((p) => p.concreteValue ?? p.value) } : undefined,
    };
  };
}

function assignTarget(run: ModuleRun, target: SyntaxNode, v: { get: Lazy; token: Token }, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined) {
  if (target.name === 'VariableName') {
    const b = run.bind(run.src(target), v.get, target, statement, valueNode, conditional, false, v.token);
    run.noteCandidate(statement, b);
    return;
  }
  if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
    const names = significantChildren(target);
    names.forEach((n, i) => assignTarget(run, n, { get: unpack(v.get, i, names.length), token: run.memo.derive(`U\0${v.token}\0${i}`) }, statement, undefined, conditional));
    return;
  }
  if (target.name === 'MemberExpression') return assignItem(run, target, v, statement, conditional);
}

/** `TEMPLATES[0]["OPTIONS"]["debug"] = False`, `CACHES["default"] = {...}` */
function assignItem(run: ModuleRun, target: SyntaxNode, v: { get: Lazy; token: Token }, statement: SyntaxNode, conditional: string | undefined) {
  if (NAMESPACE_CALL.test(run.src(target.firstChild ?? target))) return namespaceStatement(run, statement, conditional);
  const path = itemPath(run, target);
  if (!path) return;
  mutate(run, path.root, statement, conditional, (old, mode) => setIn(old, path.keys(mode), pick(v.get(), mode)), path.rootNode, () => v.get().concreteValue !== undefined || path.readsEnvironment(), [v.token, ...path.tokens]);
}

/** `del CACHES["default"]` */
export function deleteItem(run: ModuleRun, target: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
  const path = itemPath(run, target);
  if (!path) return;
  mutate(run, path.root, statement, conditional, (old, mode) => deleteIn(old, path.keys(mode), run.budget), path.rootNode, path.readsEnvironment, path.tokens);
}

/** Splits `A["x"][0]` into the root name and its (lazily evaluated) keys; undefined for anything else. */
function itemPath(run: ModuleRun, node: SyntaxNode): { root: string; rootNode: SyntaxNode; keys: (mode: Mode) => (Value | undefined)[]; readsEnvironment: () => boolean; tokens: Token[] } | undefined {
  const keys: Lazy[] = [];
  const tokens: Token[] = [];
  let cur: SyntaxNode | null = node;
  while (cur && cur.name === 'MemberExpression') {
    const children = significantChildren(cur);
    if (!cur.getChild('[')) return undefined; // attribute target: `X.y = ...`
    const keyNode = children[1];
    const part = keyNode ? run.part(keyNode, 'K') : { get: () => ({ value: UNKNOWN }), token: 0 };
    keys.unshift(part.get);
    tokens.unshift(part.token);
    cur = children[0] ?? null;
  }
  if (!cur || cur.name !== 'VariableName') return undefined;
  return {
    root: run.src(cur),
    rootNode: cur,
    keys: (mode) =>
      keys.map((k) => {
        const key = pick(k(), mode);
        return key.kind === 'str' || key.kind === 'int' ? key : undefined;
      }),
    readsEnvironment: () => keys.some((k) => k().concreteValue !== undefined),
    tokens,
  };
}

/**
 * Records an in-place change of a name; the binding keeps its origin and notes the change.
 * `change` gets the old value in each mode and returns the new one.
 */
function mutate(run: ModuleRun, name: string, statement: SyntaxNode, conditional: string | undefined, change: (old: Value, mode: Mode) => Value, nameNode?: SyntaxNode, changeReadsEnvironment: () => boolean = () => false, partTokens: Token[] = []) {
  const previous = run.scope.get(name);
  if (previous && previous.changes.length >= LIMITS.changesPerName) {
    if (previous.changes.length === LIMITS.changesPerName) {
      const fields: BindingFields = { ...fieldsOf(previous), changes: [...previous.changes, run.range(statement)], seq: run.seq, prior: previous };
      run.scope.set(name, LazyBinding.create(fields, { value: unknown(`changed more than ${LIMITS.changesPerName} times`) }, run.budget));
    }
    return;
  }
  const compute = (): Evaluated => {
    const undefinedName = unknown(`${name} is not defined here`);
    const concreteBefore = previous?.concreteValue;
    if (concreteBefore === undefined && !changeReadsEnvironment()) {
      // Nothing here depends on the environment: one value serves both modes.
      return { value: change(previous?.value ?? undefinedName, 'symbolic'), envVariables: previous?.envVariables };
    }
    const concreteValue = change(concreteBefore ?? previous?.value ?? undefinedName, 'concrete');
    return lazySymbolic(() => change(previous?.value ?? undefinedName, 'symbolic'), concreteValue, previous?.envVariables);
  };
  const fields: BindingFields = previous
    ? { ...fieldsOf(previous), changes: [...previous.changes, run.range(statement)], conditional: conditional ?? previous.conditional, seq: run.seq, prior: run.scope.raw(name) }
    : { name, origin: run.range(nameNode ?? statement), statement: run.range(statement), changes: [], conditional, seq: run.seq };
  // Memoised under the statement and the tokens of its parts; it reads the name it changes.
  // The same text changes different values in different places (`MIDDLEWARE.append(…)` in every
  // branch): the value it starts from is part of the key.
  const m = run.memoized({ kind: 'M', text: run.text, from: statement.from, to: statement.to, extra: [...partTokens, previous ? previous.token : 0] }, () => compute, () => [{ name, token: previous ? previous.token : 0 }]);
  const binding = LazyBinding.create(fields, m.value, run.budget, true, m.token);
  run.scope.set(name, binding);
  if (run.mayRaise(statement)) run.candidates.push({ range: run.range(statement), binding });
}

export function update(run: ModuleRun, node: SyntaxNode, conditional: string | undefined): void {
  const children = significantChildren(node);
  const target = children[0];
  const op = node.getChild('UpdateOp');
  const valueNode = children[children.length - 1];
  if (!target || !op || !valueNode || valueNode === target) return;
  const operator = run.src(op);
  const part = run.part(valueNode, 'P');
  const v = part.get;
  const readsEnvironment = () => v().concreteValue !== undefined;
  if (target.name === 'VariableName') {
    mutate(run, run.src(target), node, conditional, (old, mode) => augmented(old, operator, pick(v(), mode), run.budget), target, readsEnvironment, [part.token]);
  } else if (target.name === 'MemberExpression') {
    const path = itemPath(run, target);
    if (path) mutate(run, path.root, node, conditional, (old, mode) => updateIn(old, path.keys(mode), (inner) => augmented(inner, operator, pick(v(), mode), run.budget)), path.rootNode, () => readsEnvironment() || path.readsEnvironment(), [part.token, ...path.tokens]);
  }
}

export function expressionStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined): void {
  const callNode = node.firstChild;
  if (!callNode || callNode.name !== 'CallExpression') return;
  const callee = callNode.firstChild;
  if (!callee) return;
  if (callee.name === 'VariableName' && isInclude(run, callee)) return include(run, callNode, node, conditional);
  if (writesNamespace(run, node, callee)) {
    namespaceStatement(run, node, conditional);
    run.noteExpression(node, callNode);
    return;
  }
  if (callee.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') {
    run.noteExpression(node, callNode);
    return;
  }
  const method = run.src(callee.lastChild);
  const objectNode = callee.firstChild;
  if (!objectNode) return;
  const argList = callNode.getChild('ArgList');
  const args = argList ? significantChildren(argList) : [];
  const exported = objectNode.name === 'VariableName' ? classExporter(run, objectNode, method, args) : undefined;
  if (exported) return exportClassSettings(run, exported, node, conditional);
  if (args.some((a) => a.name === 'AssignOp' || a.name === '*' || a.name === '**' || a.name === 'for') || !MUTATING_METHODS.has(method)) {
    run.noteExpression(node, callNode);
    return;
  }
  const parts = args.map((a) => run.part(a, 'P'));
  const values = parts.map((p) => p.get);
  const change = (old: Value, mode: Mode): Value => inPlace(old, method, values.map((v) => pick(v(), mode)), run.budget);
  const readsEnvironment = () => values.some((v) => v().concreteValue !== undefined);
  const tokens = parts.map((p) => p.token);
  if (objectNode.name === 'VariableName') {
    const name = run.src(objectNode);
    if (!run.scope.has(name)) return;
    mutate(run, name, node, conditional, change, objectNode, readsEnvironment, tokens);
  } else if (objectNode.name === 'MemberExpression') {
    const path = itemPath(run, objectNode);
    if (path) mutate(run, path.root, node, conditional, (old, mode) => updateIn(old, path.keys(mode), (inner) => change(inner, mode)), path.rootNode, () => readsEnvironment() || path.readsEnvironment(), [...tokens, ...path.tokens]);
  }
}

function forgetTarget(run: ModuleRun, target: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
  if (target.name === 'VariableName') run.bind(run.src(target), { value: UNKNOWN }, target, statement, undefined, conditional);
}

/** Whether a node's last descendants end in an error marker (`A: [`, `X = {"k": [`…): a bracket left open. */
function endsInError(node: SyntaxNode): boolean {
  let n: SyntaxNode | null = node.lastChild;
  for (let depth = 0; n && depth < 8; depth++, n = n.lastChild) if (n.type.isError) return true;
  return false;
}

/** Item `i` of an unpacked assignment (`A, B = 1, 2`). */
function unpack(v: Lazy, i: number, count: number): Lazy {
  return once(() => {
    const e = v();
    const item = (x: Value) => (isSequence(x) && x.items.length === count && !x.items.some((y) => y.kind === 'some') ? x.items[i] : UNKNOWN);
    return { value: item(e.value), concreteValue: e.concreteValue !== undefined ? item(e.concreteValue) : undefined };
  });
}
