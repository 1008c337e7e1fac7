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

import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { Tree, NodeType } from '@lezer/common';
import { classAttribute, classAttributeNames } from './classes';
import { evaluate, attribute, significantChildren, BUILTINS, type Binding, type EvalContext, type EvalHost, CHECK_ARGV, operand } from './evaluate';
import { type Value, UNKNOWN, unknown, raising, truthy, isSequence, str, envNamesOf, sameValue, type ClassValue } from './values';
import { Budget, LIMITS } from './budget';
import { oneOf, widenLoop } from './alternatives';
import type { ParsedPython } from './parse';
import { Scope, type DynamicNames, LazyBinding, lookupAt, fieldsOf, nextSeq, type SettingBinding, type SourceRange, type Evaluated, type Lazy, type BindingFields } from './scope';
import { ifArms, tryParts, forParts, catches, catchesType } from './syntax';
import { envRead } from './environment';
import { globMatch } from '../glob';
import { ABSENT, NamespaceWrites, isAbsent } from './namespace';
import { MUTATING_METHODS, augmented, inPlace, setIn, deleteIn, updateIn } from './mutation';
import { ModuleMemo, ReadLog, freshToken, type Read, type Token, type MemoKey } from './memo';

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

/** Modules whose names the evaluator knows without the project. */
const KNOWN_MODULES = new Set(['os', 'os.path', 'os.environ', 'pathlib', 'environ', 'decouple', 'sys', 'json', 'environs', 'dj_database_url', 'dotenv', 'split_settings', 'split_settings.tools', 'configurations', 'configurations.values']);
/** Standard library modules: importing them never fails. */
const STDLIB = new Set(['os', 'sys', 'json', 'pathlib', 're', 'logging', 'socket', 'datetime', 'collections', 'typing', 'ast', 'warnings', 'platform', 'glob', 'tempfile', 'urllib', 'base64', 'secrets', 'string', 'itertools', 'functools', 'decimal', 'ssl', 'getpass', 'shutil', 'subprocess', 'importlib', 'copy', 'io', 'textwrap', 'inspect', 'uuid', 'hashlib', 'random', 'math', 'time', 'email', 'mimetypes', 'locale', 'gettext', 'django', 'configparser', 'distutils', 'enum', 'contextlib', 'dataclasses', 'traceback']);
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

class ModuleRun {
  scope = new Scope();
  imports: ModuleImport[] = [];
  assignments: SettingBinding[] = [];
  classes = new Map<string, ClassValue>();
  budget = new Budget();
  private statements = 0;
  /** The sequence number of the statement being run. */
  private seq = 0;
  private environment: ReadonlyMap<string, string>;
  private host: NonNullable<ExecuteOptions['host']>;
  /** Text parsed again to recover swallowed lines, so far. */
  private recovered = 0;
  /** Statements that may raise in the analysis environment (reads of the environment, imports). */
  private candidates: Candidate[] = [];
  /** The file whose statements run now (an included split-settings component, or the module). */
  private current: { parsed: ParsedPython; file: string };
  private includeDepth = 0;
  /** Class bodies being run (their assignments are class attributes). */
  private classDepth = 0;
  /** The class whose body runs now (methods defined there belong to it). */
  private definingClass: ClassValue | undefined;
  private memo: ModuleMemo;
  /** The reads of the memoised evaluations in progress, innermost last. */
  private logs: ReadLog[] = [];
  /** Before each top-level statement of the module: where it is and how far the run had got. */
  checkpoints: { from: number; to: number; seq: number; imports: number; assignments: number; candidates: number }[] = [];
  /** How many runs this one resumes in a row. */
  lineage = 0;

