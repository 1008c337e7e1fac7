// How production really starts the project, read from the files that start it: Dockerfiles
// (last stage, ENTRYPOINT + CMD as Docker combines them, ENV, RUN), compose services, Procfiles,
// systemd units, platform files (fly.toml, render.yaml, app.yaml, railway, nixpacks, app.json,
// Elastic Beanstalk) and build or entry-point scripts. Pure: texts in, launches out.
//
// Every reader is a single pass over lines with indexOf and character tests, bounded by
// LAUNCHER_LIMITS; nothing recurses deeper than LAUNCHER_LIMITS.depth.

import * as posix from 'node:path/posix';
import { LAUNCHED_SERVERS, type Interface, type LaunchedServer } from './servers';

export type LaunchEnvironment = 'production' | 'development' | 'unknown';

export interface LauncherFile {
  path: string;
  text: string;
}

/** Where a command is written: UTF-16 offsets in `file`, its 1-based line, the command as one line. */
export interface CommandPlace {
  file: string;
  start: number;
  end: number;
  line: number;
  label: string;
}

export interface Launch {
  place: CommandPlace;
  /** The development server (`manage.py runserver`, `runserver_plus`). */
  runserver: boolean;
  /** Id in LAUNCHED_SERVERS (`gunicorn`, `gunicorn-uvicorn`, `uvicorn`…); undefined for runserver. */
  server: string | undefined;
  serverName: string | undefined;
  /** WSGI or ASGI; undefined when the command does not say (granian without --interface). */
  interface: Interface | undefined;
  /** What the server loads, as written: `config.wsgi:application`, `config/wsgi.py`. */
  application: string | undefined;
  /** gunicorn's worker class (`-k`), as written. */
  workerClass: string | undefined;
  /** DJANGO_SETTINGS_MODULE or --settings the command runs with. */
  settingsModule: string | undefined;
  environment: LaunchEnvironment;
  /** Why that environment, in words. */
  environmentReason: string;
  /** How it is started: `Dockerfile CMD`, `Procfile web`, `docker-compose.yml service web`. */
  via: string;
}

/** A command that runs `manage.py collectstatic` while deploying or starting. */
export interface CollectstaticRun {
  place: CommandPlace;
  via: string;
  environment: LaunchEnvironment;
}

/** A web server container (nginx, caddy, httpd) in a compose file, with the folders it mounts. */
export interface WebServerService {
  place: CommandPlace;
  image: string;
  environment: LaunchEnvironment;
  /** Volume sources (named volumes or host paths) it shares, with where each is mounted. */
  volumes: { source: string; target: string }[];
  /** The same for every other service of the file, by service name. */
  appVolumes: { service: string; source: string; target: string }[];
}

export interface LauncherScan {
  launches: Launch[];
  collectstatic: CollectstaticRun[];
  webServers: WebServerService[];
}

export interface LauncherContext {
  /** A script or env file the project has, named as a launcher names it (`/entrypoint.sh`, `./start.sh`, `compose/start`), seen from `from`. */
  resolve(ref: string, from: string): LauncherFile | undefined;
  /** The role of a settings module the project knows (undefined: not a settings module it knows). */
  settingsRole(module: string): LaunchEnvironment | undefined;
}

export const LAUNCHER_LIMITS = {
  /** Lines read of one file. */
  lines: 20_000,
  /** Characters of one file read. */
  chars: 1_000_000,
  /** Characters of one command analysed. */
  commandChars: 16_000,
  /** Nesting: YAML blocks, `sh -c` inside scripts inside entry points. */
  depth: 24,
  /** Scripts followed from one launcher file. */
  scripts: 32,
  /** Launches and collectstatic runs kept per file. */
  perFile: 200,
};

/** Whether a file (by path) is one this module reads. */
export function launcherKind(path: string): LauncherKind | undefined {
  const base = posix.basename(path);
  const lower = base.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.') || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (isYaml(lower) && (lower.startsWith('docker-compose') || lower.startsWith('compose') || lower === 'local.yml' || lower === 'production.yml')) return 'compose';
  if (lower === 'procfile' || lower.startsWith('procfile.')) return 'procfile';
  if (lower.endsWith('.service')) return 'systemd';
  if (lower === 'fly.toml' || lower === 'railway.toml' || lower === 'nixpacks.toml') return 'toml';
  if (lower === 'railway.json' || lower === 'app.json') return 'json';
  if (lower === 'render.yaml' || lower === 'render.yml' || lower === 'app.yaml' || lower === 'app.yml') return 'platformYaml';
  if (lower.endsWith('.config') && path.includes('/.ebextensions/')) return 'ebextensions';
  if (path.includes('/.platform/hooks/') || path.includes('/.platform/confighooks/')) return 'script';
  if (lower === 'build.sh' || lower === 'render-build.sh' || lower === 'post_compile' || lower === 'pre_compile') return 'script';
  return undefined;
}

export type LauncherKind = 'dockerfile' | 'compose' | 'procfile' | 'systemd' | 'toml' | 'json' | 'platformYaml' | 'ebextensions' | 'script';

function isYaml(lower: string): boolean {
  return lower.endsWith('.yml') || lower.endsWith('.yaml');
}

// ---------------------------------------------------------------------------------------------
// Development or production, from names

const DEV_WORDS = new Set(['dev', 'develop', 'development', 'local', 'override', 'test', 'tests', 'testing', 'ci', 'debug', 'sandbox']);
const PROD_WORDS = new Set(['prod', 'production', 'live', 'deploy', 'deployment', 'release']);

/**
 * What a file's name and folders say: `docker-compose.dev.yml`, `Dockerfile.local`,
 * `compose/production/django/Dockerfile`, `Procfile.dev`. Undefined when they say nothing.
 */
export function environmentOfPath(path: string): { environment: LaunchEnvironment; reason: string } | undefined {
  const parts = path.split('/').filter(Boolean);
  const base = parts[parts.length - 1] ?? '';
  const words = (s: string) => splitWords(s.toLowerCase());
  for (const w of words(base)) {
    if (DEV_WORDS.has(w)) return { environment: 'development', reason: `${base} is named for development` };
    if (PROD_WORDS.has(w)) return { environment: 'production', reason: `${base} is named for production` };
  }
  // Folders, nearest first (compose/local/django/Dockerfile), a few levels up.
  for (let i = parts.length - 2; i >= 0 && i >= parts.length - 5; i--) {
    const folder = parts[i].toLowerCase();
    if (folder === 'local' || folder === 'dev' || folder === 'development') return { environment: 'development', reason: `${parts.slice(i).join('/')} is in a development folder` };
    if (folder === 'production' || folder === 'prod') return { environment: 'production', reason: `${parts.slice(i).join('/')} is in a production folder` };
  }
  return undefined;
}

/** Words of a name, split at `.`, `-`, `_`. */
function splitWords(s: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const c of s) {
    if (c === '.' || c === '-' || c === '_') {
      if (word) out.push(word);
      word = '';
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

/** The role a settings module name has by itself: `config.settings.local` is development. */
function settingsRoleByName(module: string): LaunchEnvironment | undefined {
  const last = module.split('.').pop()?.toLowerCase() ?? '';
  if (DEV_WORDS.has(last) || last === 'docker_dev' || last === 'local_settings' || last === 'settings_local' || last === 'settings_dev' || last === 'dev_settings' || last === 'test_settings' || last === 'settings_test') return 'development';
  if (PROD_WORDS.has(last) || last === 'staging' || last === 'settings_prod' || last === 'settings_production' || last === 'prod_settings' || last === 'production_settings') return 'production';
  return undefined;
}

interface Context {
  /** The file the command is written in (and how it is started). */
  environment: { environment: LaunchEnvironment; reason: string };
  settingsModule: string | undefined;
  via: string;
}

// ---------------------------------------------------------------------------------------------
// Commands: shell words, wrappers, servers

/** One simple command: its words (quotes removed) and the variables assigned before it. */
interface SimpleCommand {
  words: string[];
  assignments: Map<string, string>;
}

/**
 * The simple commands of a shell command line: split at `&&`, `||`, `;`, `|`, `&`, newlines and
 * parentheses, words unquoted as POSIX sh does (single quotes literal, backslash escapes, double
 * quotes keep `$`). Substitutions stay in their word. Bounded by LAUNCHER_LIMITS.commandChars.
 */
export function simpleCommands(line: string): SimpleCommand[] {
  const s = line.length > LAUNCHER_LIMITS.commandChars ? line.slice(0, LAUNCHER_LIMITS.commandChars) : line;
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) out.push(withAssignments(words));
    words = [];
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? s.length : close;
      word += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1])) {
          if (s[i + 1] !== '\n') word += s[i + 1];
          i += 2;
        } else word += s[i++];
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 < s.length && s[i + 1] !== '\n') {
        word += s[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
    } else if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      endCommand();
      i++;
    } else if (c === '$' && s[i + 1] === '(') {
      // $( … ) stays in its word, to the matching parenthesis.
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      word += s.slice(i, j + 1);
      inWord = true;
      i = j + 1;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return out;
}

