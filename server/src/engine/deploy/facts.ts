// What a project has for deployment, read statically: its WSGI/ASGI entry points and settings,
// async views, Channels, the servers and static-file helpers in its requirements, and how
// production starts it (launchers.ts: Dockerfiles, compose, Procfiles, systemd, platform files).
// The checklist and the WSGI vs ASGI view are built on it.

import { posix } from 'node:path';
import type { DjangoProject } from '../project/project';
import { isIgnoredPath, isProductionName, settingsModuleFromEntryPoint } from '../project/layout';
import { isSequence, pathLike, truthy, type Value } from '../python/values';
import { APPLICATION_SERVERS, normalisePackage, type Interface } from './servers';
import { followIncludes, includesOf, MAX_INCLUDED_FILES, requirementsIn } from '../project/requirements';
import { launcherKind, readLaunchers, type Launch, type LaunchEnvironment, type LauncherFile } from './launchers';

/** A place in a file (UTF-16 offsets), with what is there. */
export interface Place {
  file: string;
  start: number;
  end: number;
  /** The text there, or a short description. */
  label: string;
}

export interface EntryPoint {
  interface: Interface;
  file: string;
  /** Dotted module: `mysite.wsgi`. */
  module: string;
  /** Path relative to `ProjectFacts.runFrom`. */
  path: string;
  /** Where `application = …` is, when the module defines it. */
  application: Place | undefined;
  /** DJANGO_SETTINGS_MODULE it sets by default. */
  defaultSettings: string | undefined;
}

export interface Requirement {
  /** Normalised name (`uvicorn-worker`). */
  name: string;
  place: Place;
}

/** One command that starts the project (launchers.ts), placed in its file. */
export interface Launcher extends Omit<Launch, 'place'> {
  /** The command as written (for a Dockerfile, the CMD / ENTRYPOINT instruction). */
  place: Place;
  /** `Dockerfile:12`, relative to the project root. */
  where: string;
}

export interface CollectstaticRun extends Place {
  /** `Dockerfile:9`, relative to the project root. */
  where: string;
  via: string;
  environment: LaunchEnvironment;
}

export interface WebServer {
  place: Place;
  image: string;
  environment: LaunchEnvironment;
  /** A folder it mounts is one another service mounts where STATIC_ROOT's folder is. */
  servesStaticRoot: boolean;
}

export interface ProjectFacts {
  /** The production settings module, as the engine decided. */
  settings: { module: string; file: string; reason: string } | undefined;
  /** The folder commands run from: the source root holding the project package. */
  runFrom: string;
  wsgi: EntryPoint | undefined;
  asgi: EntryPoint | undefined;
  /** WSGI_APPLICATION / ASGI_APPLICATION as set (undefined: not set, or not a string). */
  wsgiApplication: Place | undefined;
  asgiApplication: Place | undefined;
  /** `async def` views and async class-based view handlers. */
  asyncViews: Place[];
  /** Python files read for async views and Channels, of how many (the nearest MAX_SCANNED). */
  scanned: { files: number; of: number };
  channels: {
    /** `channels` or `daphne` in INSTALLED_APPS. */
    installedApps: string[];
    /** ProtocolTypeRouter / URLRouter / websocket routes in asgi.py or routing modules. */
    routing: Place[];
    /** Async consumers (channels.generic.websocket). */
    consumers: Place[];
    channelLayers: boolean;
  };
  /** Every package the requirements name, by normalised name. */
  requirements: Map<string, Requirement>;
  whitenoise: { middleware: Place | undefined; package: Requirement | undefined };
  /** Commands that start the project: Dockerfile CMD/ENTRYPOINT, compose, Procfile, systemd, platform files, entry-point scripts. */
  launchers: Launcher[];
  /** Where `manage.py collectstatic` runs while deploying or starting (Dockerfile RUN, Procfile release, build scripts…). */
  collectstaticRuns: CollectstaticRun[];
  /** nginx / caddy / httpd services of compose files. */
  webServers: WebServer[];
  staticUrl: string | undefined;
  staticRoot: string | undefined;
  mediaUrl: string | undefined;
  mediaRoot: string | undefined;
  allowedHosts: string[] | undefined;
  /** SECURE_PROXY_SSL_HEADER when set to two strings: the request.META key Django reads and the value meaning HTTPS. */
  secureProxySslHeader: { header: string; value: string } | undefined;
  /** SECURE_SSL_REDIRECT (undefined: cannot tell). */
  sslRedirect: boolean | undefined;
}

/** Python files read for async views and Channels at most (nearest to the root first). */
export const MAX_SCANNED = 5_000;

