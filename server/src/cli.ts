// `django-deploy check`: the engine over files on disk, for CI and the terminal.
//
//   node dist/cli.js check [--format text|json|sarif] [--fix] [--production MODULE|FILE]
//                          [--django-version X.Y] [--rule CODE=SEVERITY]... [PATH...]
//
// Exit codes: 0 nothing at warning or above, 1 findings at warning or above, 2 usage or I/O error,
// or a --fix that could not be written (that file named on stderr, its findings still reported).
// All file-system access lives here (writes through safeWrite); the engine gets text through
// `ProjectHost.readFile`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as posix from 'node:path/posix';
import { DjangoProject } from './engine/project/project';
import { looksLikeSettingsPath } from './engine/project/layout';
import { supportedByListing } from './engine/project/listing';
import { SETTINGS_RULES } from './engine/rules/settingsRules';
import { TEMPLATE_RULES } from './engine/templates/templateRules';
import { safeFixEdits, applyEdits } from './engine/fixAll';
import { LineIndex } from './engine/text';
import type { Finding, SeveritySetting } from './engine/findings';
import { replaceFile } from './safeWrite';
import { formatJson, formatSarif, formatText, plural, terminalLine, type Diagnostic, type NotWritten } from './cliOutput';
import { ioReason, readSource, toPosix } from './host/read';
import { listSkippedStaticFolders } from './host/staticTrees';
import { findManagePy, walkSync, WALK_LIMITS } from './host/walk';

// esbuild inlines the manifest, so the bundle reports the version it was built from.
const manifest = require('../../package.json') as { version: string };

const TOOL = 'django-deploy';

const MAX_FIX_PASSES = 10;

const USAGE = `Usage: django-deploy check [options] [PATH...]

Checks Django settings for deployment problems without importing the project.
PATH is a project folder (default: .) or a settings file; a settings file named
explicitly is checked as the production settings. Development-only settings
modules (dev.py, local.py...) are not held to production rules.

Options:
  --format text|json|sarif     output format (default: text)
  --fix                        apply the safe fixes in place, then report what is left
  --production MODULE|FILE     settings module checked as production (repeatable),
                               e.g. mysite.settings.production or mysite/settings/prod.py
  --django-version X.Y         Django version whose checks apply (default: read the pin
                               from requirements*.txt, pyproject.toml, Pipfile, lock files)
  --rule CODE=SEVERITY         error|warning|information|hint|off (repeatable),
                               e.g. --rule security.W004=off
  --env NAME=VALUE             judge the settings with this environment variable set
                               (repeatable); every other variable is unset, as on a
                               CI machine running manage.py check --deploy
  --env-file FILE              the same for every NAME=VALUE line of a dotenv file
  -h, --help                   show this help
  --version                    show the version

Exit status: 0 no problems at warning or above, 1 problems found, 2 usage or file
errors, or a fix left unwritten (a symlink, hard link, read-only file, another owner,
a file changed meanwhile: named on stderr, its problems still reported).`;

type Format = 'text' | 'json' | 'sarif';

interface Options {
  format: Format;
  fix: boolean;
  production: string[];
  djangoVersion: string;
  rules: Record<string, SeveritySetting>;
  environment: Record<string, string>;
  paths: string[];
}

/** A user error: one line on stderr, exit 2. */
class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Arguments

/** `NAME=VALUE` lines of a dotenv file (`export ` prefixes, quotes and `#` comments as python-dotenv reads them). */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].trimStart();
    const q = v[0];
    if ((q === '"' || q === "'") && v.length > 1 && v.indexOf(q, 1) > 0) {
      v = v.slice(1, v.indexOf(q, 1));
      if (q === '"') v = v.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      const hash = v.indexOf(' #');
      if (hash >= 0) v = v.slice(0, hash);
      v = v.trim();
    }
    out[m[1]] = v;
  }
  return out;
}

const SEVERITY_NAMES: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
};

