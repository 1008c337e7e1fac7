// Runs a settings module in the head: top-level statements in order, without importing anything.
//
// The result is the module's scope: every name with its value (see values.ts), where it was set,
// what it overrode and whether it was set in a branch that may not run. Imports of other
// settings modules (`from .base import *`) are resolved through a callback, so that a production
// module sees its base's values and overrides them exactly as Python would.

import type { SyntaxNode } from '@lezer/common';
import { evaluate, significantChildren, type Binding, type EvalContext } from './evaluate';
import { type Value, UNKNOWN, unknown, truthy, pyEquals, isSequence, str } from './values';
import type { ParsedPython } from './parse';
import { parser } from '@lezer/python';
import { Tree, NodeType } from '@lezer/common';



export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

export interface SettingBinding extends Binding {
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
  /** For a conditional binding: the values it may take. */
  alternatives?: SettingBinding[];
  /** Environment variables the value depends on. */
  envVariables?: string[];
  /** Set when the name came in through an import: the import statement. */
  importedVia?: SourceRange;
  /** Execution order: a value is evaluated against the bindings that came before it. */
  seq: number;
  /** The binding of the same name this one replaced in its scope (assignment or change). */
  prior?: SettingBinding;
}

/** What evaluating a statement's expression gives. */
export interface Evaluated {
  value: Value;
  unsetValue?: Value;
  envVariables?: string[];
}

type Lazy = () => Evaluated;
type BindingFields = Omit<SettingBinding, 'value' | 'unsetValue' | 'envVariables'>;

const NO_CHANGES: SourceRange[] = [];

/** Increases across every execution, so that bindings compare by age even across modules. */
let SEQ = 0;

/**
 * A binding whose value is computed on first read. Settings files are mostly values nobody
 * reads (rules read a few dozen settings): evaluating lazily keeps a keystroke cheap.
 */
class LazyBinding implements SettingBinding {
  name: string;
  changes: SourceRange[];
  overrides?: SettingBinding;
  conditional?: string;
  alternatives?: SettingBinding[];
  importedVia?: SourceRange;
  seq: number;
  prior?: SettingBinding;
  // Ranges as plain offsets: one object per binding instead of four, on every keystroke.
  private file: string;
  private originStart: number;
  private originEnd: number;
  private statementStart: number;
  private statementEnd: number;
  private valueStart: number;
  private valueEnd: number;
  private evaluated: Evaluated | undefined;
  private compute: Lazy | undefined;

  constructor(fields: BindingFields, value: Evaluated | Lazy) {
    this.name = fields.name;
    this.file = fields.origin.file;
    this.originStart = fields.origin.start;
    this.originEnd = fields.origin.end;
    this.statementStart = fields.statement.start;
    this.statementEnd = fields.statement.end;
    this.valueStart = fields.valueRange ? fields.valueRange.start : -1;
    this.valueEnd = fields.valueRange ? fields.valueRange.end : -1;
    this.changes = fields.changes;
    this.overrides = fields.overrides;
    this.conditional = fields.conditional;
    this.alternatives = fields.alternatives;
    this.importedVia = fields.importedVia;
    this.seq = fields.seq;
    this.prior = fields.prior;
    if (typeof value === 'function') this.compute = value;
    else this.evaluated = value;
  }

  /** The plain `NAME = value` statement, built from offsets without intermediate objects. */
  static assignment(name: string, file: string, nameNode: SyntaxNode, statement: SyntaxNode, valueNode: SyntaxNode, seq: number, previous: SettingBinding | undefined, conditional: string | undefined, value: Lazy): LazyBinding {
    const b: LazyBinding = Object.create(LazyBinding.prototype);
    b.name = name;
    b.file = file;
    b.originStart = nameNode.from;
    b.originEnd = nameNode.to;
    b.statementStart = statement.from;
    b.statementEnd = statement.to;
    b.valueStart = valueNode.from;
    b.valueEnd = valueNode.to;
    b.changes = NO_CHANGES;
    b.overrides = previous;
    b.conditional = conditional;
    b.alternatives = undefined;
    b.importedVia = undefined;
    b.seq = seq;
    b.prior = previous;
    b.evaluated = undefined;
    b.compute = value;
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
    if (!compute) return { value: unknown('cycle') }; // read while being computed
    this.compute = undefined;
    try {
      this.evaluated = compute();
    } catch {
      this.evaluated = { value: unknown() };
    }
    return this.evaluated;
  }

  get value(): Value {
    return this.force().value;
  }
  get unsetValue(): Value | undefined {
    return this.force().unsetValue;
  }
  get envVariables(): string[] | undefined {
    return this.force().envVariables;
  }
}

function makeBinding(fields: BindingFields, value: Evaluated | Lazy): SettingBinding {
  return new LazyBinding(fields, value);
}

