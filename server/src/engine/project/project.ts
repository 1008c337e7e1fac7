// The Django project model: which files are settings modules, how they import each other, which
// one is production, which Django version applies, and the findings for each settings module.
//
// Built from files handed in by a shell (the language server or the CLI): the engine never
// touches the file system itself. Files that are needed but were not handed in (a base module
// imported by an open production module) are read through `ProjectHost.readFile`.

import * as posix from 'node:path/posix';
import { parsePython, changedRange, type ParsedPython } from '../python/parse';
import { ModuleMemo } from '../python/memo';
import { executeModule, Scope, type ExecutedModule, type PreviousRun, type SettingBinding, type SourceRange } from '../python/execute';
import { djangoPin, NEWEST, parseVersionSetting, type DjangoVersion } from './djangoVersion';
import { includesOf, isDependencyFile, isLockFile, requirementsIn } from './requirements';
import { globMatch } from '../glob';
import { isDevelopmentName, isIgnoredPath, isProductionName, looksLikeSettingsPath, settingsModuleFromEntryPoint } from './layout';
import type { Finding, SeveritySetting, Severity, Fix } from '../findings';
import { runSettingsRules } from '../rules/settingsRules';
import { ignoredOnLine, lineColumn } from '../text';
import { analyseTemplate, type TemplateAnalysis, type TemplateContext } from '../templates/templateRules';
import { staticFinders, staticIndex } from '../templates/staticFinders';
import { staticCompletions, staticHover, staticLinks, type StaticCompletion, type StaticLink } from '../templates/staticPaths';
import { SettingsView } from '../rules/settingsView';
import { servedUrl } from '../rules/staticfiles';
import { isSequence, pathLike, type Value, type ClassValue } from '../python/values';
import { dictGet } from '../python/evaluate';
import { atLeast } from './djangoVersion';

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

/** Content that makes a handed-in file a settings module candidate, whatever its name. */
function looksLikeSettingsText(text: string): boolean {
  // `[ \t]*`, never `\s*`, after `^`: a run of blank lines must not be rescanned from every line start.
  return /^[ \t]*(INSTALLED_APPS|MIDDLEWARE|SECRET_KEY|ALLOWED_HOSTS|ROOT_URLCONF|DEBUG)[ \t]*[=:+]/m.test(text) || (/^from[ \t]+[\w.]+[ \t]+import[ \t]+\*/m.test(text) && text.slice(0, 2000).includes('settings'));
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
}