function parseArguments(argv: string[]): Options | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(`missing command: try '${TOOL} check PATH' (--help for usage)`);
  if (command !== 'check') throw new UsageError(`unknown command '${command}': try '${TOOL} check PATH' (--help for usage)`);

  // Template rules (DJD2xx) are configurable too: the engine applies `rules` to template findings.
  const known = new Set([...SETTINGS_RULES.map((r) => r.code), ...TEMPLATE_RULES.map((r) => r.code)]);
  const options: Options = { format: 'text', fix: false, production: [], djangoVersion: '', rules: {}, environment: {}, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      options.paths.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (flag !== arg) return arg.slice(eq + 1);
      const next = rest[++i];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value (--help for usage)`);
      return next;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
        options.format = f;
        break;
      }
      case '--fix':
        if (flag !== arg) throw new UsageError('--fix takes no value');
        options.fix = true;
        break;
      case '--production':
        options.production.push(value());
        break;
      case '--django-version': {
        const v = value();
        if (!/^\d+\.\d+(\.\d+)?$/.test(v)) throw new UsageError(`--django-version must look like 4.2, not '${v}'`);
        options.djangoVersion = v;
        break;
      }
      case '--rule': {
        const spec = value();
        const m = /^([^=\s]+)=(\w+)$/.exec(spec);
        if (!m) throw new UsageError(`--rule must look like CODE=SEVERITY (e.g. security.W004=off), not '${spec}'`);
        const severity = SEVERITY_NAMES[m[2].toLowerCase()];
        if (!severity) throw new UsageError(`--rule ${m[1]}: severity must be error, warning, information, hint or off, not '${m[2]}'`);
        if (!known.has(m[1])) throw new UsageError(`--rule: unknown rule code '${m[1]}'`);
        options.rules[m[1]] = severity;
        break;
      }
      case '--env': {
        const spec = value();
        const at = spec.indexOf('=');
        if (at <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(spec.slice(0, at))) throw new UsageError(`--env must look like NAME=VALUE, not '${spec}'`);
        options.environment[spec.slice(0, at)] = spec.slice(at + 1);
        break;
      }
      case '--env-file': {
        const file = value();
        const read = readText(path.resolve(file));
        if ('error' in read) throw new UsageError(`cannot read ${file}: ${read.error}`);
        Object.assign(options.environment, parseDotenv(read.text));
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}' (usage: ${TOOL} check [--format text|json|sarif] [--fix] [--production MODULE] [--django-version X.Y] [--rule CODE=SEVERITY] [--env NAME=VALUE] PATH...)`);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Files on disk

const absolute = (p: string) => toPosix(path.resolve(p));

interface TextFile {
  text: string;
  bom: boolean;
}

/** Reads a file as the engine sees it (host/read.ts), or says why it cannot. */
function readText(file: string): TextFile | { error: string; unloadable?: boolean } {
  const r = readSource(file);
  return r.ok ? { text: r.text, bom: r.bom } : { error: r.reason, unloadable: r.unloadable };
}

/** The project root for a path: the nearest folder holding manage.py, else `fallback`. */
const projectRootFor = (start: string, fallback: string) => findManagePy(start) ?? fallback;

const isUnder = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** A file's text as bytes on disk (UTF-8, the byte-order mark it had), hashed. */
// node:crypto is loaded on the first use: only --fix hashes, and loading it costs every run a few ms.
const contentHash = (text: string) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');

// ---------------------------------------------------------------------------------------------
// Projects