function once<T>(f: () => T): () => T {
  let cached: { v: T } | undefined;
  return () => (cached ??= { v: f() }).v;
}

/** Names removed with `del`: the statement that removed them and what they were before. */
type Deleted = Map<string, { seq: number; binding: SettingBinding }>;

/** The binding of `name` that a statement numbered `seq` sees in `scope`. */
function lookupAt(scope: Scope, deleted: Deleted, name: string, seq: number): SettingBinding | undefined {
  let b = scope.get(name);
  if (!b) {
    const gone = deleted.get(name);
    if (!gone || gone.seq < seq) return undefined;
    b = gone.binding;
  }
  while (b && b.seq >= seq) b = b.prior;
  return b;
}

export type Scope = Map<string, SettingBinding>;

export interface ModuleImport {
  /** The module as written, with its leading dots (`.base`, `myproject.settings.base`). */
  module: string;
  star: boolean;
  names: string[];
  range: SourceRange;
  /** The file it resolved to, when it is a module of the project. */
  resolvedFile?: string;
  conditional: boolean;
}

export interface ImportedModule {
  file: string;
  scope: Scope;
}

export interface ExecuteOptions {
  file: string;
  /** Dotted name of the module (`mysite.settings.production`), used for relative imports. */
  moduleName: string;
  isPackage: boolean;
  /** Resolves an absolute dotted module name to an executed project module. */
  resolveModule: (dottedName: string) => ImportedModule | undefined;
  /** Tells whether a dotted name is a module of the project at all (without executing it). */
  moduleExists: (dottedName: string) => boolean;
}

export interface ExecutedModule {
  file: string;
  scope: Scope;
  imports: ModuleImport[];
  /** Statement ranges of top-level assignments, for hover lookups: name → ranges in this file. */
  assignments: SettingBinding[];
}

const KNOWN_MODULES = new Set(['os', 'os.path', 'os.environ', 'pathlib', 'environ', 'decouple', 'sys', 'json']);
const MAX_STATEMENTS = 100_000;

export function executeModule(parsed: ParsedPython, options: ExecuteOptions): ExecutedModule {
  const run = new ModuleRun(parsed, options);
  run.block(parsed.tree.topNode, undefined);
  return { file: options.file, scope: run.scope, imports: run.imports, assignments: run.assignments };
}

class ModuleRun {
  scope: Scope;
  imports: ModuleImport[] = [];
  assignments: SettingBinding[] = [];
  private statements = 0;
  /** The sequence number of the statement being run. */
  private seq = 0;
  private deleted: Deleted = new Map();

  constructor(
    private parsed: ParsedPython,
    private options: ExecuteOptions,
  ) {
    this.scope = new Map();
  }

  private range(node: SyntaxNode): SourceRange {
    return { file: this.options.file, start: node.from, end: node.to };
  }

  private text(node: SyntaxNode): string {
    return this.parsed.text.slice(node.from, node.to);
  }

  private context(mode: 'symbolic' | 'unset', lookup: (name: string) => SettingBinding | undefined = (name) => this.scope.get(name)): EvalContext {
    return {
      text: this.parsed.text,
      file: this.options.file,
      mode,
      lookup,
      touchedEnv: false,
      envVariables: new Set(),
    };
  }

  /** Evaluates now, against the current scope, in both modes. */
  private evaluateNow(node: SyntaxNode | null | undefined): Evaluated {
    return this.evaluateWith(node, (name) => this.scope.get(name));
  }

  /** Evaluates later, against the scope as it is at the current statement. Call once, or wrap in `once`. */
  private evaluate(node: SyntaxNode | null | undefined): Lazy {
    const scope = this.scope;
    const seq = this.seq;
    const deleted = this.deleted;
    return () => this.evaluateWith(node, (name) => lookupAt(scope, deleted, name, seq));
  }

  /** Evaluates in both modes; `unsetValue` is only kept when the environment was read. */
  private evaluateWith(node: SyntaxNode | null | undefined, lookup: (name: string) => SettingBinding | undefined): Evaluated {
    const ctx = this.context('symbolic', lookup);
    const value = evaluate(node, ctx);
    if (!ctx.touchedEnv && !this.dependsOnUnset(value)) return { value };
    const unsetCtx = this.context('unset', lookup);
    const unsetValue = evaluate(node, unsetCtx);
    const names = [...new Set([...ctx.envVariables, ...unsetCtx.envVariables, ...(value.kind === 'unknown' && value.envNames ? value.envNames : [])])];
    return { value, unsetValue, envVariables: names.length ? names : undefined };
  }

  private dependsOnUnset(v: Value): boolean {
    return v.kind === 'unknown' && !!v.envNames?.length;
  }

