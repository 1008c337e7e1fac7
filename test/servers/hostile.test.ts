// The application server command lines against hostile names, in a real shell: the served fixture
// is copied where people's folders can really be named anything (`$(touch PWNED)`, `;touch
// PWNED;`, backquotes, quotes, spaces, globs, a right-to-left override), its facts read from disk
// as the CLI and the language server read them, and every printed line run with `bash -c` from
// there, as a user would paste it. Nothing injected may run (no file named PWNED anywhere in the
// scratch tree), and every printed line must serve the project as in servers.test.ts.
//
// Inside the project, package folders: a Unicode identifier (`sérvé`) and names that are no
// identifiers (`$(touch PWNED)`, `a;touch PWNED;b`) are all imported by the servers and Django
// (importlib.import_module takes any name), so their lines are printed, quoted, and served. A
// folder name with a dot or a ":" is not importable as `module:callable`: no line, the reason;
// what shellQuote alone would print is run too, the server fails to import, and nothing runs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { projectFacts, type ProjectFacts } from '../../server/src/engine/deploy/facts';
import { compareServers } from '../../server/src/engine/deploy/comparison';
import { APPLICATION_SERVERS, commandLines, type CommandLine } from '../../server/src/engine/deploy/servers';
import { shellLine, shellQuote, visible } from '../../server/src/engine/deploy/shell';
import { freePort, get, onPath, PYTHON, SERVED, serverEnvironment, sleep, startLine, waitForHttp, type Started } from './helpers';

/** Folder names above the project: each would run `touch PWNED` if pasted into a shell unquoted. */
const HOSTILE_PARENTS = ['$(touch PWNED)', 'a;touch PWNED;b', '`touch PWNED`', "it's && touch PWNED", 'with space | touch PWNED', '* ? [a] ~', 'rtl \u202Edlrow'];

/**
 * Package folder names that are no identifiers: `import` statements cannot name them, but the
 * servers and Django import by string (importlib.import_module), which takes any folder name.
 */
const HOSTILE_PACKAGES = ['$(touch PWNED)', 'a;touch PWNED;b', "it's `touch PWNED` & x"];

/** Package folder names the servers cannot import, and the reason the view gives. */
const UNIMPORTABLE_PACKAGES: [string, RegExp][] = [
  ['$(touch PWNED).x', /a folder name with a dot is read as two packages/],
  [';touch PWNED;:x', /contains ":", where the server splits the module from the callable/],
];

/** The servers started here (Debian 12 packages), as in servers.test.ts. */
const RUNNABLE = [
  { id: 'gunicorn', executable: 'gunicorn', apt: 'gunicorn' },
  { id: 'uvicorn', executable: 'uvicorn', apt: 'python3-uvicorn', pythonModule: 'uvicorn' },
  { id: 'daphne', executable: 'daphne', apt: 'daphne' },
  { id: 'hypercorn', executable: 'hypercorn', apt: 'python3-hypercorn' },
];

function serverPath(extra: string): string {
  return [extra, '/usr/bin', '/bin', '/usr/sbin', '/sbin', process.env.PATH].filter(Boolean).join(':');
}

/** Why this server cannot run here, or false; writes the `python3 -m uvicorn` wrapper into `binDir` when needed. */
function unavailable(r: (typeof RUNNABLE)[number], binDir: string): string | false {
  if (onPath(r.executable, serverPath(''))) return false;
  if (r.pythonModule && spawnSync(PYTHON, ['-c', `import ${r.pythonModule}`]).status === 0) {
    mkdirSync(binDir, { recursive: true });
    writeFileSync(join(binDir, r.executable), `#!/bin/sh\nexec ${PYTHON} -m ${r.pythonModule} "$@"\n`);
    chmodSync(join(binDir, r.executable), 0o755);
    return false;
  }
  return `${r.executable} not found: apt-get install ${r.apt}`;
}

const django = spawnSync(PYTHON, ['-c', 'import django']).status === 0 ? false : `${PYTHON} cannot import django (apt-get install python3-django)`;

interface Scratch {
  /** The mkdtemp folder everything is under. */
  base: string;
  /** The folder holding manage.py. */
  dir: string;
  bin: string;
  cleanup: () => void;
}

