// Application servers for a Django project: the declarative table the WSGI vs ASGI view, the
// checklist and the tests read, and the exact command line of each for one project.
// Facts: reference/templates-and-servers.md §2 (Django's deployment how-tos).

import { normalisePackage } from '../project/requirements';

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
  /** The command, from the folder that holds the project package. */
  command(target: CommandTarget): string;
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
    command: (t) => `gunicorn ${t.module}:${t.callable} --bind ${t.host}:${t.port}`,
  },
  {
    id: 'uwsgi',
    name: 'uWSGI',
    interface: 'wsgi',
    packages: ['uwsgi', 'pyuwsgi'],
    install: 'pip install uwsgi',
    summary: 'Fast, very configurable WSGI server (C); in maintenance mode upstream.',
    docsUrl: `${DJANGO_DOCS}wsgi/uwsgi/`,
    command: (t) => `uwsgi --http ${t.host}:${t.port} --module ${t.module}:${t.callable} --master --processes 4`,
  },
  {
    id: 'mod_wsgi',
    name: 'mod_wsgi',
    interface: 'wsgi',
    packages: ['mod-wsgi', 'mod_wsgi'],
    install: 'pip install mod_wsgi',
    summary: 'Runs the app inside Apache httpd; mod_wsgi-express configures Apache for you.',
    docsUrl: `${DJANGO_DOCS}wsgi/modwsgi/`,
    command: (t) => `mod_wsgi-express start-server ${t.path} --host ${t.host} --port ${t.port}`,
  },
  {
    id: 'uvicorn',
    name: 'Uvicorn',
    interface: 'asgi',
    packages: ['uvicorn'],
    install: 'pip install uvicorn',
    summary: 'ASGI server on uvloop/httptools; Django has no lifespan protocol, so it is turned off.',
    docsUrl: `${DJANGO_DOCS}asgi/uvicorn/`,
    command: (t) => `uvicorn ${t.module}:${t.callable} --host ${t.host} --port ${t.port} --lifespan off`,
  },
  {
    id: 'gunicorn-uvicorn',
    name: 'Gunicorn + Uvicorn workers',
    interface: 'asgi',
    packages: ['uvicorn-worker'],
    install: 'pip install gunicorn uvicorn-worker',
    summary: "Gunicorn's process management with Uvicorn workers (uvicorn.workers is deprecated since uvicorn 0.30: use uvicorn-worker).",
    docsUrl: `${DJANGO_DOCS}asgi/uvicorn/`,
    command: (t) => `gunicorn ${t.module}:${t.callable} -k uvicorn_worker.UvicornWorker --bind ${t.host}:${t.port}`,
  },
  {
    id: 'daphne',
    name: 'Daphne',
    interface: 'asgi',
    packages: ['daphne'],
    install: 'pip install daphne',
    summary: 'The Channels project\u2019s ASGI server: HTTP, HTTP/2 and WebSocket.',
    docsUrl: `${DJANGO_DOCS}asgi/daphne/`,
    command: (t) => `daphne -b ${t.host} -p ${t.port} ${t.module}:${t.callable}`,
  },
  {
    id: 'hypercorn',
    name: 'Hypercorn',
    interface: 'asgi',
    packages: ['hypercorn'],
    install: 'pip install hypercorn',
    summary: 'ASGI server with HTTP/1, HTTP/2 and HTTP/3 (QUIC) support.',
    docsUrl: `${DJANGO_DOCS}asgi/hypercorn/`,
    command: (t) => `hypercorn ${t.module}:${t.callable} --bind ${t.host}:${t.port}`,
  },
];

export { normalisePackage };

/** The servers whose packages are among `packages` (normalised names). */
export function serversIn(packages: ReadonlySet<string>): ApplicationServer[] {
  return APPLICATION_SERVERS.filter((s) => s.packages.some((p) => packages.has(normalisePackage(p))));
}

export interface CommandLine {
  server: ApplicationServer;
  /** The whole line: environment assignments first, when needed. */
  line: string;
}

/**
 * Every server's command line for this project. `settingsModule`, when the entry point would
 * load another settings module by default, is set in the environment.
 */
export function commandLines(entry: { interface: Interface; module: string; callable: string; path: string; defaultSettings?: string }, settingsModule: string | undefined, host = '127.0.0.1', port = 8000): CommandLine[] {
  const env = settingsModule && settingsModule !== entry.defaultSettings ? `DJANGO_SETTINGS_MODULE=${settingsModule} ` : '';
  return APPLICATION_SERVERS.filter((s) => s.interface === entry.interface).map((server) => ({
    server,
    line: env + server.command({ module: entry.module, callable: entry.callable, path: entry.path, host, port }),
  }));
}