  block(node: SyntaxNode, conditional: string | undefined): void {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (++this.statements > MAX_STATEMENTS) return;
      this.statement(c, conditional);
    }
  }

  private statement(node: SyntaxNode, conditional: string | undefined): void {
    this.seq = ++SEQ;
    switch (node.name) {
      case 'AssignStatement':
        return this.assign(node, conditional);
      case 'UpdateStatement':
        return this.update(node, conditional);
      case 'ExpressionStatement':
        return this.expressionStatement(node, conditional);
      case 'ImportStatement':
        return this.importStatement(node, conditional);
      case 'IfStatement':
        return this.ifStatement(node, conditional);
      case 'TryStatement':
        return this.tryStatement(node, conditional);
      case 'ForStatement':
      case 'WhileStatement':
      case 'WithStatement':
        return this.forgetAssignedIn(node, conditional);
      case 'FunctionDefinition':
      case 'ClassDefinition':
      case 'DecoratedStatement': {
        const name = node.getChild('VariableName') ?? node.getChild('FunctionDefinition')?.getChild('VariableName') ?? node.getChild('ClassDefinition')?.getChild('VariableName');
        if (name) this.bind(this.text(name), { value: { kind: 'callable', name: this.text(name) } }, name, node, undefined, conditional);
        return;
      }
      case 'Body':
      case 'StatementGroup': // `a = 1; b = 2`
        return this.block(node, conditional);
      case 'DeleteStatement':
        for (const target of significantChildren(node)) {
          if (target.name !== 'VariableName') continue;
          const name = this.text(target);
          const b = this.scope.get(name);
          if (!b) continue;
          this.deleted.set(name, { seq: this.seq, binding: b });
          this.scope.delete(name);
        }
        return;
      default:
        return;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Assignments

  private bind(name: string, v: Evaluated | Lazy, nameNode: SyntaxNode, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined): void {
    const previous = this.scope.get(name);
    const binding = makeBinding(
      {
        name,
        origin: this.range(nameNode),
        valueRange: valueNode ? this.range(valueNode) : undefined,
        statement: this.range(statement),
        changes: [],
        overrides: previous,
        conditional,
        seq: this.seq,
        prior: previous,
      },
      v,
    );
    this.scope.set(name, binding);
    this.assignments.push(binding);
  }

  private assign(node: SyntaxNode, conditional: string | undefined): void {
    if (this.recoverSwallowedLines(node, conditional)) return;
    // Fast path, most of any settings file: `NAME = value`.
    const target = node.firstChild;
    const op = target?.nextSibling;
    const simpleValue = op?.nextSibling;
    if (target?.name === 'VariableName' && op?.name === 'AssignOp' && simpleValue && !simpleValue.type.isError && !simpleValue.nextSibling) {
      const name = this.text(target);
      const previous = this.scope.get(name);
      const binding = LazyBinding.assignment(name, this.options.file, target, node, simpleValue, this.seq, previous, conditional, this.evaluate(simpleValue));
      this.scope.set(name, binding);
      this.assignments.push(binding);
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
      for (const targets of segments) for (const t of targets) this.forgetTarget(t, node, conditional);
      return;
    }
    const valueNode = valueNodes.length === 1 ? valueNodes[0] : undefined;
    const single = segments.length === 1 && segments[0].length === 1 && segments[0][0].name === 'VariableName';
    const lazy = valueNode ? this.evaluate(valueNode) : this.evaluateImplicitTuple(valueNodes);
    // The common `NAME = value` reads its value once; anything else may read it several times.
    const v = single ? lazy : once(lazy);
    for (const targets of segments) {
      if (targets.length === 1) this.assignTarget(targets[0], v, node, valueNode ?? valueNodes[0], conditional);
      else targets.forEach((t, i) => this.assignTarget(t, unpack(v, i, targets.length), node, undefined, conditional));
    }
  }

  /**
   * While a bracket is still open (`B = [` being typed), lezer's recovery swallows the next line
   * into the broken statement (`B = [C = 3` reads as a chained assignment). The name being typed
   * becomes unknown and the swallowed lines are read again as statements of their own.
   */
  private recoverSwallowedLines(node: SyntaxNode, conditional: string | undefined): boolean {
    // An open bracket leaves its container ending in an error node: a cheap test that skips every
    // well-formed statement.
    let broken: SyntaxNode | undefined;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!c.lastChild?.type.isError) continue;
      const nl = this.parsed.text.indexOf('\n', c.from);
      if (nl >= 0 && nl < c.to) {
        broken = c;
        break;
      }
    }
    if (!broken) return false;
    const text = this.parsed.text;
    const firstTarget = node.firstChild;
    if (firstTarget?.name === 'VariableName' && firstTarget.to <= broken.from) {
      this.bind(this.text(firstTarget), { value: unknown('incomplete') }, firstTarget, node, broken, conditional);
    }
    const restart = text.indexOf('\n', broken.from) + 1;
    if (restart <= 0 || restart >= node.to) return true;
    // Parse only the swallowed lines, then place that tree at its offset in the document.
    const sub = parser.parse(text.slice(restart, node.to));
    const placed = new Tree(NodeType.none, [sub], [restart], node.to);
    const script = placed.topNode.firstChild;
    const saved = this.parsed;
    this.parsed = { ...saved, tree: placed };
    try {
      for (let c = script?.firstChild ?? null; c; c = c.nextSibling) this.statement(c, conditional);
    } finally {
      this.parsed = saved;
    }
    return true;
  }

  private evaluateImplicitTuple(nodes: SyntaxNode[]): Lazy {
    const items = nodes.map((n) => this.evaluate(n));
    return () => ({ value: { kind: 'tuple', items: items.map((i) => i().value) } });
  }

  private assignTarget(target: SyntaxNode, v: Lazy, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined) {
    if (target.name === 'VariableName') return this.bind(this.text(target), v, target, statement, valueNode, conditional);
    if (target.name === 'TupleExpression' || target.name === 'ArrayExpression') {
      const names = significantChildren(target);
      names.forEach((n, i) => this.assignTarget(n, unpack(v, i, names.length), statement, undefined, conditional));
      return;
    }
    if (target.name === 'MemberExpression') return this.assignItem(target, v, statement, conditional);
  }

  /** `TEMPLATES[0]["OPTIONS"]["debug"] = False`, `CACHES["default"] = {...}` */
  private assignItem(target: SyntaxNode, v: Lazy, statement: SyntaxNode, conditional: string | undefined) {
    const path = this.itemPath(target);
    if (!path) return;
    this.mutate(path.root, statement, conditional, (old) => setIn(old, path.keys(), v().value), path.rootNode);
  }

  /** Splits `A["x"][0]` into the root name and its (lazily evaluated) keys; undefined for anything else. */
  private itemPath(node: SyntaxNode): { root: string; rootNode: SyntaxNode; keys: () => (Value | undefined)[] } | undefined {
    const keys: Lazy[] = [];
    let cur: SyntaxNode | null = node;
    while (cur && cur.name === 'MemberExpression') {
      const children = significantChildren(cur);
      if (!cur.getChild('[')) return undefined; // attribute target: `X.y = ...`
      const keyNode = children[1];
      keys.unshift(keyNode ? once(this.evaluate(keyNode)) : () => ({ value: UNKNOWN }));
      cur = children[0] ?? null;
    }
    if (!cur || cur.name !== 'VariableName') return undefined;
    return {
      root: this.text(cur),
      rootNode: cur,
      keys: () =>
        keys.map((k) => {
          const key = k().value;
          return key.kind === 'str' || key.kind === 'int' ? key : undefined;
        }),
    };
  }

  /** Records an in-place change of a name; the binding keeps its origin and notes the change. */
  private mutate(name: string, statement: SyntaxNode, conditional: string | undefined, change: (old: Value) => Value, nameNode?: SyntaxNode, unsetChange?: (old: Value) => Value) {
    const previous = this.scope.get(name);
    const compute = (): Evaluated => {
      const oldValue = previous?.value ?? UNKNOWN;
      let value = change(oldValue);
      let unsetValue = previous?.unsetValue || unsetChange ? (unsetChange ?? change)(previous?.unsetValue ?? oldValue) : undefined;
      if (conditional) {
        // A change that may not happen: the value is only known when both outcomes agree.
        if (pyEquals(value, oldValue) !== true) value = unknown('conditional');
        unsetValue = undefined;
      }
      return { value, unsetValue, envVariables: previous?.envVariables };
    };
    const fields: BindingFields = previous
      ? { ...fieldsOf(previous), changes: [...previous.changes, this.range(statement)], conditional: conditional ?? previous.conditional, seq: this.seq, prior: previous }
      : { name, origin: this.range(nameNode ?? statement), statement: this.range(statement), changes: [], conditional, seq: this.seq };
    this.scope.set(name, makeBinding(fields, compute));
  }

  private update(node: SyntaxNode, conditional: string | undefined): void {
    const children = significantChildren(node);
    const target = children[0];
    const op = node.getChild('UpdateOp');
    const valueNode = children[children.length - 1];
    if (!target || !op || !valueNode || valueNode === target) return;
    const operator = this.text(op);
    const v = once(this.evaluate(valueNode));
    if (target.name === 'VariableName') {
      this.mutate(
        this.text(target),
        node,
        conditional,
        (old) => augmented(old, operator, v().value),
        target,
        (old) => augmented(old, operator, v().unsetValue ?? v().value),
      );
    } else if (target.name === 'MemberExpression') {
      const path = this.itemPath(target);
      if (path) this.mutate(path.root, node, conditional, (old) => updateIn(old, path.keys(), (inner) => augmented(inner, operator, v().value)), path.rootNode);
    }
  }

  private expressionStatement(node: SyntaxNode, conditional: string | undefined): void {
    const callNode = node.firstChild;
    if (!callNode || callNode.name !== 'CallExpression') return;
    const callee = callNode.firstChild;
    if (!callee || callee.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') return;
    const method = this.text(callee.lastChild);
    const objectNode = callee.firstChild;
    if (!objectNode) return;
    const argList = callNode.getChild('ArgList');
    const args = argList ? significantChildren(argList) : [];
    if (args.some((a) => a.name === 'AssignOp' || a.name === '*' || a.name === '**')) return;
    const values = args.map((a) => once(this.evaluate(a)));
    const change = (old: Value): Value => inPlace(old, method, values.map((v) => v().value));
    if (objectNode.name === 'VariableName') {
      const name = this.text(objectNode);
      if (!this.scope.has(name)) return;
      if (!MUTATING_METHODS.has(method)) return;
      this.mutate(name, node, conditional, change, objectNode);
    } else if (objectNode.name === 'MemberExpression') {
      const path = this.itemPath(objectNode);
      if (path && MUTATING_METHODS.has(method)) this.mutate(path.root, node, conditional, (old) => updateIn(old, path.keys(), change), path.rootNode);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Imports

  private importStatement(node: SyntaxNode, conditional: string | undefined): void {
    const children = significantChildren(node);
    if (children[0]?.name === 'import') {
      // import a.b, c as d
      for (let i = 1; i < children.length; i++) {
        const first = children[i];
        if (first.name !== 'VariableName') continue;
        let dotted = this.text(first);
        // lezer gives `os.path` as VariableName . VariableName
        let j = i;
        while (this.parsed.text[children[j].to] === '.' && children[j + 1]?.name === 'VariableName') {
          j++;
          dotted += '.' + this.text(children[j]);
        }
        let alias: SyntaxNode | undefined;
        if (children[j + 1]?.name === 'as' && children[j + 2]) {
          alias = children[j + 2];
          j += 2;
        }
        const boundName = alias ? this.text(alias) : dotted.split('.')[0];
        const boundModule = alias ? dotted : dotted.split('.')[0];
        this.bind(boundName, { value: this.moduleValue(boundModule) }, alias ?? first, node, undefined, conditional);
        i = j;
      }
      return;
    }
    // from X import a, b as c / from X import *
    let i = 1;
    let dots = 0;
    let moduleName = '';
    for (; i < children.length && children[i].name !== 'import'; i++) {
      const c = children[i];
      if (c.name === '.') dots++;
      else if (c.name === '...') dots += 3;
      else if (c.name === 'VariableName') moduleName += (moduleName && !moduleName.endsWith('.') ? '.' : '') + this.text(c);
    }
    // significantChildren drops '.', so count dots from the raw text between `from` and `import`.
    const fromNode = children[0];
    const importNode = children[i];
    if (!fromNode || !importNode) return;
    const written = this.parsed.text.slice(fromNode.to, importNode.from).replace(/\s+/g, '');
    dots = /^\.*/.exec(written)![0].length;
    moduleName = written.slice(dots);
    const absolute = dots ? this.resolveRelative(dots, moduleName) : moduleName;
    const rest = children.slice(i + 1);
    const star = rest.some((c) => c.name === '*');
    const names: { name: string; alias: string; node: SyntaxNode }[] = [];
    for (let k = 0; k < rest.length; k++) {
      if (rest[k].name !== 'VariableName') continue;
      const name = this.text(rest[k]);
      if (rest[k + 1]?.name === 'as' && rest[k + 2]?.name === 'VariableName') {
        names.push({ name, alias: this.text(rest[k + 2]), node: rest[k + 2] });
        k += 2;
      } else names.push({ name, alias: name, node: rest[k] });
    }
    const record: ModuleImport = { module: '.'.repeat(dots) + moduleName, star, names: names.map((n) => n.name), range: this.range(node), conditional: !!conditional };
    this.imports.push(record);

    const project = absolute !== undefined && !KNOWN_MODULES.has(absolute) ? this.options.resolveModule(absolute) : undefined;
    if (project) {
      record.resolvedFile = project.file;
      if (star) {
        for (const [name, b] of project.scope) {
          if (name.startsWith('_')) continue;
          this.importBinding(name, b, node, conditional);
        }
      }
      for (const n of names) {
        const b = project.scope.get(n.name);
        const sub = absolute !== undefined ? this.options.resolveModule(`${absolute}.${n.name}`) : undefined;
        if (b) this.importBinding(n.alias, b, node, conditional, n.node);
        else if (sub) this.bind(n.alias, { value: { kind: 'module', name: `${absolute}.${n.name}` } }, n.node, node, undefined, conditional);
        else this.bind(n.alias, { value: UNKNOWN }, n.node, node, undefined, conditional);
      }
      return;
    }
    for (const n of names) {
      const qualified = `${absolute ?? moduleName}.${n.name}`;
      this.bind(n.alias, { value: this.moduleValue(qualified) }, n.node, node, undefined, conditional);
    }
    // `from unknown_module import *`: names it defines are invisible to us; nothing to bind.
  }

  private importBinding(name: string, b: SettingBinding, statement: SyntaxNode, conditional: string | undefined, aliasNode?: SyntaxNode) {
    const previous = this.scope.get(name);
    const fields: BindingFields = {
      ...fieldsOf(b),
      name,
      importedVia: this.range(aliasNode ?? statement),
      overrides: previous ?? b.overrides,
      conditional: conditional ?? b.conditional,
      seq: this.seq,
      prior: previous,
    };
    this.scope.set(name, makeBinding(fields, () => ({ value: b.value, unsetValue: b.unsetValue, envVariables: b.envVariables })));
  }

  private moduleValue(qualified: string): Value {
    if (qualified === 'os' || qualified === 'os.path' || qualified === 'os.environ' || qualified === 'environ' || qualified === 'decouple' || qualified === 'pathlib' || qualified === 'sys') {
      return { kind: 'module', name: qualified };
    }
    if (/^(pathlib|os|os\.path|environ|decouple)\.[A-Za-z_]\w*$/.test(qualified)) {
      if (qualified === 'environ.Env') return { kind: 'callable', name: 'environ.Env' };
      return { kind: 'callable', name: qualified };
    }
    return unknown(`from ${qualified}`);
  }

  private resolveRelative(dots: number, moduleName: string): string | undefined {
    const parts = this.options.moduleName.split('.');
    const packageParts = this.options.isPackage ? parts : parts.slice(0, -1);
    const up = dots - 1;
    if (up > packageParts.length) return undefined;
    const base = packageParts.slice(0, packageParts.length - up);
    if (moduleName) base.push(...moduleName.split('.'));
    return base.join('.');
  }

  // -------------------------------------------------------------------------------------------
  // Branches

  private ifStatement(node: SyntaxNode, conditional: string | undefined): void {
    // if cond: Body (elif cond: Body)* (else: Body)?
    const arms: { test?: SyntaxNode; body: SyntaxNode; label: string }[] = [];
    let pendingTest: SyntaxNode | undefined;
    let pendingKeyword = 'if';
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'if' || c.name === 'elif' || c.name === 'else') {
        pendingKeyword = c.name;
        pendingTest = undefined;
      } else if (c.name === 'Body') {
        const label = pendingKeyword === 'else' ? 'else' : `${pendingKeyword} ${pendingTest ? this.text(pendingTest).replace(/\s+/g, ' ').slice(0, 60) : '…'}`;
        arms.push({ test: pendingKeyword === 'else' ? undefined : pendingTest, body: c, label });
      } else if (!c.type.isError && c.name !== 'Comment') pendingTest = c;
    }
    if (!arms.length) return;
    const hasElse = arms[arms.length - 1].test === undefined;
    const decide = (mode: 'symbolic' | 'unset'): number | undefined => {
      for (let i = 0; i < arms.length; i++) {
        const arm = arms[i];
        if (!arm.test) return i;
        const ctx = this.context(mode);
        const t = truthy(evaluateTest(arm.test, ctx));
        if (t === true) return i;
        if (t === undefined) return undefined;
      }
      return -1; // no arm runs
    };
    const chosen = decide('symbolic');
    if (chosen !== undefined) {
      if (chosen >= 0) this.block(arms[chosen].body, conditional);
      return;
    }
    const unsetChoice = decide('unset');
    const outcomes = arms.map((arm) => ({ label: arm.label, scope: this.runFork(arm.body, conditional ?? arm.label) }));
    if (!hasElse) outcomes.push({ label: 'no branch', scope: new Map(this.scope) });
    const unsetIndex = unsetChoice === undefined ? undefined : unsetChoice === -1 ? outcomes.length - 1 : unsetChoice;
    this.merge(outcomes, unsetIndex, conditional ?? arms.map((a) => a.label.split(' ')[0] === 'else' ? 'else' : a.label).join(' / '));
  }

  private tryStatement(node: SyntaxNode, conditional: string | undefined): void {
    const bodies = node.getChildren('Body');
    if (!bodies.length) return;
    const tryBody = bodies[0];
    const projectImports = this.projectImportsIn(tryBody);
    if (projectImports.length === 0) {
      // Nothing in the body is expected to fail for project reasons: run it.
      this.block(tryBody, conditional);
      // `finally:` / `else:` bodies run too.
      for (const b of bodies.slice(1)) if (this.precededBy(b, 'finally') || this.precededBy(b, 'else')) this.block(b, conditional);
      return;
    }
    const missing = projectImports.some((m) => !this.options.moduleExists(m));
    const handlers = bodies.slice(1).filter((b) => this.precededBy(b, 'except'));
    if (missing) {
      for (const h of handlers.slice(0, 1)) this.block(h, conditional);
      return;
    }
    const label = `try: ${this.text(tryBody).trim().split('\n')[0].replace(/^:\s*/, '').slice(0, 50)}`;
    const outcomes = [{ label, scope: this.runFork(tryBody, label) }];
    if (handlers.length) outcomes.push({ label: 'except', scope: this.runFork(handlers[0], 'except') });
    else outcomes.push({ label: 'not imported', scope: new Map(this.scope) });
    // The imported module exists in the workspace, but it may be a developer-only file (local.py):
    // treat both outcomes as possible.
    this.merge(outcomes, undefined, conditional ?? label);
  }

  private precededBy(body: SyntaxNode, keyword: string): boolean {
    for (let p = body.prevSibling; p; p = p.prevSibling) {
      if (p.name === 'Body') return false;
      if (p.name === keyword) return true;
    }
    return false;
  }

  private projectImportsIn(body: SyntaxNode): string[] {
    const out: string[] = [];
    for (let c = body.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'ImportStatement') continue;
      const t = this.text(c);
      const m = /^from\s+(\.*)([\w.]*)\s+import/.exec(t) ?? /^import\s+()([\w.]+)/.exec(t);
      if (!m) continue;
      const absolute = m[1] ? this.resolveRelative(m[1].length, m[2]) : m[2];
      if (absolute && !KNOWN_MODULES.has(absolute) && (m[1] || this.options.moduleExists(absolute) || absolute.split('.').length > 1 && this.options.moduleExists(absolute.split('.')[0]))) out.push(absolute);
    }
    return out;
  }

  private runFork(body: SyntaxNode, conditional: string): Scope {
    const saved = this.scope;
    this.scope = new Map(saved);
    this.block(body, conditional);
    const result = this.scope;
    this.scope = saved;
    return result;
  }

  private merge(outcomes: { label: string; scope: Scope }[], unsetIndex: number | undefined, label: string): void {
    const names = new Set<string>();
    for (const o of outcomes) for (const k of o.scope.keys()) names.add(k);
    for (const name of names) {
      const bindings = outcomes.map((o) => o.scope.get(name));
      const before = this.scope.get(name);
      if (bindings.every((b) => b === before)) continue;
      const defined = bindings.filter((b): b is SettingBinding => !!b);
      const first = defined.find((b) => b !== before) ?? defined[0];
      const allEqual = bindings.every((b) => b && pyEquals(b.value, first.value) === true);
      const unsetPick = unsetIndex !== undefined ? bindings[unsetIndex] : undefined;
      const merged = makeBinding(
        { ...fieldsOf(first), conditional: label, alternatives: defined, overrides: before, changes: first.changes, seq: ++SEQ, prior: before },
        {
          value: allEqual ? first.value : unknown('conditional', [...new Set(defined.flatMap((b) => b.envVariables ?? []))]),
          unsetValue: unsetPick ? (unsetPick.unsetValue ?? unsetPick.value) : undefined,
          envVariables: [...new Set(defined.flatMap((b) => b.envVariables ?? []))],
        },
      );
      this.scope.set(name, merged);
    }
  }

  private forgetAssignedIn(node: SyntaxNode, conditional: string | undefined): void {
    // Loops and `with` blocks: names assigned inside get values we do not follow.
    node.toTree().iterate({
      enter: (ref) => {
        if (ref.name === 'AssignStatement' || ref.name === 'UpdateStatement') {
          const n = ref.node;
          const target = n.firstChild;
          const abs = target ? { from: node.from + target.from, to: node.from + target.to } : undefined;
          if (abs) {
            const name = this.parsed.text.slice(abs.from, abs.to);
            if (/^[A-Za-z_]\w*$/.test(name) && this.scope.has(name)) {
              const prev = this.scope.get(name)!;
              this.scope.set(name, makeBinding({ ...fieldsOf(prev), conditional: conditional ?? 'loop', seq: this.seq, prior: prev }, { value: unknown('changed in a loop or with-block') }));
            }
          }
        }
        if (ref.name === 'ExpressionStatement') {
          const t = this.parsed.text.slice(node.from + ref.from, node.from + ref.to);
          const m = /^([A-Za-z_]\w*)\s*(\.|\[)/.exec(t);
          if (m && this.scope.has(m[1])) {
            const prev = this.scope.get(m[1])!;
            this.scope.set(m[1], makeBinding({ ...fieldsOf(prev), seq: this.seq, prior: prev }, { value: unknown('changed in a loop or with-block') }));
          }
        }
        return undefined;
      },
    });
  }

  private forgetTarget(target: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
    if (target.name === 'VariableName') this.bind(this.text(target), { value: UNKNOWN }, target, statement, undefined, conditional);
  }
}

