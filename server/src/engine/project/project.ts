// The Django project model: which files are settings modules, how they import each other, which
// one is production, which Django version applies, and the findings for each settings module.
//
// Built from files handed in by a shell (the language server or the CLI): the engine never
// touches the file system itself. Files that are needed but were not handed in (a base module
// imported by an open production module) are read through `ProjectHost.readFile`.
//
// Split by responsibility: roles.ts (which modules are settings, their roles), djangoVersion.ts
// (the pin), findingPolicy.ts (severities, suppressions), projectTemplates.ts (templates).

import * as posix from 'node:path/posix';
import { parsePython, changedRange, type ParsedPython } from '../python/parse';
import { ModuleMemo } from '../python/memo';
import { executeModule, Scope, type ExecutedModule, type PreviousRun, type SettingBinding, type SourceRange } from '../python/execute';
import { projectDjangoVersion, type DjangoVersion } from './djangoVersion';
import { isDependencyFile } from './requirements';
import { isIgnoredPath, looksLikeSettingsPath } from './layout';
import type { Finding, SeveritySetting, Fix } from '../findings';
import { lineColumn } from '../text';
import type { TemplateAnalysis, TemplateContext } from '../templates/templateRules';
import { staticCompletions, staticHover, staticLinks, type StaticCompletion, type StaticLink } from '../templates/staticPaths';
import { SettingsView } from '../rules/settingsView';
import { findSettingsModules, settingsLike } from './roles';
import { isConfigurationFile, type DjangoScope, type Evidence } from './evidence';
import { dedupe, findingsForRoot } from './findingPolicy';
import * as templates from './projectTemplates';

export { templatePolicy } from './findingPolicy';

export interface EngineConfig {
  /** Dotted module names or root-relative paths of production settings. */
  productionSettings: string[];
  /**
   * Environment variables set when the settings are judged (`--env NAME=VALUE`); every other
   * variable is unset, as on a CI machine running `check --deploy`.
   */
  environment: Record<string, string>;
  /** `"3.2"`; empty to read the pin from dependency files. */
  djangoVersion: string;
  /** Severity per rule code. */
  rules: Record<string, SeveritySetting>;
  /** How production-only findings show in development-only modules. */
  developmentSeverity: 'hint' | 'information' | 'off';
  /** Extra globs (relative to the root) of files analysed as templates. */
  templateGlobs: string[];
}

export const DEFAULT_CONFIG: EngineConfig = { productionSettings: [], environment: {}, djangoVersion: '', rules: {}, developmentSeverity: 'hint', templateGlobs: [] };

export interface ProjectHost {
  /** Reads a file that was not handed in; undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

export type SettingsRole = 'production' | 'development' | 'base';

export interface SettingsModuleInfo {
  file: string;
  moduleName: string;
  role: SettingsRole;
  /** Why it has that role, in words. */
  reason: string;
  /** Root settings modules (the ones Django loads) that include this file. */
  usedBy: string[];
}

interface FileState {
  text: string;
  /** Memo: does the text assign Django settings (a settings module even with an unusual name)? */
  settingsLike?: boolean;
  /** Memo: does the text contain `django-deploy:` comments? */
  suppressions?: boolean;
}

interface Analysis {
  modules: SettingsModuleInfo[];
  findings: Finding[];
  executed: Map<string, ExecutedModule>;
  /** Root file → the files its execution read (itself included). */
  closure: Map<string, Set<string>>;
  /** Every file the analysis read: a change elsewhere cannot change its findings. */
  read: Set<string>;
  version: DjangoVersion;
  /** The parts of the folder that are Django's (evidence.ts). */
  scope: DjangoScope;
}