function withAssignments(words: string[]): SimpleCommand {
  const assignments = new Map<string, string>();
  let i = 0;
  for (; i < words.length; i++) {
    const eq = words[i].indexOf('=');
    if (eq <= 0 || !isVariableName(words[i].slice(0, eq))) break;
    assignments.set(words[i].slice(0, eq), words[i].slice(eq + 1));
  }
  return { words: words.slice(i), assignments };
}

function isVariableName(s: string): boolean {
  if (!s || (s[0] >= '0' && s[0] <= '9')) return false;
  for (const c of s) if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_')) return false;
  return true;
}

/** Shell keywords and prefixes that run the words after them. */
const PREFIXES = new Set(['exec', 'command', 'nohup', 'time', 'then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', '{', 'builtin', 'eval']);
/** Programs that run the command after their options (`tini --`, `gosu app`, `ddtrace-run`). */
const RUNNERS = new Set(['tini', 'dumb-init', 'ddtrace-run', 'opentelemetry-instrument', 'sentry-run', 'nice', 'ionice', 'chpst', 'setpriv', 'catchsegv', 'xvfb-run']);
/** Tools whose `run` runs the command after it: `poetry run gunicorn`, `uv run`, `newrelic-admin run-program`. */
const RUN_SUBCOMMAND = new Map([['poetry', 'run'], ['pipenv', 'run'], ['pdm', 'run'], ['uv', 'run'], ['hatch', 'run'], ['rye', 'run'], ['doppler', 'run'], ['newrelic-admin', 'run-program'], ['infisical', 'run'], ['op', 'run'], ['aws-vault', 'exec'], ['heroku', 'local']]);

/** What one command does, for deployment. */
type Effect =
  | { kind: 'server'; server: LaunchedServer; interface: Interface | undefined; application: string | undefined; workerClass: string | undefined; settingsModule: string | undefined }
  | { kind: 'runserver'; settingsModule: string | undefined }
  | { kind: 'collectstatic'; settingsModule: string | undefined }
  | { kind: 'script'; ref: string; args: string[]; settingsModule: string | undefined }
  | { kind: 'passArguments' };

/** What a simple command does, after the wrappers, environment and interpreters in front of it. */
function effectOf(command: SimpleCommand, depth: number): Effect[] {
  let words = command.words;
  let settingsModule = command.assignments.get('DJANGO_SETTINGS_MODULE');
  for (let guard = 0; guard < 16 && words.length; guard++) {
    const first = words[0];
    const name = posix.basename(first);
    if (PREFIXES.has(first) || (first.endsWith(')') && !first.includes('('))) {
      words = words.slice(1);
    } else if (name === 'env') {
      let i = 1;
      for (; i < words.length; i++) {
        const w = words[i];
        if (w === '-i' || w === '-' || w === '--ignore-environment') continue;
        if (w === '-u' || w === '--unset') { i++; continue; }
        const eq = w.indexOf('=');
        if (eq > 0 && isVariableName(w.slice(0, eq))) {
          if (w.slice(0, eq) === 'DJANGO_SETTINGS_MODULE') settingsModule = w.slice(eq + 1);
          continue;
        }
        break;
      }
      words = words.slice(i);
    } else if (isVariableAssignment(first)) {
      const eq = first.indexOf('=');
      if (first.slice(0, eq) === 'DJANGO_SETTINGS_MODULE') settingsModule = first.slice(eq + 1);
      words = words.slice(1);
    } else if (['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh'].includes(name)) {
      const c = words.findIndex((w, i) => i > 0 && w.startsWith('-') && !w.startsWith('--') && w.includes('c'));
      if (c > 0 && words[c + 1] !== undefined) {
        if (depth >= LAUNCHER_LIMITS.depth) return [];
        return simpleCommands(words[c + 1]).flatMap((sc) => withSettings(effectOf(sc, depth + 1), settingsModule));
      }
      const script = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
      return script > 0 ? [{ kind: 'script', ref: words[script], args: words.slice(script + 1), settingsModule }] : [];
    } else if (RUNNERS.has(name)) {
      const dashes = words.indexOf('--');
      words = dashes > 0 ? words.slice(dashes + 1) : skipOptions(words.slice(1));
    } else if (name === 'gosu' || name === 'su-exec') {
      words = words.slice(2);
    } else if (name === 'wait-for-it' || name === 'wait-for-it.sh' || name === 'wait-for' || name === 'dockerize' || name === 'doppler' || name === 'infisical' || name === 'op') {
      const dashes = words.indexOf('--');
      if (dashes < 0) {
        if (RUN_SUBCOMMAND.get(name) && words[1] === RUN_SUBCOMMAND.get(name)) {
          words = skipOptions(words.slice(2));
          continue;
        }
        // dockerize -wait tcp://db:5432 gunicorn …: its options take one value each.
        let i = 1;
        while (i < words.length && words[i].startsWith('-')) i += words[i].includes('=') ? 1 : 2;
        words = words.slice(i);
        if (name !== 'dockerize') return [];
      } else words = words.slice(dashes + 1);
    } else if (RUN_SUBCOMMAND.has(name) && words[1] === RUN_SUBCOMMAND.get(name)) {
      words = skipOptions(words.slice(2));
    } else if (isPython(name)) {
      let i = 1;
      while (i < words.length && words[i].startsWith('-') && words[i] !== '-m' && words[i] !== '-c') i += words[i] === '-W' || words[i] === '-X' ? 2 : 1;
      if (words[i] === '-m' && words[i + 1]) {
        const module = words[i + 1];
        if (module === 'django') return manageEffect(words.slice(i + 2), settingsModule);
        const server = LAUNCHED_SERVERS.find((s) => s.modules.includes(module));
        return server ? [serverEffect(server, words.slice(i + 2), settingsModule)] : [];
      }
      if (words[i] === undefined || words[i] === '-c') return [];
      words = words.slice(i);
    } else if (name === 'manage.py' || name === 'django-admin' || name === 'django-admin.py') {
      return manageEffect(words.slice(1), settingsModule);
    } else {
      const server = LAUNCHED_SERVERS.find((s) => s.commands.includes(name));
      if (server) return [serverEffect(server, words.slice(1), settingsModule)];
      if (first === '"$@"' || first === '$@' || first === '"${@}"' || first === '$*') return [{ kind: 'passArguments' }];
      if (first.includes('/') || name.endsWith('.sh')) return [{ kind: 'script', ref: first, args: words.slice(1), settingsModule }];
      return [];
    }
  }
  return [];
}

function withSettings(effects: Effect[], settingsModule: string | undefined): Effect[] {
  if (!settingsModule) return effects;
  return effects.map((e) => ('settingsModule' in e && !e.settingsModule ? { ...e, settingsModule } : e));
}

function isVariableAssignment(word: string): boolean {
  const eq = word.indexOf('=');
  return eq > 0 && isVariableName(word.slice(0, eq));
}

function skipOptions(words: string[]): string[] {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) {
    if (words[i] === '--') return words.slice(i + 1);
    i++;
  }
  return words.slice(i);
}

function isPython(name: string): boolean {
  if (name === 'python' || name === 'python3' || name === 'python2' || name === 'pypy3' || name === 'pypy') return true;
  if (!name.startsWith('python3.')) return false;
  for (const c of name.slice(8)) if (c < '0' || c > '9') return false;
  return name.length > 8;
}

/** `manage.py runserver …`, `collectstatic`, `runmodwsgi`: Django's first argument is the subcommand. */
function manageEffect(args: string[], settingsModule: string | undefined): Effect[] {
  const settings = optionValue(args, '--settings') ?? settingsModule;
  const sub = args[0];
  if (sub === 'runserver' || sub === 'runserver_plus' || sub === 'runsslserver') return [{ kind: 'runserver', settingsModule: settings }];
  if (sub === 'collectstatic') return [{ kind: 'collectstatic', settingsModule: settings }];
  if (sub === 'runmodwsgi') {
    const modWsgi = LAUNCHED_SERVERS.find((s) => s.id === 'mod_wsgi')!;
    return [{ kind: 'server', server: modWsgi, interface: 'wsgi', application: undefined, workerClass: undefined, settingsModule: settings }];
  }
  return [];
}