/** The position and history fields of a binding, without forcing its value. */
function fieldsOf(b: SettingBinding): BindingFields {
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
  };
}

/** Item `i` of an unpacked assignment (`A, B = 1, 2`). */
function unpack(v: Lazy, i: number, count: number): Lazy {
  return once(() => {
    const value = v().value;
    return { value: isSequence(value) && value.items.length === count ? value.items[i] : UNKNOWN };
  });
}

/** Evaluates a test expression: env values become unknown (symbolic) or their default (unset). */
function evaluateTest(node: SyntaxNode, ctx: EvalContext): Value {
  const v = evaluate(node, ctx);
  if (v.kind === 'env') return unknown(undefined, [v.variable]);
  return v;
}

const MUTATING_METHODS = new Set(['append', 'insert', 'extend', 'remove', 'update', 'pop', 'clear', 'setdefault', 'add', 'discard']);

function augmented(old: Value, op: string, right: Value): Value {
  if (op === '+=') {
    if (old.kind === 'list' && isSequence(right)) return { kind: 'list', items: [...old.items, ...right.items] };
    if (old.kind === 'tuple' && right.kind === 'tuple') return { kind: 'tuple', items: [...old.items, ...right.items] };
    if (old.kind === 'str' && right.kind === 'str') return str(old.value + right.value);
    if ((old.kind === 'int' || old.kind === 'float') && (right.kind === 'int' || right.kind === 'float')) return { kind: old.kind === 'float' || right.kind === 'float' ? 'float' : 'int', value: old.value + right.value };
  }
  if (op === '|=' && old.kind === 'dict' && right.kind === 'dict') {
    const entries = [...old.entries];
    for (const e of right.entries) {
      const i = entries.findIndex((x) => pyEquals(x.key, e.key) === true);
      if (i >= 0) entries[i] = e;
      else entries.push(e);
    }
    return { kind: 'dict', entries, open: old.open || right.open };
  }
  return unknown();
}