// Members whose comment says "Internal" are not private only because the functions of roles.ts,
// findingPolicy.ts and projectTemplates.ts read them: nothing else should.
export class DjangoProject {
  readonly root: string;
  /** The texts handed in or read through the host. Internal. */
  files = new Map<string, FileState>();
  /** The last parse of each file, kept when its text is dropped (a closed document). */
  private parses = new Map<string, ParsedPython>();
  /** Every .py file known to exist (handed in or listed), for module resolution. Internal. */
  pythonFiles = new Set<string>();
  /** Dependency files known to exist (requirements*.txt, pyproject.toml…). */
  private dependencyFiles = new Set<string>();
  /** Every other file known to exist: static assets, templates. Internal. */
  otherFiles = new Set<string>();
  /** What earlier runs of each settings module evaluated (reused while what they read holds). */
  private memos = new Map<string, ModuleMemo>();
  /**
   * The last run of each module, with its text and what else it depended on: reused whole when
   * nothing changed, resumed after the unchanged statements when only its own text did.
   */
  private lastRuns = new Map<string, { module: ExecutedModule; text: string; inputs: string; closure: Set<string> }>();
  /** Bumped when a file's text changes (what a run read is compared by these). */
  private fileVersions = new Map<string, number>();
  /** Bumped when the configuration or the file listing changes (module resolution, paths that exist). */
  private generation = 0;
  /** derive(): per file, per kind, what was made of its text. */
  private derived = new Map<string, Map<string, unknown>>();
  /** Files the shell says are templates (open as html / django-html). Internal. */
  markedTemplates = new Set<string>();
  /** Template findings by file, valid for one settings analysis and one set of files. Internal. */
  templateCache = new Map<string, { text: string | undefined; findings: Finding[]; analysis?: TemplateAnalysis }>();
  /** templateContext() until the settings or the set of files change. Internal. */
  templateContextCache: TemplateContext | undefined;
  private directories = new Set<string>();
  private config: EngineConfig = DEFAULT_CONFIG;
  private analysis: Analysis | undefined;
  /** Facts that only change with the set of files, entry points, dependency files or config. Internal. */
  structure: { sourceRoots?: string[]; pathCandidates?: string[]; entryPoints?: Map<string, string>; version?: DjangoVersion; evidence?: { roots: Set<string>; evidence: Evidence[] } } = {};

  constructor(
    root: string,
    private host: ProjectHost = { readFile: () => undefined },
  ) {
    this.root = posix.normalize(root).replace(/\/$/, '') || '/';
  }

  // -------------------------------------------------------------------------------------------
  // Input

  setConfig(config: Partial<EngineConfig>): void {
    const environment = JSON.stringify(this.config.environment);
    this.config = { ...DEFAULT_CONFIG, ...config, rules: { ...(config.rules ?? {}) }, environment: { ...(config.environment ?? {}) } };
    // Evaluations read the environment: another one makes every stored result stale.
    if (JSON.stringify(this.config.environment) !== environment) this.memos.clear();
    this.structureChanged();
  }

  private memoFor(file: string): ModuleMemo {
    let memo = this.memos.get(file);
    if (!memo) this.memos.set(file, (memo = new ModuleMemo()));
    return memo;
  }

  getConfig(): EngineConfig {
    return this.config;
  }

  /** Hands in (or replaces) a file's text. */
  setFile(path: string, text: string): void {
    const existing = this.files.get(path);
    if (existing && existing.text === text) return;
    this.fileVersions.set(path, (this.fileVersions.get(path) ?? 0) + 1);
    this.derived.delete(path);
    const state: FileState = { text };
    this.files.set(path, state);
    const isNew = path.endsWith('.py') ? !this.pythonFiles.has(path) : !existing && !this.otherFiles.has(path) && !this.dependencyFiles.has(path);
    if (path.endsWith('.py')) this.pythonFiles.add(path);
    else if (isDependencyFile(path)) this.dependencyFiles.add(path);
    else {
      if (isNew) {
        this.staticFilesChanged();
        this.generation++;
      }
      this.otherFiles.add(path);
      // A template's own text is read by its own findings only.
      this.addDirectoriesOf(path);
      // pytest.ini, .env, a Dockerfile… may name DJANGO_SETTINGS_MODULE: evidence of Django (evidence.ts).
      if (isConfigurationFile(posix.basename(path))) this.evidenceChanged();
      return;
    }
    this.addDirectoriesOf(path);
    if (isNew || affectsStructure(path)) this.structureChanged();
    // Typing in views.py changes nothing the settings analysis read: keep it.
    else if (this.analysis && !this.analysis.read.has(path) && !settingsLike(state) && !looksLikeSettingsPath(path)) return;
    this.analysis = undefined;
  }

