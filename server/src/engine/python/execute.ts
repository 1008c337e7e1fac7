// Runs a settings module in the head: top-level statements in order, without importing anything.
//
// The result is the module's scope: every name with its value (values.ts), where it was set, what
// it overrode and whether a branch that may not run set it. Imports of other project modules
// (`from .base import *`, helpers), django-split-settings `include()` and `try: from .local
// import *` are resolved through callbacks, so a production module sees its base's values and
// overrides them exactly as Python would.
//
// Branches nobody can decide run each in a layer over the current scope and are merged after the
// statement: a name then holds the `oneOf` of what each branch left (and, in the analysis
// environment, the branch that environment takes when it can be decided). Loops run their body
// once over unknown items and widen what changed (a list appended to in a loop keeps its items
// and gets an unknown tail), or are unrolled over items that are known. Every bound is in
// budget.ts.
//
// This file holds the run's state, what every statement shares (evaluation, memo, bindings,
// layers) and definitions; the other statements run in assignments.ts, imports.ts, branches.ts
// and namespaceStatements.ts.

import type { SyntaxNode } from '@lezer/common';
import { evaluate, significantChildren, type Binding, type EvalContext, type EvalHost, CHECK_ARGV } from './evaluate';
import { type Value, unknown, raising, envNamesOf, type ClassValue } from './values';
import { Budget, LIMITS } from './budget';
import { oneOf } from './alternatives';
import type { ParsedPython } from './parse';
import { Scope, type DynamicNames, LazyBinding, lookupAt, fieldsOf, nextSeq, type SettingBinding, type SourceRange, type Evaluated, type Lazy } from './scope';
import { envRead } from './environment';
import { ABSENT } from './namespace';
import { ModuleMemo, ReadLog, freshToken, type Read, type Token, type MemoKey } from './memo';
import { lazySymbolic, pick, once, type Mode } from './lazy';
import { assign, update, expressionStatement, deleteItem } from './assignments';
import { importStatement, projectModule } from './imports';
import { ifStatement, tryStatement, withStatement, forStatement, loopOnce, forgetAssignedIn } from './branches';

export { Scope, type SettingBinding, type SourceRange, type Evaluated };

export interface ModuleImport {
  /** The module as written, with its leading dots (`.base`, `myproject.settings.base`). */
  module: string;
  star: boolean;
  names: string[];
  range: SourceRange;
  /** The file it resolved to, when it is a module of the project. */
  resolvedFile?: string;
  conditional: boolean;
  /** A django-split-settings `include()` of this file. */
  included?: boolean;
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
  /** Environment variables set for the analysis; every other variable is unset. */
  environment?: ReadonlyMap<string, string>;
  host?: EvalHost & {
    /** Project files in a folder (absolute paths), for django-split-settings globs. */
    filesIn?(folder: string): string[];
    /** Parses a project file (django-split-settings includes). */
    parse?(file: string): ParsedPython | undefined;
  };
  /** Modules already being imported above this one (bounded by LIMITS.importDepth). */
  importDepth?: number;
  /** What earlier runs of this module evaluated (memo.ts); a run without one starts from nothing. */
  memo?: ModuleMemo;
  /** Another project module's names once it has run (for checking what a memoised evaluation read there). */
  moduleScope?: (file: string) => Scope | undefined;
  /** Called as the run starts, with its names as they stand at any moment (an import cycle reads them). */
  onStart?: (names: () => Scope) => void;
}

/** A statement that makes Django stop loading the module in the analysis environment. */
export interface LoadFailure {
  range: SourceRange;
  message: string;
  /** The environment variable whose absence causes it, when one does. */
  variable?: string;
}

export interface ExecutedModule {
  file: string;
  scope: Scope;
  imports: ModuleImport[];
  /** Top-level assignments, for hover lookups. */
  assignments: SettingBinding[];
  /** Statements that raise in the analysis environment, in execution order (computed on first call). */
  loadFailures(): LoadFailure[];
  /** Why evaluation stopped early, when a bound was hit. */
  budget: Budget;
  /** Classes defined in the module (django-configurations). */
  classes: Map<string, ClassValue>;
  /** The run itself, for resuming it after an edit (executeModule's `previous`). */
  run?: unknown;
}