/** `--name value` or `--name=value` among words. */
function optionValue(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const n of names) {
      if (words[i] === n) return words[i + 1];
      if (words[i].startsWith(n + '=')) return words[i].slice(n.length + 1);
      // Short options glued to their value: -kuvicorn.workers.UvicornWorker.
      if (n.length === 2 && n[0] === '-' && n[1] !== '-' && words[i].startsWith(n) && words[i].length > 2 && words[i][2] !== '-') return words[i].slice(2);
    }
  }
  return undefined;
}

/** A Python import path `pkg.module` or `pkg.module:callable` (callable may end in `()`). */
function looksLikeApplication(word: string): boolean {
  const colon = word.indexOf(':');
  const module = colon < 0 ? word : word.slice(0, colon);
  const callable = colon < 0 ? '' : word.slice(colon + 1).replace(/\(\)$/, '');
  const identifiers = (s: string) => s.split('.').every((p) => p.length > 0 && isVariableName(p));
  if (!identifiers(module)) return false;
  if (colon < 0) return module.includes('.') && /\.(wsgi|asgi)$/.test(module);
  return callable === '' ? false : identifiers(callable);
}

function serverEffect(server: LaunchedServer, args: string[], settingsModule: string | undefined): Effect {
  let application = server.appOptions.length ? optionValue(args, ...server.appOptions) : undefined;
  if (!application) {
    for (let i = 0; i < args.length; i++) {
      const w = args[i];
      if (w === '--') continue;
      if (w.startsWith('-')) {
        if (!w.includes('=') && !server.flags.includes(w) && !(w.length > 2 && w[1] !== '-')) i++;
        continue;
      }
      if (server.subcommands.includes(w)) continue;
      if (looksLikeApplication(w) || (server.pathApplication && w.endsWith('.py'))) {
        application = w;
        break;
      }
    }
  }
  // Options a server reads the environment from: gunicorn -e, uwsgi --env.
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '-e' || args[i] === '--env' ? args[i + 1] : args[i].startsWith('--env=') ? args[i].slice(6) : undefined;
    if (value?.startsWith('DJANGO_SETTINGS_MODULE=')) settingsModule = value.slice('DJANGO_SETTINGS_MODULE='.length);
  }
  let chosen = server;
  let iface = server.interface;
  const workerClass = server.id === 'gunicorn' ? optionValue(args, '-k', '--worker-class') : undefined;
  if (workerClass && /uvicorn/i.test(workerClass)) {
    chosen = LAUNCHED_SERVERS.find((s) => s.id === 'gunicorn-uvicorn') ?? server;
    iface = 'asgi';
  }
  if (server.id === 'granian') {
    const i = optionValue(args, '--interface');
    iface = i === 'asgi' || i === 'asginl' ? 'asgi' : i === 'wsgi' ? 'wsgi' : undefined;
  }
  return { kind: 'server', server: chosen, interface: iface, application, workerClass, settingsModule };
}

// ---------------------------------------------------------------------------------------------
// The scan

class Scan {
  readonly out: LauncherScan = { launches: [], collectstatic: [], webServers: [] };
  private scriptsRead = 0;

  constructor(private readonly context: LauncherContext) {}

  /**
   * Records what a command line does. `passThrough`: the arguments a script's `exec "$@"` runs
   * (CMD after an ENTRYPOINT script). Returns whether it starts a server or runserver.
   */
  command(line: string | string[], place: CommandPlace, ctx: Context, passThrough?: string[], depth = 0): boolean {
    const commands = typeof line === 'string' ? simpleCommands(line) : [withAssignments(line)];
    let started = false;
    for (const sc of commands) {
      for (const effect of effectOf(sc, depth)) started = this.effect(effect, place, ctx, passThrough, depth) || started;
    }
    return started;
  }

  private effect(effect: Effect, place: CommandPlace, ctx: Context, passThrough: string[] | undefined, depth: number): boolean {
    if (effect.kind === 'collectstatic') {
      const env = this.environment(ctx, effect.settingsModule);
      if (this.out.collectstatic.length < LAUNCHER_LIMITS.perFile * 8) this.out.collectstatic.push({ place, via: ctx.via, environment: env.environment });
      return false;
    }
    if (effect.kind === 'passArguments') {
      return passThrough?.length ? this.command(passThrough, place, ctx, undefined, depth + 1) : false;
    }
    if (effect.kind === 'script') {
      const found = depth < 4 && this.scriptsRead < LAUNCHER_LIMITS.scripts ? this.context.resolve(effect.ref, place.file) : undefined;
      if (!found) {
        // An entry point we cannot read: what it is handed still says what runs, most of the time.
        return passThrough?.length ? this.command(passThrough, place, ctx, undefined, depth + 1) : false;
      }
      this.scriptsRead++;
      const scriptCtx = { ...ctx, settingsModule: effect.settingsModule ?? ctx.settingsModule, via: `${ctx.via} → ${posix.basename(found.path)}` };
      return this.script(found, scriptCtx, [...effect.args, ...(passThrough ?? [])], depth + 1);
    }
    const env = this.environment(ctx, effect.settingsModule);
    const launch: Launch = {
      place,
      runserver: effect.kind === 'runserver',
      server: effect.kind === 'server' ? effect.server.id : undefined,
      serverName: effect.kind === 'server' ? effect.server.name : undefined,
      interface: effect.kind === 'server' ? (effect.interface ?? interfaceOfApplication(effect.application)) : undefined,
      application: effect.kind === 'server' ? effect.application : undefined,
      workerClass: effect.kind === 'server' ? effect.workerClass : undefined,
      settingsModule: effect.settingsModule ?? ctx.settingsModule,
      environment: env.environment,
      environmentReason: env.reason,
      via: ctx.via,
    };
    if (this.out.launches.length < LAUNCHER_LIMITS.perFile * 8) this.out.launches.push(launch);
    return true;
  }

  /** A shell script run by a launcher: each line's commands, `exec "$@"` running `args`. */
  script(file: LauncherFile, ctx: Context, args: string[], depth: number): boolean {
    let started = false;
    for (const { text, start, end, line } of logicalLines(file.text, '\\')) {
      const trimmed = text.trim();
      if (!trimmed || trimmed[0] === '#') continue;
      const place = { file: file.path, start, end, line, label: oneLine(trimmed) };
      started = this.command(text, place, ctx, args, depth) || started;
    }
    return started;
  }

  /** Development or production for a command in `ctx` running with `settingsModule`. */
  environment(ctx: Context, settingsModule: string | undefined): { environment: LaunchEnvironment; reason: string } {
    if (ctx.environment.environment !== 'unknown') return ctx.environment;
    const module = settingsModule ?? ctx.settingsModule;
    if (module) {
      const role = this.context.settingsRole(module) ?? settingsRoleByName(module);
      if (role === 'development') return { environment: 'development', reason: `it runs with the development settings ${module}` };
      if (role === 'production') return { environment: 'production', reason: `it runs with the production settings ${module}` };
    }
    return ctx.environment;
  }

  envFileSettings(ref: string, from: string): string | undefined {
    if (this.scriptsRead >= LAUNCHER_LIMITS.scripts) return undefined;
    const found = this.context.resolve(ref, from);
    if (!found) return undefined;
    this.scriptsRead++;
    return envFileValue(found.text, 'DJANGO_SETTINGS_MODULE');
  }
}