  /** Forgets a file's text; `deleted` also forgets that it exists. */
  removeFile(path: string, deleted = true): void {
    this.files.delete(path);
    // Forgotten text is read again from disk, maybe different: a new version either way.
    this.fileVersions.set(path, (this.fileVersions.get(path) ?? 0) + 1);
    this.derived.delete(path);
    this.templateCache.delete(path);
    if (deleted && this.otherFiles.has(path)) {
      this.otherFiles.delete(path);
      this.markedTemplates.delete(path);
      this.staticFilesChanged();
      if (isConfigurationFile(posix.basename(path))) this.evidenceChanged();
      return;
    }
    if (deleted && this.directories.has(path)) {
      // A deleted folder: everything below it goes too.
      for (const set of [this.pythonFiles, this.dependencyFiles, this.otherFiles]) for (const f of [...set]) if (f.startsWith(path + '/')) set.delete(f);
      for (const f of [...this.files.keys()]) if (f.startsWith(path + '/')) this.files.delete(f);
      for (const f of [...this.derived.keys()]) if (f.startsWith(path + '/')) this.derived.delete(f);
      this.removeDirectories([path]);
      this.structureChanged();
      this.staticFilesChanged();
      return;
    }
    if (deleted) {
      this.parses.delete(path);
      this.memos.delete(path);
      this.lastRuns.delete(path);
      this.pythonFiles.delete(path);
      this.dependencyFiles.delete(path);
    }
    if (deleted || affectsStructure(path)) this.structureChanged();
    this.analysis = undefined;
  }

  /** Lists files that exist without handing in their text (read on demand through the host). */
  addKnownFiles(paths: Iterable<string>): void {
    // Settings may test whether a path exists: a new listing is a new input.
    this.generation++;
    let structural = false;
    for (const p of paths) {
      if (p.endsWith('.py')) {
        this.pythonFiles.add(p);
        structural = true;
      } else if (isDependencyFile(p)) {
        this.dependencyFiles.add(p);
        structural = true;
      } else {
        this.otherFiles.add(p);
        if (isConfigurationFile(posix.basename(p))) this.evidenceChanged();
      }
      this.addDirectoriesOf(p);
    }
    this.staticFilesChanged();
    if (structural) this.structureChanged();
  }

  addDirectories(paths: Iterable<string>): void {
    for (const p of paths) this.directories.add(p.replace(/\/$/, ''));
    this.generation++;
    this.analysis = undefined;
  }

  /** Forgets deleted directories (and everything known below them). */
  removeDirectories(paths: Iterable<string>): void {
    for (const p of paths) {
      const dir = p.replace(/\/$/, '');
      for (const d of [...this.directories]) if (d === dir || d.startsWith(dir + '/')) this.directories.delete(d);
    }
    this.generation++;
    this.analysis = undefined;
  }

  /** A file that may name DJANGO_SETTINGS_MODULE changed, appeared or went (evidence.ts). */
  private evidenceChanged(): void {
    this.structure.evidence = undefined;
    this.analysis = undefined;
  }

  private structureChanged(): void {
    this.generation++;
    this.structure = {};
    this.analysis = undefined;
    this.staticFilesChanged();
  }

  /** Static files or templates appeared or went: template findings are recomputed. */
  private staticFilesChanged(): void {
    this.templateCache.clear();
    this.templateContextCache = undefined;
  }

  /** Tells that a file is a template (open as html or django-html), whatever its folder. */
  markTemplate(path: string, isTemplate = true): void {
    if (isTemplate) this.markedTemplates.add(path);
    else this.markedTemplates.delete(path);
  }

  private addDirectoriesOf(path: string): void {
    for (let d = posix.dirname(path); d.length >= this.root.length && !this.directories.has(d); d = posix.dirname(d)) {
      this.directories.add(d);
      if (d === '/' || d === '.') break;
    }
  }

  text(path: string): string | undefined {
    const state = this.files.get(path);
    if (state) return state.text;
    const read = this.host.readFile(path);
    if (read === undefined) return undefined;
    this.files.set(path, { text: read });
    return read;
  }

  /** A file's text without keeping it (the open or already-read text when there is one). */
  peekText(path: string): string | undefined {
    return this.files.get(path)?.text ?? this.host.readFile(path);
  }