const MAX_STATEMENTS = 100_000;

/** An earlier run of the same module, and where its text starts to differ from the new one. */
export interface PreviousRun {
  module: ExecutedModule;
  changeFrom: number;
}

/** Runs resumed one after the other before a run starts from the top again (their bindings keep earlier runs alive). */
const MAX_LINEAGE = 6;

/**
 * Runs a module. Given the previous run of the same module (same imports, environment and file
 * listing: the caller checks), the top-level statements that end before the change are not run
 * again: the new run starts from the state the previous one had before the first changed
 * statement, with the same bindings.
 */
export function executeModule(parsed: ParsedPython, options: ExecuteOptions, previous?: PreviousRun): ExecutedModule {
  let start: SyntaxNode | null = parsed.tree.topNode.firstChild;
  let run: ModuleRun | undefined;
  const old = previous?.module.run as ModuleRun | undefined;
  if (old && previous && old.lineage < MAX_LINEAGE) {
    let kept = 0;
    let c = start;
    for (; c && kept < old.checkpoints.length; c = c.nextSibling, kept++) {
      const cp = old.checkpoints[kept];
      if (cp.from !== c.from || cp.to !== c.to || cp.to >= previous.changeFrom) break;
    }
    if (kept > 0) {
      run = ModuleRun.resume(old, kept, parsed, options);
      start = c;
    }
  }
  run ??= new ModuleRun(parsed, options);
  const running = run;
  options.onStart?.(() => running.scope);
  for (let c = start; c; c = c.nextSibling) if (!run.topLevel(c)) break;
  const done = run;
  done.scope.dynamicNames = done.dynamicNames;
  let failures: LoadFailure[] | undefined;
  return {
    file: options.file,
    scope: done.scope,
    imports: done.imports,
    assignments: done.assignments,
    budget: done.budget,
    classes: done.classes,
    loadFailures: () => (failures ??= done.loadFailures()),
    run: done,
  };
}

interface Candidate {
  range: SourceRange;
  /** The binding the statement created (an assignment), or how to evaluate it (an expression). */
  binding?: SettingBinding;
  evaluate?: () => Value;
  importError?: string;
}

/**
 * @internal The run of one module. Members that are not private are shared with the statement
 * runners (assignments.ts, imports.ts, branches.ts, namespaceStatements.ts); none is an API.
 */
export class ModuleRun {
  scope = new Scope();
  imports: ModuleImport[] = [];
  assignments: SettingBinding[] = [];
  classes = new Map<string, ClassValue>();
  budget = new Budget();
  private statements = 0;
  /** The sequence number of the statement being run. */
  seq = 0;
  private environment: ReadonlyMap<string, string>;
  host: NonNullable<ExecuteOptions['host']>;
  /** Text parsed again to recover swallowed lines, so far. */
  recovered = 0;
  /** Statements that may raise in the analysis environment (reads of the environment, imports). */
  candidates: Candidate[] = [];
  /** The file whose statements run now (an included split-settings component, or the module). */
  current: { parsed: ParsedPython; file: string };
  includeDepth = 0;
  /** Class bodies being run (their assignments are class attributes). */
  classDepth = 0;
  /** The class whose body runs now (methods defined there belong to it). */
  private definingClass: ClassValue | undefined;
  memo: ModuleMemo;
  /** The reads of the memoised evaluations in progress, innermost last. */
  private logs: ReadLog[] = [];
  /** Before each top-level statement of the module: where it is and how far the run had got. */
  checkpoints: { from: number; to: number; seq: number; imports: number; assignments: number; candidates: number }[] = [];
  /** How many runs this one resumes in a row. */
  lineage = 0;
  /** Inside a loop pass whose concrete values come from other passes (forStatement). */
  symbolicOnly = 0;
  /** Set by `from module import *` of a module nobody can read: names may exist that nobody can list. */
  unlistedStarImport = false;
  /** Per file, where its functions that write through globals() start (namespaceFunctions). */
  namespaceFunctionStarts = new Map<string, Set<number>>();