const HANDLERS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace', 'dispatch']);
/** Launcher files read at most (Dockerfiles, compose, Procfiles…), nearest to the root first. */
const MAX_LAUNCHER_FILES = 256;

export function projectFacts(project: DjangoProject): ProjectFacts {
  const { module, view } = project.productionView();
  const files = project.knownFiles();
  const inProject = (f: string) => !isIgnoredPath(f.slice(project.root.length));
  const python = files.python.filter(inProject).sort();

  const entry = (name: 'wsgi.py' | 'asgi.py'): EntryPoint | undefined => {
    const candidates = python.filter((f) => posix.basename(f) === name);
    // The one next to the production settings package first, then the shallowest.
    const near = module ? candidates.find((f) => module.file.startsWith(posix.dirname(f) + '/')) : undefined;
    const file = near ?? candidates.sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (!file) return undefined;
    const text = project.text(file) ?? '';
    const m = /^application\s*=/m.exec(text);
    const dotted = project.moduleName(file).name;
    return {
      interface: name === 'wsgi.py' ? 'wsgi' : 'asgi',
      file,
      module: dotted,
      path: '',
      application: m ? { file, start: m.index, end: m.index + 'application'.length, label: lineAt(text, m.index) } : undefined,
      defaultSettings: settingsModuleFromEntryPoint(text),
    };
  };
  const wsgi = entry('wsgi.py');
  const asgi = entry('asgi.py');
  const anchor = wsgi ?? asgi;
  const runFrom = anchor ? sourceRootOf(anchor.file, anchor.module) : module ? sourceRootOf(module.file, module.moduleName) : project.root;
  for (const e of [wsgi, asgi]) if (e) e.path = posix.relative(runFrom, e.file);

  const stringSetting = (name: string): Place | undefined => {
    const { value, binding } = view.get(name);
    if (value.kind !== 'str' || !binding) return undefined;
    return { file: binding.origin.file, start: binding.origin.start, end: binding.origin.end, label: value.value };
  };

  // Async views and consumers, from the text of the project's own modules.
  const asyncViews: Place[] = [];
  const consumers: Place[] = [];
  const routing: Place[] = [];
  const scanned = scannedModules(project, python);
  for (const f of scanned.files) {
    const found = scanForDeployment(project, f);
    if (!found) continue;
    asyncViews.push(...found.asyncViews);
    consumers.push(...found.consumers);
    routing.push(...found.routing);
  }

  const installedApps = stringItems(view.get('INSTALLED_APPS').value);
  const middleware = view.get('MIDDLEWARE');
  const middlewareItems = isSequence(middleware.value) ? middleware.value.items : [];
  const whiteNoiseIndex = middlewareItems.findIndex((v) => v.kind === 'str' && v.value === 'whitenoise.middleware.WhiteNoiseMiddleware');
  const requirements = readRequirements(project, files.dependencies.filter(inProject));

  const staticRoot = (() => {
    const v = view.get('STATIC_ROOT').value;
    return v.kind === 'none' ? undefined : pathLike(v);
  })();
  const launched = launchFacts(project, files, inProject, staticRoot);

  const url = (name: string) => {
    const v = view.get(name).value;
    return v.kind === 'str' ? v.value : undefined;
  };
  const root = (name: string) => {
    const v = view.get(name).value;
    return v.kind === 'none' ? undefined : pathLike(v);
  };
  const hosts = view.get('ALLOWED_HOSTS').value;
  const proxySslHeader = view.get('SECURE_PROXY_SSL_HEADER').value;
  const [header, secure] = isSequence(proxySslHeader) && proxySslHeader.items.length === 2 ? proxySslHeader.items : [];

  return {
    settings: module ? { module: module.moduleName, file: module.file, reason: module.reason } : undefined,
    runFrom,
    wsgi,
    asgi,
    wsgiApplication: stringSetting('WSGI_APPLICATION'),
    asgiApplication: stringSetting('ASGI_APPLICATION'),
    asyncViews,
    scanned: { files: scanned.files.length, of: scanned.candidates },
    channels: {
      installedApps: installedApps.filter((a) => a === 'channels' || a === 'daphne'),
      routing,
      consumers,
      channelLayers: view.isSet('CHANNEL_LAYERS'),
    },
    requirements,
    whitenoise: {
      middleware: whiteNoiseIndex >= 0 && middleware.binding ? { file: middleware.binding.origin.file, start: middleware.binding.origin.start, end: middleware.binding.origin.end, label: 'whitenoise.middleware.WhiteNoiseMiddleware' } : undefined,
      package: requirements.get('whitenoise'),
    },
    ...launched,
    staticUrl: url('STATIC_URL'),
    staticRoot,
    mediaUrl: url('MEDIA_URL'),
    mediaRoot: root('MEDIA_ROOT'),
    allowedHosts: isSequence(hosts) && hosts.items.every((h) => h.kind === 'str') ? stringItems(hosts) : undefined,
    secureProxySslHeader: header?.kind === 'str' && secure?.kind === 'str' ? { header: header.value, value: secure.value } : undefined,
    sslRedirect: truthy(view.get('SECURE_SSL_REDIRECT').value),
  };
}