  /**
   * What `from` makes of a file's text (read without keeping it), remembered under `kind` until
   * the file is set, changed or removed.
   */
  derive<T>(path: string, kind: string, from: (text: string) => T): T | undefined {
    let byKind = this.derived.get(path);
    if (byKind?.has(kind)) return byKind.get(kind) as T;
    const text = this.peekText(path);
    if (text === undefined) return undefined;
    const value = from(text);
    if (!byKind) this.derived.set(path, (byKind = new Map()));
    byKind.set(kind, value);
    return value;
  }

  private parsed(path: string): ParsedPython | undefined {
    const text = this.text(path);
    if (text === undefined) return undefined;
    const previous = this.parses.get(path);
    if (previous?.text === text) return previous;
    // The last tree is the incremental base even after the document was closed and re-read.
    const parsed = parsePython(text, previous);
    this.parses.set(path, parsed);
    return parsed;
  }

  /** Whether a path exists, as far as the project's listing knows: undefined outside the workspace. */
  pathExists(path: string, kind: 'any' | 'file' | 'dir'): boolean | undefined {
    if (path !== this.root && !path.startsWith(this.root + '/')) return undefined;
    const isDir = this.directories.has(path.replace(/\/$/, ''));
    const isFile = this.pythonFiles.has(path) || this.dependencyFiles.has(path) || this.otherFiles.has(path) || this.files.has(path);
    return kind === 'dir' ? isDir : kind === 'file' ? isFile : isDir || isFile;
  }

  /** The Python files the project knows in one folder. */
  private pythonFilesIn(folder: string): string[] {
    const out: string[] = [];
    for (const f of this.pythonFiles) if (f.startsWith(folder + '/') && !f.includes('/', folder.length + 1)) out.push(f);
    return out;
  }

