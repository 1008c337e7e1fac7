// Application servers for a Django project: the declarative table the WSGI vs ASGI view, the
// checklist and the tests read, and the exact command line of each for one project.
// Facts: reference/templates-and-servers.md §2 (Django's deployment how-tos).

import { normalisePackage } from '../project/requirements';
import { hiddenCharacter, shellLine, visible } from './shell';

export type Interface = 'wsgi' | 'asgi';

export interface ApplicationServer {
  /** Stable id (`gunicorn`, `uvicorn`…). */
  id: string;
  name: string;
  interface: Interface;
  /** The PyPI distributions whose presence in the requirements means "this server is used". */
  packages: string[];
  /** What to install. */
  install: string;
  /** One line on what it is good at. */
  summary: string;
  docsUrl: string;
  /** The command's words (argv), run from the folder that holds the project package; quoted when printed. */
  argv(target: CommandTarget): string[];
}

export interface CommandTarget {
  /** Dotted module of the entry point: `mysite.wsgi`, `mysite.asgi`. */
  module: string;
  /** The callable in it (Django's startproject: `application`). */
  callable: string;
  /** Path of the entry point file, relative to the folder the command runs from. */
  path: string;
  host: string;
  port: number;
}

const DJANGO_DOCS = 'https://docs.djangoproject.com/en/stable/howto/deployment/';

/** Data over code: every server the view compares, in the order it shows them. */
export const APPLICATION_SERVERS: readonly ApplicationServer[] = [
  {
    id: 'gunicorn',
    name: 'Gunicorn',
    interface: 'wsgi',
    packages: ['gunicorn'],
    install: 'pip install gunicorn',
    summary: 'Pre-fork WSGI server; sync workers by default. The usual choice behind nginx.',
    docsUrl: `${DJANGO_DOCS}wsgi/gunicorn/`,
    argv: (t) => ['gunicorn', `${t.module}:${t.callable}`, '--bind', `${t.host}:${t.port}`],
  },
  {
    id: 'uwsgi',
    name: 'uWSGI',
    interface: 'wsgi',
    packages: ['uwsgi', 'pyuwsgi'],
    install: 'pip install uwsgi',
    summary: 'Fast, very configurable WSGI server (C); in maintenance mode upstream.',
    docsUrl: `${DJANGO_DOCS}wsgi/uwsgi/`,
    argv: (t) => ['uwsgi', '--http', `${t.host}:${t.port}`, '--module', `${t.module}:${t.callable}`, '--master', '--processes', '4'],
  },
  {
    id: 'mod_wsgi',
    name: 'mod_wsgi',
    interface: 'wsgi',
    packages: ['mod-wsgi', 'mod_wsgi'],
    install: 'pip install mod_wsgi',
    summary: 'Runs the app inside Apache httpd; mod_wsgi-express configures Apache for you.',
    docsUrl: `${DJANGO_DOCS}wsgi/modwsgi/`,
    argv: (t) => ['mod_wsgi-express', 'start-server', t.path, '--host', t.host, '--port', `${t.port}`],
  },
  {
    id: 'uvicorn',
    name: 'Uvicorn',
    interface: 'asgi',
    packages: ['uvicorn'],
    install: 'pip install uvicorn',
    summary: 'ASGI server on uvloop/httptools; Django has no lifespan protocol, so it is turned off.',
    docsUrl: `${DJANGO_DOCS}asgi/uvicorn/`,
    argv: (t) => ['uvicorn', `${t.module}:${t.callable}`, '--host', t.host, '--port', `${t.port}`, '--lifespan', 'off'],
  },
  {
    id: 'gunicorn-uvicorn',
    name: 'Gunicorn + Uvicorn workers',
    interface: 'asgi',
    packages: ['uvicorn-worker'],
    install: 'pip install gunicorn uvicorn-worker',
    summary: "Gunicorn's process management with Uvicorn workers (uvicorn.workers is deprecated since uvicorn 0.30: use uvicorn-worker).",
    docsUrl: `${DJANGO_DOCS}asgi/uvicorn/`,
    argv: (t) => ['gunicorn', `${t.module}:${t.callable}`, '-k', 'uvicorn_worker.UvicornWorker', '--bind', `${t.host}:${t.port}`],
  },
  {
    id: 'daphne',
    name: 'Daphne',
    interface: 'asgi',
    packages: ['daphne'],
    install: 'pip install daphne',
    summary: 'The Channels project\u2019s ASGI server: HTTP, HTTP/2 and WebSocket.',
    docsUrl: `${DJANGO_DOCS}asgi/daphne/`,
    argv: (t) => ['daphne', '-b', t.host, '-p', `${t.port}`, `${t.module}:${t.callable}`],
  },
  {
    id: 'hypercorn',
    name: 'Hypercorn',
    interface: 'asgi',
    packages: ['hypercorn'],
    install: 'pip install hypercorn',
    summary: 'ASGI server with HTTP/1, HTTP/2 and HTTP/3 (QUIC) support.',
    docsUrl: `${DJANGO_DOCS}asgi/hypercorn/`,
    argv: (t) => ['hypercorn', `${t.module}:${t.callable}`, '--bind', `${t.host}:${t.port}`],
  },
];