export class DjangoProject {
  readonly root: string;
  private files = new Map<string, FileState>();
  /** The last parse of each file, kept when its text is dropped (a closed document). */
  private parses = new Map<string, ParsedPython>();
  /** Every .py file known to exist (handed in or listed), for module resolution. */
  private pythonFiles = new Set<string>();
  /** Dependency files known to exist (requirements*.txt, pyproject.toml…). */
  private dependencyFiles = new Set<string>();
  /** Every other file known to exist: static assets, templates. */
  private otherFiles = new Set<string>();
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
  /** Files the shell says are templates (open as html / django-html). */
  private markedTemplates = new Set<string>();
  /** Template findings by file, valid for one settings analysis and one set of files. */
  private templateCache = new Map<string, { text: string; findings: Finding[]; analysis?: TemplateAnalysis }>();
  private templateContextCache: TemplateContext | undefined;
  private directories = new Set<string>();
  private config: EngineConfig = DEFAULT_CONFIG;
  private analysis: Analysis | undefined;
  /** Facts that only change with the set of files, entry points, dependency files or config. */
  private structure: { sourceRoots?: string[]; pathCandidates?: string[]; entryPoints?: Map<string, string>; version?: DjangoVersion } = {};

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
      return;
    }
    this.addDirectoriesOf(path);
    if (isNew || affectsStructure(path)) this.structureChanged();
    // Typing in views.py changes nothing the settings analysis read: keep it.
    else if (this.analysis && !this.analysis.read.has(path) && !this.settingsLike(state) && !looksLikeSettingsPath(path)) return;
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
      } else this.otherFiles.add(p);
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

  private settingsLike(state: FileState): boolean {
    return (state.settingsLike ??= looksLikeSettingsText(state.text));
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

    const candidates = this.settingsCandidates();
    const modules = new Map<string, ExecutedModule>();
    for (const file of candidates) {
      let m = execute(file, new Set());
      // django-configurations: the settings are the attributes of the configuration class in use.
      const configuration = m && this.configurationClass(m);
      if (m && configuration) {
        m = { ...m, scope: configurationScope(m.scope, configuration) };
        executed.set(file, m);
      }
      if (m && (definesSettings(m.scope, file) || (looksLikeSettingsPath(file) && definesUppercase(m.scope)))) modules.set(file, m);
    }
    // A module imported by a settings module through `from .x import *` is a settings module too.
    const importedBy = new Map<string, string[]>();
    for (const [file, m] of modules) {
      for (const imp of m.imports) {
        if (!imp.resolvedFile || !modules.has(imp.resolvedFile) && !(imp.star && executed.has(imp.resolvedFile))) continue;
        if (!modules.has(imp.resolvedFile)) modules.set(imp.resolvedFile, executed.get(imp.resolvedFile)!);
        const list = importedBy.get(imp.resolvedFile) ?? [];
        list.push(file);
        importedBy.set(imp.resolvedFile, list);
      }
    }

    const entryPoints = this.entryPointSettings();
    const configured = new Set(this.config.productionSettings.map((s) => this.resolveConfigured(s)).filter((s): s is string => !!s));
    const roots = [...modules.keys()].filter((f) => !importedBy.has(f) || entryPoints.has(f) || configured.has(f));
    const version = this.djangoVersion();
    const infos: SettingsModuleInfo[] = [];
    const roleOf = this.assignRoles(roots, entryPoints, configured);
    for (const file of modules.keys()) {
      const usedBy = roots.filter((r) => closure.get(r)?.has(file));
      const role = roleOf.get(file);
      infos.push({
        file,
        moduleName: this.moduleName(file).name,
        role: role?.role ?? 'base',
        reason: role?.reason ?? `imported by ${usedBy.map((r) => posix.basename(r)).join(', ') || 'no settings module'}`,
        usedBy,
      });
    }

    const findings: Finding[] = [];
    for (const rootFile of roots) {
      const info = infos.find((i) => i.file === rootFile)!;
      const m = modules.get(rootFile)!;
      const read = [...(closure.get(rootFile) ?? [])].map((f) => executed.get(f)).filter((x): x is ExecutedModule => !!x);
      findings.push(...this.findingsForRoot(info, m, version, read));
    }
    const read = new Set<string>(executed.keys());
    for (const reads of closure.values()) for (const f of reads) read.add(f);
    this.analysis = { modules: infos, findings: dedupe(findings), executed, closure, version, read };
    return this.analysis;
  }

  private findingsForRoot(info: SettingsModuleInfo, m: ExecutedModule, version: DjangoVersion, read: ExecutedModule[]): Finding[] {
    const production = info.role === 'production';
    const raw = runSettingsRules({
      rootFile: info.file,
      moduleName: info.moduleName,
      production,
      scope: m.scope,
      version,
      environment: new Set(Object.keys(this.config.environment)),
      text: (f) => this.text(f) ?? '',
      directoryExists: (p) => this.directoryExists(p),
      classBases: (dotted) => this.classBases(dotted),
      relative: (f) => this.relative(f),
      loadFailures: read.flatMap((x) => x.loadFailures()),
    });
    const silenced = silencedChecks(m.scope);
    const out: Finding[] = [];
    for (const r of raw) {
      if (silenced.has(r.code)) continue;
      let severity: Severity | undefined = r.severity;
      if (!production && r.productionOnly) {
        if (this.config.developmentSeverity === 'off') continue;
        severity = this.config.developmentSeverity;
      }
      severity = this.configuredSeverity(r.code, severity);
      if (!severity) continue;
      if (this.inlineSuppressed(r.file, r.start, r.code)) continue;
      const finding: Finding = { ...r, severity, settingsModule: info.moduleName, production };
      delete (finding as { productionOnly?: boolean }).productionOnly;
      delete (finding as { binding?: unknown }).binding;
      out.push(finding);
      // Shown where the value was set; in production also at the import that brought it in.
      if (production && r.file !== info.file && r.binding?.importedVia && r.binding.importedVia.file === info.file) {
        const via = r.binding.importedVia;
        if (this.inlineSuppressed(via.file, via.start, r.code)) continue;
        out.push({
          ...finding,
          file: via.file,
          start: via.start,
          end: via.end,
          message: `${r.message} (set in ${this.location(r.file, r.start)})`,
          related: [{ file: r.file, start: r.start, end: r.end, message: 'set here' }, ...r.related],
          fixes: finding.fixes,
          inherited: true,
        });
      }
    }
    return out;
  }

  private inlineSuppressed(file: string, offset: number, code: string): boolean {
    const text = this.text(file);
    const state = this.files.get(file);
    if (!text || !state || !(state.suppressions ??= text.includes('django-deploy:'))) return false;
    return ignoredOnLine(text, offset, code, true);
  }

  /** The severity `djangoDeploy.rules` gives a code; undefined when it is turned off. */
  private configuredSeverity(code: string, severity: Severity): Severity | undefined {
    return configuredSeverity(this.config.rules, code, severity);
  }

  relative(file: string): string {
    return file.startsWith(this.root + '/') ? file.slice(this.root.length + 1) : file;
  }

  location(file: string, offset: number): string {
    const text = this.text(file) ?? '';
    return `${posix.basename(file)}:${lineColumn(text, offset).line + 1}`;
  }

  /**
   * The django-configurations class a module's settings come from: DJANGO_CONFIGURATION from the
   * analysis environment or wsgi.py/asgi.py, else a class named like production.
   */
  private configurationClass(m: ExecutedModule): ClassValue | undefined {
    const configurations = [...m.classes.values()].filter((c) => isConfiguration(c));
    if (!configurations.length) return undefined;
    const wanted = this.config.environment.DJANGO_CONFIGURATION ?? this.entryPointConfiguration();
    if (wanted) return configurations.find((c) => c.name === wanted);
    return configurations.find((c) => /^(prod|production|live)$/i.test(c.name));
  }

  /** `os.environ.setdefault("DJANGO_CONFIGURATION", "Prod")` in wsgi.py or asgi.py. */
  private entryPointConfiguration(): string | undefined {
    for (const f of this.pythonFiles) {
      const base = posix.basename(f);
      if ((base !== 'wsgi.py' && base !== 'asgi.py') || isIgnoredPath(f.slice(this.root.length))) continue;
      const m = /DJANGO_CONFIGURATION["']\s*,\s*["'](\w+)["']/.exec(this.peekText(f) ?? '');
      if (m) return m[1];
    }
    return undefined;
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

  /** Python files worth executing to find settings modules. */
  private settingsCandidates(): string[] {
    const out = new Set<string>((this.structure.pathCandidates ??= [...this.pythonFiles].filter((f) => !isIgnoredPath(f.slice(this.root.length)) && looksLikeSettingsPath(f))));
    for (const f of this.entryPointSettings().keys()) out.add(f);
    for (const s of this.config.productionSettings) {
      const f = this.resolveConfigured(s);
      if (f) out.add(f);
    }
    // Files handed in explicitly (open in the editor, named on the command line) that define settings.
    for (const [f, state] of this.files) {
      if (f.endsWith('.py') && !out.has(f) && this.settingsLike(state)) out.add(f);
    }
    return [...out].sort();
  }

  private resolveConfigured(s: string): string | undefined {
    if (s.endsWith('.py') || s.includes('/')) {
      const abs = s.startsWith('/') ? s : posix.join(this.root, s);
      return this.pythonFiles.has(abs) || this.files.has(abs) ? abs : undefined;
    }
    return this.resolveModuleFile(s);
  }

  /** Settings modules named by DJANGO_SETTINGS_MODULE in wsgi.py, asgi.py and manage.py. */
  private entryPointSettings(): Map<string, string> {
    return (this.structure.entryPoints ??= this.computeEntryPoints());
  }

  private computeEntryPoints(): Map<string, string> {
    const out = new Map<string, string>();
    const order = ['wsgi.py', 'asgi.py', 'manage.py'];
    const entries = [...this.pythonFiles].filter((f) => order.includes(posix.basename(f)) && !isIgnoredPath(f.slice(this.root.length)));
    entries.sort((a, b) => order.indexOf(posix.basename(a)) - order.indexOf(posix.basename(b)));
    for (const f of entries) {
      const text = this.text(f);
      if (!text) continue;
      const dotted = settingsModuleFromEntryPoint(text);
      const target = dotted ? this.resolveModuleFile(dotted) : undefined;
      if (target && !out.has(target)) out.set(target, posix.basename(f));
    }
    return out;
  }

  private assignRoles(roots: string[], entryPoints: Map<string, string>, configured: Set<string>): Map<string, { role: SettingsRole; reason: string }> {
    const roles = new Map<string, { role: SettingsRole; reason: string }>();
    if (configured.size) {
      for (const r of roots) roles.set(r, configured.has(r) ? { role: 'production', reason: 'named in djangoDeploy.productionSettings' } : { role: 'development', reason: 'not named in djangoDeploy.productionSettings' });
      return roles;
    }
    const named = roots.filter((r) => isProductionName(r));
    if (named.length) {
      for (const r of roots) roles.set(r, named.includes(r) ? { role: 'production', reason: 'named like a production module' } : { role: 'development', reason: `${posix.basename(named[0])} is the production module` });
      return roles;
    }
    const deployed = roots.filter((r) => {
      const via = entryPoints.get(r);
      return via === 'wsgi.py' || via === 'asgi.py';
    });
    const nonDev = roots.filter((r) => !isDevelopmentName(r));
    if (deployed.length && roots.length > 1) {
      for (const r of roots) roles.set(r, deployed.includes(r) && !isDevelopmentName(r) ? { role: 'production', reason: `DJANGO_SETTINGS_MODULE in ${entryPoints.get(r)}` } : { role: 'development', reason: `${entryPoints.get(deployed[0])} names ${this.moduleName(deployed[0]).name}` });
      if ([...roles.values()].some((r) => r.role === 'production')) return roles;
    }
    for (const r of roots) {
      if (isDevelopmentName(r) && nonDev.length > 0) roles.set(r, { role: 'development', reason: 'named like a development module' });
      else roles.set(r, { role: 'production', reason: roots.length === 1 ? 'the only settings module' : entryPoints.has(r) ? `DJANGO_SETTINGS_MODULE in ${entryPoints.get(r)}` : 'no production module identified' });
    }
    return roles;
  }

  djangoVersion(): DjangoVersion {
    return (this.structure.version ??= this.computeDjangoVersion());
  }

  private computeDjangoVersion(): DjangoVersion {
    const fromSetting = this.config.djangoVersion ? parseVersionSetting(this.config.djangoVersion) : undefined;
    if (fromSetting) return fromSetting;
    const candidates = [...new Set([...this.files.keys(), ...this.dependencyFiles])].filter((f) => isDependencyFile(f) && !isIgnoredPath(f.slice(this.root.length)));
    // Lock files first, then files named for production, then the rest; nearest to the root first.
    const rank = (f: string) => (isLockFile(f) ? 0 : /prod|deploy|live/i.test(posix.basename(f)) ? 1 : 2) * 1000 + f.split('/').length;
    let unpinned: DjangoVersion | undefined;
    for (const f of candidates.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))) {
      const v = this.pinFollowingIncludes(f, new Set());
      if (v && !v.source.endsWith('(unpinned)')) return v;
      unpinned ??= v;
    }
    return unpinned ?? NEWEST;
  }

  /** The Django pin of a dependency file, or of the files it includes with `-r` / `-c`. */
  private pinFollowingIncludes(file: string, seen: Set<string>): DjangoVersion | undefined {
    if (seen.has(file) || seen.size > 16) return undefined;
    seen.add(file);
    const requirements = this.derive(file, 'requirements', (text) => requirementsIn(file, text));
    if (!requirements) return undefined;
    const own = djangoPin(requirements, this.relative(file));
    // An unpinned `django` takes its version from an included constraints or requirements file.
    if (own && !own.source.endsWith('(unpinned)')) return own;
    if (!/\.(txt|in)$/i.test(file)) return own;
    for (const included of this.derive(file, 'includes', includesOf) ?? []) {
      const target = included.startsWith('/') ? included : posix.join(posix.dirname(file), included);
      const v = this.pinFollowingIncludes(posix.normalize(target), seen);
      if (v && !v.source.endsWith('(unpinned)')) return v;
    }
    return own;
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  settingsModules(): SettingsModuleInfo[] {
    return this.analyse().modules;
  }

  version(): DjangoVersion {
    return this.analyse().version;
  }

  /** Every finding; `templates: false` leaves the templates out (the CLI reads them in parallel). */
  allFindings(options: { templates?: boolean } = {}): Finding[] {
    const out = [...this.analyse().findings];
    if (options.templates !== false) for (const t of this.templateFiles()) out.push(...this.templateFindings(t));
    return out;
  }

  findingsFor(file: string): Finding[] {
    if (this.isTemplate(file)) return this.templateFindings(file);
    return this.analyse().findings.filter((f) => f.file === file);
  }

  // -------------------------------------------------------------------------------------------
  // Templates

  private static TEMPLATE_EXTENSION = /\.(html?|txt|xml|djhtml|svg)$/i;

  /** Whether a file is analysed as a Django template. */
  isTemplate(file: string): boolean {
    if (this.markedTemplates.has(file)) return true;
    if (!DjangoProject.TEMPLATE_EXTENSION.test(file) || isIgnoredPath(file.slice(this.root.length))) return false;
    if (file.includes('/templates/')) return true;
    const ctx = this.templateContext();
    if (ctx.templateDirs.some((d) => file.startsWith(d + '/'))) return true;
    return this.config.templateGlobs.some((glob) => globMatch(glob, this.relative(file)));
  }

  /** Every template file the project knows. */
  templateFiles(): string[] {
    const out = new Set<string>();
    for (const f of this.otherFiles) if (this.isTemplate(f)) out.add(f);
    for (const f of this.markedTemplates) out.add(f);
    return [...out].sort();
  }



  /**
   * Template findings for one file (cached per text, settings analysis and file set). After an
   * edit, the previous analysis of the file lets only the edited chunks be read again.
   */
  templateFindings(file: string): Finding[] {
    const text = this.text(file);
    if (text === undefined) return [];
    const cached = this.templateCache.get(file);
    if (cached && cached.text === text) return cached.findings;
    const { findings, analysis } = this.analyseTemplateText(file, text, cached?.analysis);
    // Only a template read in several chunks has parts worth keeping for the next edit.
    this.templateCache.set(file, { text, findings, analysis: analysis && analysis.chunks.length > 1 ? analysis : undefined });
    return findings;
  }

  /** Findings of the templates analysed so far (no template is read for this). */
  analysedTemplateFindings(): Finding[] {
    const out: Finding[] = [];
    for (const [file, cached] of this.templateCache) if (this.files.get(file)?.text === cached.text) out.push(...cached.findings);
    return out;
  }

  /**
   * A template's text and findings, read and analysed without keeping either: the CLI reads
   * thousands of templates once each, and keeping them would only grow the heap.
   */
  readTemplateOnce(file: string): { text: string; findings: Finding[] } | undefined {
    const text = this.peekText(file);
    if (text === undefined) return undefined;
    return { text, findings: this.analyseTemplateText(file, text).findings };
  }

  private analyseTemplateText(file: string, text: string, previous?: TemplateAnalysis): { findings: Finding[]; analysis?: TemplateAnalysis } {
    const ctx = this.templateContext();
    try {
      const analysis = analyseTemplate(file, text, ctx, previous);
      return { findings: templatePolicy(analysis.findings, this.config.rules, ctx.silenced), analysis };
    } catch (error) {
      console.error(`django-deploy: template analysis of ${file} failed: ${(error as Error).stack ?? error}`);
      return { findings: [] };
    }
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
    if (this.templateContextCache) return this.templateContextCache as TemplateContext & { templateDirs: string[]; silenced: Set<string> };
    const { module: root, view } = this.productionView();
    const installedApps = view.get('INSTALLED_APPS').value;
    const finders = staticFinders(view.get('STATICFILES_DIRS').value, installedApps, (entry) => this.appFolder(entry));
    const staticFiles = [...this.otherFiles].filter((f) => finders.sources.some((s) => f.startsWith(s.root + '/')));
    const templates = view.get('TEMPLATES').value;
    const engines = isSequence(templates) ? templates.items : [];
    let staticBuiltin = false;
    const staticLibraries = ['static'];
    const templateDirs: string[] = [];
    for (const engine of engines) {
      if (engine.kind !== 'dict') continue;
      const options = dictGet(engine, 'OPTIONS');
      const builtins = options ? dictGet(options, 'builtins') : undefined;
      if (builtins && isSequence(builtins) && builtins.items.some((b) => b.kind === 'str' && b.value === 'django.templatetags.static')) staticBuiltin = true;
      const libraries = options ? dictGet(options, 'libraries') : undefined;
      if (libraries?.kind === 'dict') for (const e of libraries.entries) if (e.key.kind === 'str' && e.value.kind === 'str' && e.value.value === 'django.templatetags.static') staticLibraries.push(e.key.value);
      const dirs = dictGet(engine, 'DIRS');
      if (dirs && isSequence(dirs)) for (const d of dirs.items) { const p = pathLike(d); if (p?.startsWith('/')) templateDirs.push(posix.normalize(p)); }
    }
    const staticUrl = view.get('STATIC_URL').value;
    const mediaUrl = view.get('MEDIA_URL').value;
    const ctx = {
      staticUrl: staticUrl.kind === 'str' && staticUrl.value ? servedUrl(staticUrl) : undefined,
      mediaUrl: mediaUrl.kind === 'str' && mediaUrl.value ? servedUrl(mediaUrl) : undefined,
      finders,
      index: staticIndex(finders, staticFiles),
      staticBuiltin,
      staticLibraries,
      removedLoadNames: atLeast(view.version, 3, 0),
      settingsModule: root?.moduleName ?? '',
      templateDirs,
      silenced: silencedChecks(view.scope),
    };
    this.templateContextCache = ctx;
    return ctx;
  }

  /** The package folder of an INSTALLED_APPS entry, when it is in the workspace. */
  private appFolder(entry: string): string | undefined {
    const asPackage = this.resolveModuleFile(entry);
    if (asPackage?.endsWith('/__init__.py')) return posix.dirname(asPackage);
    // `blog.apps.BlogConfig`: the module `blog.apps` lives in the app's folder.
    const parts = entry.split('.');
    if (parts.length > 1) {
      const module = this.resolveModuleFile(parts.slice(0, -1).join('.'));
      if (module) return posix.dirname(module);
    }
    return undefined;
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

const CORE_SETTINGS = ['INSTALLED_APPS', 'MIDDLEWARE', 'ROOT_URLCONF', 'SECRET_KEY', 'ALLOWED_HOSTS', 'DATABASES', 'TEMPLATES', 'STATIC_URL', 'DEBUG', 'WSGI_APPLICATION'];

function definesSettings(scope: Scope, file: string): boolean {
  let count = 0;
  for (const name of CORE_SETTINGS) {
    const b = scope.get(name);
    if (b && (b.origin.file === file || b.importedVia)) count++;
  }
  return count >= 2;
}

/** Files whose text decides module roles or the Django version. */
function affectsStructure(path: string): boolean {
  const base = posix.basename(path);
  return base === 'manage.py' || base === 'wsgi.py' || base === 'asgi.py' || isDependencyFile(path);
}

/** Whether a class derives from django-configurations' Configuration. */
function isConfiguration(c: Value, depth = 0): boolean {
  if (depth > 16) return false;
  if (c.kind === 'callable') return c.name === 'configurations.Configuration';
  return c.kind === 'class' && c.bases.some((b) => isConfiguration(b, depth + 1));
}

/** A module's names with a configuration class's attributes over them (its own over its bases', left to right). */
function configurationScope(moduleScope: Scope, cls: ClassValue): Scope {
  const order: ClassValue[] = [];
  const visit = (c: Value, depth: number) => {
    if (c.kind !== 'class' || depth > 16) return;
    const seen = order.indexOf(c);
    if (seen >= 0) order.splice(seen, 1);
    order.push(c);
    for (const b of c.bases) visit(b, depth + 1);
  };
  visit(cls, 0);
  const layer = new Scope(moduleScope);
  for (const c of order.reverse()) for (const [name, b] of c.attributes) layer.set(name, b as SettingBinding);
  return layer;
}

function definesUppercase(scope: Scope): boolean {
  for (const name of scope.keys()) if (/^[A-Z][A-Z0-9_]*$/.test(name)) return true;
  return false;
}

function silencedChecks(scope: Scope): Set<string> {
  const b = scope.get('SILENCED_SYSTEM_CHECKS');
  const out = new Set<string>();
  if (!b) return out;
  const v = b.concreteValue ?? b.value;
  if (v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set') for (const i of v.items) if (i.kind === 'str') out.add(i.value);
  return out;
}

function dedupe(findings: Finding[]): Finding[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.file}\0${f.start}\0${f.end}\0${f.code}`;
    const prev = best.get(key);
    // The same place judged for several settings modules: the most severe, then production's.
    if (!prev || order[f.severity] < order[prev.severity] || (order[f.severity] === order[prev.severity] && f.production && !prev.production)) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

export type { SourceRange };

function configuredSeverity(rules: EngineConfig['rules'], code: string, severity: Severity): Severity | undefined {
  const configured = rules[code];
  return configured === 'off' ? undefined : (configured ?? severity);
}

/** Template findings as configured: `djangoDeploy.rules` severities (or off), SILENCED_SYSTEM_CHECKS. */
export function templatePolicy(findings: Finding[], rules: EngineConfig['rules'], silenced: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (silenced.has(f.code)) continue;
    const severity = configuredSeverity(rules, f.code, f.severity);
    if (severity) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
