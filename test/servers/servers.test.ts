// The application server command lines (server/src/engine/deploy/servers.ts) against real
// servers: for test/fixtures/served, each line commandLines() returns is run exactly as returned
// (`bash -c LINE`, from a copy of the folder that holds manage.py), and must serve the project:
// GET / answers "served ok" (a sync view) and GET /async/ "async ok" (an `async def` view).
//
// The DJANGO_SETTINGS_MODULE=... prefix is proven the same way: absent when the settings module
// is the one wsgi.py/asgi.py set by default, present otherwise, and the server started with it
// loads that module (GET /settings/ answers the module Django loaded).
//
// Servers come from Debian 12 (gunicorn, python3-uvicorn, daphne; python3-hypercorn when
// installed). A missing one is skipped with the package to install; servers Debian does not ship
// in a form that runs the line as written are listed, skipped, with the reason.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_SERVERS, commandLines, type Interface } from '../../server/src/engine/deploy/servers';
import { shellLine } from '../../server/src/engine/deploy/shell';
import { copyOfServed, freePort, get, onPath, PYTHON, serverEnvironment, startLine, waitForHttp } from './helpers';

const DEFAULT_SETTINGS = 'served.settings';
/** test/fixtures/served/served/settings_prod.py: `from .settings import *`. */
const OTHER_SETTINGS = 'served.settings_prod';

const ENTRIES = {
  wsgi: { interface: 'wsgi', module: 'served.wsgi', callable: 'application', path: 'served/wsgi.py', defaultSettings: DEFAULT_SETTINGS },
  asgi: { interface: 'asgi', module: 'served.asgi', callable: 'application', path: 'served/asgi.py', defaultSettings: DEFAULT_SETTINGS },
} as const;

interface Runnable {
  /** The server id in APPLICATION_SERVERS. */
  id: string;
  /** The executable the line starts with. */
  executable: string;
  apt: string;
  /** The Python module that provides it, when Debian installs the module without the executable. */
  pythonModule?: string;
}

/** The servers this suite starts, and the Debian package each comes from. */
const RUNNABLE: Runnable[] = [
  { id: 'gunicorn', executable: 'gunicorn', apt: 'gunicorn' },
  // python3-uvicorn 0.17 installs the module only (no /usr/bin/uvicorn): `python3 -m uvicorn`.
  { id: 'uvicorn', executable: 'uvicorn', apt: 'python3-uvicorn', pythonModule: 'uvicorn' },
  { id: 'daphne', executable: 'daphne', apt: 'daphne' },
  { id: 'hypercorn', executable: 'hypercorn', apt: 'python3-hypercorn' },
];

/** The servers this suite does not start, and why. */
const NOT_STARTED: Record<string, string> = {
  uwsgi: "not started: Debian's uwsgi only runs Python apps with --plugin python3, which the line (for pip install uwsgi) does not have",
  mod_wsgi: 'not started: Debian ships mod_wsgi for Apache (libapache2-mod-wsgi-py3), not mod_wsgi-express (pip install mod_wsgi)',
  'gunicorn-uvicorn': 'not started: Debian 12 does not package uvicorn-worker (pip install uvicorn-worker)',
};

/** Debian's executables first: a pip-installed server elsewhere on PATH would run without Debian's Django. */
function serverPath(extra?: string): string {
  return [extra, '/usr/bin', '/bin', '/usr/sbin', '/sbin', process.env.PATH].filter(Boolean).join(':');
}

/**
 * How to run `r.executable`: found on PATH, or (for a module Debian installs without its
 * executable) a two-line wrapper `exec /usr/bin/python3 -m MODULE "$@"` in `binDir`; else why not.
 */
function locate(r: Runnable, binDir: string): { ok: true; how: string } | { ok: false; reason: string } {
  const found = onPath(r.executable, serverPath());
  if (found) return { ok: true, how: found };
  if (r.pythonModule && spawnSync(PYTHON, ['-c', `import ${r.pythonModule}`]).status === 0) {
    mkdirSync(binDir, { recursive: true });
    const wrapper = join(binDir, r.executable);
    writeFileSync(wrapper, `#!/bin/sh\nexec ${PYTHON} -m ${r.pythonModule} "$@"\n`);
    chmodSync(wrapper, 0o755);
    return { ok: true, how: `${wrapper} (${r.apt} installs no ${r.executable} executable: exec ${PYTHON} -m ${r.pythonModule})` };
  }
  return { ok: false, reason: `${r.executable} not found: apt-get install ${r.apt}` };
}