/** One engine project: a root, the PATHs under it, and what the engine read. */
class CheckedProject {
  readonly engine: DjangoProject;
  /** Files the engine wanted but could not read, with the reason. */
  /** Files the engine asked for and could not get; `unloadable`: Python could not load them either. */
  readonly unreadable = new Map<string, { reason: string; unloadable: boolean }>();
  /** Folders the walk could not list whole (engine/project/listing.ts drops findings it cannot support). */
  readonly incomplete: string[];
  /** Files --fix left unchanged (a symlink, read-only, changed meanwhile...), with the reason. */
  readonly notWritten = new Map<string, string>();
  private readonly bom = new Set<string>();
  /** With --fix: the hash of each file as first read (and as written), to notice a file edited during the run. */
  private readonly readHashes: Map<string, string> | undefined;
  /** Files read twice with different texts: the findings may come from the older one. */
  private readonly changedWhileChecked = new Set<string>();

  constructor(
    readonly root: string,
    /** Folders named on the command line (under or at `root`). */
    readonly folders: string[],
    /** `.py` files named on the command line: checked as production. */
    readonly files: string[],
    options: Options,
  ) {
    if (options.fix) this.readHashes = new Map();
    this.engine = new DjangoProject(root, {
      readFile: (file) => {
        const read = readText(file);
        if ('error' in read) {
          this.unreadable.set(file, { reason: read.error, unloadable: !!read.unloadable });
          return undefined;
        }
        if (read.bom) this.bom.add(file);
        this.noteRead(file, read);
        return read.text;
      },
    });
    const listing = walkSync(root, { maxEntries: WALK_LIMITS.projectEntries, maxDepth: WALK_LIMITS.projectDepth });
    for (const note of listing.notes) say(note);
    this.incomplete = listing.incomplete;
    this.engine.setConfig({
      productionSettings: [...files, ...options.production.map((p) => productionSetting(p))],
      djangoVersion: options.djangoVersion,
      rules: options.rules,
      environment: options.environment,
      // Production-only findings in development settings are noise on the command line.
      developmentSeverity: 'off',
    });
    this.engine.addKnownFiles(listing.files);
    this.engine.addDirectories(listing.directories);
    for (const f of files) {
      const read = readText(f);
      if ('error' in read) throw new UsageError(`cannot read ${display(f)}: ${read.error}`);
      if (read.bom) this.bom.add(f);
      this.noteRead(f, read);
      this.engine.setFile(f, read.text);
    }
    // Static folders under dist/, build/, node_modules/…: listed whole once the settings say so
    // (after every file is in: the settings are analysed once for it, and that analysis stands).
    listSkippedStaticFolders(this.engine, say, listing.unentered);
  }

  private noteRead(file: string, read: TextFile): void {
    if (!this.readHashes) return;
    const hash = contentHash((read.bom ? '\ufeff' : '') + read.text);
    const first = this.readHashes.get(file);
    if (first === undefined) this.readHashes.set(file, hash);
    else if (first !== hash) this.changedWhileChecked.add(file);
  }

  /** Findings printed for this project: primary locations in the files the user named. */
  findings(options: { templates?: boolean } = {}): Finding[] {
    const all = this.engine.allFindings(options).filter((f) => !f.inherited);
    const allowed = new Set<string>();
    for (const f of this.files) for (const d of this.engine.dependants(f)) allowed.add(d);
    for (const m of this.engine.settingsModules()) {
      if (this.folders.some((dir) => isUnder(m.file, dir))) for (const d of this.engine.dependants(m.file)) allowed.add(d);
    }
    return supportedByListing(this.engine, all.filter((f) => allowed.has(f.file) || this.folders.some((dir) => isUnder(f.file, dir))), this.incomplete);
  }

