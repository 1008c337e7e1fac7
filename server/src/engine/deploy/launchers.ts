// How production really starts the project, read from the files that start it: Dockerfiles
// (last stage, ENTRYPOINT + CMD as Docker combines them, ENV, RUN), compose services, Procfiles,
// systemd units, platform files (fly.toml, render.yaml, app.yaml, railway, nixpacks, app.json,
// Elastic Beanstalk) and build or entry-point scripts. Pure: texts in, launches out.
//
// This file: the shapes, development vs production from names, the scan every reader hands its
// commands to, compose services, and `readLaunchers` (which reader for which file). The readers:
// dockerfile.ts, platformFiles.ts (Procfile, systemd, TOML, JSON, platform YAML, .ebextensions);
// what a command does: launchCommands.ts; formats: yaml.ts, lines.ts.
//
// Every reader is a single pass over lines with indexOf and character tests, bounded by
// LAUNCHER_LIMITS; nothing recurses deeper than LAUNCHER_LIMITS.depth.

import * as posix from 'node:path/posix';
import type { Interface } from './servers';
import { effectOf, simpleCommands, withAssignments, type Effect } from './launchCommands';
import { readDockerfile } from './dockerfile';
import { readYaml, yamlGet, yamlString, type YamlNode } from './yaml';
import { logicalLines, oneLine, unquote } from './lines';
import { readEbextensions, readJson, readPlatformYaml, readProcfile, readSystemd, readToml } from './platformFiles';

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

export interface Context {
  /** The file the command is written in (and how it is started). */
  environment: { environment: LaunchEnvironment; reason: string };
  settingsModule: string | undefined;
  via: string;
}

// ---------------------------------------------------------------------------------------------
// The scan

export class Scan {
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




/** A command as compose and platform files write it: a string (shell words) or a list (argv). */
export function yamlCommand(node: YamlNode | undefined): { line: string | string[]; start: number; end: number; lineNo: number } | undefined {
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
export function yamlEnvironment(node: YamlNode | undefined): Map<string, string> {
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

export function placeOf(file: string, text: string, c: { start: number; end: number; lineNo: number }): CommandPlace {
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