function inPlace(old: Value, method: string, args: Value[]): Value {
  if (old.kind === 'list' || old.kind === 'set') {
    switch (method) {
      case 'append':
      case 'add':
        return args.length === 1 ? { kind: old.kind, items: [...old.items, args[0]] } : UNKNOWN;
      case 'insert': {
        if (args.length !== 2 || args[0].kind !== 'int') return UNKNOWN;
        const items = [...old.items];
        let i = args[0].value;
        if (i < 0) i = Math.max(0, items.length + i);
        items.splice(Math.min(i, items.length), 0, args[1]);
        return { kind: old.kind, items };
      }
      case 'extend':
        return args.length === 1 && isSequence(args[0]) ? { kind: old.kind, items: [...old.items, ...args[0].items] } : UNKNOWN;
      case 'remove':
      case 'discard': {
        if (args.length !== 1) return UNKNOWN;
        const i = old.items.findIndex((x) => pyEquals(x, args[0]) === true);
        if (i < 0) return old.items.some((x) => pyEquals(x, args[0]) === undefined) ? UNKNOWN : old;
        const items = [...old.items];
        items.splice(i, 1);
        return { kind: old.kind, items };
      }
      case 'clear':
        return { kind: old.kind, items: [] };
      default:
        return UNKNOWN;
    }
  }
  if (old.kind === 'dict') {
    if (method === 'update' && args.length === 1 && args[0].kind === 'dict') return augmented(old, '|=', args[0]);
    if (method === 'setdefault' && args.length >= 1) {
      if (old.entries.some((e) => pyEquals(e.key, args[0]) === true)) return old;
      return { kind: 'dict', entries: [...old.entries, { key: args[0], value: args[1] ?? { kind: 'none' } }], open: old.open };
    }
    return UNKNOWN;
  }
  return UNKNOWN;
}