  /**
   * The printed rows of every template under the named folders, each template read, analysed and
   * turned into rows on its own, then let go (see DjangoProject.readTemplateOnce).
   */
  templateRows(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const file of this.engine.templateFiles()) {
      if (!this.folders.some((dir) => isUnder(file, dir))) continue;
      const read = this.engine.readTemplateOnce(file);
      if (!read) continue;
      const findings = supportedByListing(this.engine, read.findings.filter((f) => !f.inherited && f.file === file), this.incomplete);
      if (findings.length === 0) continue;
      const shown = display(file);
      out.set(shown, diagnosticRows(shown, read.text, findings));
    }
    return out;
  }

  settingsModuleCount(): number {
    const findings = new Set(this.findings({ templates: false }).map((f) => f.file));
    return this.engine
      .settingsModules()
      .filter((m) => findings.has(m.file) || this.files.includes(m.file) || this.folders.some((dir) => isUnder(m.file, dir))).length;
  }

  templateCount(): number {
    return this.engine.templateFiles().filter((f) => this.files.includes(f) || this.folders.some((dir) => isUnder(f, dir))).length;
  }

  /**
   * Applies the safe fixes of `findings` once; returns the files written. A file that cannot be
   * replaced safely (see safeWrite) is left as it is and goes to `notWritten`, and is not tried again.
   */
  applySafeFixes(findings: Finding[]): string[] {
    const byFile = safeFixEdits(findings);
    const written: string[] = [];
    for (const [file, edits] of byFile) {
      if (this.notWritten.has(file)) continue;
      const before = this.engine.text(file);
      if (before === undefined) continue;
      const after = applyEdits(before, edits);
      if (after === before) continue;
      if (this.changedWhileChecked.has(file)) {
        this.notWritten.set(file, 'it changed on disk while it was being checked, so it is left unchanged: run the check again');
        continue;
      }
      const bom = this.bom.has(file) ? '\ufeff' : '';
      // The file must still hold the text the fixes were computed from.
      const result = replaceFile(file, bom + before, bom + after);
      if (!result.ok) {
        this.notWritten.set(file, result.reason);
        continue;
      }
      this.readHashes?.set(file, contentHash(bom + after));
      this.engine.setFile(file, after);
      written.push(file);
    }
    return written;
  }
}

/** A finding's identity across edits (its offsets move). */
const findingKey = (f: Finding) => `${f.code}\0${f.file}\0${f.settingsModule}\0${f.message}`;

/** How many findings of `before` are not in `after` (matched by code, file and settings module). */
function gone(before: Finding[], after: Finding[]): number {
  const left = new Map<string, number>();
  for (const f of after) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  let count = 0;
  for (const f of before) {
    const n = left.get(findingKey(f)) ?? 0;
    if (n > 0) left.set(findingKey(f), n - 1);
    else count++;
  }
  return count;
}

/** `--production` values: dotted modules stay as they are; file paths become absolute. */
function productionSetting(value: string): string {
  return value.endsWith('.py') || value.includes('/') || value.includes(path.sep) ? absolute(value) : value;
}

/** Groups the command line's PATHs into projects, one per root. */
function projectsFor(options: Options): CheckedProject[] {
  const groups = new Map<string, { folders: string[]; files: string[] }>();
  for (const p of options.paths) {
    const abs = absolute(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      throw new UsageError(`cannot read ${p}: ${ioReason(error)}`);
    }
    let root: string;
    const group = { folders: [] as string[], files: [] as string[] };
    if (stat.isDirectory()) {
      try {
        fs.readdirSync(abs);
      } catch (error) {
        throw new UsageError(`cannot read ${p}: ${ioReason(error)}`);
      }
      // A folder inside a project (mysite/settings) is checked within that project.
      root = fs.existsSync(`${abs}/manage.py`) ? abs : projectRootFor(abs, abs);
      group.folders.push(abs);
    } else {
      if (!stat.isFile()) throw new UsageError(`cannot read ${p}: not a regular file`);
      const read = readText(abs);
      if ('error' in read) throw new UsageError(`cannot read ${p}: ${read.error}`);
      const dir = posix.dirname(abs);
      // `from .base import *` in settings/production.py needs the package folder inside the root.
      root = projectRootFor(dir, posix.dirname(dir));
      if (abs.endsWith('.py')) group.files.push(abs);
    }
    const existing = groups.get(root) ?? { folders: [], files: [] };
    existing.folders.push(...group.folders);
    existing.files.push(...group.files);
    groups.set(root, existing);
  }
  const projects = [...groups].map(([root, g]) => new CheckedProject(root, [...new Set(g.folders)], [...new Set(g.files)], options));
  for (const value of options.production) {
    const setting = productionSetting(value);
    const found = setting.startsWith('/')
      ? projects.some((p) => p.engine.text(setting) !== undefined && isUnder(setting, p.root))
      : projects.some((p) => p.engine.resolveModuleFile(setting) !== undefined);
    if (!found) throw new UsageError(`--production ${value}: no such settings module in the checked paths`);
  }
  return projects;
}