  constructor(
    parsed: ParsedPython,
    readonly options: ExecuteOptions,
  ) {
    this.environment = options.environment ?? new Map();
    this.host = {
      ...options.host,
      created: new Set(),
      // Only modules of the project can be read; the import depth bound applies as to `import`.
      importModule: (dotted: string) => {
        if ((options.importDepth ?? 0) >= LIMITS.importDepth) return undefined;
        const m = options.resolveModule(dotted);
        if (m) return projectModule(dotted, m);
        // A module of one of the project's packages that is not there raises, as an import would.
        const top = dotted.split('.')[0];
        if (dotted.includes('.') && options.moduleExists(top) && !options.moduleExists(dotted)) return raising(`ModuleNotFoundError: No module named '${dotted}'`);
        return undefined;
      },
    };
    this.current = { parsed, file: options.file };
    this.memo = options.memo ?? new ModuleMemo();
    this.memo.startRun();
  }

  get text(): string {
    return this.current.parsed.text;
  }

  range(node: SyntaxNode): SourceRange {
    return { file: this.current.file, start: node.from, end: node.to };
  }

  src(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  context(mode: Mode, lookup: (name: string) => Binding | undefined, text = this.text): EvalContext {
    return {
      text,
      // `__file__` stays the module's own file in split-settings components, as in Python.
      file: this.options.file,
      mode,
      environment: this.environment,
      lookup,
      touchedEnv: false,
      envVariables: new Set(),
      budget: this.budget,
      host: this.host,
      callDepth: 0,
      moduleFile: this.options.file,
      moduleLookup: lookup,
      reads: this.logs[this.logs.length - 1],
    };
  }

  /** A lookup of the module's names that records what it read for the memoised evaluation in progress. */
  recording(find: (name: string) => SettingBinding | undefined): (name: string) => SettingBinding | undefined {
    return (name) => {
      const b = find(name);
      this.logs[this.logs.length - 1]?.name(name, b ? b.token : 0);
      return b;
    };
  }

  /** Evaluates now, against the current scope, in both modes. */
  evaluateNow(node: SyntaxNode | null | undefined): Evaluated {
    const scope = this.scope;
    return this.evaluateWith(node, this.recording((name) => scope.get(name)), this.text);
  }

  /** Evaluates later, against the scope as it is at the current statement. */
  later(node: SyntaxNode | null | undefined, assignedName?: string): Lazy {
    const scope = this.scope;
    const seq = this.seq;
    const text = this.text;
    return () => this.evaluateWith(node, this.recording((name) => lookupAt(scope, name, seq)), text, assignedName);
  }

  // -------------------------------------------------------------------------------------------
  // Memo (memo.ts): results of earlier runs reused while what they read is unchanged

  /** The token a recorded read gives now. */
  private currentToken(read: Read): Token {
    if ('file' in read) return this.options.moduleScope?.(read.file)?.get(read.name)?.token ?? 0;
    return this.scope.get(read.name)?.token ?? 0;
  }

  /**
   * An evaluation under `key` (the statement's text and the tokens of its parts): the stored one
   * when its reads still hold, else a lazy one that stores itself. `extra` are reads the
   * evaluation makes without a lookup (the name an in-place change starts from).
   */
  memoized(key: MemoKey, makeEvaluate: () => Lazy, extra: () => Read[] = () => []): { value: Evaluated | Lazy; token: Token } {
    const hit = this.memo.find(key, (r) => this.currentToken(r));
    if (hit) return { value: hit.evaluated, token: hit.token };
    const token = freshToken();
    const evaluate = makeEvaluate();
    const compute = (): Evaluated => {
      const log = new ReadLog();
      const cuts = this.budget.cuts;
      this.logs.push(log);
      let evaluated: Evaluated;
      try {
        evaluated = evaluate();
      } finally {
        this.logs.pop();
      }
      // A result cut short by a bound depends on the order of reads: not kept.
      if (!log.unmemoizable && !this.budget.exhausted && this.budget.cuts === cuts) this.memo.store(key, { reads: [...extra(), ...log.reads], evaluated, token });
      return evaluated;
    };
    return { value: compute, token };
  }

  /** A sub-expression evaluated once, memoised: its lazy value and its token. */
  part(node: SyntaxNode, kind: string): { get: Lazy; token: Token } {
    const m = this.memoized({ kind, text: this.text, from: node.from, to: node.to }, () => this.later(node));
    return { get: typeof m.value === 'function' ? once(m.value) : () => m.value as Evaluated, token: m.token };
  }

  /** Evaluates in both modes; `concreteValue` is only kept when something environment-dependent was read. */
  private evaluateWith(node: SyntaxNode | null | undefined, lookup: (name: string) => Binding | undefined, text: string, assignedName?: string): Evaluated {
    const ctx = this.context('symbolic', lookup, text);
    ctx.assignedName = assignedName;
    const value = evaluate(node, ctx);
    if (!ctx.touchedEnv) return { value };
    const concreteCtx = this.context('concrete', lookup, text);
    concreteCtx.assignedName = assignedName;
    const concreteValue = evaluate(node, concreteCtx);
    const names = [...new Set([...ctx.envVariables, ...concreteCtx.envVariables, ...envNamesOf(value)])];
    return { value, concreteValue, envVariables: names.length ? names : undefined };
  }

  /** Runs one top-level statement of the module, noting a checkpoint before it; false past the statement bound. */
  topLevel(node: SyntaxNode): boolean {
    this.checkpoints.push({ from: node.from, to: node.to, seq: nextSeq(), imports: this.imports.length, assignments: this.assignments.length, candidates: this.candidates.length });
    if (++this.statements > MAX_STATEMENTS) return false;
    this.statement(node, undefined, 0);
    return true;
  }

  /**
   * A run that starts where `old` stood before its top-level statement `kept`: the same
   * bindings (as they were then), imports, assignments and load candidates.
   */
  static resume(old: ModuleRun, kept: number, parsed: ParsedPython, options: ExecuteOptions): ModuleRun {
    const run = new ModuleRun(parsed, options);
    // Every statement kept: the state at the end of the old run.
    const cp = old.checkpoints[kept] ?? { seq: Number.POSITIVE_INFINITY, imports: old.imports.length, assignments: old.assignments.length, candidates: old.candidates.length };
    for (const [name, last] of old.scope.rawEntries()) {
      let b: SettingBinding | undefined = last;
      while (b && b.seq >= cp.seq) b = b.prior;
      if (!b) continue;
      run.scope.set(name, b);
      // Class bindings hold their value from the start: reading it forces nothing.
      if (!b.deleted && b instanceof LazyBinding && b.isForced && b.value.kind === 'class') run.classes.set(name, b.value);
    }
    run.imports = old.imports.slice(0, cp.imports);
    run.assignments = old.assignments.slice(0, cp.assignments);
    run.candidates = old.candidates.slice(0, cp.candidates);
    run.checkpoints = old.checkpoints.slice(0, kept);
    for (const f of old.functionNames) run.functionNames.add(f);
    run.statements = kept;
    run.lineage = old.lineage + 1;
    // Files the kept statements created (a superset: later ones too; reads only get quieter).
    for (const f of old.host.created ?? []) run.host.created?.add(f);
    if (old.dynamicNames && old.dynamicAt < kept) {
      run.dynamicNames = old.dynamicNames;
      run.dynamicAt = old.dynamicAt;
    }
    return run;
  }

  block(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    if (depth > LIMITS.blockDepth) {
      forgetAssignedIn(this, node, conditional, 'statements nested too deeply');
      return;
    }
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (++this.statements > MAX_STATEMENTS) return;
      this.statement(c, conditional, depth);
    }
  }