export { normalisePackage };

/**
 * Servers as launch commands name them (Dockerfile CMD, Procfile, compose, systemd): how to tell
 * which one runs and what it loads. Ids match APPLICATION_SERVERS where the view compares them.
 */
export interface LaunchedServer {
  id: string;
  name: string;
  /** WSGI or ASGI; undefined when an option decides (granian --interface). */
  interface: Interface | undefined;
  /** Executables (basenames). */
  commands: string[];
  /** `python -m <module>`. */
  modules: string[];
  /** Options that take no value; any other option takes the next word (unless written `--opt=value`). */
  flags: string[];
  /** Options whose value is the application (`uwsgi --module`). */
  appOptions: string[];
  /** Words before the application that are no option (`mod_wsgi-express start-server`). */
  subcommands: string[];
  /** The application may be given as a file (`mod_wsgi-express start-server mysite/wsgi.py`). */
  pathApplication?: boolean;
}

export const LAUNCHED_SERVERS: readonly LaunchedServer[] = [
  { id: 'gunicorn', name: 'Gunicorn', interface: 'wsgi', commands: ['gunicorn'], modules: ['gunicorn'], flags: ['--reload', '--preload', '-D', '--daemon', '--check-config', '--print-config', '--spew', '--capture-output', '--enable-stdio-inheritance', '--proxy-protocol', '--no-sendfile', '--reuse-port', '-R', '--log-syslog', '--strip-header-spaces', '--disable-redirect-access-to-syslog', '--help', '-h', '-v', '--version'], appOptions: [], subcommands: [] },
  // gunicorn -k uvicorn_worker.UvicornWorker (or the deprecated uvicorn.workers.UvicornWorker).
  { id: 'gunicorn-uvicorn', name: 'Gunicorn + Uvicorn workers', interface: 'asgi', commands: [], modules: [], flags: [], appOptions: [], subcommands: [] },
  { id: 'uvicorn', name: 'Uvicorn', interface: 'asgi', commands: ['uvicorn'], modules: ['uvicorn'], flags: ['--reload', '--factory', '--proxy-headers', '--no-proxy-headers', '--access-log', '--no-access-log', '--use-colors', '--no-use-colors', '--server-header', '--no-server-header', '--date-header', '--no-date-header', '--version', '--help'], appOptions: [], subcommands: [] },
  { id: 'daphne', name: 'Daphne', interface: 'asgi', commands: ['daphne'], modules: ['daphne'], flags: ['--proxy-headers', '--no-server-name', '--version', '--help', '-h'], appOptions: [], subcommands: [] },
  { id: 'hypercorn', name: 'Hypercorn', interface: 'asgi', commands: ['hypercorn'], modules: ['hypercorn'], flags: ['--reload', '--debug', '--help', '-h'], appOptions: [], subcommands: [] },
  { id: 'uwsgi', name: 'uWSGI', interface: 'wsgi', commands: ['uwsgi', 'pyuwsgi'], modules: ['pyuwsgi'], flags: ['--master', '--enable-threads', '--vacuum', '--die-on-term', '--lazy-apps', '--single-interpreter', '--need-app', '--harakiri-verbose', '--thunder-lock', '--strict', '--py-autoreload', '--disable-logging', '--log-master', '--no-orphans', '--help'], appOptions: ['--module', '-w', '--wsgi', '--wsgi-file', '--file', '--mount'], subcommands: [], pathApplication: true },
  { id: 'mod_wsgi', name: 'mod_wsgi', interface: 'wsgi', commands: ['mod_wsgi-express'], modules: [], flags: ['--reload-on-changes', '--log-to-terminal', '--startup-log', '--access-log', '--rotate-logs', '--help'], appOptions: [], subcommands: ['start-server', 'setup-server'], pathApplication: true },
  { id: 'granian', name: 'Granian', interface: undefined, commands: ['granian'], modules: ['granian'], flags: ['--reload', '--no-reload', '--no-ws', '--ws', '--log', '--no-log', '--access-log', '--no-access-log', '--factory', '--help'], appOptions: [], subcommands: [] },
  { id: 'waitress', name: 'Waitress', interface: 'wsgi', commands: ['waitress-serve'], modules: ['waitress'], flags: ['--call', '--ipv4', '--ipv6', '--no-ipv4', '--no-ipv6', '--expose-tracebacks', '--no-expose-tracebacks', '--help'], appOptions: [], subcommands: [] },
];

