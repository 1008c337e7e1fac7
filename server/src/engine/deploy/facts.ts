// What a project has for deployment, read statically: its WSGI/ASGI entry points and settings,
// async views, Channels, the servers and static-file helpers in its requirements, and how
// Procfiles and Dockerfiles start it. The checklist and the WSGI vs ASGI view are built on it.

import { posix } from 'node:path';
import type { DjangoProject } from '../project/project';
import { isIgnoredPath, settingsModuleFromEntryPoint } from '../project/layout';
import { isSequence, pathLike, truthy, type Value } from '../python/values';
import { APPLICATION_SERVERS, normalisePackage, type Interface } from './servers';
import { includesOf, requirementsIn } from '../project/requirements';

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
  /** Procfile, Dockerfile or compose lines that start the project. */
  launchers: { place: Place; runserver: boolean }[];
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
const LAUNCHER = /^(Procfile(\..+)?|Dockerfile(\..+)?|.+\.Dockerfile|(docker-)?compose(\..+)?\.ya?ml|app\.yaml|fly\.toml|render\.yaml|railway\.(json|toml)|Containerfile)$/i;

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

  const launchers: ProjectFacts['launchers'] = [];
  for (const f of [...files.other, ...files.dependencies].filter((x) => inProject(x) && LAUNCHER.test(posix.basename(x))).sort()) {
    const text = project.text(f);
    if (!text) continue;
    for (const m of text.matchAll(/^.*\b(runserver|gunicorn|uvicorn|daphne|hypercorn|uwsgi|granian|mod_wsgi-express|waitress-serve)\b.*$/gm)) {
      const line = m[0];
      if (/^\s*#/.test(line)) continue;
      launchers.push({ place: { file: f, start: m.index!, end: m.index! + line.length, label: line.trim() }, runserver: m[1] === 'runserver' });
    }
  }

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
    launchers,
    staticUrl: url('STATIC_URL'),
    staticRoot: root('STATIC_ROOT'),
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
    .filter((f) => !/\/(migrations|tests?)\//.test(f) && !/\/(settings|test_[^/]*|tests)\.py$/.test(f))
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

/** The watched packages each dependency file names, nearest to the root first. */
/** Requirements files read, with the ones they include (`-r`), at most. */
const MAX_REQUIREMENT_FILES = 64;

function readRequirements(project: DjangoProject, files: string[]): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  const ordered = [...files].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  // `-r base.txt` installs what base.txt names, whatever base.txt is called (constraints do not install).
  const seen = new Set(ordered);
  for (let i = 0; i < ordered.length && i < MAX_REQUIREMENT_FILES; i++) {
    const file = ordered[i];
    if (/\.(txt|in)$/i.test(file)) {
      for (const { path, constraint } of project.derive(file, 'includes', includesOf) ?? []) {
        const target = posix.normalize(path.startsWith('/') ? path : posix.join(posix.dirname(file), path));
        if (constraint || seen.has(target)) continue;
        seen.add(target);
        ordered.push(target);
      }
    }
    const found = project.derive(file, 'requirements', (text) => requirementsIn(file, text));
    for (const r of found ?? []) {
      if (!WATCHED.has(r.name) || out.has(r.name)) continue;
      out.set(r.name, { name: r.name, place: { file, start: r.start, end: r.end, label: r.label } });
    }
  }
  return out;
}