/** A module's async views, async consumers and (first) WebSocket routing. */
/**
 * The modules read for async views, consumers and routing: the project's own, nearest to the
 * root first, MAX_SCANNED at most (`files`, sorted by path), out of `candidates`. Shells warm
 * them with scanForDeployment in slices before asking for the facts.
 */
export function scannedModules(project: DjangoProject, python = project.knownFiles().python.filter((f) => !isIgnoredPath(f.slice(project.root.length)))): { files: string[]; candidates: number } {
  const candidates = python
    // Judged on the path inside the project: a project kept under a `tests/` folder is still read.
    .filter((f) => !/\/(migrations|tests?)\//.test(f.slice(project.root.length)) && !/\/(settings|test_[^/]*|tests)\.py$/.test(f))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  return { files: candidates.slice(0, MAX_SCANNED).sort(), candidates: candidates.length };
}

/** What one module holds for deployment. Each module is read once and its text not kept; what it holds is remembered until it changes. */
export function scanForDeployment(project: DjangoProject, file: string): ReturnType<typeof scanModule> | undefined {
  return project.derive(file, 'deployment', (text) => scanModule(file, text));
}

function scanModule(file: string, text: string): { asyncViews: Place[]; consumers: Place[]; routing: Place[] } {
  const out = { asyncViews: [] as Place[], consumers: [] as Place[], routing: [] as Place[] };
  if (!text.includes('async') && !text.includes('Router')) return out;
  const isViews = /\/views(\.py$|\/)/.test(file) || /\bdjango\.(http|views|shortcuts)\b/.test(text);
  const consumerModule = /\bchannels\.generic\b|AsyncWebsocketConsumer|AsyncConsumer|AsyncJsonWebsocketConsumer/.test(text);
  for (const m of text.matchAll(/^([ \t]*)async[ \t]+def[ \t]+(\w+)/gm)) {
    const nameStart = m.index! + m[0].length - m[2].length;
    const place = { file, start: nameStart, end: nameStart + m[2].length, label: `async def ${m[2]}` };
    const indented = m[1].length > 0;
    if (consumerModule) out.consumers.push(place);
    else if (isViews && (!indented || HANDLERS.has(m[2]))) out.asyncViews.push(place);
  }
  const router = /\b(ProtocolTypeRouter|URLRouter|websocket_urlpatterns)\b/.exec(text);
  if (router) out.routing.push({ file, start: router.index, end: router.index + router[0].length, label: router[0] });
  return out;
}

/** The folder a dotted module is imported from: `/p/mysite/wsgi.py` + `mysite.wsgi` → `/p`. */
function sourceRootOf(file: string, dotted: string): string {
  let dir = posix.dirname(file);
  const depth = dotted.split('.').length - (posix.basename(file) === '__init__.py' ? 0 : 1);
  for (let i = 0; i < depth; i++) dir = posix.dirname(dir);
  return dir;
}

function stringItems(v: Value): string[] {
  return isSequence(v) ? v.items.flatMap((i) => (i.kind === 'str' ? [i.value] : [])) : [];
}

function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end < 0 ? text.length : end).trim();
}

/** Packages we look for: the servers, WhiteNoise, Channels. */
const WATCHED = new Set([...APPLICATION_SERVERS.flatMap((s) => s.packages), 'whitenoise', 'channels', 'channels-redis', 'granian', 'waitress'].map(normalisePackage));

/**
 * The watched packages the dependency files name, nearest to the root first, with the files each
 * includes (`-r base.txt` installs what base.txt names, whatever base.txt is called; `-c`
 * constraints install nothing). MAX_INCLUDED_FILES files at most.
 */
function readRequirements(project: DjangoProject, files: string[]): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  // constraints*.txt pins versions and installs nothing, unless a requirements file includes it with -r.
  const ordered = files.filter((f) => !posix.basename(f).toLowerCase().startsWith('constraints')).sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const seen = new Set<string>();
  for (const start of ordered) {
    if (seen.size >= MAX_INCLUDED_FILES) break;
    for (const r of followIncludes(start, (f) => project.derive(f, 'includes', includesOf), MAX_INCLUDED_FILES - seen.size)) {
      if (seen.has(r.file)) continue;
      seen.add(r.file);
      if (r.constraint) continue;
      const found = project.derive(r.file, r.included ? 'requirements-included' : 'requirements', (text) => requirementsIn(r.file, text, r.included));
      for (const q of found ?? []) {
        if (!WATCHED.has(q.name) || out.has(q.name)) continue;
        out.set(q.name, { name: q.name, place: { file: r.file, start: q.start, end: q.end, label: q.label } });
      }
    }
  }
  return out;
}