/** The servers whose packages are among `packages` (normalised names). */
export function serversIn(packages: ReadonlySet<string>): ApplicationServer[] {
  return APPLICATION_SERVERS.filter((s) => s.packages.some((p) => packages.has(normalisePackage(p))));
}

export interface CommandLine {
  server: ApplicationServer;
  /** The whole line for a POSIX shell, every word quoted: environment assignments first, when needed. Empty when refused. */
  line: string;
  /** Why there is no line: a value it would carry hides what it runs, or names nothing the server can import. */
  refused?: string;
}

/**
 * Every server's command line for this project. `settingsModule`, when the entry point would
 * load another settings module by default, is set in the environment. A line is refused (no text,
 * the reason instead) when a value in it holds a control or bidi/format character, or when the
 * server or Django could not import what it names (see `entryModuleProblem`).
 */
export function commandLines(entry: { interface: Interface; module: string; callable: string; path: string; defaultSettings?: string }, settingsModule: string | undefined, host = '127.0.0.1', port = 8000): CommandLine[] {
  const env: [string, string][] = settingsModule && settingsModule !== entry.defaultSettings ? [['DJANGO_SETTINGS_MODULE', settingsModule]] : [];
  const target: CommandTarget = { module: entry.module, callable: entry.callable, path: entry.path, host, port };
  const refused = refusal(target, env.length ? settingsModule : undefined);
  return APPLICATION_SERVERS.filter((s) => s.interface === entry.interface).map((server) => (refused ? { server, line: '', refused } : { server, line: shellLine(server.argv(target), env) }));
}

/** Why no line can carry these values, or undefined. */
function refusal(t: CommandTarget, settingsModule: string | undefined): string | undefined {
  const values: [string, string][] = [
    ['the entry point module', t.module],
    ['the callable', t.callable],
    ['the entry point path', t.path],
    ['the host', t.host],
  ];
  if (settingsModule !== undefined) values.push(['the settings module', settingsModule]);
  for (const [what, value] of values) {
    const hidden = hiddenCharacter(value);
    if (hidden) return `Not printed: ${what} "${visible(value)}" contains ${hidden}, which would make the line read differently from what it runs.`;
  }
  const module = entryModuleProblem(t.module, t.path);
  if (module) return `Not printed: the entry point module "${t.module}" ${module}.`;
  if (!PYTHON_IDENTIFIER.test(t.callable)) return `Not printed: the callable "${t.callable}" is not a Python identifier.`;
  const settings = settingsModule === undefined ? undefined : dottedPathProblem(settingsModule);
  if (settings) return `Not printed: the settings module "${settingsModule}" ${settings}: Django cannot import it.`;
  if (!Number.isInteger(t.port) || t.port < 0 || t.port > 65535) return `Not printed: ${t.port} is not a TCP port.`;
  return undefined;
}

/**
 * Why the servers cannot import the entry point `module` (from the file at `path`), or undefined.
 * They split `module:callable` at the first ":" and call importlib.import_module, which takes any
 * folder name ("my-site", "$(x)"): what fails is an empty name, a ":", a folder whose name holds a
 * dot (read as two packages), and a leading "-" (read as an option).
 */
function entryModuleProblem(module: string, path: string): string | undefined {
  const dotted = dottedPathProblem(module);
  if (dotted) return `${dotted}: the server cannot import it`;
  if (module.includes(':')) return 'contains ":", where the server splits the module from the callable';
  if (module.startsWith('-')) return 'starts with "-": the server would read it as an option';
  const parts = path.replace(/\.py$/, '').split('/');
  if (path.endsWith('.py') && parts.join('.') !== module) return `does not name its file ${path}: a folder name with a dot is read as two packages`;
  return undefined;
}

/** Why `dotted` is no module path importlib can import (`is empty`, `has an empty name between dots`), or undefined. */
function dottedPathProblem(dotted: string): string | undefined {
  if (dotted === '') return 'is empty';
  if (dotted.split('.').includes('')) return 'has an empty name between dots';
  return undefined;
}

/**
 * A name `str.isidentifier()` accepts (PEP 3131: XID_Start or "_", then XID_Continue). Format
 * characters are left out: Unicode 15.1 made ZWJ/ZWNJ XID_Continue, Python before 3.13 does not.
 */
const PYTHON_IDENTIFIER = /^[\p{XID_Start}_](?:(?!\p{Cf})\p{XID_Continue})*$/u;

/** Whether `name` is a Python identifier (the callable: `application`). */
export function isPythonIdentifier(name: string): boolean {
  return PYTHON_IDENTIFIER.test(name);
}
