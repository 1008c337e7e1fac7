// Shared by the nginx suites: a throwaway nginx (its own prefix, pid, logs and temp paths under a
// scratch folder, so no root-owned path is touched), a self-signed certificate for its TLS server,
// and GET over TLS.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { onPath, PYTHON, serverEnvironment, startGroup, type Response, type Started } from './helpers';

export const NGINX = '/usr/sbin/nginx';
export const MIME_TYPES = '/etc/nginx/mime.types';

/** Why the nginx suites cannot run here, or false. */
export function missing(): string | false {
  if (!existsSync(NGINX)) return `${NGINX} not found: apt-get install nginx`;
  if (!existsSync(MIME_TYPES)) return `${MIME_TYPES} not found: apt-get install nginx-common`;
  if (!existsSync(PYTHON) || spawnSync(PYTHON, ['-c', 'import django']).status !== 0) return `${PYTHON} cannot import django: apt-get install python3-django`;
  return false;
}

/** The PATH Gunicorn is looked up on, and why it cannot run (or false). */
export const GUNICORN_PATH = ['/usr/bin', '/bin', process.env.PATH].filter(Boolean).join(':');
export function noGunicorn(): string | false {
  return onPath('gunicorn', GUNICORN_PATH) ? false : 'gunicorn not found: apt-get install gunicorn';
}

/** The main config of a throwaway nginx: everything it writes stays under `dir`. */
export function mainConfig(dir: string, includes: string[]): string {
  const temp = (name: string) => join(dir, 'temp', name);
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(temp(name), { recursive: true });
  return [
    // Tests run as root in CI: keep the workers root too, so they can read the temp copy.
    process.getuid?.() === 0 ? 'user root;' : '# not root: workers run as this user',
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `    include ${MIME_TYPES};`,
    '    default_type application/octet-stream;',
    `    access_log ${join(dir, 'access.log')};`,
    `    client_body_temp_path ${temp('client_body')};`,
    `    proxy_temp_path ${temp('proxy')};`,
    `    fastcgi_temp_path ${temp('fastcgi')};`,
    `    uwsgi_temp_path ${temp('uwsgi')};`,
    `    scgi_temp_path ${temp('scgi')};`,
    ...includes.map((f) => `    include ${f};`),
    '}',
    '',
  ].join('\n');
}

export interface NginxInstance {
  /** The nginx command-line flags that pick this instance's prefix, error log and main config. */
  flags: string[];
  /** `nginx -t`: its exit status and what it printed. */
  check: () => { status: number | null; output: string };
  start: () => Started;
}

/** A throwaway nginx in `dir` serving the generated configs (file name → text). */
export function nginxInstance(dir: string, sites: Record<string, string>): NginxInstance {
  mkdirSync(dir, { recursive: true });
  const includes = Object.entries(sites).map(([name, text]) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  });
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, mainConfig(dir, includes));
  const flags = ['-p', `${dir}/`, '-e', join(dir, 'error.log'), '-c', main];
  return {
    flags,
    check: () => {
      const r = spawnSync(NGINX, ['-t', ...flags], { encoding: 'utf8', timeout: 30_000 });
      return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
    },
    start: () => startGroup(NGINX, flags, { cwd: dir, env: serverEnvironment() }),
  };
}

/**
 * A self-signed certificate for localhost and 127.0.0.1 (openssl; Node can read certificates but
 * not make them), or why there is none.
 */
export function selfSignedCertificate(dir: string): { certificate: string; key: string } | { missing: string } {
  if (!onPath('openssl', GUNICORN_PATH)) return { missing: 'openssl not found: apt-get install openssl (the TLS server is only checked with nginx -t then)' };
  mkdirSync(dir, { recursive: true });
  const certificate = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: GUNICORN_PATH },
  });
  if (r.status !== 0) return { missing: `openssl could not make a certificate: ${r.stderr ?? r.error?.message}` };
  return { certificate, key };
}

/** GET https://localhost:PORT/PATH (connecting to 127.0.0.1), trusting only `ca`, with a fresh connection. */
export function getTls(port: number, path: string, ca: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, method: 'GET', agent: false, ca, headers: { Connection: 'close', Host: `localhost:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', fail);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET https://localhost:${port}${path}: no answer`)));
    req.on('error', fail);
    req.end();
  });
}

/** A URL path for a request line: each segment percent-encoded (nginx decodes it before matching locations). */
export function encodedPath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