/** Launchers, collectstatic runs and web server services, from the project's launcher files. */
function launchFacts(project: DjangoProject, files: { python: string[]; dependencies: string[]; other: string[] }, inProject: (f: string) => boolean, staticRoot: string | undefined): Pick<ProjectFacts, 'launchers' | 'collectstaticRuns' | 'webServers'> {
  const known = [...files.other, ...files.dependencies, ...files.python].filter(inProject);
  const paths = known
    .filter((f) => launcherKind(f) !== undefined)
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
    .slice(0, MAX_LAUNCHER_FILES);
  const texts: LauncherFile[] = [];
  for (const path of paths) {
    const text = project.peekText(path);
    if (text !== undefined) texts.push({ path, text });
  }
  // Scripts by name, to find `/entrypoint.sh` or `./start` wherever the project keeps them.
  const byBase = new Map<string, string[]>();
  for (const f of known) {
    const base = posix.basename(f);
    const list = byBase.get(base) ?? [];
    if (list.length < 64) list.push(f);
    byBase.set(base, list);
  }
  const knownSet = new Set(known);
  const resolve = (ref: string, from: string): LauncherFile | undefined => {
    const path = resolveScript(ref, from, knownSet, byBase);
    const text = path === undefined ? undefined : project.peekText(path);
    return path !== undefined && text !== undefined ? { path, text } : undefined;
  };
  const modules = project.settingsModules();
  const configured = new Set(project.getConfig().productionSettings);
  const settingsRole = (module: string): LaunchEnvironment | undefined => {
    const info = modules.find((m) => m.moduleName === module);
    if (!info) return undefined;
    if (info.role === 'development') return 'development';
    // A production role by elimination ("the only settings module") says nothing of the file that runs it.
    if (info.role === 'production' && (isProductionName(info.file) || configured.has(module))) return 'production';
    return undefined;
  };
  const scan = readLaunchers(texts, { resolve, settingsRole });
  const where = (file: string, line: number) => `${project.relative(file)}:${line}`;
  const place = (p: { file: string; start: number; end: number; label: string }): Place => ({ file: p.file, start: p.start, end: p.end, label: p.label });
  const staticFolder = staticRoot ? posix.basename(withoutTrailingSlashes(staticRoot)) : undefined;
  return {
    launchers: scan.launches.map((l) => ({ ...l, place: place(l.place), where: where(l.place.file, l.place.line) })),
    collectstaticRuns: scan.collectstatic.map((c) => ({ ...place(c.place), where: where(c.place.file, c.place.line), via: c.via, environment: c.environment })),
    webServers: scan.webServers.map((w) => ({
      place: place(w.place),
      image: w.image,
      environment: w.environment,
      // Known only when a volume it mounts is mounted by another service at a folder named like STATIC_ROOT's.
      servesStaticRoot: !!staticFolder && w.volumes.some((v) => w.appVolumes.some((a) => a.source === v.source && posix.basename(withoutTrailingSlashes(a.target)) === staticFolder)),
    })),
  };
}

/**
 * The project file a launcher names: relative to the launcher's folder, else the known file whose
 * path ends with the most of the name (`/app/compose/start` → `compose/start`), nearest first.
 */
function resolveScript(ref: string, from: string, known: Set<string>, byBase: Map<string, string[]>): string | undefined {
  const clean = ref.trim();
  if (!clean || clean.includes('$')) return undefined;
  if (!clean.startsWith('/')) {
    const direct = posix.normalize(posix.join(posix.dirname(from), clean));
    if (known.has(direct)) return direct;
  }
  const candidates = byBase.get(posix.basename(clean)) ?? [];
  if (!candidates.length) return undefined;
  const parts = clean.split('/').filter((p) => p && p !== '.');
  for (let k = 0; k < parts.length && k < 16; k++) {
    const suffix = '/' + parts.slice(k).join('/');
    const matches = candidates.filter((c) => c.endsWith(suffix));
    if (matches.length) return nearest(matches, from);
  }
  return undefined;
}

function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

function nearest(paths: string[], from: string): string {
  const common = (p: string) => {
    let n = 0;
    const a = p.split('/');
    const b = from.split('/');
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  return [...paths].sort((a, b) => common(b) - common(a) || a.split('/').length - b.split('/').length || (a < b ? -1 : 1))[0];
}