/** The served fixture copied to `base/<parents…>/served`, its package renamed to `pkg` (references rewritten). */
function hostileCopy(parents: string[], pkg = 'served'): Scratch {
  const base = mkdtempSync(join(tmpdir(), 'django-deploy-hostile-'));
  const dir = join(base, ...parents, 'served');
  mkdirSync(dir, { recursive: true });
  cpSync(SERVED, dir, { recursive: true });
  if (pkg !== 'served') {
    renameSync(join(dir, 'served'), join(dir, pkg));
    for (const file of ['manage.py', `${pkg}/settings.py`, `${pkg}/wsgi.py`, `${pkg}/asgi.py`]) {
      const path = join(dir, file);
      // A JSON string is a Python string literal: the name may hold quotes.
      writeFileSync(path, readFileSync(path, 'utf8').replace(/'served\.([\w.]+)'/g, (_, rest: string) => JSON.stringify(`${pkg}.${rest}`)));
    }
  }
  return { base, dir, bin: join(base, 'bin'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Every file or folder named PWNED under `root` (the hostile folder names only contain the word). */
function injected(root: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === 'PWNED') found.push(full);
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return found;
}

/** The project's facts, read from disk as the CLI reads them (deployFixtures.test.ts). */
function factsOf(root: string): ProjectFacts {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(root);
  const p = new DjangoProject(root, { readFile: (f) => (f.endsWith('.css') ? undefined : readFileSync(f, 'utf8')) });
  p.addKnownFiles(files);
  p.addDirectories([root]);
  return projectFacts(p);
}

/** The lines the WSGI vs ASGI view prints for this project, on `port`: compareServers' own call. */
function linesOf(facts: ProjectFacts, settingsModule: string | undefined, port: number): CommandLine[] {
  return [facts.wsgi, facts.asgi].flatMap((entry) => (entry ? commandLines({ ...entry, callable: 'application' }, settingsModule, '127.0.0.1', port) : []));
}

/** Runs a printed line from `dir` and checks it serves the project with `settingsModule`. */
async function serves(s: Scratch, line: string, settingsModule: string, t: { diagnostic: (m: string) => void }): Promise<void> {
  const port = Number(/(?:--bind 127\.0\.0\.1:|--port |-p )(\d+)/.exec(line)?.[1]);
  t.diagnostic(visible(`cd ${shellQuote(s.dir)} && bash -c ${shellQuote(line)}`));
  let started: Started | undefined;
  try {
    started = startLine(line, { cwd: s.dir, env: serverEnvironment({ PATH: serverPath(s.bin) }) });
    await waitForHttp(started, port);
    const index = await get(port, '/');
    assert.equal(index.status, 200, `${index.body}\n${started.output()}`);
    assert.equal(index.body, 'served ok');
    const asyncView = await get(port, '/async/');
    assert.equal(asyncView.body, 'async ok');
    const loaded = await get(port, '/settings/');
    assert.equal(loaded.body, settingsModule, 'the settings module Django loaded');
  } finally {
    await started?.stop();
  }
}

describe('hostile folder names above the project: lines printed, run with bash, nothing injected', () => {
  for (const r of RUNNABLE) {
    const server = APPLICATION_SERVERS.find((x) => x.id === r.id)!;
    test(`${server.name}: from ${HOSTILE_PARENTS.length} hostile parent folders, serves the project with its own and another settings module`, { skip: django, timeout: 120_000 }, async (t) => {
      const s = hostileCopy(HOSTILE_PARENTS);
      try {
        const skip = unavailable(r, s.bin);
        if (skip) return t.skip(skip);
        const facts = factsOf(s.dir);
        assert.equal(facts.runFrom, s.dir, 'the commands run from the hostile folder');
        assert.equal(facts.wsgi?.module, 'served.wsgi');
        // The view's lines are these lines (on port 8000): nothing from the folder path is in them.
        const viewed = compareServers(facts, s.base).servers;
        assert.deepEqual(viewed.map((v) => v.line), linesOf(facts, facts.settings?.module, 8000).map((l) => l.line));
        for (const v of viewed) {
          assert.equal(v.refused, undefined, `${v.id}: ${v.refused}`);
          assert.ok(!/PWNED|touch|\u202E/.test(v.line), v.line);
        }
        for (const settingsModule of ['served.settings', 'served.settings_prod']) {
          const line = linesOf(facts, settingsModule, await freePort()).find((l) => l.server.id === r.id)!;
          assert.equal(line.refused, undefined);
          await serves(s, line.line, settingsModule, t);
        }
        assert.deepEqual(injected(s.base), [], 'nothing injected ran');
      } finally {
        s.cleanup();
      }
    });
  }
});

describe('a Unicode package (an identifier, importable): lines printed quoted, run with bash, served', () => {
  for (const r of RUNNABLE) {
    const server = APPLICATION_SERVERS.find((x) => x.id === r.id)!;
    test(`${server.name}: sérvé.${server.interface} with sérvé.settings_prod`, { skip: django, timeout: 90_000 }, async (t) => {
      const s = hostileCopy(['$(touch PWNED) ;touch PWNED;'], 'sérvé');
      try {
        const skip = unavailable(r, s.bin);
        if (skip) return t.skip(skip);
        const facts = factsOf(s.dir);
        assert.equal(facts.wsgi?.module, 'sérvé.wsgi');
        const line = linesOf(facts, 'sérvé.settings_prod', await freePort()).find((l) => l.server.id === r.id)!;
        assert.equal(line.refused, undefined);
        assert.ok(line.line.startsWith(`DJANGO_SETTINGS_MODULE='sérvé.settings_prod' ${r.executable} `), line.line);
        assert.ok(line.line.includes(`'sérvé.${server.interface}:application'`), line.line);
        await serves(s, line.line, 'sérvé.settings_prod', t);
        assert.deepEqual(injected(s.base), [], 'nothing injected ran');
      } finally {
        s.cleanup();
      }
    });
  }
});

describe('hostile package folder names importlib still imports: lines printed quoted, run with bash, served, nothing injected', () => {
  for (const pkg of HOSTILE_PACKAGES) {
    for (const r of RUNNABLE) {
      const server = APPLICATION_SERVERS.find((x) => x.id === r.id)!;
      test(`${server.name}: package folder ${JSON.stringify(pkg)}`, { skip: django, timeout: 90_000 }, async (t) => {
        const s = hostileCopy(['projects'], pkg);
        try {
          const skip = unavailable(r, s.bin);
          if (skip) return t.skip(skip);
          const facts = factsOf(s.dir);
          assert.equal(facts.wsgi?.module, `${pkg}.wsgi`);
          const line = linesOf(facts, `${pkg}.settings_prod`, await freePort()).find((l) => l.server.id === r.id)!;
          assert.equal(line.refused, undefined);
          assert.ok(line.line.startsWith(`DJANGO_SETTINGS_MODULE=${shellQuote(`${pkg}.settings_prod`)} ${r.executable} `), line.line);
          await serves(s, line.line, `${pkg}.settings_prod`, t);
          assert.deepEqual(injected(s.base), [], 'nothing injected ran');
        } finally {
          s.cleanup();
        }
      });
    }
  }
});

describe('package folder names no server can import: no line, the reason; quoted anyway, still nothing injected', () => {
  for (const [pkg, reason] of UNIMPORTABLE_PACKAGES) {
    test(`package folder ${JSON.stringify(pkg)}`, { skip: django, timeout: 120_000 }, async (t) => {
      const s = hostileCopy(['projects'], pkg);
      try {
        const facts = factsOf(s.dir);
        const comparison = compareServers(facts, s.base);
        assert.equal(comparison.servers.length, APPLICATION_SERVERS.length, 'every server is listed');
        for (const v of comparison.servers) {
          assert.equal(v.line, '', `${v.id}: nothing printed`);
          assert.match(v.refused ?? '', reason);
        }
        // What shellQuote alone would have printed: the server cannot import it, and nothing injected runs.
        for (const r of RUNNABLE) {
          if (unavailable(r, s.bin)) continue;
          const server = APPLICATION_SERVERS.find((x) => x.id === r.id)!;
          const entry = server.interface === 'wsgi' ? facts.wsgi! : facts.asgi!;
          const line = shellLine(server.argv({ module: entry.module, callable: 'application', path: entry.path, host: '127.0.0.1', port: await freePort() }), [['DJANGO_SETTINGS_MODULE', `${pkg}.settings`]]);
          t.diagnostic(`bash -c ${shellQuote(line)}  (not printed by the view)`);
          const started = startLine(line, { cwd: s.dir, env: serverEnvironment({ PATH: serverPath(s.bin) }) });
          try {
            const deadline = Date.now() + 20_000;
            while (started.exited() === undefined && Date.now() < deadline) await sleep(100);
            assert.notEqual(started.exited(), undefined, `${r.id} should stop: it cannot import ${entry.module}\n${started.output()}`);
            assert.notEqual(started.exited(), 'exit code 0', started.output());
          } finally {
            await started.stop();
          }
        }
        assert.deepEqual(injected(s.base), [], 'nothing injected ran');
      } finally {
        s.cleanup();
      }
    });
  }
});