function interfaceOfApplication(application: string | undefined): Interface | undefined {
  if (!application) return undefined;
  const module = application.split(':')[0].replace(/\.py$/, '').replace(/\//g, '.');
  if (module.endsWith('.asgi') || module === 'asgi') return 'asgi';
  if (module.endsWith('.wsgi') || module === 'wsgi') return 'wsgi';
  return undefined;
}

/** `NAME=value` in a dotenv file (quotes removed). */
function envFileValue(text: string, name: string): string | undefined {
  for (const { text: line } of logicalLines(text, '')) {
    let t = line.trim();
    if (t.startsWith('export ')) t = t.slice(7).trim();
    if (!t.startsWith(name + '=')) continue;
    return unquote(t.slice(name.length + 1).trim());
  }
  return undefined;
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

function oneLine(s: string): string {
  let out = '';
  let space = false;
  for (const c of s.length > 400 ? s.slice(0, 400) : s) {
    if (c === '\n' || c === '\r' || c === '\t' || c === ' ' || c === '\\') space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return s.length > 400 ? `${out}…` : out;
}

/**
 * Lines joined where they end in `escape` (`\` for shells and Dockerfiles; '' for none), with the
 * offsets of the whole logical line. Bounded by LAUNCHER_LIMITS.lines / chars.
 */
function* logicalLines(source: string, escape: string): Generator<{ text: string; start: number; end: number; line: number }> {
  const text = source.length > LAUNCHER_LIMITS.chars ? source.slice(0, LAUNCHER_LIMITS.chars) : source;
  let pos = 0;
  let number = 1;
  let count = 0;
  while (pos <= text.length && count < LAUNCHER_LIMITS.lines) {
    const startLine = number;
    const start = pos;
    let joined = '';
    let end = pos;
    for (;;) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      let line = text.slice(pos, nl);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      end = pos + line.length;
      pos = nl + 1;
      number++;
      count++;
      if (escape && line.endsWith(escape) && pos <= text.length && count < LAUNCHER_LIMITS.lines) {
        joined += line.slice(0, -escape.length) + ' ';
        continue;
      }
      joined += line;
      break;
    }
    yield { text: joined, start, end, line: startLine };
    if (pos > text.length) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface DockerStage {
  name: string | undefined;
  /** The image or earlier stage it starts from. */
  from: string;
  env: Map<string, string>;
  cmd: DockerCommand | undefined;
  entrypoint: DockerCommand | undefined;
  /** CMD set in this stage (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  runs: { text: string; place: CommandPlace }[];
  /** Stages whose files COPY --from brings in. */
  copiesFrom: string[];
  /** COPY destinations → sources (relative to the build context). */
  copies: { sources: string[]; dest: string }[];
}

interface DockerCommand {
  /** Exec form: the argv; shell form: undefined. */
  exec: string[] | undefined;
  shell: string;
  place: CommandPlace;
}

/**
 * Docker's semantics (docs.docker.com/reference/dockerfile): a line ending in the escape
 * character (`\`, or the `# escape=` directive's) continues; comment lines inside an instruction
 * are dropped. Only the last stage is the image; it inherits ENV, CMD and ENTRYPOINT from the
 * stage it is built `FROM`. The last CMD wins. An exec-form ENTRYPOINT receives CMD as arguments
 * (CMD in shell form becomes `/bin/sh -c "…"`); a shell-form ENTRYPOINT ignores CMD. Setting
 * ENTRYPOINT clears a CMD inherited from the base image (not one set earlier in the same stage).
 * Exec form is a JSON array of strings; anything else is shell form.
 */
export function dockerStages(file: LauncherFile): DockerStage[] {
  const stages: DockerStage[] = [];
  let escape = '\\';
  // Parser directives come first: `# escape=`` ` (Windows images).
  for (const { text } of logicalLines(file.text.slice(0, 2000), '')) {
    const t = text.trim();
    if (!t.startsWith('#')) break;
    const body = t.slice(1).trim().toLowerCase();
    if (body.startsWith('escape') && body.includes('=')) {
      const value = body.slice(body.indexOf('=') + 1).trim();
      if (value === '`' || value === '\\') escape = value;
    }
  }
  let current: DockerStage | undefined;
  for (const { text, start, end, line } of dockerInstructions(file.text, escape)) {
    const t = text.trim();
    const space = firstSpace(t);
    const keyword = (space < 0 ? t : t.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : t.slice(space + 1).trim();
    const place: CommandPlace = { file: file.path, start, end, line, label: oneLine(t) };
    if (keyword === 'FROM') {
      const words = rest.split(/[ \t]+/).filter((w) => !w.startsWith('--'));
      const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
      const parent = stages.find((s) => s.name !== undefined && s.name === words[0]?.toLowerCase());
      current = {
        name: asAt > 0 ? words[asAt + 1]?.toLowerCase() : undefined,
        from: words[0]?.toLowerCase() ?? '',
        env: new Map(parent?.env ?? []),
        cmd: parent?.cmd,
        entrypoint: parent?.entrypoint,
        cmdSet: false,
        runs: [],
        copiesFrom: parent?.name ? [parent.name] : [],
        copies: [...(parent?.copies ?? [])],
      };
      stages.push(current);
      continue;
    }
    if (!current) continue;
    if (keyword === 'ENV') for (const [k, v] of dockerEnv(rest)) current.env.set(k, v);
    else if (keyword === 'CMD') {
      current.cmd = dockerCommand(rest, place);
      current.cmdSet = true;
    } else if (keyword === 'ENTRYPOINT') {
      current.entrypoint = dockerCommand(rest, place);
      if (!current.cmdSet) current.cmd = undefined;
    } else if (keyword === 'RUN') {
      const command = dockerCommand(dropRunOptions(rest), place);
      current.runs.push({ text: command.exec ? command.exec.join(' ') : command.shell, place });
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const words = (jsonArray(rest) ?? rest.split(/[ \t]+/)).filter(Boolean);
      const from = words.find((w) => w.startsWith('--from='));
      if (from) current.copiesFrom.push(from.slice(7).toLowerCase());
      const paths = words.filter((w) => !w.startsWith('--'));
      if (!from && paths.length >= 2) current.copies.push({ sources: paths.slice(0, -1), dest: paths[paths.length - 1] });
    }
  }
  return stages;
}

function trimEndBlanks(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}

function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (s[i] === ' ' || s[i] === '\t') return i;
  return -1;
}

/** Instructions: continued lines joined, comment lines inside them dropped, heredocs skipped. */
function* dockerInstructions(source: string, escape: string): Generator<{ text: string; start: number; end: number; line: number }> {
  const lines = [...logicalLines(source, '')];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    const t = first.text.trim();
    if (!t || t.startsWith('#')) {
      i++;
      continue;
    }
    let joined = '';
    let end = first.end;
    let text = first.text;
    for (;;) {
      const trimmedEnd = trimEndBlanks(text);
      if (trimmedEnd.endsWith(escape) && i + 1 < lines.length) {
        joined += trimmedEnd.slice(0, -escape.length) + ' ';
        i++;
        // Comment and empty lines inside a continued instruction are dropped.
        while (i < lines.length && (lines[i].text.trim().startsWith('#') || !lines[i].text.trim()) && i + 1 < lines.length) i++;
        text = lines[i].text;
        end = lines[i].end;
        continue;
      }
      joined += text;
      break;
    }
    i++;
    // RUN <<EOF … EOF: the heredoc body is part of the instruction.
    const heredoc = heredocMarker(joined);
    if (heredoc) {
      const body: string[] = [];
      while (i < lines.length && lines[i].text.trim() !== heredoc) body.push(lines[i++].text);
      if (i < lines.length) end = lines[i].end;
      i++;
      joined = `${joined.slice(0, joined.indexOf('<<'))}\n${body.join('\n')}`;
    }
    yield { text: joined, start: first.start, end, line: first.line };
  }
}

function heredocMarker(instruction: string): string | undefined {
  const at = instruction.indexOf('<<');
  if (at < 0) return undefined;
  let word = instruction.slice(at + 2).trim();
  if (word.startsWith('-')) word = word.slice(1);
  word = unquote(word.split(/[ \t]/)[0] ?? '');
  return isVariableName(word) ? word : undefined;
}

function dropRunOptions(rest: string): string {
  let r = rest;
  while (r.startsWith('--')) {
    const space = firstSpace(r);
    r = space < 0 ? '' : r.slice(space + 1).trimStart();
  }
  return r;
}

function dockerCommand(rest: string, place: CommandPlace): DockerCommand {
  const exec = jsonArray(rest);
  return { exec, shell: exec ? '' : rest, place };
}

/** A JSON array of strings (Docker's exec form), or undefined. */
function jsonArray(s: string): string[] | undefined {
  const t = s.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** `ENV A=1 B="two words"` or the legacy `ENV A value with spaces`. */
function dockerEnv(rest: string): [string, string][] {
  const space = firstSpace(rest);
  const firstWord = space < 0 ? rest : rest.slice(0, space);
  if (!firstWord.includes('=')) return space < 0 ? [] : [[firstWord, unquote(rest.slice(space + 1).trim())]];
  const out: [string, string][] = [];
  for (const sc of simpleCommands(rest)) {
    for (const [k, v] of sc.assignments) out.push([k, v]);
    for (const w of sc.words) if (isVariableAssignment(w)) out.push([w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
  }
  return out;
}

/** The stages the image needs: the last one, the stages it is built from and copies from. */
function finalStages(stages: DockerStage[]): DockerStage[] {
  const last = stages[stages.length - 1];
  if (!last) return [];
  const out = new Set<DockerStage>([last]);
  const queue = [last];
  for (let guard = 0; queue.length && guard < 256; guard++) {
    const s = queue.shift()!;
    for (const name of [s.from, ...s.copiesFrom]) {
      const byName = stages.find((x) => x.name === name) ?? (/^\d+$/.test(name) ? stages[Number(name)] : undefined);
      if (byName && !out.has(byName)) {
        out.add(byName);
        queue.push(byName);
      }
    }
  }
  return stages.filter((s) => out.has(s));
}

function readDockerfile(scan: Scan, file: LauncherFile, fileEnv: Context['environment'], context: LauncherContext): void {
  const stages = dockerStages(file);
  const image = stages[stages.length - 1];
  if (!image) return;
  const settingsModule = image.env.get('DJANGO_SETTINGS_MODULE');
  const ctx: Context = { environment: fileEnv, settingsModule, via: `${posix.basename(file.path)} RUN` };
  for (const stage of finalStages(stages)) for (const run of stage.runs) scan.command(run.text, run.place, { ...ctx, settingsModule: stage.env.get('DJANGO_SETTINGS_MODULE') ?? settingsModule });
  // Scripts copied into the image: `COPY ./compose/production/django/start /start`.
  const copied = (ref: string): LauncherFile | undefined => {
    for (const c of image.copies) {
      for (const source of c.sources) {
        const target = c.dest.endsWith('/') ? posix.join(c.dest, posix.basename(source)) : c.dest;
        if (target === ref || posix.normalize(target) === posix.normalize(ref)) return context.resolve(source, file.path);
      }
    }
    return undefined;
  };
  const resolving: LauncherContext = { ...context, resolve: (ref, from) => (from === file.path ? copied(ref) : undefined) ?? context.resolve(ref, from) };
  const inner = new Scan(resolving);
  const { entrypoint, cmd } = image;
  const cmdWords = cmd ? (cmd.exec ?? ['/bin/sh', '-c', cmd.shell]) : [];
  if (entrypoint) {
    const runCtx = { ...ctx, via: `${posix.basename(file.path)} ENTRYPOINT` };
    if (entrypoint.exec) {
      const cmdCtx = { ...ctx, via: `${posix.basename(file.path)} CMD` };
      // The entry point's argv, then CMD's. A script that ends in `exec "$@"` runs CMD.
      const ran = inner.command(entrypoint.exec, entrypoint.place, runCtx, cmdWords);
      if (!ran && cmd && entrypoint.exec.length && !isScript(entrypoint.exec)) inner.command(cmdWords, cmd.place, cmdCtx);
    } else inner.command(entrypoint.shell, entrypoint.place, runCtx);
  } else if (cmd) {
    const cmdCtx = { ...ctx, via: `${posix.basename(file.path)} CMD` };
    if (cmd.exec) inner.command(cmd.exec, cmd.place, cmdCtx);
    else inner.command(cmd.shell, cmd.place, cmdCtx);
  }
  scan.out.launches.push(...inner.out.launches);
  scan.out.collectstatic.push(...inner.out.collectstatic);
}

function isScript(argv: string[]): boolean {
  const first = argv[0] ?? '';
  return first.includes('/') || first.endsWith('.sh');
}

// ---------------------------------------------------------------------------------------------
// A small YAML reader: block maps and sequences by indentation, plain / quoted / block scalars,
// one-line flow sequences, anchors, aliases and `<<` merges. Enough for compose and platform files.

export type YamlNode =
  | { kind: 'map'; entries: YamlEntry[] }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'scalar'; value: string; start: number; end: number; line: number };

export interface YamlEntry {
  key: string;
  value: YamlNode;
  keyStart: number;
  line: number;
}

interface YamlLine {
  indent: number;
  /** The content after the indentation (comments not stripped yet). */
  content: string;
  /** Offset of `content` in the text. */
  start: number;
  line: number;
  blank: boolean;
}

const EMPTY = (start: number, line: number): YamlNode => ({ kind: 'scalar', value: '', start, end: start, line });

/** Reads a YAML document into nodes; never throws, stops at LAUNCHER_LIMITS. */
export function readYaml(source: string): YamlNode {
  const lines: YamlLine[] = [];
  let started = false;
  for (const { text, start, line } of logicalLines(source, '')) {
    let indent = 0;
    while (indent < text.length && text[indent] === ' ') indent++;
    const t = text.trim();
    // The first document only (compose and platform files have one).
    if (t === '---' || t === '...' || t.startsWith('%')) {
      if (started) break;
      continue;
    }
    const blank = t === '' || t.startsWith('#');
    started ||= !blank;
    lines.push({ indent, content: text.slice(indent), start: start + indent, line, blank });
  }
  const reader = new YamlReader(lines);
  return reader.node(-1, 0);
}

class YamlReader {
  i = 0;
  anchors = new Map<string, YamlNode>();
  constructor(private readonly lines: YamlLine[]) {}

  private skipBlank(): YamlLine | undefined {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
    return this.lines[this.i];
  }

  /** The block node starting at the next line indented more than `parent`. */
  node(parent: number, depth: number): YamlNode {
    const l = this.skipBlank();
    if (!l || l.indent <= parent) return EMPTY(l?.start ?? 0, l?.line ?? 0);
    if (depth > LAUNCHER_LIMITS.depth) return this.skipBlock(parent);
    if (isSeqItem(l.content)) return this.seq(l.indent, depth);
    if (splitKey(l.content)) return this.map(l.indent, depth);
    // A plain multi-line scalar.
    const parts: string[] = [];
    const start = l.start;
    let end = l.start;
    while (this.i < this.lines.length && (this.lines[this.i].blank || this.lines[this.i].indent > parent)) {
      const x = this.lines[this.i++];
      if (x.blank) continue;
      parts.push(stripComment(x.content).trim());
      end = x.start + x.content.length;
    }
    return { kind: 'scalar', value: parts.join(' '), start, end, line: l.line };
  }

  private skipBlock(parent: number): YamlNode {
    const l = this.lines[this.i];
    while (this.i < this.lines.length && (this.lines[this.i].blank || this.lines[this.i].indent > parent)) this.i++;
    return EMPTY(l.start, l.line);
  }

  private map(indent: number, depth: number): YamlNode {
    const entries: YamlEntry[] = [];
    const merges: YamlNode[] = [];
    for (let l = this.skipBlank(); l && l.indent === indent; l = this.skipBlank()) {
      const kv = splitKey(l.content);
      if (!kv || isSeqItem(l.content)) break;
      this.i++;
      const value = this.value(l, kv.valueOffset, indent, depth);
      if (kv.key === '<<') merges.push(...(value.kind === 'seq' ? value.items : [value]));
      else entries.push({ key: kv.key, value, keyStart: l.start, line: l.line });
    }
    // `<<: *base`: the anchored map's keys, where this map does not set them.
    const own = new Set(entries.map((e) => e.key));
    for (const m of merges) {
      if (m.kind !== 'map') continue;
      for (const e of m.entries) {
        if (own.has(e.key)) continue;
        own.add(e.key);
        entries.push(e);
      }
    }
    return { kind: 'map', entries };
  }

  private seq(indent: number, depth: number): YamlNode {
    const items: YamlNode[] = [];
    for (let l = this.skipBlank(); l && l.indent === indent && isSeqItem(l.content); l = this.skipBlank()) {
      let offset = 1;
      while (offset < l.content.length && (l.content[offset] === ' ' || l.content[offset] === '\t')) offset++;
      const rest = l.content.slice(offset);
      if (!rest.trim() || rest.trim().startsWith('#')) {
        this.i++;
        items.push(this.node(indent, depth + 1));
      } else if (splitKey(rest) || isSeqItem(rest)) {
        // `- key: value` opens a map whose keys line up with `key`.
        this.lines[this.i] = { ...l, indent: l.indent + offset, content: rest, start: l.start + offset };
        items.push(isSeqItem(rest) ? this.seq(l.indent + offset, depth + 1) : this.map(l.indent + offset, depth + 1));
      } else {
        this.i++;
        items.push(this.value(l, offset, indent, depth));
      }
    }
    return { kind: 'seq', items };
  }

  /** The value after a key or a dash on line `l`, from `offset` in its content. */
  private value(l: YamlLine, offset: number, indent: number, depth: number): YamlNode {
    let text = l.content.slice(offset);
    let at = l.start + offset;
    const skipSpaces = () => {
      let k = 0;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      text = text.slice(k);
      at += k;
    };
    skipSpaces();
    let anchor: string | undefined;
    for (let guard = 0; guard < 4 && (text.startsWith('&') || text.startsWith('!')); guard++) {
      const space = firstSpace(text);
      const word = space < 0 ? text : text.slice(0, space);
      if (word[0] === '&') anchor = word.slice(1);
      text = space < 0 ? '' : text.slice(space);
      at += word.length;
      skipSpaces();
    }
    let node: YamlNode;
    if (text === '' || text.startsWith('#')) {
      const next = this.skipBlank();
      if (next && next.indent === indent && isSeqItem(next.content)) node = this.seq(indent, depth + 1);
      else node = this.node(indent, depth + 1);
    } else if (text[0] === '*') {
      const name = stripComment(text.slice(1)).trim();
      node = this.anchors.get(name) ?? EMPTY(at, l.line);
    } else if (text[0] === '|' || text[0] === '>') {
      node = this.blockScalar(text[0] === '>', indent, at, l.line);
    } else if (text[0] === '[') {
      node = this.flowSeq(text, at, l.line);
    } else if (text[0] === '"' || text[0] === "'") {
      const q = quoted(text);
      node = { kind: 'scalar', value: q.value, start: at, end: at + q.length, line: l.line };
    } else {
      let value = stripComment(text).trimEnd();
      let end = at + value.length;
      // A plain scalar may go on over more indented lines.
      while (this.i < this.lines.length && !this.lines[this.i].blank && this.lines[this.i].indent > indent && !splitKey(this.lines[this.i].content) && !isSeqItem(this.lines[this.i].content)) {
        const x = this.lines[this.i++];
        value += ' ' + stripComment(x.content).trim();
        end = x.start + x.content.length;
      }
      node = { kind: 'scalar', value, start: at, end, line: l.line };
    }
    if (anchor) this.anchors.set(anchor, node);
    return node;
  }

  private blockScalar(folded: boolean, indent: number, at: number, line: number): YamlNode {
    const parts: string[] = [];
    let inner = -1;
    let end = at;
    while (this.i < this.lines.length) {
      const x = this.lines[this.i];
      const empty = x.content.trim() === '';
      if (!empty && x.indent <= indent) break;
      this.i++;
      if (empty) {
        parts.push('');
        continue;
      }
      if (inner < 0) inner = x.indent;
      parts.push(' '.repeat(Math.max(0, x.indent - inner)) + x.content);
      end = x.start + x.content.length;
    }
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    // Folded: lines become spaces (enough for commands); literal: newlines stay.
    return { kind: 'scalar', value: parts.join(folded ? ' ' : '\n'), start: at, end, line };
  }

  /** `[a, "b c", 'd']`, over several lines when the bracket stays open. */
  private flowSeq(first: string, at: number, line: number): YamlNode {
    let text = first;
    let end = at + first.length;
    for (let guard = 0; guard < 200 && !flowClosed(text) && this.i < this.lines.length; guard++) {
      const x = this.lines[this.i++];
      text += ' ' + x.content;
      end = x.start + x.content.length;
    }
    const items: YamlNode[] = [];
    let i = 1;
    let depth = 0;
    let item = '';
    let itemStart = at + 1;
    const push = () => {
      const t = item.trim();
      const lead = item.length - item.trimStart().length;
      if (t) items.push({ kind: 'scalar', value: t[0] === '"' || t[0] === "'" ? quoted(t).value : t, start: itemStart + lead, end: itemStart + lead + t.length, line });
      item = '';
    };
    while (i < text.length) {
      const c = text[i];
      if ((c === '"' || c === "'") && item.trim() === '') {
        const q = quoted(text.slice(i));
        item += text.slice(i, i + q.length);
        i += q.length;
        continue;
      }
      if (c === '[' || c === '{') depth++;
      if ((c === ']' || c === '}') && depth-- === 0) break;
      if (c === ',' && depth === 0) {
        push();
        itemStart = at + i + 1;
      } else item += c;
      i++;
    }
    push();
    return { kind: 'seq', items };
  }
}

function flowClosed(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

function isSeqItem(content: string): boolean {
  return content === '-' || content.startsWith('- ') || content.startsWith('-\t');
}

/** `key: value` (plain or quoted key): the key and where its value starts. */
function splitKey(content: string): { key: string; valueOffset: number } | undefined {
  if (!content || '-[{&*!|>#%@`'.includes(content[0]) && !(content[0] === '-' && content[1] !== ' ' && content[1] !== '\t' && content.length > 1)) {
    if (content[0] !== '<') return undefined;
  }
  if (content[0] === '"' || content[0] === "'") {
    const q = quoted(content);
    let k = q.length;
    while (content[k] === ' ') k++;
    if (content[k] !== ':' || (content[k + 1] !== undefined && content[k + 1] !== ' ' && content[k + 1] !== '\t')) return undefined;
    return { key: q.value, valueOffset: k + 1 };
  }
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '#' && i > 0 && (content[i - 1] === ' ' || content[i - 1] === '\t')) return undefined;
    if (c === ':' && (i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) {
      const key = content.slice(0, i).trim();
      return key ? { key, valueOffset: i + 1 } : undefined;
    }
  }
  return undefined;
}

/** A quoted scalar at the start of `s`: its value and how many characters it takes. */
function quoted(s: string): { value: string; length: number } {
  const q = s[0];
  let value = '';
  let i = 1;
  while (i < s.length) {
    const c = s[i];
    if (q === "'" && c === "'") {
      if (s[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, length: i + 1 };
    }
    if (q === '"' && c === '\\' && i + 1 < s.length) {
      const e = s[i + 1];
      value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      i += 2;
      continue;
    }
    if (q === '"' && c === '"') return { value, length: i + 1 };
    value += c;
    i++;
  }
  return { value, length: s.length };
}

/** A plain scalar's text without its comment (` #` starts one). */
function stripComment(s: string): string {
  for (let i = 0; i < s.length; i++) if (s[i] === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  return s;
}

export function yamlGet(node: YamlNode | undefined, key: string): YamlNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value;
  return undefined;
}

function yamlString(node: YamlNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== '' && node.value !== 'null' && node.value !== '~' ? node.value : undefined;
}

/** A command as compose and platform files write it: a string (shell words) or a list (argv). */
function yamlCommand(node: YamlNode | undefined): { line: string | string[]; start: number; end: number; lineNo: number } | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value && node.value !== 'null' ? { line: node.value, start: node.start, end: node.end, lineNo: node.line } : undefined;
  if (node.kind === 'seq') {
    const words = node.items.flatMap((i) => (i.kind === 'scalar' ? [i.value] : []));
    const first = node.items[0];
    const last = node.items[node.items.length - 1];
    if (!words.length || first?.kind !== 'scalar' || last?.kind !== 'scalar') return undefined;
    return { line: words, start: first.start, end: last.end, lineNo: first.line };
  }
  return undefined;
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`). */
function yamlEnvironment(node: YamlNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (node?.kind === 'map') for (const e of node.entries) out.set(e.key, e.value.kind === 'scalar' ? e.value.value : '');
  if (node?.kind === 'seq') {
    for (const i of node.items) {
      if (i.kind !== 'scalar') continue;
      const eq = i.value.indexOf('=');
      if (eq > 0) out.set(i.value.slice(0, eq), unquote(i.value.slice(eq + 1)));
    }
  }
  return out;
}

function yamlStrings(node: YamlNode | undefined): string[] {
  if (node?.kind === 'scalar') return node.value ? [node.value] : [];
  if (node?.kind === 'seq') return node.items.flatMap((i) => (i.kind === 'scalar' ? [i.value] : i.kind === 'map' ? [yamlString(yamlGet(i, 'path')) ?? ''].filter(Boolean) : []));
  return [];
}

function placeOf(file: string, text: string, c: { start: number; end: number; lineNo: number }): CommandPlace {
  const start = Math.max(0, Math.min(c.start, text.length));
  const end = Math.max(start, Math.min(c.end, text.length));
  return { file, start, end, line: c.lineNo, label: oneLine(text.slice(start, end)) };
}

const TRUTHY = new Set(['1', 'true', 'yes', 'on', 'True', 'TRUE', 'Yes', 'YES']);
const WEB_SERVER_IMAGES = ['nginx', 'caddy', 'httpd', 'openresty', 'traefik'];

// ---------------------------------------------------------------------------------------------
// Compose

function readCompose(scan: Scan, file: LauncherFile, fileEnv: Context['environment'], dockerfiles: Map<string, LaunchEnvironment[]>): void {
  const root = readYaml(file.text);
  const services = yamlGet(root, 'services');
  if (services?.kind !== 'map') return;
  const volumesOf = (service: YamlNode) =>
    yamlStrings(yamlGet(service, 'volumes')).flatMap((v) => {
      const [source, target] = v.split(':');
      return source && target ? [{ source, target }] : [];
    });
  const allVolumes = services.entries.flatMap((s) => volumesOf(s.value).map((v) => ({ service: s.key, ...v })));
  for (const s of services.entries.slice(0, LAUNCHER_LIMITS.perFile)) {
    const service = s.value;
    if (service.kind !== 'map') continue;
    const env = yamlEnvironment(yamlGet(service, 'environment'));
    let settingsModule = env.get('DJANGO_SETTINGS_MODULE') || undefined;
    const envFiles = yamlStrings(yamlGet(service, 'env_file'));
    for (const f of envFiles) settingsModule ??= scan.envFileSettings(f, file.path);
    let environment = fileEnv;
    if (environment.environment === 'unknown') {
      const fromEnvFile = envFiles.map((f) => environmentOfPath(f)).find((e) => e !== undefined);
      if (fromEnvFile) environment = { environment: fromEnvFile.environment, reason: `service ${s.key} reads ${fromEnvFile.reason.split(' ')[0]}` };
      else if (TRUTHY.has(env.get('DEBUG') ?? env.get('DJANGO_DEBUG') ?? '')) environment = { environment: 'development', reason: `service ${s.key} sets DEBUG` };
    }
    const ctx: Context = { environment, settingsModule, via: `${posix.basename(file.path)} service ${s.key}` };
    const command = yamlCommand(yamlGet(service, 'command'));
    const entrypoint = yamlCommand(yamlGet(service, 'entrypoint'));
    const image = yamlString(yamlGet(service, 'image'));
    const build = yamlGet(service, 'build');
    if (image && WEB_SERVER_IMAGES.some((w) => image === w || image.startsWith(`${w}:`) || image.startsWith(`${w}@`) || image.endsWith(`/${w}`) || image.includes(`/${w}:`))) {
      scan.out.webServers.push({ place: placeOf(file.path, file.text, { start: s.keyStart, end: s.keyStart + s.key.length, lineNo: s.line }), image, environment: environment.environment, volumes: volumesOf(service), appVolumes: allVolumes.filter((v) => v.service !== s.key) });
    }
    if (entrypoint) {
      const rest = command ? (typeof command.line === 'string' ? simpleCommands(command.line).flatMap((c) => [...[...c.assignments].map(([k, v]) => `${k}=${v}`), ...c.words]) : command.line) : [];
      const ran = scan.command(entrypoint.line, placeOf(file.path, file.text, entrypoint), { ...ctx, via: `${ctx.via} entrypoint` }, rest);
      if (!ran && command) scan.command(command.line, placeOf(file.path, file.text, command), ctx);
    } else if (command) scan.command(command.line, placeOf(file.path, file.text, command), ctx);
    // The image built here runs its own CMD: the service lends it its environment.
    if (build && !command) {
      const context = build.kind === 'scalar' ? build.value : yamlString(yamlGet(build, 'context')) ?? '.';
      const dockerfile = build.kind === 'map' ? yamlString(yamlGet(build, 'dockerfile')) ?? 'Dockerfile' : 'Dockerfile';
      const path = posix.normalize(posix.join(posix.dirname(file.path), context, dockerfile));
      const list = dockerfiles.get(path) ?? [];
      list.push(scan.environment(ctx, settingsModule).environment);
      dockerfiles.set(path, list);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Procfile, systemd, TOML, JSON, platform YAML, Elastic Beanstalk

function readProcfile(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  for (const { text, start, end, line } of logicalLines(file.text, '')) {
    const t = text.trim();
    if (!t || t.startsWith('#')) continue;
    const colon = t.indexOf(':');
    if (colon <= 0) continue;
    const process = t.slice(0, colon).trim();
    const command = t.slice(colon + 1).trim();
    const place = { file: file.path, start: start + text.indexOf(t[0]), end, line, label: oneLine(t) };
    const ctx: Context = { environment: fileEnv, settingsModule: undefined, via: `${posix.basename(file.path)} ${process}` };
    // web is the server; release runs on each deploy; workers and clocks start no web server.
    if (process === 'web' || process === 'release') scan.command(command, place, ctx);
  }
}

function readSystemd(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  let section = '';
  const env = new Map<string, string>();
  const commands: { key: string; value: string; place: CommandPlace }[] = [];
  for (const { text, start, end, line } of logicalLines(file.text, '\\')) {
    const t = text.trim();
    if (!t || t[0] === '#' || t[0] === ';') continue;
    if (t[0] === '[') {
      section = t.slice(1, t.indexOf(']') < 0 ? t.length : t.indexOf(']'));
      continue;
    }
    if (section !== 'Service') continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    if (key === 'Environment') {
      // Environment="A=1" "B=two words" or Environment=A=1 B=2.
      for (const sc of simpleCommands(value)) {
        for (const [k, v] of sc.assignments) env.set(k, v);
        for (const w of sc.words) if (isVariableAssignment(w)) env.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
      }
    } else if (key === 'EnvironmentFile') {
      const settings = scan.envFileSettings(value.replace(/^-/, ''), file.path);
      if (settings && !env.has('DJANGO_SETTINGS_MODULE')) env.set('DJANGO_SETTINGS_MODULE', settings);
    } else if (key === 'ExecStart' || key === 'ExecStartPre' || key === 'ExecStartPost') {
      // Prefixes: - (failure ignored), @ (argv0), : + ! (privileges, no substitution).
      let v = value;
      while (v && '-@:+!'.includes(v[0])) v = v.slice(1);
      commands.push({ key, value: v, place: { file: file.path, start, end, line, label: oneLine(t) } });
    }
  }
  for (const c of commands) scan.command(c.value, c.place, { environment: fileEnv, settingsModule: env.get('DJANGO_SETTINGS_MODULE'), via: `${posix.basename(file.path)} ${c.key}` });
}

/** `key = "value"` / `key = ['a', "b"]` of a TOML file, with its table. */
function tomlValues(text: string): { table: string; key: string; value: string | string[]; start: number; end: number; line: number }[] {
  const out: { table: string; key: string; value: string | string[]; start: number; end: number; line: number }[] = [];
  let table = '';
  const lines = [...logicalLines(text, '')];
  for (let i = 0; i < lines.length; i++) {
    const { text: raw, start, end, line } = lines[i];
    const t = raw.trim();
    if (!t || t[0] === '#') continue;
    if (t[0] === '[') {
      let from = 0;
      while (t[from] === '[') from++;
      const close = t.indexOf(']', from);
      table = t.slice(from, close < 0 ? t.length : close).trim();
      continue;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = unquote(t.slice(0, eq).trim());
    let value = t.slice(eq + 1).trim();
    let valueEnd = end;
    if (value.startsWith('[')) {
      for (let guard = 0; guard < 200 && !flowClosed(value) && i + 1 < lines.length; guard++) {
        i++;
        value += ' ' + lines[i].text.trim();
        valueEnd = lines[i].end;
      }
      const items: string[] = [];
      for (let k = 1; k < value.length; k++) {
        const c = value[k];
        if (c === '"' || c === "'") {
          const q = quoted(value.slice(k));
          items.push(q.value);
          k += q.length - 1;
        } else if (c === ']') break;
      }
      out.push({ table, key, value: items, start, end: valueEnd, line });
    } else if (value[0] === '"' || value[0] === "'") {
      out.push({ table, key, value: quoted(value).value, start, end, line });
    }
  }
  return out;
}

function readToml(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const base = posix.basename(file.path).toLowerCase();
  const values = tomlValues(file.text);
  const settingsModule = values.find((v) => v.key === 'DJANGO_SETTINGS_MODULE' && typeof v.value === 'string')?.value as string | undefined;
  for (const v of values) {
    const place = { file: file.path, start: v.start, end: v.end, line: v.line, label: oneLine(file.text.slice(v.start, v.end)) };
    const ctx: Context = { environment: fileEnv, settingsModule, via: `${base} ${v.table ? `[${v.table}] ` : ''}${v.key}` };
    const run = (line: string | string[]) => scan.command(line, place, ctx);
    if (base === 'fly.toml') {
      if ((v.table === 'processes' && (v.key === 'app' || v.key === 'web')) || (v.table === 'deploy' && v.key === 'release_command') || (v.table === 'experimental' && (v.key === 'cmd' || v.key === 'entrypoint'))) run(v.value);
    } else if (base === 'railway.toml') {
      if (v.key === 'startCommand' || v.key === 'buildCommand' || v.key === 'preDeployCommand') run(v.value);
    } else if (base === 'nixpacks.toml') {
      if ((v.table === 'start' && v.key === 'cmd') || (v.table.startsWith('phases.') && v.key === 'cmds')) {
        for (const line of typeof v.value === 'string' ? [v.value] : v.value) run(line);
      }
    }
  }
}

function readJson(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  let data: unknown;
  try {
    data = JSON.parse(file.text.length > LAUNCHER_LIMITS.chars ? '' : file.text);
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const base = posix.basename(file.path).toLowerCase();
  const object = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const entries: [string, unknown][] = [];
  const top = object(data)!;
  if (base === 'railway.json') {
    const deploy = object(top.deploy);
    const build = object(top.build);
    entries.push(['startCommand', deploy?.startCommand], ['preDeployCommand', deploy?.preDeployCommand], ['buildCommand', build?.buildCommand]);
  } else {
    // Heroku's app.json: scripts run around deploys (postdeploy, pr-predestroy…).
    for (const [k, v] of Object.entries(object(top.scripts) ?? {}).slice(0, 32)) entries.push([`scripts.${k}`, object(v)?.command ?? v]);
  }
  for (const [key, value] of entries) {
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((x) => typeof x === 'string'))) continue;
    const needle = JSON.stringify(typeof value === 'string' ? value : value[0]);
    let at = file.text.indexOf(needle);
    if (at < 0) at = 0;
    const end = at < 0 ? 0 : Math.min(file.text.length, at + needle.length);
    const line = lineOf(file.text, at);
    const place = { file: file.path, start: at, end, line, label: oneLine(file.text.slice(at, end)) };
    scan.command(value as string | string[], place, { environment: fileEnv, settingsModule: undefined, via: `${base} ${key}` });
  }
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** render.yaml, Google App Engine's and DigitalOcean's app.yaml. */
function readPlatformYaml(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const root = readYaml(file.text);
  const base = posix.basename(file.path).toLowerCase();
  const run = (node: YamlNode | undefined, key: string, settingsModule: string | undefined, via: string) => {
    const c = yamlCommand(node);
    if (c) scan.command(c.line, placeOf(file.path, file.text, c), { environment: fileEnv, settingsModule, via: `${base} ${via}${key}` });
  };
  if (base.startsWith('app.')) {
    const settings = yamlEnvironment(yamlGet(root, 'env_variables')).get('DJANGO_SETTINGS_MODULE');
    run(yamlGet(root, 'entrypoint'), 'entrypoint', settings, '');
  }
  const services = yamlGet(root, 'services');
  for (const s of services?.kind === 'seq' ? services.items.slice(0, LAUNCHER_LIMITS.perFile) : []) {
    const type = yamlString(yamlGet(s, 'type'));
    const name = yamlString(yamlGet(s, 'name')) ?? '';
    // Render: envVars: [{key, value}]; DigitalOcean: envs: [{key, value}].
    let settings: string | undefined;
    for (const list of [yamlGet(s, 'envVars'), yamlGet(s, 'envs')]) {
      for (const e of list?.kind === 'seq' ? list.items : []) if (yamlString(yamlGet(e, 'key')) === 'DJANGO_SETTINGS_MODULE') settings = yamlString(yamlGet(e, 'value'));
    }
    if (type && type !== 'web' && type !== 'pserv') continue;
    const via = name ? `service ${name} ` : '';
    for (const key of ['startCommand', 'buildCommand', 'preDeployCommand', 'run_command', 'build_command']) run(yamlGet(s, key), key, settings, via);
  }
}

/** .ebextensions/*.config: container_commands, WSGIPath (Elastic Beanstalk runs Gunicorn on it). */
function readEbextensions(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const root = readYaml(file.text);
  const options = yamlGet(root, 'option_settings');
  let settings: string | undefined;
  let wsgiPath: YamlNode | undefined;
  const visit = (namespace: string, key: string, value: YamlNode) => {
    if (key === 'DJANGO_SETTINGS_MODULE') settings = yamlString(value);
    if (key === 'WSGIPath' && namespace.includes('container:python')) wsgiPath = value;
  };
  if (options?.kind === 'map') for (const ns of options.entries) if (ns.value.kind === 'map') for (const e of ns.value.entries) visit(ns.key, e.key, e.value);
  if (options?.kind === 'seq') {
    for (const o of options.items) {
      const ns = yamlString(yamlGet(o, 'namespace')) ?? '';
      const name = yamlString(yamlGet(o, 'option_name'));
      const value = yamlGet(o, 'value');
      if (name && value) visit(ns, name, value);
    }
  }
  const commands = yamlGet(root, 'container_commands');
  for (const e of commands?.kind === 'map' ? commands.entries.slice(0, LAUNCHER_LIMITS.perFile) : []) {
    const c = yamlCommand(yamlGet(e.value, 'command'));
    if (c) scan.command(c.line, placeOf(file.path, file.text, c), { environment: fileEnv, settingsModule: settings, via: `${posix.basename(file.path)} container_commands ${e.key}` });
  }
  if (wsgiPath?.kind === 'scalar' && wsgiPath.value) {
    const app = wsgiPath.value;
    const application = app.endsWith('.py') ? `${app.slice(0, -3).split('/').join('.')}:application` : app.includes(':') ? app : `${app}:application`;
    const place = placeOf(file.path, file.text, { start: wsgiPath.start, end: wsgiPath.end, lineNo: wsgiPath.line });
    scan.command(['gunicorn', application], place, { environment: fileEnv, settingsModule: settings, via: `${posix.basename(file.path)} WSGIPath (Elastic Beanstalk runs Gunicorn)` });
  }
}

// ---------------------------------------------------------------------------------------------

/** Every launch and collectstatic run in `files` (launcher files: see launcherKind). */
export function readLaunchers(files: LauncherFile[], context: LauncherContext): LauncherScan {
  const scan = new Scan(context);
  const composeDockerfiles = new Map<string, LaunchEnvironment[]>();
  const byKind = (k: LauncherKind) => files.filter((f) => launcherKind(f.path) === k);
  const named = (f: LauncherFile, fallback: Context['environment']) => environmentOfPath(f.path) ?? fallback;
  const unknown = (what: string) => ({ environment: 'unknown' as const, reason: what });
  const production = (what: string) => ({ environment: 'production' as const, reason: what });
  for (const f of byKind('compose')) {
    const base = posix.basename(f.path);
    guarded(() => readCompose(scan, f, named(f, unknown(`${base} does not say whether it is for production or development`)), composeDockerfiles));
  }
  for (const f of byKind('dockerfile')) {
    const base = posix.basename(f.path);
    let env = environmentOfPath(f.path);
    if (!env) {
      // A Dockerfile only development compose files build is for development.
      const users = composeDockerfiles.get(posix.normalize(f.path)) ?? [];
      if (users.length && users.every((u) => u === 'development')) env = { environment: 'development', reason: `only development compose services build ${base}` };
      else if (users.includes('production')) env = production(`a production compose service builds ${base}`);
    }
    guarded(() => readDockerfile(scan, f, env ?? unknown(`${base} does not say whether it is for production or development`), context));
  }
  for (const f of byKind('procfile')) guarded(() => readProcfile(scan, f, named(f, production(`${posix.basename(f.path)} is what Heroku-style platforms run`))));
  for (const f of byKind('systemd')) guarded(() => readSystemd(scan, f, named(f, production(`${posix.basename(f.path)} is a systemd service`))));
  for (const f of byKind('toml')) guarded(() => readToml(scan, f, named(f, production(`${posix.basename(f.path)} configures a hosting platform`))));
  for (const f of byKind('json')) guarded(() => readJson(scan, f, named(f, production(`${posix.basename(f.path)} configures a hosting platform`))));
  for (const f of byKind('platformYaml')) guarded(() => readPlatformYaml(scan, f, named(f, production(`${posix.basename(f.path)} configures a hosting platform`))));
  for (const f of byKind('ebextensions')) guarded(() => readEbextensions(scan, f, production('Elastic Beanstalk configuration')));
  for (const f of byKind('script')) {
    guarded(() => scan.script(f, { environment: named(f, production(`${posix.basename(f.path)} runs while deploying`)), settingsModule: undefined, via: posix.basename(f.path) }, [], 0));
  }
  // One entry per place and meaning: an entry-point script reached from two stages counts once.
  const seen = new Set<string>();
  const key = (l: Launch) => `${l.place.file}:${l.place.start}:${l.server}:${l.runserver}:${l.environment}:${l.via}`;
  scan.out.launches = scan.out.launches.filter((l) => !seen.has(key(l)) && !!seen.add(key(l)));
  scan.out.collectstatic = scan.out.collectstatic.filter((c) => !seen.has(`c:${c.place.file}:${c.place.start}`) && !!seen.add(`c:${c.place.file}:${c.place.start}`));
  return scan.out;
}

/** The engine never throws on user text: a reader that fails leaves its file out. */
function guarded(read: () => void): void {
  try {
    read();
  } catch {
    // A file we cannot make sense of starts nothing we know of.
  }
}