  constructor(
    parsed: ParsedPython,
    private options: ExecuteOptions,
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

  private get text(): string {
    return this.current.parsed.text;
  }

  private range(node: SyntaxNode): SourceRange {
    return { file: this.current.file, start: node.from, end: node.to };
  }

  private src(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private context(mode: 'symbolic' | 'concrete', lookup: (name: string) => Binding | undefined, text = this.text): EvalContext {
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
  private recording(find: (name: string) => SettingBinding | undefined): (name: string) => SettingBinding | undefined {
    return (name) => {
      const b = find(name);
      this.logs[this.logs.length - 1]?.name(name, b ? b.token : 0);
      return b;
    };
  }

  /** Evaluates now, against the current scope, in both modes. */
  private evaluateNow(node: SyntaxNode | null | undefined): Evaluated {
    const scope = this.scope;
    return this.evaluateWith(node, this.recording((name) => scope.get(name)), this.text);
  }

  /** Evaluates later, against the scope as it is at the current statement. */
  private later(node: SyntaxNode | null | undefined, assignedName?: string): Lazy {
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
  private memoized(key: MemoKey, makeEvaluate: () => Lazy, extra: () => Read[] = () => []): { value: Evaluated | Lazy; token: Token } {
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
  private part(node: SyntaxNode, kind: string): { get: Lazy; token: Token } {
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
      this.forgetAssignedIn(node, conditional, 'statements nested too deeply');
      return;
    }
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (++this.statements > MAX_STATEMENTS) return;
      this.statement(c, conditional, depth);
    }
  }

  private statement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    this.seq = nextSeq();
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
        return this.ifStatement(node, conditional, depth);
      case 'TryStatement':
        return this.tryStatement(node, conditional, depth);
      case 'ForStatement':
        return this.forStatement(node, conditional, depth);
      case 'WhileStatement':
        return this.commit(this.loopOnce(node, node.getChild('Body'), conditional, depth, undefined));
      case 'WithStatement':
        return this.withStatement(node, conditional, depth);
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
          else if (target.name === 'MemberExpression') this.deleteItem(target, node, conditional);
        }
        return;
      default:
        return;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Assignments

  private bind(name: string, v: Evaluated | Lazy, nameNode: SyntaxNode, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined, chained = false, token: Token = freshToken()): SettingBinding {
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

  private remove(name: string, statement: SourceRange) {
    const b = this.scope.raw(name);
    if (!b || b.deleted) return;
    const gone = LazyBinding.create({ ...fieldsOf(b), statement, seq: this.seq, prior: b, deleted: true }, { value: unknown('deleted') }, this.budget);
    this.scope.set(name, gone);
  }

  private assign(node: SyntaxNode, conditional: string | undefined): void {
    if (this.recoverSwallowedLines(node, conditional)) return;
    // Fast path, most of any settings file: `NAME = value`.
    const target = node.firstChild;
    const op = target?.nextSibling;
    const simpleValue = op?.nextSibling;
    if (target?.name === 'VariableName' && op?.name === 'AssignOp' && simpleValue && !simpleValue.type.isError && !simpleValue.nextSibling) {
      const name = this.src(target);
      const previous = this.scope.get(name);
      const chained = previous !== undefined && this.mentions(simpleValue, name);
      const m = this.memoized({ kind: this.classDepth ? 'Ac' : 'A', text: this.text, from: node.from, to: node.to }, () => this.later(simpleValue, this.classDepth ? name : undefined));
      const binding = LazyBinding.assignment(name, this.current.file, target.from, target.to, node.from, node.to, simpleValue.from, simpleValue.to, this.seq, previous, conditional, m.value, this.budget, chained, m.token);
      // `prior` is the raw record (a deletion included) so that older statements still see theirs.
      binding.prior = this.scope.raw(name);
      this.scope.set(name, binding);
      this.assignments.push(binding);
      this.noteCandidate(node, binding);
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
    const m = this.memoized({ kind: 'V', text: this.text, from: node.from, to: node.to }, () => (valueNode ? this.later(valueNode) : this.laterTuple(valueNodes)));
    const lazy = typeof m.value === 'function' ? once(m.value) : (() => m.value) as Lazy;
    for (const targets of segments) {
      if (targets.length === 1) this.assignTarget(targets[0], { get: lazy, token: m.token }, node, valueNode ?? valueNodes[0], conditional);
      else targets.forEach((t, i) => this.assignTarget(t, { get: unpack(lazy, i, targets.length), token: this.memo.derive(`U\0${m.token}\0${i}`) }, node, undefined, conditional));
    }
  }

  /** Whether an expression's text mentions a name (a cheap test for `X = X + …`). */
  private mentions(node: SyntaxNode, name: string): boolean {
    const i = this.text.indexOf(name, node.from);
    return i >= 0 && i < node.to;
  }

  /** Statements whose evaluation may raise in the analysis environment are checked by loadFailures(). */
  private noteCandidate(statement: SyntaxNode, binding: SettingBinding) {
    if (this.mayRaise(statement)) this.candidates.push({ range: this.range(statement), binding });
  }

  /**
   * Whether a statement may read the environment in a way that raises: it mentions a reader
   * (`environ`, `getenv`, `env`, `config`, django-configurations' `Value`) or calls a function
   * of the project. Everything else is skipped, so the check stays cheap on large modules.
   */
  private mayRaise(node: SyntaxNode): boolean {
    const within = (needle: string) => this.occurrences.within(this.text, needle, node.from, node.to);
    if (!within('(') && !within('[')) return false;
    if (within('env') || within('config') || within('Value(')) return true; // `env` covers environ, getenv
    for (const name of this.functionNames) if (within(name + '(')) return true;
    return false;
  }

  private occurrences = new Mentions();

  /** Names of project functions bound so far (their calls may read the environment). */
  private functionNames = new Set<string>();

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
      if (!endsInError(c)) continue;
      const nl = this.text.indexOf('\n', c.from);
      if (nl >= 0 && nl < c.to) {
        broken = c;
        break;
      }
    }
    if (!broken) return false;
    const text = this.text;
    const firstTarget = node.firstChild;
    if (firstTarget?.name === 'VariableName' && firstTarget.to <= broken.from) {
      this.bind(this.src(firstTarget), { value: unknown('incomplete') }, firstTarget, node, broken, conditional);
    }
    const restart = text.indexOf('\n', broken.from) + 1;
    if (restart <= 0 || restart >= node.to) return true;
    // Parse only the swallowed lines, then place that tree at its offset in the document; bounded
    // so that thousands of open brackets cannot make a keystroke quadratic.
    this.recovered += node.to - restart;
    if (this.recovered > LIMITS.recoveryFactor * text.length + 10_000) return true;
    const sub = parser.parse(text.slice(restart, node.to));
    const placed = new Tree(NodeType.none, [sub], [restart], node.to);
    const script = placed.topNode.firstChild;
    const saved = this.current;
    this.current = { parsed: { ...saved.parsed, tree: placed }, file: saved.file };
    try {
      for (let c = script?.firstChild ?? null; c; c = c.nextSibling) this.statement(c, conditional, 0);
    } finally {
      this.current = saved;
    }
    return true;
  }

  private laterTuple(nodes: SyntaxNode[]): Lazy {
    const items = nodes.map((n) => this.later(n));
    return () => {
      const parts = items.map((i) => i());
      const concrete = parts.some((p) => p.concreteValue !== undefined);
      return {
        value: { kind: 'tuple', items: parts.map((p) => p.value) },
        concreteValue: concrete ? { kind: 'tuple', items: parts.map((p) => p.concreteValue ?? p.value) } : undefined,
      };
    };
  }

  private assignTarget(target: SyntaxNode, v: { get: Lazy; token: Token }, statement: SyntaxNode, valueNode: SyntaxNode | undefined, conditional: string | undefined) {
    if (target.name === 'VariableName') {
      const b = this.bind(this.src(target), v.get, target, statement, valueNode, conditional, false, v.token);
      this.noteCandidate(statement, b);
      return;
    }
    if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
      const names = significantChildren(target);
      names.forEach((n, i) => this.assignTarget(n, { get: unpack(v.get, i, names.length), token: this.memo.derive(`U\0${v.token}\0${i}`) }, statement, undefined, conditional));
      return;
    }
    if (target.name === 'MemberExpression') return this.assignItem(target, v, statement, conditional);
  }

  /** `TEMPLATES[0]["OPTIONS"]["debug"] = False`, `CACHES["default"] = {...}` */
  private assignItem(target: SyntaxNode, v: { get: Lazy; token: Token }, statement: SyntaxNode, conditional: string | undefined) {
    if (NAMESPACE_CALL.test(this.src(target.firstChild ?? target))) return this.namespaceStatement(statement, conditional);
    const path = this.itemPath(target);
    if (!path) return;
    this.mutate(path.root, statement, conditional, (old, mode) => setIn(old, path.keys(mode), pick(v.get(), mode)), path.rootNode, () => v.get().concreteValue !== undefined || path.readsEnvironment(), [v.token, ...path.tokens]);
  }

  /** `del CACHES["default"]` */
  private deleteItem(target: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
    const path = this.itemPath(target);
    if (!path) return;
    this.mutate(path.root, statement, conditional, (old, mode) => deleteIn(old, path.keys(mode), this.budget), path.rootNode, path.readsEnvironment, path.tokens);
  }

  /** Splits `A["x"][0]` into the root name and its (lazily evaluated) keys; undefined for anything else. */
  private itemPath(node: SyntaxNode): { root: string; rootNode: SyntaxNode; keys: (mode: Mode) => (Value | undefined)[]; readsEnvironment: () => boolean; tokens: Token[] } | undefined {
    const keys: Lazy[] = [];
    const tokens: Token[] = [];
    let cur: SyntaxNode | null = node;
    while (cur && cur.name === 'MemberExpression') {
      const children = significantChildren(cur);
      if (!cur.getChild('[')) return undefined; // attribute target: `X.y = ...`
      const keyNode = children[1];
      const part = keyNode ? this.part(keyNode, 'K') : { get: () => ({ value: UNKNOWN }), token: 0 };
      keys.unshift(part.get);
      tokens.unshift(part.token);
      cur = children[0] ?? null;
    }
    if (!cur || cur.name !== 'VariableName') return undefined;
    return {
      root: this.src(cur),
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
  private mutate(name: string, statement: SyntaxNode, conditional: string | undefined, change: (old: Value, mode: Mode) => Value, nameNode?: SyntaxNode, changeReadsEnvironment: () => boolean = () => false, partTokens: Token[] = []) {
    const previous = this.scope.get(name);
    if (previous && previous.changes.length >= LIMITS.changesPerName) {
      if (previous.changes.length === LIMITS.changesPerName) {
        const fields: BindingFields = { ...fieldsOf(previous), changes: [...previous.changes, this.range(statement)], seq: this.seq, prior: previous };
        this.scope.set(name, LazyBinding.create(fields, { value: unknown(`changed more than ${LIMITS.changesPerName} times`) }, this.budget));
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
      ? { ...fieldsOf(previous), changes: [...previous.changes, this.range(statement)], conditional: conditional ?? previous.conditional, seq: this.seq, prior: this.scope.raw(name) }
      : { name, origin: this.range(nameNode ?? statement), statement: this.range(statement), changes: [], conditional, seq: this.seq };
    // Memoised under the statement and the tokens of its parts; it reads the name it changes.
    // The same text changes different values in different places (`MIDDLEWARE.append(…)` in every
    // branch): the value it starts from is part of the key.
    const m = this.memoized({ kind: 'M', text: this.text, from: statement.from, to: statement.to, extra: [...partTokens, previous ? previous.token : 0] }, () => compute, () => [{ name, token: previous ? previous.token : 0 }]);
    const binding = LazyBinding.create(fields, m.value, this.budget, true, m.token);
    this.scope.set(name, binding);
    if (this.mayRaise(statement)) this.candidates.push({ range: this.range(statement), binding });
  }

  private update(node: SyntaxNode, conditional: string | undefined): void {
    const children = significantChildren(node);
    const target = children[0];
    const op = node.getChild('UpdateOp');
    const valueNode = children[children.length - 1];
    if (!target || !op || !valueNode || valueNode === target) return;
    const operator = this.src(op);
    const part = this.part(valueNode, 'P');
    const v = part.get;
    const readsEnvironment = () => v().concreteValue !== undefined;
    if (target.name === 'VariableName') {
      this.mutate(this.src(target), node, conditional, (old, mode) => augmented(old, operator, pick(v(), mode), this.budget), target, readsEnvironment, [part.token]);
    } else if (target.name === 'MemberExpression') {
      const path = this.itemPath(target);
      if (path) this.mutate(path.root, node, conditional, (old, mode) => updateIn(old, path.keys(mode), (inner) => augmented(inner, operator, pick(v(), mode), this.budget)), path.rootNode, () => readsEnvironment() || path.readsEnvironment(), [part.token, ...path.tokens]);
    }
  }

  private expressionStatement(node: SyntaxNode, conditional: string | undefined): void {
    const callNode = node.firstChild;
    if (!callNode || callNode.name !== 'CallExpression') return;
    const callee = callNode.firstChild;
    if (!callee) return;
    if (callee.name === 'VariableName' && this.isInclude(callee)) return this.include(callNode, node, conditional);
    if (this.writesNamespace(node, callee)) {
      this.namespaceStatement(node, conditional);
      this.noteExpression(node, callNode);
      return;
    }
    if (callee.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') {
      this.noteExpression(node, callNode);
      return;
    }
    const method = this.src(callee.lastChild);
    const objectNode = callee.firstChild;
    if (!objectNode) return;
    const argList = callNode.getChild('ArgList');
    const args = argList ? significantChildren(argList) : [];
    const exported = objectNode.name === 'VariableName' ? this.classExporter(objectNode, method, args) : undefined;
    if (exported) return this.exportClassSettings(exported, node, conditional);
    if (args.some((a) => a.name === 'AssignOp' || a.name === '*' || a.name === '**' || a.name === 'for') || !MUTATING_METHODS.has(method)) {
      this.noteExpression(node, callNode);
      return;
    }
    const parts = args.map((a) => this.part(a, 'P'));
    const values = parts.map((p) => p.get);
    const change = (old: Value, mode: Mode): Value => inPlace(old, method, values.map((v) => pick(v(), mode)), this.budget);
    const readsEnvironment = () => values.some((v) => v().concreteValue !== undefined);
    const tokens = parts.map((p) => p.token);
    if (objectNode.name === 'VariableName') {
      const name = this.src(objectNode);
      if (!this.scope.has(name)) return;
      this.mutate(name, node, conditional, change, objectNode, readsEnvironment, tokens);
    } else if (objectNode.name === 'MemberExpression') {
      const path = this.itemPath(objectNode);
      if (path) this.mutate(path.root, node, conditional, (old, mode) => updateIn(old, path.keys(mode), (inner) => change(inner, mode)), path.rootNode, () => readsEnvironment() || path.readsEnvironment(), [...tokens, ...path.tokens]);
    }
  }

  /**
   * `Production.load_settings(__name__)`: a class method that copies the class's upper-case
   * members onto the module (readthedocs' class-based settings: `setattr(module, name, value)`
   * over `inspect.getmembers(cls())`, properties computed). The class, when the call is one.
   */
  private classExporter(objectNode: SyntaxNode, method: string, args: SyntaxNode[]): ClassValue | undefined {
    // The argument first: reading the object's value would force every `X.append(…)` eagerly.
    if (args.length !== 1) return undefined;
    const target = this.src(args[0]).replace(/\s+/g, '');
    if (target !== '__name__' && target !== 'sys.modules[__name__]') return undefined;
    const cls = this.scope.get(this.src(objectNode))?.value;
    if (cls?.kind !== 'class') return undefined;
    const fn = classAttribute(cls, method)?.value;
    if (fn?.kind !== 'function' || !fn.def.owner) return undefined;
    const body = fn.def.text.slice(fn.def.node.from, fn.def.node.to);
    return /\bsetattr\s*\(/.test(body) && /\b(getmembers|dir|vars)\s*\(|__dict__/.test(body) ? cls : undefined;
  }

  /** Binds each upper-case member of an instance of `cls` (properties computed), where its class body sets it. */
  private exportClassSettings(cls: ClassValue, statement: SyntaxNode, conditional: string | undefined) {
    const instance: Value = { kind: 'instance', cls };
    this.seq = nextSeq();
    const scope = this.scope;
    const seq = this.seq;
    const here = this.range(statement);
    for (const name of classAttributeNames(cls)) {
      // Python's `name.isupper() and not name.startswith("_")`.
      if (name.startsWith('_') || !/[A-Z]/.test(name) || /[a-z]/.test(name)) continue;
      const defining = classAttribute(cls, name) as SettingBinding;
      const property = defining.value.kind === 'function';
      const compute = (): Evaluated => {
        const read = (mode: Mode) => {
          const ctx = this.context(mode, (n) => lookupAt(scope, n, seq));
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
          overrides: this.scope.get(name),
          conditional: conditional ?? defining.conditional,
          importedVia: defining.origin.file === this.current.file ? defining.importedVia : here,
          seq,
          prior: this.scope.raw(name),
        },
        compute,
        this.budget,
      );
      this.scope.set(name, binding);
      this.assignments.push(binding);
    }
  }

  // -------------------------------------------------------------------------------------------
  // The module's namespace written through globals() (namespace.ts)

  /**
   * Whether a call statement may write the module's namespace: it names `globals()`, `vars()`,
   * `locals()` or `exec`, or calls a function of this module that does (directly or through the
   * functions it calls, followed when the statement runs).
   */
  private writesNamespace(statement: SyntaxNode, callee: SyntaxNode): boolean {
    if (NAMESPACE_CALL.test(this.src(statement))) return true;
    if (callee.name !== 'VariableName') return false;
    const fn = this.scope.get(this.src(callee))?.value;
    if (fn?.kind !== 'function' || fn.def.module !== this.options.file) return false;
    let top = fn.def.node;
    while (top.parent) top = top.parent;
    return this.namespaceFunctions(fn.def.file, top, fn.def.text).has(fn.def.node.from);
  }

  /** Functions of a file whose body (or a function of the file they call) writes through globals(). */
  private namespaceFunctions(file: string, top: SyntaxNode, text: string): Set<number> {
    const known = this.namespaceFunctionStarts.get(file);
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
    this.namespaceFunctionStarts.set(file, starts);
    return starts;
  }

  private namespaceFunctionStarts = new Map<string, Set<number>>();

  /**
   * A statement that writes the module's namespace: evaluated now, in both modes, collecting its
   * writes; each name written is bound here. A write nobody can name makes the module's
   * namespace dynamic (what is not assigned may still be set).
   */
  private namespaceStatement(statement: SyntaxNode, conditional: string | undefined) {
    const scope = this.scope;
    const evaluateIn = (mode: Mode) => {
      const ctx = this.context(mode, (n) => scope.get(n));
      ctx.namespaceWrites = new NamespaceWrites();
      const result = statement.name === 'AssignStatement' ? this.namespaceAssignment(statement, ctx) : evaluate(statement.firstChild, ctx);
      return { writes: ctx.namespaceWrites, ctx, result };
    };
    const symbolic = evaluateIn('symbolic');
    const concrete = evaluateIn('concrete');
    // The statement raises where Django runs it (`globals().update(import_module(missing).__dict__)`):
    // it writes nothing, and a `try` around it sees the exception.
    if (concrete.result.kind === 'unknown' && concrete.result.raises) return this.noteRaise(concrete.result, statement, conditional);
    const where = `${this.current.file.slice(this.current.file.lastIndexOf('/') + 1)}, line ${lineOf(this.text, statement.from)}`;
    if (!this.symbolicOnly) for (const d of concrete.writes.opaque) this.markDynamic({ why: `${d.why} (${where})`, prefix: d.prefix });
    const names = new Set([...symbolic.writes.names.keys(), ...concrete.writes.names.keys()]);
    if (!names.size) return;
    this.seq = nextSeq();
    const envVariables = [...new Set([...symbolic.ctx.envVariables, ...concrete.ctx.envVariables])];
    for (const name of names) {
      const prior = this.scope.get(name);
      const before = (mode: Mode) => (prior ? (mode === 'concrete' ? (prior.concreteValue ?? prior.value) : prior.value) : ABSENT);
      const value = symbolic.writes.names.get(name) ?? before('symbolic');
      const concreteValue = concrete.writes.names.get(name) ?? before('concrete');
      if (isAbsent(value) && isAbsent(concreteValue)) {
        this.remove(name, this.range(statement));
        continue;
      }
      const differs = concrete.ctx.touchedEnv || symbolic.ctx.touchedEnv || !sameValue(value, concreteValue);
      this.bind(name, { value, concreteValue: differs ? concreteValue : undefined, envVariables: differs && envVariables.length ? envVariables : undefined }, this.nameIn(statement, name) ?? statement, statement, undefined, conditional);
    }
  }

  /** `globals()["NAME"] = value` (also `vars()`, `locals()`): the value, or what raises. */
  private namespaceAssignment(statement: SyntaxNode, ctx: EvalContext): Value {
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

  /**
   * A statement that binds no name raises where Django runs it: a hidden binding carries the
   * exception, so that an enclosing `try` picks its handler (see raisedIn).
   */
  private noteRaise(raised: Value, statement: SyntaxNode, conditional: string | undefined) {
    this.bind(RAISED, { value: raised }, statement, statement, undefined, conditional);
  }

  /** The string literal naming a setting in a statement (`set_option("X", …)`), for a precise place. */
  private nameIn(statement: SyntaxNode, name: string): SyntaxNode | undefined {
    for (const quote of ['"', "'"]) {
      const at = this.text.indexOf(`${quote}${name}${quote}`, statement.from);
      if (at < 0 || at >= statement.to) continue;
      const node = this.current.parsed.tree.resolveInner(at + 1, 1);
      if (node.name === 'String' && node.from >= statement.from && node.to <= statement.to) return node;
    }
    return undefined;
  }

  /** Names nobody can list that may be bound (writes of globals() nobody could name), if any. */
  dynamicNames: DynamicNames[] | undefined;
  /** The top-level statement (its index) where the first of them happened. */
  private dynamicAt = 0;

  private markDynamic(d: DynamicNames) {
    if (!this.dynamicNames) {
      this.dynamicNames = [];
      this.dynamicAt = Math.max(0, this.checkpoints.length - 1);
    }
    if (this.dynamicNames.length < 16 && !this.dynamicNames.some((x) => x.prefix === d.prefix && x.why === d.why)) this.dynamicNames.push(d);
  }

  /** A call statement (`sentry_sdk.init(dsn=os.environ["DSN"])`) can stop the module from loading. */
  private noteExpression(statement: SyntaxNode, expression: SyntaxNode) {
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
  // Imports

  private importStatement(node: SyntaxNode, conditional: string | undefined): void {
    const children = significantChildren(node);
    if (children[0]?.name === 'import') {
      // import a.b, c as d
      for (let i = 1; i < children.length; i++) {
        const first = children[i];
        if (first.name !== 'VariableName') continue;
        let dotted = this.src(first);
        // lezer gives `os.path` as VariableName . VariableName
        let j = i;
        while (this.text[children[j].to] === '.' && children[j + 1]?.name === 'VariableName') {
          j++;
          dotted += '.' + this.src(children[j]);
        }
        let alias: SyntaxNode | undefined;
        if (children[j + 1]?.name === 'as' && children[j + 2]) {
          alias = children[j + 2];
          j += 2;
        }
        const boundName = alias ? this.src(alias) : dotted.split('.')[0];
        const boundModule = alias ? dotted : dotted.split('.')[0];
        this.bind(boundName, { value: this.moduleValue(boundModule) }, alias ?? first, node, undefined, conditional, false, this.memo.derive(`I\0${boundModule}`));
        i = j;
      }
      return;
    }
    // from X import a, b as c / from X import *
    let i = 1;
    for (; i < children.length && children[i].name !== 'import'; i++);
    const fromNode = children[0];
    const importNode = children[i];
    if (!fromNode || !importNode) return;
    // significantChildren drops '.', so dots are counted from the raw text between `from` and `import`.
    const written = this.text.slice(fromNode.to, importNode.from).replace(/\s+/g, '');
    const dots = /^\.*/.exec(written)![0].length;
    const moduleName = written.slice(dots);
    const absolute = dots ? this.resolveRelative(dots, moduleName) : moduleName;
    const rest = children.slice(i + 1);
    const star = rest.some((c) => c.name === '*');
    const names: { name: string; alias: string; node: SyntaxNode }[] = [];
    for (let k = 0; k < rest.length; k++) {
      if (rest[k].name !== 'VariableName') continue;
      const name = this.src(rest[k]);
      if (rest[k + 1]?.name === 'as' && rest[k + 2]?.name === 'VariableName') {
        names.push({ name, alias: this.src(rest[k + 2]), node: rest[k + 2] });
        k += 2;
      } else names.push({ name, alias: name, node: rest[k] });
    }
    const record: ModuleImport = { module: '.'.repeat(dots) + moduleName, star, names: names.map((n) => n.name), range: this.range(node), conditional: !!conditional };
    this.imports.push(record);

    const depth = this.options.importDepth ?? 0;
    const project = absolute !== undefined && !KNOWN_MODULES.has(absolute) && depth < LIMITS.importDepth ? this.options.resolveModule(absolute) : undefined;
    if (project) {
      record.resolvedFile = project.file;
      if (star) {
        for (const [name, b] of project.scope) if (!name.startsWith('_')) this.importBinding(name, b, node, conditional);
        for (const d of project.scope.dynamicNames ?? []) this.markDynamic({ why: `from ${'.'.repeat(dots) + moduleName} import *: ${d.why}`, prefix: d.prefix });
      }
      for (const n of names) {
        const b = project.scope.get(n.name);
        const sub = absolute !== undefined ? this.options.resolveModule(`${absolute}.${n.name}`) : undefined;
        if (b) this.importBinding(n.alias, b, node, conditional, n.node);
        else if (sub) this.bind(n.alias, { value: projectModule(`${absolute}.${n.name}`, sub) }, n.node, node, undefined, conditional, false, this.memo.derive(`I\0${absolute}.${n.name}`));
        else this.bind(n.alias, { value: unknown(`${n.name} is not defined in ${absolute}`) }, n.node, node, undefined, conditional);
      }
      return;
    }
    if (absolute !== undefined && dots > 0 && !this.options.moduleExists(absolute)) {
      // A relative import of a module that is not there: Python raises ImportError.
      this.candidates.push({ range: this.range(node), importError: `ModuleNotFoundError: No module named '${absolute}'` });
    }
    for (const n of names) {
      const qualified = `${absolute ?? moduleName}.${n.name}`;
      this.bind(n.alias, { value: this.moduleValue(qualified) }, n.node, node, undefined, conditional, false, this.memo.derive(`I\0${qualified}`));
    }
    // `from unknown_module import *`: names it defines are invisible to us; nothing to bind.
    if (star) this.unlistedStarImport = true;
  }

  private importBinding(name: string, b: SettingBinding, statement: SyntaxNode, conditional: string | undefined, aliasNode?: SyntaxNode) {
    const previous = this.scope.get(name);
    // Imported helpers (`from .env import env_bool`): lower-case names may be functions.
    if (aliasNode && !/^[A-Z0-9_]+$/.test(name)) this.functionNames.add(name);
    const fields: BindingFields = {
      ...fieldsOf(b),
      name,
      importedVia: this.range(aliasNode ?? statement),
      overrides: previous ?? b.overrides,
      conditional: conditional ?? b.conditional,
      seq: this.seq,
      prior: this.scope.raw(name),
      deleted: undefined,
    };
    // The same value as the binding it imports: the same token.
    this.scope.set(name, LazyBinding.create(fields, () => lazySymbolic(() => b.value, b.concreteValue, b.envVariables), this.budget, false, b.token));
  }

  private moduleValue(qualified: string): Value {
    switch (qualified) {
      case 'os':
      case 'os.path':
      case 'os.environ':
      case 'environ':
      case 'decouple':
      case 'pathlib':
      case 'sys':
      case 'dj_database_url':
      case 'environs':
      case 'configurations.values':
      case 'importlib':
        return { kind: 'module', name: qualified };
      case 'environ.Env':
      case 'environs.Env':
        return { kind: 'callable', name: qualified };
      case 'decouple.config':
        return { kind: 'callable', name: 'decouple.config' };
      case 'sys.argv':
        return unknown('sys.argv');
    }
    if (/^(pathlib|os|os\.path|environ|decouple|dj_database_url|dotenv|split_settings\.tools|json|configurations|configurations\.values|importlib)\.[A-Za-z_]\w*$/.test(qualified)) return { kind: 'callable', name: qualified };
    const project = this.options.moduleExists(qualified) && (this.options.importDepth ?? 0) < LIMITS.importDepth ? this.options.resolveModule(qualified) : undefined;
    if (project) return projectModule(qualified, project);
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

  /** Project modules a `try` body imports (relative, or absolute modules of the project). */
  private importsIn(body: SyntaxNode): { project: string[]; thirdParty: string[] } {
    const project: string[] = [];
    const thirdParty: string[] = [];
    for (let c = body.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'ImportStatement') continue;
      const t = this.src(c);
      const m = /^from\s+(\.*)([\w.]*)\s+import/.exec(t) ?? /^import\s+()([\w.]+)/.exec(t);
      if (!m) continue;
      const absolute = m[1] ? this.resolveRelative(m[1].length, m[2]) : m[2];
      if (!absolute) continue;
      const top = absolute.split('.')[0];
      if (KNOWN_MODULES.has(absolute) || STDLIB.has(top)) continue;
      if (m[1] || this.options.moduleExists(absolute) || this.options.moduleExists(top)) project.push(absolute);
      else thirdParty.push(absolute);
    }
    return { project, thirdParty };
  }

  // -------------------------------------------------------------------------------------------
  // django-split-settings

  private isInclude(callee: SyntaxNode): boolean {
    const b = this.scope.get(this.src(callee));
    return !!b && !b.conditional && b.value.kind === 'callable' && b.value.name === 'split_settings.tools.include';
  }

  /**
   * `include('components/base.py', 'components/*.py', optional('local.py'), *extra)`: the files
   * run here, in order. A starred list that differs by environment (`names.append("prod.py")`
   * under `if os.environ...`) runs each of its versions as a branch, as an `if` would.
   */
  private include(callNode: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
    const argList = callNode.getChild('ArgList');
    if (!argList) return;
    const children = significantChildren(argList);
    for (let i = 0; i < children.length; i++) {
      const arg = children[i];
      if (arg.name === '*') {
        const spread = children[++i];
        if (spread) this.includeSpread(spread, statement, conditional);
        continue;
      }
      if (arg.name === '**' || arg.name === 'AssignOp' || arg.name === 'VariableName' && arg.nextSibling?.name === 'AssignOp') {
        i++;
        continue;
      }
      let optional = false;
      let node = arg;
      if (arg.name === 'CallExpression' && arg.firstChild && this.src(arg.firstChild) === 'optional') {
        optional = true;
        node = significantChildren(arg.getChild('ArgList') ?? arg)[0] ?? arg;
      }
      this.includePattern(this.evaluateNow(node).value, optional, statement, conditional);
    }
  }

  private includePattern(pattern: Value, optional: boolean, statement: SyntaxNode, conditional: string | undefined) {
    if (pattern.kind !== 'str') return;
    const folder = this.current.file.slice(0, this.current.file.lastIndexOf('/'));
    const files = this.includedFiles(folder, pattern.value);
    if (!files.length && !optional) {
      this.candidates.push({ range: this.range(statement), importError: `OSError: No such file: ${pattern.value}` });
      return;
    }
    for (const file of files) this.runIncluded(file, statement, conditional);
  }

  /** `include(*names)`: one list, or one branch per version of the list. */
  private includeSpread(node: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
    const evaluated = this.evaluateNow(node);
    const patterns = (v: Value): Value[] | undefined => (isSequence(v) && v.items.every((i) => i.kind === 'str') ? v.items : undefined);
    const single = patterns(evaluated.value);
    if (single) {
      for (const p of single) this.includePattern(p, false, statement, conditional);
      return;
    }
    if (evaluated.value.kind !== 'oneOf') return;
    const versions = evaluated.value.options.map(patterns);
    if (versions.some((v) => !v)) return;
    const lists = versions as Value[][];
    const names = (list: Value[]) => list.map((p) => (p as { value: string }).value);
    // What every version includes first runs once, unconditionally.
    let shared = 0;
    while (lists.every((l) => l.length > shared && sameValue(l[shared], lists[0][shared]))) shared++;
    for (const p of lists[0].slice(0, shared)) this.includePattern(p, false, statement, conditional);
    const concrete = evaluated.concreteValue ? patterns(evaluated.concreteValue) : undefined;
    const concreteIndex = concrete ? lists.findIndex((l) => l.length === concrete.length && l.every((p, j) => sameValue(p, concrete[j]))) : -1;
    const forks = lists.map((list) => {
      const rest = list.slice(shared);
      const label = conditional ?? `include(${names(list).join(', ')})`;
      const fork = new Scope(this.scope);
      const saved = this.scope;
      this.scope = fork;
      try {
        for (const p of rest) this.includePattern(p, false, statement, label);
      } finally {
        this.scope = saved;
      }
      return fork;
    });
    this.merge(forks, concreteIndex >= 0 ? concreteIndex : undefined, conditional ?? `include(*${this.src(node)})`);
  }

  private includedFiles(folder: string, pattern: string): string[] {
    const full = pattern.startsWith('/') ? pattern : `${folder}/${pattern}`;
    const parts = full.split('/');
    const normalized: string[] = [];
    for (const p of parts) {
      if (p === '..') normalized.pop();
      else if (p !== '.' && p !== '') normalized.push(p);
    }
    const path = '/' + normalized.join('/');
    const dir = path.slice(0, path.lastIndexOf('/'));
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!/[*?[]/.test(name)) return this.host.parse?.(path) ? [path] : [];
    // glob.glob's order is the file system's; sorted is the common case and the only stable one.
    return (this.host.filesIn?.(dir) ?? []).filter((f) => globMatch(name, f.slice(f.lastIndexOf('/') + 1))).sort();
  }

  private runIncluded(file: string, statement: SyntaxNode, conditional: string | undefined) {
    if (this.includeDepth + (this.options.importDepth ?? 0) >= LIMITS.importDepth) return;
    const parsed = this.host.parse?.(file);
    if (!parsed) return;
    this.imports.push({ module: file, star: true, names: [], range: this.range(statement), resolvedFile: file, conditional: !!conditional, included: true });
    const saved = this.current;
    this.current = { parsed, file };
    this.includeDepth++;
    try {
      this.block(parsed.tree.topNode, conditional, 0);
    } finally {
      this.current = saved;
      this.includeDepth--;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Branches

  /** Which arm runs: its index, -1 for none, undefined when the mode cannot tell. */
  private chooseArm(tests: (SyntaxNode | undefined)[], mode: Mode): number | undefined {
    for (let i = 0; i < tests.length; i++) {
      const test = tests[i];
      if (!test) return i;
      const t = this.decide(test, mode);
      if (t === true) return i;
      if (t === undefined) return undefined;
    }
    return -1;
  }

  /** A test that is `name := value` (maybe in parentheses): binds the name, returns the name node to test. */
  private walrus(test: SyntaxNode, statement: SyntaxNode, conditional: string | undefined): SyntaxNode {
    let t = test;
    while (t.name === 'ParenthesizedExpression' && significantChildren(t).length === 1) t = significantChildren(t)[0];
    if (t.name !== 'NamedExpression') return test;
    const parts = significantChildren(t).filter((c) => c.name !== 'AssignOp');
    const target = parts[0];
    const value = parts[parts.length - 1];
    if (target?.name !== 'VariableName' || !value || value === target) return test;
    const m = this.memoized({ kind: 'A', text: this.text, from: t.from, to: t.to }, () => this.later(value));
    this.bind(this.src(target), m.value, target, statement, value, conditional, false, m.token);
    return target;
  }

  /** Whether a test is true in a mode (memoised like any evaluation). */
  private decide(test: SyntaxNode, mode: Mode): boolean | undefined {
    const scope = this.scope;
    const m = this.memoized({ kind: mode === 'concrete' ? 'Tc' : 'Ts', text: this.text, from: test.from, to: test.to }, () => () => {
      const ctx = this.context(mode, this.recording((name) => scope.get(name)));
      const t = truthy(operand(evaluate(test, ctx)));
      return { value: t === undefined ? UNKNOWN : { kind: 'bool', value: t } };
    });
    const v = (typeof m.value === 'function' ? m.value() : m.value).value;
    return v.kind === 'bool' ? v.value : undefined;
  }

  private ifStatement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    const arms = ifArms(node);
    if (!arms.length) return;
    // `if v := os.getenv("X"):` binds v before the test is judged (in the module's scope).
    for (const arm of arms) if (arm.test) arm.test = this.walrus(arm.test, node, conditional);
    const tests = arms.map((a) => a.test);
    const chosen = this.chooseArm(tests, 'symbolic');
    if (chosen !== undefined) {
      if (chosen >= 0) this.block(arms[chosen].body, conditional, depth + 1);
      return;
    }
    const concreteChoice = this.chooseArm(tests, 'concrete');
    const labels = arms.map((a) => (a.keyword === 'else' ? 'else' : `${a.keyword} ${a.test ? this.src(a.test).replace(/\s+/g, ' ').slice(0, 60) : '…'}`));
    // An arm the analysis environment does not take gives symbolic values only.
    const forks = arms.map((arm, i) => {
      const notTaken = concreteChoice !== undefined && concreteChoice !== i;
      if (notTaken) this.symbolicOnly++;
      try {
        return this.runFork(arm.body, conditional ?? labels[i], depth);
      } finally {
        if (notTaken) this.symbolicOnly--;
      }
    });
    const hasElse = arms[arms.length - 1].test === undefined;
    if (!hasElse) forks.push(new Scope(this.scope));
    const concreteIndex = concreteChoice === undefined ? undefined : concreteChoice === -1 ? forks.length - 1 : concreteChoice;
    this.merge(forks, concreteIndex, conditional ?? labels.join(' / '));
  }

  private tryStatement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    const parts = tryParts(node);
    if (!parts) return;
    const { project, thirdParty } = this.importsIn(parts.body);
    const missing = project.find((m) => !this.options.moduleExists(m));
    const handlerFor = (kind: string) => parts.handlers.find((h) => catches(h.types, kind, this.text));
    const finish = () => {
      if (parts.finallyBody) this.block(parts.finallyBody, conditional, depth + 1);
    };
    if (missing) {
      // `try: from .local import *` without local.py: the handler runs, as in Python.
      const handler = handlerFor('ModuleNotFoundError');
      if (handler) this.block(handler.body, conditional, depth + 1);
      finish();
      return;
    }
    const label = `try: ${this.text.slice(parts.body.from, parts.body.to).trim().split('\n')[0].replace(/^:\s*/, '').slice(0, 50)}`;
    const body = this.runFork(parts.body, conditional, depth);
    if (parts.orElse) this.runInto(body, parts.orElse, conditional, depth);
    // What the body raises in the analysis environment decides which side Django runs.
    const raised = this.raisedIn(body);
    const mayRaise = raised !== undefined || thirdParty.length > 0 || this.dependsOnEnvironment(body);
    if (!mayRaise || !parts.handlers.length) {
      this.commit(body);
      finish();
      return;
    }
    const handler = handlerFor(raised ? raised.split(':')[0] : 'ImportError') ?? parts.handlers[0];
    const fallback = this.runFork(handler.body, conditional ?? 'except', depth);
    this.merge([body, fallback], raised ? 1 : 0, conditional ?? label);
    finish();
  }

  /**
   * The body of a `with` runs once; its `as` targets are unknown. `with contextlib.suppress(E…)`
   * is a `try` whose handler does nothing: a body that raises one of them (a name defined
   * nowhere, for NameError) leaves the names as they were.
   */
  private withStatement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    const body = node.getChild('Body');
    const managers = significantChildren(node).filter((c) => c.name !== 'Body' && c.name !== 'with' && c.name !== 'as' && c.prevSibling?.name !== 'as');
    // `with open(path) as f:` of a file that is not there: FileNotFoundError, the body never runs.
    for (const m of managers) {
      const v = this.evaluateNow(m);
      const concrete = v.concreteValue ?? v.value;
      if (concrete.kind === 'unknown' && concrete.raises) return this.noteRaise(concrete, node, conditional);
    }
    for (const t of significantChildren(node)) if (t.prevSibling?.name === 'as' && t.name === 'VariableName') this.bind(this.src(t), { value: unknown('a with-statement target') }, t, node, undefined, conditional);
    if (!body) return;
    const suppressed = managers.length === 1 ? this.suppressedTypes(managers[0]) : undefined;
    if (!suppressed) return this.block(body, conditional, depth + 1);
    if (suppressed.includes('NameError') && this.usesUndefinedName(body)) return;
    const fork = this.runFork(body, conditional, depth);
    const raised = this.raisedIn(fork)?.split(':')[0];
    if (!raised) return this.commit(fork);
    const caught = suppressed.some((t) => catchesType(t, raised));
    this.merge([fork, new Scope(this.scope)], caught ? 1 : 0, conditional ?? `with suppress(${suppressed.join(', ')})`);
  }

  /** `contextlib.suppress(NameError, KeyError)` / `suppress(…)`: the exception names. */
  private suppressedTypes(manager: SyntaxNode): string[] | undefined {
    if (manager.name !== 'CallExpression' || !/^(contextlib\.)?suppress$/.test(this.src(manager.firstChild ?? manager))) return undefined;
    const args = manager.getChild('ArgList');
    return args ? significantChildren(args).map((a) => this.src(a).replace(/^.*\./, '')) : [];
  }

  /**
   * Whether a block reads a name bound nowhere: not in the module's names so far, not assigned
   * in the block before, not a builtin; never claimed after a star import of a module nobody can
   * read or a write of globals() nobody could name.
   */
  private usesUndefinedName(body: SyntaxNode): boolean {
    if (this.unlistedStarImport || this.dynamicNames) return false;
    const assigned = new Set<string>();
    let found = false;
    body.toTree().iterate({
      enter: (ref) => {
        if (found) return false;
        const n = ref.node;
        if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition' || n.name === 'LambdaExpression' || n.name.endsWith('Comprehension')) return false;
        if (n.name !== 'VariableName') return undefined;
        const name = this.text.slice(body.from + n.from, body.from + n.to);
        const next = n.nextSibling;
        if (next?.name === 'AssignOp') assigned.add(name);
        else if (!assigned.has(name) && !this.scope.has(name) && !BUILTINS.has(name) && name !== '__file__' && name !== '__name__') found = true;
        return undefined;
      },
    });
    return found;
  }

  /** Inside a loop pass whose concrete values come from other passes (forStatement). */
  private symbolicOnly = 0;

  /** Set by `from module import *` of a module nobody can read: names may exist that nobody can list. */
  private unlistedStarImport = false;

  /** The first exception a fork's statements raise in the analysis environment, if any. */
  private raisedIn(fork: Scope): string | undefined {
    for (const name of fork.ownNames()) {
      const b = fork.ownRaw(name);
      if (!b || b.deleted) continue;
      const v = b.concreteValue ?? b.value;
      if (v.kind === 'unknown' && v.raises) return v.raises.message;
    }
    return undefined;
  }

  private dependsOnEnvironment(fork: Scope): boolean {
    for (const name of fork.ownNames()) {
      const b = fork.ownRaw(name);
      if (b && !b.deleted && b.concreteValue !== undefined) return true;
    }
    return false;
  }

  private forStatement(node: SyntaxNode, conditional: string | undefined, depth: number): void {
    const parts = forParts(node);
    if (!parts) return this.forgetAssignedIn(node, conditional, 'changed in a loop');
    const iterable = this.evaluateNow(parts.iterable);
    const items = listedItems(iterable.value);
    const concreteItems = iterable.concreteValue !== undefined ? listedItems(iterable.concreteValue) : items;
    const jumps = this.hasJump(parts.body);
    const same = !!items && !!concreteItems && concreteItems.length === items.length && concreteItems.every((c, i) => sameValue(c, items[i]));
    // Passes are unrolled only without `break` / `continue` (which this interpreter does not
    // follow); no pass at all needs neither.
    if (items && same && items.length <= LIMITS.loopIterations && (!jumps || !items.length)) {
      // Known items: every pass runs, in order, as Python would.
      for (const item of items) this.loopPass(parts.targets, item, undefined, parts.body, node, conditional, depth);
      if (parts.orElse) this.block(parts.orElse, conditional, depth + 1);
      return;
    }
    const unrollConcrete = !!concreteItems && concreteItems.length <= LIMITS.loopIterations && (!jumps || !concreteItems.length);
    // With the concrete passes to follow, the widened pass only gives symbolic values.
    if (unrollConcrete) this.symbolicOnly++;
    let widened: Scope;
    try {
      widened = this.loopOnce(node, parts.body, conditional, depth, { targets: parts.targets, items: items ?? undefined });
    } finally {
      if (unrollConcrete) this.symbolicOnly--;
    }
    if (concreteItems && unrollConcrete) {
      // Items known only in the analysis environment (`os.environ.get("X", "").split(",")`):
      // their passes give the concrete values, the widened pass the symbolic ones.
      const saved = this.scope;
      const unrolled = new Scope(saved);
      this.scope = unrolled;
      try {
        for (const item of concreteItems) this.loopPass(parts.targets, unknown('a loop item'), item, parts.body, node, conditional ?? 'loop', depth);
      } finally {
        this.scope = saved;
      }
      this.combine(widened, unrolled);
    } else this.commit(widened);
    if (parts.orElse) this.block(parts.orElse, conditional, depth + 1);
  }

  /** One pass of a loop body with its targets bound to an item (and, when it differs, its concrete value). */
  private loopPass(targets: SyntaxNode[], item: Value, concreteItem: Value | undefined, body: SyntaxNode, node: SyntaxNode, conditional: string | undefined, depth: number) {
    this.seq = nextSeq();
    this.bindTargets(targets, item, node, conditional, concreteItem);
    this.block(body, conditional, depth + 1);
  }

  /** Symbolic values from one layer, concrete values from another (both over the current scope). */
  private combine(symbolic: Scope, concrete: Scope) {
    const names = new Set([...symbolic.ownNames(), ...concrete.ownNames()]);
    this.seq = nextSeq();
    for (const name of names) {
      const sym = symbolic.ownRaw(name) ?? this.scope.get(name);
      const con = concrete.ownRaw(name) ?? this.scope.get(name);
      const shape = sym ?? con;
      if (!shape) continue;
      const compute = (): Evaluated =>
        lazySymbolic(() => (sym && !sym.deleted ? sym.value : ABSENT), con && !con.deleted ? (con.concreteValue ?? con.value) : ABSENT, [...new Set([...(sym?.envVariables ?? []), ...(con?.envVariables ?? [])])]);
      this.scope.set(name, LazyBinding.create({ ...fieldsOf(shape), seq: this.seq, prior: this.scope.raw(name), deleted: undefined }, compute, this.budget, true, this.memo.derive(`C\0${name}\0${sym?.token ?? 0}\0${con?.token ?? 0}`)));
    }
  }

  private hasJump(body: SyntaxNode): boolean {
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
  private loopOnce(node: SyntaxNode, body: SyntaxNode | null, conditional: string | undefined, depth: number, loop: { targets: SyntaxNode[]; items?: Value[] } | undefined): Scope {
    const widened = new Scope(this.scope);
    if (!body) return widened;
    const label = conditional ?? 'loop';
    const fork = new Scope(this.scope);
    const saved = this.scope;
    this.scope = fork;
    try {
      if (loop) {
        const candidates = loop.items?.flatMap((i) => (i.kind === 'some' ? (i.candidates ?? []) : [i]));
        const item = candidates && candidates.length && candidates.length <= LIMITS.options ? oneOf(candidates) : unknown('a loop item');
        this.bindTargets(loop.targets, item, node, label);
      }
      this.block(body, label, depth + 1);
    } finally {
      this.scope = saved;
    }
    this.seq = nextSeq();
    for (const name of fork.ownNames()) {
      const after = fork.ownRaw(name)!;
      const before = this.scope.get(name);
      const compute = (): Evaluated => {
        if (after.deleted || !before) return { value: unknown('changed in a loop') };
        if (before.concreteValue === undefined && after.concreteValue === undefined) return { value: widenLoop(before.value, after.value), envVariables: after.envVariables };
        const concreteValue = widenLoop(before.concreteValue ?? before.value, after.concreteValue ?? after.value);
        return lazySymbolic(() => widenLoop(before.value, after.value), concreteValue, after.envVariables);
      };
      const fields: BindingFields = before ? { ...fieldsOf(before), changes: [...before.changes, after.statement], conditional: label, seq: this.seq, prior: this.scope.raw(name) } : { ...fieldsOf(after), conditional: label, seq: this.seq, prior: this.scope.raw(name), deleted: undefined };
      widened.set(name, LazyBinding.create(fields, compute, this.budget, true, this.memo.derive(`W\0${name}\0${before?.token ?? 0}\0${after.token}`)));
    }
    return widened;
  }

  private bindTarget(target: SyntaxNode, value: Value, statement: SyntaxNode, conditional: string | undefined, concreteValue?: Value) {
    if (target.name === 'VariableName') this.bind(this.src(target), { value, concreteValue }, target, statement, undefined, conditional);
    else if (target.name === 'TupleExpression' || target.name === 'ParenthesizedExpression' || target.name === 'ArrayExpression') this.bindTargets(significantChildren(target), value, statement, conditional, concreteValue);
  }

  /** `for name, value in …` / `a, b = …`: several targets unpack the value. */
  private bindTargets(targets: SyntaxNode[], value: Value, statement: SyntaxNode, conditional: string | undefined, concreteValue?: Value) {
    if (targets.length === 1) return this.bindTarget(targets[0], value, statement, conditional, concreteValue);
    const part = (v: Value, i: number): Value => {
      if (v.kind === 'oneOf') return oneOf(v.options.map((o) => part(o, i)));
      return isSequence(v) && v.items.length === targets.length && !v.items.some((x) => x.kind === 'some') ? v.items[i] : unknown('unpacked');
    };
    targets.forEach((t, i) => this.bindTarget(t, part(value, i), statement, conditional, concreteValue === undefined ? undefined : part(concreteValue, i)));
  }

  /** Runs a body in a layer over the current scope and returns the layer. */
  private runFork(body: SyntaxNode, conditional: string | undefined, depth: number): Scope {
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
  private runInto(fork: Scope, body: SyntaxNode, conditional: string | undefined, depth: number) {
    const saved = this.scope;
    this.scope = fork;
    try {
      this.block(body, conditional, depth + 1);
    } finally {
      this.scope = saved;
    }
  }

  /** Keeps what a layer set, as if it had run in the current scope. */
  private commit(fork: Scope) {
    for (const name of fork.ownNames()) this.scope.set(name, fork.ownRaw(name)!);
  }

  /**
   * After a branch: each name one of the layers set holds the `oneOf` of what the layers left
   * (a layer that did not set it leaves what was there before; a name unbound on some path is
   * `absent` there). In the analysis environment, the layer at `concreteIndex` when known.
   */
  private merge(forks: Scope[], concreteIndex: number | undefined, label: string): void {
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

  private forgetAssignedIn(node: SyntaxNode, conditional: string | undefined, reason: string): void {
    // Names assigned or changed somewhere inside get values nobody follows.
    const names = new Set<string>();
    node.toTree().iterate({
      enter: (ref) => {
        if (ref.name === 'AssignStatement' || ref.name === 'UpdateStatement' || ref.name === 'ExpressionStatement') {
          const t = this.text.slice(node.from + ref.from, Math.min(node.from + ref.to, node.from + ref.from + 200));
          const m = /^([A-Za-z_]\w*)/.exec(t);
          if (m) names.add(m[1]);
        }
        return undefined;
      },
    });
    for (const name of names) {
      const prev = this.scope.get(name);
      const fields: BindingFields = prev
        ? { ...fieldsOf(prev), conditional: conditional ?? reason, seq: this.seq, prior: this.scope.raw(name) }
        : { name, origin: this.range(node), statement: this.range(node), changes: [], conditional: conditional ?? reason, seq: this.seq, prior: this.scope.raw(name) };
      this.scope.set(name, LazyBinding.create(fields, { value: unknown(reason) }, this.budget));
    }
  }

  private forgetTarget(target: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
    if (target.name === 'VariableName') this.bind(this.src(target), { value: UNKNOWN }, target, statement, undefined, conditional);
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

type Mode = 'symbolic' | 'concrete';

/** A name that is not bound on a path (only inside merged values). */

/**
 * A binding's values where the concrete one (what rules read) is computed now and the symbolic
 * one (every possibility, for hovers) on first read: joining the branches of hundreds of `if`s
 * is then paid only by whoever asks.
 */
function lazySymbolic(symbolic: () => Value, concreteValue: Value | undefined, envVariables: string[] | undefined): Evaluated {
  let value: Value | undefined;
  return {
    get value() {
      return (value ??= symbolic());
    },
    concreteValue,
    envVariables,
  };
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

/** Whether a node's last descendants end in an error marker (`A: [`, `X = {"k": [`…): a bracket left open. */
function endsInError(node: SyntaxNode): boolean {
  let n: SyntaxNode | null = node.lastChild;
  for (let depth = 0; n && depth < 8; depth++, n = n.lastChild) if (n.type.isError) return true;
  return false;
}

function pick(e: Evaluated, mode: Mode): Value {
  return mode === 'concrete' ? (e.concreteValue ?? e.value) : e.value;
}

function once<T>(f: () => T): () => T {
  let cached: { v: T } | undefined;
  return () => (cached ??= { v: f() }).v;
}

function listedItems(v: Value): Value[] | undefined {
  if (isSequence(v)) return v.items.some((i) => i.kind === 'some') ? undefined : v.items;
  if (v.kind === 'dict' && !v.open && !v.entries.some((e) => e.maybe)) return v.entries.map((e) => e.key);
  return undefined;
}

/** A module of the project as a value: its names are attributes. */
function projectModule(name: string, module: ImportedModule): Value {
  return { kind: 'module', name, file: module.file, members: (attr: string) => module.scope.get(attr), names: () => [...module.scope.keys()] };
}

/** Item `i` of an unpacked assignment (`A, B = 1, 2`). */
function unpack(v: Lazy, i: number, count: number): Lazy {
  return once(() => {
    const e = v();
    const item = (x: Value) => (isSequence(x) && x.items.length === count && !x.items.some((y) => y.kind === 'some') ? x.items[i] : UNKNOWN);
    return { value: item(e.value), concreteValue: e.concreteValue !== undefined ? item(e.concreteValue) : undefined };
  });
}

/** The hidden name that carries an exception raised by a statement binding nothing (noteRaise). */
const RAISED = '__raised__';

/** A call of the module's namespace: `globals()`, `vars()`, `locals()`, `exec(`. */
const NAMESPACE_CALL = /\b(?:globals|vars|locals)\s*\(\s*\)|\bexec\s*\(/;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export { CHECK_ARGV, envRead };
