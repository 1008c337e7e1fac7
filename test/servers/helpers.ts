// Shared by the server suites: the fixture, free ports, real processes started in their own
// process group (and always killed with it), and plain HTTP requests.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { copyOf, fixture, PYTHON } from '../cli/helpers';

export { PYTHON };
/** test/fixtures/served: the folder that holds manage.py and the `served` package. */
export const SERVED = fixture('served');

/** How long a server may take to answer its first request. */
export const START_DEADLINE_MS = 20_000;

/** A scratch copy of the served fixture: `base/served` (the folder holding manage.py). */
export function copyOfServed(): { base: string; dir: string; cleanup: () => void } {
  const { dir, cleanup } = copyOf(SERVED);
  const base = dirname(dir);
  // mkdtemp makes it 0700: let unprivileged nginx workers in, should they run as another user.
  chmodSync(base, 0o755);
  return { base, dir, cleanup };
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('no port'))));
    });
  });
}

/** This environment without anything that would choose Django's settings or module path for the server. */
export function serverEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('DJANGO_') || name === 'PYTHONPATH' || name === 'PYTHONHOME') delete env[name];
  return { ...env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...extra };
}

/** A process started in its own process group, with everything it printed so far. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Set once the process has exited: its code or signal. */
  exited: () => string | undefined;
  /** Kills the whole process group (the server and its workers) and waits for the leader to exit. */
  stop: () => Promise<void>;
}

export function startGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exit: string | undefined;
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      done();
    });
    child.on('error', (e) => {
      exit = `spawn error: ${e.message}`;
      output += `${e.message}\n`;
      done();
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async () => {
    signalGroup('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    // Whatever is left of the group (a worker that ignored SIGTERM, or a leader that did).
    signalGroup('SIGKILL');
    if (!gone) await exited;
    child.stdout!.destroy();
    child.stderr!.destroy();
  };
  return { child, output: () => output, exited: () => exit, stop };
}

/** Runs `bash -c LINE`: the command line exactly as a user would paste it into a shell. */
export function startLine(line: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  return startGroup('bash', ['-c', line], options);
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET http://127.0.0.1:PORT/PATH with a fresh connection. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false, headers: { Connection: 'close', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', fail);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer`)));
    req.on('error', fail);
    req.end();
  });
}

/**
 * Polls GET PATH until the server answers (any HTTP status), the process exits, or the deadline
 * passes; throws with the server's output in the last two cases.
 */
export async function waitForHttp(server: Started, port: number, path = '/', deadlineMs = START_DEADLINE_MS): Promise<Response> {
  const deadline = Date.now() + deadlineMs;
  let last = '';
  for (;;) {
    const exit = server.exited();
    if (exit !== undefined) throw new Error(`the server stopped (${exit}) before answering on port ${port}:\n${server.output()}`);
    try {
      return await get(port, path);
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`nothing answered on port ${port} within ${deadlineMs / 1000} s (${last}):\n${server.output()}`);
    await sleep(100);
  }
}

/** The first executable of that name on PATH (as bash would find it), or undefined. */
export function onPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(':')) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // Not there, or not executable.
    }
  }
  return undefined;
}