// ---------------------------------------------------------------------------------------------
// Output

const cwd = () => toPosix(process.cwd());

function display(file: string): string {
  const rel = posix.relative(cwd(), file);
  return rel === '' ? '.' : rel;
}

/**
 * The string, flattened into one of its own. A message is built from parts, some sliced from its
 * file; V8 keeps such a string as a tree over those parts, and a slice keeps its whole file
 * alive. Reading a character flattens the tree in place, so a row does not keep its file.
 */
function ownString(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** Writes a message of the CLI's own on stderr, as one line. */
const say = (message: string) => process.stderr.write(`${terminalLine(`${TOOL}: ${message}`)}\n`);

/** One file's findings as printed: 1-based positions, one per place and code. */
function diagnosticRows(file: string, text: string, findings: Finding[]): Diagnostic[] {
  const index = new LineIndex(text);
  const seen = new Map<string, Set<number>>(); // code → offsets already printed
  const rows: Diagnostic[] = [];
  for (const f of findings) {
    let offsets = seen.get(f.code);
    if (!offsets) seen.set(f.code, (offsets = new Set()));
    if (offsets.has(f.start)) continue;
    offsets.add(f.start);
    const start = index.position(f.start);
    const end = index.position(f.end);
    const d: Diagnostic = {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: f.severity,
      code: f.code,
      message: ownString(f.message),
      settingsModule: f.settingsModule,
      docsUrl: f.docsUrl,
      fixable: f.fixes.some((x) => x.safe),
    };
    if (f.whenUnset?.length) d.whenUnset = f.whenUnset;
    rows.push(d);
  }
  return rows;
}

/** Every row, sorted by file, then position and code. */
function toDiagnostics(projects: CheckedProject[], findingsOf: Map<CheckedProject, Finding[]>, templateRows: Map<string, Diagnostic[]>[] = []): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const rows of templateRows) for (const [file, list] of rows) byFile.set(file, [...(byFile.get(file) ?? []), ...list]);
  for (const project of projects) {
    const findings = new Map<string, Finding[]>();
    for (const f of findingsOf.get(project) ?? []) {
      const list = findings.get(f.file);
      if (list) list.push(f);
      else findings.set(f.file, [f]);
    }
    for (const [file, list] of findings) {
      const shown = display(file);
      const rows = diagnosticRows(shown, project.engine.text(file) ?? '', list);
      byFile.set(shown, [...(byFile.get(shown) ?? []), ...rows]);
    }
  }
  const out: Diagnostic[] = [];
  for (const file of [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rows = byFile.get(file)!;
    rows.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const d of rows) out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

/** `DJANGO_DEPLOY_TIMING=1`: how long each phase of a check took, on stderr. */
const phase = (() => {
  if (!process.env.DJANGO_DEPLOY_TIMING) return (_name: string) => {};
  let last = performance.now();
  return (name: string) => {
    const now = performance.now();
    process.stderr.write(`${TOOL}: ${name} ${(now - last).toFixed(0)} ms\n`);
    last = now;
  };
})();

function check(options: Options): number {
  phase('start-up');
  const projects = projectsFor(options);
  phase('walk');
  // With --fix, findings and their fixes are kept for the passes; otherwise templates stream.
  const findingsOf = new Map<CheckedProject, Finding[]>();
  const templateRows: Map<string, Diagnostic[]>[] = [];
  for (const p of projects) findingsOf.set(p, p.findings({ templates: options.fix }));
  phase(options.fix ? 'analysis' : 'settings analysis');
  if (!options.fix) {
    for (const p of projects) templateRows.push(p.templateRows());
    phase('template analysis (read, analyse, rows)');
  }

  // Files --fix could not write, as printed; their findings stay in the report.
  const notWritten: NotWritten[] = [];
  if (options.fix) {
    let fixed = 0;
    const written = new Set<string>();
    for (const p of projects) {
      const before = findingsOf.get(p) ?? [];
      // Fixes can overlap or enable each other (a slash added, then STATIC_ROOT inserted): a few passes.
      // A fix is tried once per problem, so one that does not remove its finding is not repeated.
      const tried = new Set<string>();
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const todo = p.findings().filter((f) => !tried.has(findingKey(f)) && f.fixes.some((x) => x.safe));
        for (const f of todo) tried.add(findingKey(f));
        const files = p.applySafeFixes(todo);
        if (files.length === 0) break;
        for (const f of files) written.add(f);
      }
      const after = p.findings();
      findingsOf.set(p, after);
      fixed += gone(before, after);
      for (const [file, reason] of p.notWritten) notWritten.push({ file: display(file), reason });
    }
    for (const { file, reason } of notWritten) say(`not fixed ${file}: ${reason}`);
    let message = written.size ? `Fixed ${plural(fixed, 'problem')} in ${plural(written.size, 'file')}` : notWritten.length ? 'No fixes written' : 'No safe fixes to apply';
    if (notWritten.length) message += `; ${plural(notWritten.length, 'file')} left unchanged`;
    process.stderr.write(message + '.\n');
  }

  // A settings module that could not be read is not "no problems": the run fails (exit 2).
  let unreadSettings = 0;
  let unlisted = 0;
  for (const p of projects) {
    for (const [file, { reason, unloadable }] of p.unreadable) {
      // Binary or undecodable: Django cannot load it either, nothing is hidden by skipping it.
      const settings = looksLikeSettingsPath(file) && !unloadable;
      if (settings) unreadSettings++;
      say(`${settings ? 'could not analyse settings module' : 'skipped'} ${display(file)}: ${reason}`);
    }
    // Nothing found where the walk could not see everything: the module may be in what it missed.
    if (p.incomplete.length && p.settingsModuleCount() === 0 && p.files.length === 0) {
      unlisted++;
      say(`no settings module found in the part of ${display(p.root)} that could be listed`);
    }
  }

  const diagnostics = toDiagnostics(projects, findingsOf, templateRows);
  phase('positions');
  const moduleCount = projects.reduce((n, p) => n + p.settingsModuleCount(), 0);
  const templateCount = projects.reduce((n, p) => n + p.templateCount(), 0);
  // No evidence of Django anywhere (engine/project/evidence.ts): said as such, exit 0.
  const notDjango = projects.every((p) => !p.engine.isDjango());
  const output = options.format === 'json' ? formatJson(diagnostics, notWritten) : options.format === 'sarif' ? formatSarif(diagnostics, notWritten, { version: manifest.version, srcRoot: cwd() }) : formatText(diagnostics, moduleCount, templateCount, unreadSettings, unlisted, notDjango);
  phase('format');
  process.stdout.write(output);
  phase('write');
  if (notWritten.length || unreadSettings || unlisted) return 2;
  return diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning') ? 1 : 0;
}

function main(argv: string[]): number {
  try {
    const options = parseArguments(argv);
    if (options === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (options === 'version') {
      process.stdout.write(`${manifest.version}\n`);
      return 0;
    }
    return check(options);
  } catch (error) {
    if (error instanceof UsageError) {
      say(error.message);
      return 2;
    }
    const detail = process.env.DJANGO_DEPLOY_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`${TOOL}: internal error: ${detail ?? String(error)}\n`);
    return 2;
  }
}

// `django-deploy check . | head`: a closed pipe ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