  directoryExists(path: string): boolean | undefined {
    if (this.directories.has(path.replace(/\/$/, ''))) return true;
    // Only claim absence inside the workspace, where the listing is complete.
    return path === this.root || path.startsWith(this.root + '/') ? false : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Module names

  /** Folders Python would import from: where manage.py lives, the root, and `src/`. */
  sourceRoots(): string[] {
    return (this.structure.sourceRoots ??= this.computeSourceRoots());
  }

  private computeSourceRoots(): string[] {
    const roots = new Set<string>();
    for (const f of this.pythonFiles) if (posix.basename(f) === 'manage.py' && !isIgnoredPath(f)) roots.add(posix.dirname(f));
    roots.add(this.root);
    if (this.directories.has(this.root + '/src')) roots.add(this.root + '/src');
    return [...roots].sort((a, b) => b.length - a.length);
  }

  moduleName(file: string): { name: string; isPackage: boolean } {
    const isPackage = posix.basename(file) === '__init__.py';
    for (const root of this.sourceRoots()) {
      if (!file.startsWith(root + '/')) continue;
      const rel = file.slice(root.length + 1).replace(/\.py$/, '');
      const parts = rel.split('/');
      if (isPackage) parts.pop();
      return { name: parts.join('.'), isPackage };
    }
    return { name: posix.basename(file, '.py'), isPackage };
  }

  /** The bases of `module.Class` as written in its `class` statement, when the project defines it. */
  classBases(dotted: string): string[] | undefined {
    const cut = dotted.lastIndexOf('.');
    if (cut <= 0) return undefined;
    const file = this.resolveModuleFile(dotted.slice(0, cut));
    const text = file && this.text(file);
    if (!text) return undefined;
    const name = dotted.slice(cut + 1).replace(/[^\w]/g, '');
    const m = new RegExp(`^class\\s+${name}\\s*\\(([^)]{0,500})\\)\\s*:`, 'm').exec(text);
    if (!m) return undefined;
    return m[1].split(',').map((b) => b.trim()).filter((b) => b && !b.includes('='));
  }

  resolveModuleFile(dotted: string): string | undefined {
    if (!/^[\w.]+$/.test(dotted)) return undefined;
    const rel = dotted.split('.').join('/');
    for (const root of this.sourceRoots()) {
      for (const candidate of [`${root}/${rel}.py`, `${root}/${rel}/__init__.py`]) {
        if (this.pythonFiles.has(candidate) || this.files.has(candidate)) return candidate;
      }
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Analysis

  private analyse(): Analysis {
    if (this.analysis) return this.analysis;
    this.templateCache.clear();
    this.templateContextCache = undefined;
    const executed = new Map<string, ExecutedModule>();
    /** Modules being run, with their names so far: an import cycle sees those, as in Python. */
    const running = new Map<string, () => Scope>();
    const closure = new Map<string, Set<string>>();

    const environment = new Map(Object.entries(this.config.environment));
    const execute = (file: string, reads: Set<string>, depth = 0): ExecutedModule | undefined => {
      reads.add(file);
      const done = executed.get(file);
      if (done) {
        for (const f of closure.get(file) ?? []) reads.add(f);
        return done;
      }
      if (running.has(file)) return undefined; // import cycle: see partial() below
      const parsed = this.parsed(file);
      if (!parsed) return undefined;
      // Nothing it read has changed since its last run: that run stands.
      const unchanged = this.unchangedRun(file, parsed, depth);
      if (unchanged) {
        // The modules it imported are part of this analysis too (they are reused the same way).
        for (const imp of unchanged.module.imports) if (imp.resolvedFile && !imp.included) execute(imp.resolvedFile, reads, depth + 1);
        executed.set(file, unchanged.module);
        closure.set(file, unchanged.closure);
        for (const f of unchanged.closure) reads.add(f);
        return unchanged.module;
      }
      running.set(file, () => new Scope());
      const own = new Set<string>([file]);
      const { name, isPackage } = this.moduleName(file);
      // Only its own text changed: resume after the statements before the change. (Kept out of
      // this scope's closures: a run must not hold on to the run before it.)
      const previous = this.resumableRun(file, parsed, depth, own);
      const result = executeModule(parsed, {
        file,
        moduleName: name,
        isPackage,
        resolveModule: (dotted) => {
          const target = this.resolveModuleFile(dotted);
          if (!target) return undefined;
          // `from lego.settings import TESTING` inside a module lego/settings/__init__.py is
          // importing: the names it has bound so far.
          const partial = running.get(target);
          if (partial) {
            own.add(target);
            return { file: target, scope: partial() };
          }
          const m = execute(target, own, depth + 1);
          return m ? { file: target, scope: m.scope } : undefined;
        },
        moduleExists: (dotted) => this.resolveModuleFile(dotted) !== undefined,
        environment,
        memo: this.memoFor(file),
        moduleScope: (other) => running.get(other)?.() ?? execute(other, own, depth + 1)?.scope,
        onStart: (names) => running.set(file, names),
        host: {
          pathExists: (path, kind) => this.pathExists(path, kind),
          filesIn: (folder) => this.pythonFilesIn(folder),
          parse: (included) => {
            own.add(included);
            return this.parsed(included);
          },
        },
        importDepth: depth,
      }, previous);
      running.delete(file);
      executed.set(file, result);
      closure.set(file, own);
      this.lastRuns.set(file, { module: result, text: parsed.text, inputs: this.runInputs(file, own, depth), closure: own });
      for (const f of own) reads.add(f);
      return result;
    };

    const { modules, roots, infos, scope } = findSettingsModules(this, (file) => execute(file, new Set()), executed, closure);
    const version = this.djangoVersion();

    const findings: Finding[] = [];
    for (const rootFile of roots) {
      const info = infos.find((i) => i.file === rootFile)!;
      const m = modules.get(rootFile)!;
      const read = [...(closure.get(rootFile) ?? [])].map((f) => executed.get(f)).filter((x): x is ExecutedModule => !!x);
      findings.push(...findingsForRoot(this, info, m, version, read));
    }
    const read = new Set<string>(executed.keys());
    for (const reads of closure.values()) for (const f of reads) read.add(f);
    this.analysis = { modules: infos, findings: dedupe(findings), executed, closure, version, read, scope };
    return this.analysis;
  }

  relative(file: string): string {
    return file.startsWith(this.root + '/') ? file.slice(this.root.length + 1) : file;
  }

  location(file: string, offset: number): string {
    const text = this.text(file) ?? '';
    return `${posix.basename(file)}:${lineColumn(text, offset).line + 1}`;
  }

  /** What a module's run depended on besides its own text: the listing, the configuration, the files it read. */
  private runInputs(file: string, reads: Set<string>, depth: number): string {
    return `${this.generation}|${depth}|${[...reads].filter((f) => f !== file).sort().map((f) => `${f}@${this.fileVersions.get(f) ?? 0}`).join('|')}`;
  }

  /** The last run of a module when neither its text nor anything it read has changed since. */
  private unchangedRun(file: string, parsed: ParsedPython, depth: number) {
    const last = this.lastRuns.get(file);
    return last && last.text === parsed.text && last.inputs === this.runInputs(file, last.closure, depth) ? last : undefined;
  }

  /**
   * The last run of a module whose text alone changed, and where the change starts; the files the
   * kept statements read are added to `reads`.
   */
  private resumableRun(file: string, parsed: ParsedPython, depth: number, reads: Set<string>): PreviousRun | undefined {
    const last = this.lastRuns.get(file);
    if (!last || last.inputs !== this.runInputs(file, last.closure, depth)) return undefined;
    for (const f of last.closure) reads.add(f);
    const changeFrom = parsed.previousText === last.text && parsed.change ? parsed.change.fromB : changedRange(last.text, parsed.text).fromB;
    return { module: last.module, changeFrom };
  }

  djangoVersion(): DjangoVersion {
    return (this.structure.version ??= projectDjangoVersion(this, this.config.djangoVersion, [...this.files.keys(), ...this.dependencyFiles]));
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  settingsModules(): SettingsModuleInfo[] {
    return this.analyse().modules;
  }

  /** Whether any part of the folder is a Django project (evidence.ts): elsewhere the extension stays silent. */
  isDjango(): boolean {
    return this.analyse().scope.isDjango;
  }

  /** Whether a file belongs to a Django (sub-)project of the folder. */
  inDjango(file: string): boolean {
    return this.analyse().scope.contains(file);
  }

  /** What makes the folder (or its sub-projects) a Django project. */
  djangoEvidence(): Evidence[] {
    return this.analyse().scope.evidence();
  }

  version(): DjangoVersion {
    return this.analyse().version;
  }

  /**
   * Every finding; `templates: false` leaves the templates out (the CLI reads them in parallel);
   * `checklist: true` adds the findings only the checklist shows (`checklistOnly`).
   */
  allFindings(options: { templates?: boolean; checklist?: boolean } = {}): Finding[] {
    const settings = this.analyse().findings;
    const out = options.checklist ? [...settings] : settings.filter((f) => !f.checklistOnly);
    if (options.templates !== false) for (const t of this.templateFiles()) out.push(...this.templateFindings(t));
    return out;
  }

  findingsFor(file: string): Finding[] {
    if (this.isTemplate(file)) return this.templateFindings(file);
    return this.analyse().findings.filter((f) => f.file === file && !f.checklistOnly);
  }

  // -------------------------------------------------------------------------------------------
  // Templates (projectTemplates.ts)

  /** Whether a file is analysed as a Django template. */
  isTemplate(file: string): boolean {
    return templates.isTemplate(this, file);
  }

  /** Every template file the project knows. */
  templateFiles(): string[] {
    return templates.templateFiles(this);
  }

  /**
   * Template findings for one file (cached per text, settings analysis and file set). After an
   * edit, the previous analysis of the file lets only the edited chunks be read again.
   */
  templateFindings(file: string): Finding[] {
    return templates.templateFindings(this, file);
  }

  /** How many templates have no findings for their current text yet (nothing is read for this). */
  unanalysedTemplates(): number {
    return templates.unanalysedTemplates(this);
  }

  /** Findings of the templates analysed so far (no template is read for this). */
  analysedTemplateFindings(): Finding[] {
    return templates.analysedTemplateFindings(this);
  }

  /**
   * A template's text and findings, read and analysed without keeping either: the CLI reads
   * thousands of templates once each, and keeping them would only grow the heap.
   */
  readTemplateOnce(file: string): { text: string; findings: Finding[] } | undefined {
    return templates.readTemplateOnce(this, file);
  }

  /** Completion inside `{% static '…' %}` at `offset`. */
  staticCompletions(file: string, offset: number): StaticCompletion[] {
    const text = this.text(file);
    return text === undefined || !this.isTemplate(file) ? [] : staticCompletions(text, offset, this.templateContext());
  }

  /** Links from `{% static %}` paths to the files that serve them. */
  staticLinks(file: string): StaticLink[] {
    const text = this.text(file);
    return text === undefined || !this.isTemplate(file) ? [] : staticLinks(text, this.templateContext());
  }

  /** Hover on a `{% static %}` path. */
  staticHover(file: string, offset: number): { contents: string; start: number; end: number } | undefined {
    const text = this.text(file);
    return text === undefined || !this.isTemplate(file) ? undefined : staticHover(text, offset, this.templateContext(), (f) => this.relative(f));
  }

  /**
   * The settings module production runs (or, without one, the first root) and the values Django
   * would see in it; an empty view when the project has no settings module.
   */
  productionView(): { module: SettingsModuleInfo | undefined; view: SettingsView } {
    const a = this.analyse();
    const root = a.modules.find((m) => m.role === 'production') ?? a.modules.find((m) => m.role !== 'base');
    const scope = root ? a.executed.get(root.file)?.scope : undefined;
    return { module: root, view: new SettingsView(scope ?? new Scope(), a.version) };
  }

  /** Python files, dependency files and every other file the project knows, by kind. */
  knownFiles(): { python: string[]; dependencies: string[]; other: string[] } {
    return { python: [...this.pythonFiles], dependencies: [...this.dependencyFiles], other: [...this.otherFiles] };
  }

  /** What templates need from the settings: static folders, STATIC_URL, builtins… */
  templateContext(): TemplateContext & { templateDirs: string[]; silenced: Set<string> } {
    return templates.templateContext(this);
  }

  /** The folders Django's static finders read (STATICFILES_DIRS entries, apps' static/), in the workspace or not. */
  staticFolders(): string[] {
    return this.templateContext().finders.sources.map((s) => s.root);
  }

  /** Files whose findings depend on `file` (it included). */
  dependants(file: string): string[] {
    const a = this.analyse();
    const out = new Set<string>([file]);
    let settings = false;
    for (const [root, reads] of a.closure) {
      if (!reads.has(file)) continue;
      settings = true;
      for (const r of reads) out.add(r);
      out.add(root);
    }
    // Settings decide STATIC_URL, the static folders and builtins: the handed-in templates follow.
    if (settings) for (const f of this.files.keys()) if (this.isTemplate(f)) out.add(f);
    return [...out];
  }

  /** The settings binding named at `offset` in `file`, as seen by each settings module using it. */
  bindingsAt(file: string, offset: number): { name: string; views: { module: SettingsModuleInfo; binding: SettingBinding | undefined }[]; local: SettingBinding } | undefined {
    const a = this.analyse();
    const executed = a.executed.get(file);
    if (!executed) return undefined;
    const local = executed.assignments.find((b) => b.origin.start <= offset && offset <= b.origin.end) ?? executed.assignments.find((b) => b.statement.start <= offset && offset <= b.statement.end);
    if (!local) return undefined;
    const views = a.modules
      .filter((m) => m.role !== 'base' && (m.file === file || a.closure.get(m.file)?.has(file)))
      .map((module) => ({ module, binding: a.executed.get(module.file)?.scope.get(local.name) }));
    return { name: local.name, views, local };
  }

  scopeOf(file: string): Scope | undefined {
    return this.analyse().executed.get(file)?.scope;
  }

  fixesFor(file: string, start: number, end: number): { finding: Finding; fix: Fix }[] {
    const out: { finding: Finding; fix: Fix }[] = [];
    for (const f of this.findingsFor(file)) {
      if (f.end < start || f.start > end) continue;
      for (const fix of f.fixes) out.push({ finding: f, fix });
    }
    return out;
  }
}

/** Files whose text decides module roles or the Django version. */
function affectsStructure(path: string): boolean {
  const base = posix.basename(path);
  return base === 'manage.py' || base === 'wsgi.py' || base === 'asgi.py' || isDependencyFile(path);
}

export type { SourceRange };