/** Without starting anything: why the server cannot be started here, or false. */
function unavailable(r: Runnable): string | false {
  if (onPath(r.executable, serverPath())) return false;
  if (r.pythonModule && spawnSync(PYTHON, ['-c', `import ${r.pythonModule}`]).status === 0) return false;
  return `${r.executable} not found: apt-get install ${r.apt}`;
}

function lineFor(id: string, iface: Interface, settingsModule: string, port: number): string {
  const line = commandLines(ENTRIES[iface], settingsModule, '127.0.0.1', port).find((l) => l.server.id === id)?.line;
  assert.ok(line, `commandLines() has no ${id} line for ${iface}`);
  return line;
}

describe('command lines: the DJANGO_SETTINGS_MODULE prefix', () => {
  for (const server of APPLICATION_SERVERS) {
    test(`${server.id}: no prefix for the entry point's own settings, a prefix for another`, () => {
      const own = lineFor(server.id, server.interface, DEFAULT_SETTINGS, 8123);
      assert.doesNotMatch(own, /DJANGO_SETTINGS_MODULE/);
      assert.equal(own, shellLine(server.argv({ ...ENTRIES[server.interface], host: '127.0.0.1', port: 8123 })));
      const other = lineFor(server.id, server.interface, OTHER_SETTINGS, 8123);
      assert.equal(other, `DJANGO_SETTINGS_MODULE=${OTHER_SETTINGS} ${own}`);
      // No settings module known: the entry point's setdefault decides.
      assert.equal(commandLines(ENTRIES[server.interface], undefined, '127.0.0.1', 8123).find((l) => l.server.id === server.id)?.line, own);
    });
  }

  test('every server in the table is either started below or listed with the reason it is not', () => {
    const covered = new Set([...RUNNABLE.map((r) => r.id), ...Object.keys(NOT_STARTED)]);
    assert.deepEqual(APPLICATION_SERVERS.map((s) => s.id).filter((id) => !covered.has(id)), []);
  });
});

describe('command lines: each server started for real on test/fixtures/served', () => {
  for (const r of RUNNABLE) {
    const server = APPLICATION_SERVERS.find((s) => s.id === r.id);
    assert.ok(server, `${r.id} is not in APPLICATION_SERVERS`);
    const iface = server.interface;
    const skip = unavailable(r);

    for (const settingsModule of [DEFAULT_SETTINGS, OTHER_SETTINGS]) {
      test(`${server.name} (${iface}) with ${settingsModule}: serves / and /async/`, { skip, timeout: 90_000 }, async (t) => {
        const { base, dir, cleanup } = copyOfServed();
        let started: ReturnType<typeof startLine> | undefined;
        try {
          const where = locate(r, join(base, 'bin'));
          if (!where.ok) return t.skip(where.reason);
          const port = await freePort();
          const line = lineFor(r.id, iface, settingsModule, port);
          if (settingsModule === DEFAULT_SETTINGS) assert.ok(line.startsWith(`${r.executable} `), line);
          else assert.ok(line.startsWith(`DJANGO_SETTINGS_MODULE=${settingsModule} ${r.executable} `), line);
          t.diagnostic(`bash -c '${line}'  (cwd: the fixture copy; ${r.executable}: ${where.how})`);

          started = startLine(line, { cwd: dir, env: serverEnvironment({ PATH: serverPath(join(base, 'bin')) }) });
          await waitForHttp(started, port);

          const index = await get(port, '/');
          assert.equal(index.status, 200, `${index.body}\n${started.output()}`);
          assert.equal(index.body, 'served ok');
          const asyncView = await get(port, '/async/');
          assert.equal(asyncView.status, 200, `${asyncView.body}\n${started.output()}`);
          assert.equal(asyncView.body, 'async ok');
          const loaded = await get(port, '/settings/');
          assert.equal(loaded.status, 200, `${loaded.body}\n${started.output()}`);
          assert.equal(loaded.body, settingsModule, 'the settings module Django loaded');
          // ALLOWED_HOSTS is enforced (DEBUG = False): the app, not a default page, answered.
          const foreign = await get(port, '/', { Host: 'evil.example' });
          assert.equal(foreign.status, 400);
        } finally {
          await started?.stop();
          cleanup();
        }
      });
    }
  }

  for (const [id, reason] of Object.entries(NOT_STARTED)) {
    const server = APPLICATION_SERVERS.find((s) => s.id === id);
    test(`${server?.name ?? id} (${server?.interface ?? '?'})`, { skip: reason }, () => {});
  }
});