  statement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    this.seq = nextSeq();
    switch (node.name) {
      case 'AssignStatement':
        return assign(this, node, conditional);
      case 'UpdateStatement':
        return update(this, node, conditional);
      case 'ExpressionStatement':
        return expressionStatement(this, node, conditional);
      case 'ImportStatement':
        return importStatement(this, node, conditional);
      case 'IfStatement':
        return ifStatement(this, node, conditional, depth);
      case 'TryStatement':
        return tryStatement(this, node, conditional, depth);
      case 'ForStatement':
        return forStatement(this, node, conditional, depth);
      case 'WhileStatement':
        return this.commit(loopOnce(this, node, node.getChild('Body'), conditional, depth, undefined));
      case 'WithStatement':
        return withStatement(this, node, conditional, depth);
      case 'FunctionDefinition':
      case 'ClassDefinition':
        return this.definition(node, node, conditional, depth);
      case 'DecoratedStatement': {
        const inner = node.getChild('FunctionDefinition') ?? node.getChild('ClassDefinition');
        if (inner) this.definition(inner, node, conditional, depth);
        return;
      }
      case 'Body':
      case 'StatementGroup': // `a = 1; b = 2`
        return this.block(node, conditional, depth);
      case 'DeleteStatement':
        for (const target of significantChildren(node)) {
          if (target.name === 'VariableName') this.remove(this.src(target), this.range(node));
          else if (target.name === 'MemberExpression') deleteItem(this, target, node, conditional);
        }
        return;
      default:
        return;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Bindings, and statements noted for loadFailures()

  bind(name: string, v: Evaluated | Lazy, nameNode: SyntaxNode, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined, chained = false, token: Token = freshToken()): SettingBinding {
    const previous = this.scope.get(name);
    const binding = LazyBinding.create(
      {
        name,
        origin: this.range(nameNode),
        valueRange: valueNode ? this.range(valueNode) : undefined,
        statement: this.range(statement),
        changes: [],
        overrides: previous,
        conditional,
        seq: this.seq,
        prior: this.scope.raw(name),
      },
      v,
      this.budget,
      chained,
      token,
    );
    this.scope.set(name, binding);
    this.assignments.push(binding);
    return binding;
  }

  remove(name: string, statement: SourceRange) {
    const b = this.scope.raw(name);
    if (!b || b.deleted) return;
    const gone = LazyBinding.create({ ...fieldsOf(b), statement, seq: this.seq, prior: b, deleted: true }, { value: unknown('deleted') }, this.budget);
    this.scope.set(name, gone);
  }

  /** Statements whose evaluation may raise in the analysis environment are checked by loadFailures(). */
  noteCandidate(statement: SyntaxNode, binding: SettingBinding) {
    if (this.mayRaise(statement)) this.candidates.push({ range: this.range(statement), binding });
  }

  /**
   * Whether a statement may read the environment in a way that raises: it mentions a reader
   * (`environ`, `getenv`, `env`, `config`, django-configurations' `Value`) or calls a function
   * of the project. Everything else is skipped, so the check stays cheap on large modules.
   */
  mayRaise(node: SyntaxNode): boolean {
    const within = (needle: string) => this.occurrences.within(this.text, needle, node.from, node.to);
    if (!within('(') && !within('[')) return false;
    if (within('env') || within('config') || within('Value(')) return true; // `env` covers environ, getenv
    for (const name of this.functionNames) if (within(name + '(')) return true;
    return false;
  }

  private occurrences = new Mentions();

  /** Names of project functions bound so far (their calls may read the environment). */
  functionNames = new Set<string>();

  /**
   * A statement that binds no name raises where Django runs it: a hidden binding carries the
   * exception, so that an enclosing `try` picks its handler (see raisedIn).
   */
  noteRaise(raised: Value, statement: SyntaxNode, conditional: string | undefined) {
    this.bind(RAISED, { value: raised }, statement, statement, undefined, conditional);
  }

  /** Names nobody can list that may be bound (writes of globals() nobody could name), if any. */
  dynamicNames: DynamicNames[] | undefined;
  /** The top-level statement (its index) where the first of them happened. */
  private dynamicAt = 0;

  markDynamic(d: DynamicNames) {
    if (!this.dynamicNames) {
      this.dynamicNames = [];
      this.dynamicAt = Math.max(0, this.checkpoints.length - 1);
    }
    if (this.dynamicNames.length < 16 && !this.dynamicNames.some((x) => x.prefix === d.prefix && x.why === d.why)) this.dynamicNames.push(d);
  }

  /** A call statement (`sentry_sdk.init(dsn=os.environ["DSN"])`) can stop the module from loading. */
  noteExpression(statement: SyntaxNode, expression: SyntaxNode) {
    if (!this.mayRaise(statement)) return;
    const lazy = this.part(expression, 'E').get;
    this.candidates.push({ range: this.range(statement), evaluate: () => pick(lazy(), 'concrete') });
  }

  // -------------------------------------------------------------------------------------------
  // Definitions

  private definition(node: SyntaxNode, statement: SyntaxNode, conditional: string | undefined, depth: number) {
    const nameNode = node.getChild('VariableName');
    if (!nameNode) return;
    const name = this.src(nameNode);
    if (node.name === 'FunctionDefinition') {
      this.functionNames.add(name);
      const scope = this.scope;
      const owner = this.classDepth ? this.definingClass : undefined;
      // `@NAME.setter` / `.deleter`: the property keeps its getter.
      if (owner && /^@\s*[\w.]+\.(setter|deleter)\b/m.test(this.src(statement)) && this.scope.get(name)) return;
      const def = { node, text: this.text, file: this.current.file, module: this.options.file, globals: (n: string) => scope.get(n), owner, decorators: owner ? this.decorators(statement) : undefined };
      // The same definition gives the same function: calls of it keep their memoised results.
      // (A method's value also depends on its class: no shared token.)
      this.bind(name, { value: { kind: 'function', name, def } }, nameNode, statement, undefined, conditional, false, owner ? freshToken() : this.memo.derive(`D\0${this.current.file}\0${this.src(node)}`));
      return;
    }
    // A class body runs once, in a layer of its own over the module's names.
    const cls: ClassValue = { kind: 'class', name, bases: [], attributes: new Map() };
    const argList = node.getChild('ArgList');
    if (argList) for (const b of significantChildren(argList)) if (b.name !== 'AssignOp' && b.prevSibling?.name !== 'AssignOp') cls.bases.push(this.evaluateNow(b).value);
    const body = node.getChild('Body');
    if (body && depth < LIMITS.blockDepth) {
      const saved = this.scope;
      const savedClass = this.definingClass;
      const layer = new Scope(saved);
      this.scope = layer;
      this.definingClass = cls;
      this.classDepth++;
      try {
        this.block(body, conditional, depth + 1);
      } finally {
        this.scope = saved;
        this.definingClass = savedClass;
        this.classDepth--;
      }
      for (const attr of layer.ownNames()) {
        const b = layer.ownRaw(attr);
        if (b && !b.deleted) cls.attributes.set(attr, b);
      }
    }
    this.classes.set(name, cls);
    this.bind(name, { value: cls }, nameNode, statement, undefined, conditional);
  }

  /** `@property`, `@functools.cached_property`, `@x.setter` → property, cached_property, setter. */
  private decorators(statement: SyntaxNode): string[] {
    if (statement.name !== 'DecoratedStatement') return [];
    const out: string[] = [];
    for (const d of statement.getChildren('Decorator')) {
      const m = /^@\s*([\w.]+)/.exec(this.src(d));
      if (m) out.push(m[1].slice(m[1].lastIndexOf('.') + 1));
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Layers: a body run over the current scope, then kept or merged (branches.ts, include(*names))

  /** Runs a body in a layer over the current scope and returns the layer. */
  runFork(body: SyntaxNode, conditional: string | undefined, depth: number): Scope {
    const saved = this.scope;
    const fork = new Scope(saved);
    this.scope = fork;
    try {
      this.block(body, conditional, depth + 1);
    } finally {
      this.scope = saved;
    }
    return fork;
  }

  /** Runs a body in an existing layer. */
  runInto(fork: Scope, body: SyntaxNode, conditional: string | undefined, depth: number) {
    const saved = this.scope;
    this.scope = fork;
    try {
      this.block(body, conditional, depth + 1);
    } finally {
      this.scope = saved;
    }
  }

  /** Keeps what a layer set, as if it had run in the current scope. */
  commit(fork: Scope) {
    for (const name of fork.ownNames()) this.scope.set(name, fork.ownRaw(name)!);
  }

  /**
   * After a branch: each name one of the layers set holds the `oneOf` of what the layers left
   * (a layer that did not set it leaves what was there before; a name unbound on some path is
   * `absent` there). In the analysis environment, the layer at `concreteIndex` when known.
   */
  merge(forks: Scope[], concreteIndex: number | undefined, label: string): void {
    const names = new Set<string>();
    for (const f of forks) for (const n of f.ownNames()) names.add(n);
    this.seq = nextSeq();
    for (const name of names) {
      const before = this.scope.get(name);
      const bindings = forks.map((f) => {
        const own = f.ownRaw(name);
        return own ? (own.deleted ? undefined : own) : before;
      });
      if (bindings.every((b) => b === before)) continue;
      const defined = bindings.filter((b): b is SettingBinding => !!b);
      const first = defined.find((b) => b !== before) ?? defined[0];
      if (!first) {
        // Deleted on every path.
        if (before) this.remove(name, before.statement);
        continue;
      }
      const valueOf = (b: SettingBinding | undefined, mode: Mode): Value => (b ? (mode === 'concrete' ? (b.concreteValue ?? b.value) : b.value) : ABSENT);
      const compute = (): Evaluated => {
        const concreteValue = concreteIndex !== undefined ? valueOf(bindings[concreteIndex], 'concrete') : oneOf(bindings.map((b) => valueOf(b, 'concrete')));
        // The symbolic value (every branch) is only needed by hovers: computed when read.
        return lazySymbolic(() => oneOf(bindings.map((b) => valueOf(b, 'symbolic'))), concreteValue, [...new Set(defined.flatMap((b) => b.envVariables ?? []))]);
      };
      const distinct = [...new Set(defined)];
      // Chained: after hundreds of `if`s changing the same name, the merges are forced oldest first.
      // Its value follows from its branches' and the decision: a token derived from them.
      const token = this.memo.derive(`G\0${name}\0${bindings.map((b) => (b ? b.token : 0)).join(',')}\0${concreteIndex ?? 'u'}`);
      const merged = LazyBinding.create({ ...fieldsOf(first), conditional: label, alternatives: distinct, overrides: before, changes: first.changes, seq: this.seq, prior: this.scope.raw(name), deleted: undefined }, compute, this.budget, true, token);
      this.scope.set(name, merged);
    }
  }

  // -------------------------------------------------------------------------------------------
  // What stops the module from loading

  loadFailures(): LoadFailure[] {
    const out: LoadFailure[] = [];
    for (const c of this.candidates) {
      if (out.length >= 50) break;
      let v: Value | undefined;
      if (c.importError) {
        out.push({ range: c.range, message: c.importError });
        continue;
      }
      if (c.binding) v = c.binding.concreteValue ?? c.binding.value;
      else if (c.evaluate) v = c.evaluate();
      if (v && v.kind === 'unknown' && v.raises) out.push({ range: c.range, message: v.raises.message, variable: v.raises.variable });
    }
    return out;
  }
}

/**
 * Whether a string occurs inside a range of a text, answered without copying the range: the next
 * occurrence of each needle is remembered, so queries over increasing ranges cost one pass.
 */
class Mentions {
  private text = '';
  private next = new Map<string, { from: number; at: number }>();

  within(text: string, needle: string, from: number, to: number): boolean {
    if (text !== this.text) {
      this.text = text;
      this.next.clear();
    }
    let known = this.next.get(needle);
    if (!known || from < known.from || (known.at >= 0 && known.at < from)) {
      const at = text.indexOf(needle, from);
      known = { from, at };
      this.next.set(needle, known);
    }
    return known.at >= 0 && known.at + needle.length <= to;
  }
}

/** The hidden name that carries an exception raised by a statement binding nothing (noteRaise). */
const RAISED = '__raised__';

export { CHECK_ARGV, envRead };