function setIn(container: Value, keys: (Value | undefined)[], value: Value): Value {
  return updateIn(container, keys, () => value);
}

/** Copy-on-write update of a nested dict/list item. */
function updateIn(container: Value, keys: (Value | undefined)[], f: (old: Value) => Value): Value {
  if (keys.length === 0) return f(container);
  const [key, ...rest] = keys;
  if (!key) return unknown();
  if (container.kind === 'dict' && key.kind === 'str') {
    const entries = [...container.entries];
    const i = entries.findIndex((e) => e.key.kind === 'str' && e.key.value === key.value);
    const old = i >= 0 ? entries[i].value : container.open ? UNKNOWN : UNKNOWN;
    const next = updateIn(old, rest, f);
    if (i >= 0) entries[i] = { key: entries[i].key, value: next };
    else entries.push({ key, value: next });
    return { kind: 'dict', entries, open: container.open };
  }
  if ((container.kind === 'list' || container.kind === 'tuple') && key.kind === 'int') {
    const idx = key.value < 0 ? container.items.length + key.value : key.value;
    if (idx < 0 || idx >= container.items.length) return unknown();
    const items = [...container.items];
    items[idx] = updateIn(items[idx], rest, f);
    return { kind: container.kind, items };
  }
  return unknown();
}
