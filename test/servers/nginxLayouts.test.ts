// The two layouts nginxConfig() writes, and hostile settings values, against a real nginx (and
// Gunicorn running test/fixtures/served, when installed):
//   - hostile STATIC_ROOT / STATIC_URL / ALLOWED_HOSTS values (space, quotes, backslash, `;`,
//     braces, `#`, `$`, a newline, an injected `location /leak/ { alias /etc/; autoindex on; }`):
//     `nginx -t` accepts every config in both layouts, refused values leave a comment and no
//     location, the others are served from exactly that folder, and /leak/ is never a listing;
//   - behind a TLS-terminating proxy (SECURE_PROXY_SSL_HEADER + SECURE_SSL_REDIRECT): the proxy's
//     X-Forwarded-Proto reaches Django, so https requests are 200 and a plain one is one 301;
//   - nginx terminating TLS (no SECURE_PROXY_SSL_HEADER): port 80 redirects to https, and the TLS
//     server (a self-signed certificate made by openssl here) serves static files collected into a
//     hostile STATIC_ROOT, media, and the app with SECURE_SSL_REDIRECT on, without a loop.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig, type NginxInput } from '../../server/src/engine/deploy/nginx';
import { commandLines } from '../../server/src/engine/deploy/servers';
import { copyOfServed, freePort, get, PYTHON, serverEnvironment, startLine, waitForHttp, type Response, type Started } from './helpers';
import { encodedPath, getTls, GUNICORN_PATH, missing, NGINX, nginxInstance, noGunicorn, selfSignedCertificate } from './nginxHelpers';

const INJECTION = '/x/; } location /leak/ { alias /etc/; autoindex on; } location /y/ { alias /z/';
const BEHIND_PROXY = { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' };
const CSS = join('pages', 'static', 'pages', 'site.css');

/** `count` TCP ports nobody listens on, all different. */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let tries = 0; ports.size < count && tries < count * 20; tries++) ports.add(await freePort());
  assert.equal(ports.size, count, 'enough free ports');
  return [...ports];
}

/** The Gunicorn command line Django Deploy prints for the served fixture, with that settings module. */
function gunicornLine(settingsModule: string, port: number): string {
  const entry = { interface: 'wsgi' as const, module: 'served.wsgi', callable: 'application', path: 'served/wsgi.py', defaultSettings: 'served.settings' };
  return commandLines(entry, settingsModule, '127.0.0.1', port).find((l) => l.server.id === 'gunicorn')!.line;
}

/** Not a listing of /etc, not a file of it. */
function notLeaked(r: Response, what: string): void {
  assert.doesNotMatch(r.body, /Index of|root:x?:0:0|passwd|hostname/, what);
}

interface Hostile {
  label: string;
  staticUrl?: string;
  staticRoot: string;
  hosts?: string[];
  /** The comment that says the value is refused. */
  refused?: RegExp;
  /** GET STATIC_URL/probe.txt: 200 (served from staticRoot), 404 (no such folder), 502 (no static location: the app, which is down). */
  probe: 200 | 404 | 502;
}

test('hostile settings values in a real nginx: carried exactly or refused, never an injected location', { skip: missing(), timeout: 180_000 }, async (t) => {
  const { base, cleanup } = copyOfServed();
  const processes: Started[] = [];
  try {
    const h = join(base, 'hostile');
    const cases: Hostile[] = [
      { label: 'space', staticRoot: `${h}/my site/static`, probe: 200 },
      { label: 'double quotes', staticRoot: `${h}/say "hi"/static`, probe: 200 },
      { label: 'single quote', staticRoot: `${h}/it's/static`, probe: 200 },
      { label: 'semicolon', staticRoot: `${h}/a;b/static`, probe: 200 },
      { label: 'braces', staticRoot: `${h}/{a}}/static`, probe: 200 },
      { label: 'backslashes', staticRoot: `${h}/back\\slash\\n\\"; autoindex on;/static`, probe: 200 },
      { label: 'hash', staticRoot: `${h}/#not a comment/static`, probe: 200 },
      { label: 'injected location, as a folder', staticRoot: h + INJECTION, probe: 200 },
      { label: 'injected location, as given', staticRoot: INJECTION, probe: 404 },
      { label: 'dollar', staticRoot: `${h}/$document_root/static`, refused: /STATIC_ROOT .* is refused: it holds \$/, probe: 502 },
      { label: 'newline', staticRoot: `${h}/new\n} location /leak/ { alias /etc/; autoindex on; } #`, refused: /STATIC_ROOT .* is refused: it holds a control character/, probe: 502 },
      { label: 'STATIC_URL with a space', staticUrl: '/my static/', staticRoot: `${h}/url space/static`, probe: 200 },
      { label: 'STATIC_URL with quote ; { } $', staticUrl: '/st"a;t{i}c$/', staticRoot: `${h}/url odd/static`, probe: 200 },
      { label: 'STATIC_URL with an injected location', staticUrl: '/s/ { alias /etc/; autoindex on; } location /leak/', staticRoot: `${h}/url injected/static`, probe: 200 },
      { label: 'STATIC_URL with a newline', staticUrl: '/s/\nlocation /leak/', staticRoot: `${h}/url newline/static`, refused: /STATIC_URL .* is refused: it holds a control character/, probe: 502 },
      { label: 'ALLOWED_HOSTS with an injected location', hosts: ['127.0.0.1', 'x; } location /leak/ { alias /etc/; autoindex on; } #'], staticRoot: `${h}/hosts/static`, probe: 200 },
    ];
    const tlsFiles = selfSignedCertificate(join(base, 'tls'));
    if ('missing' in tlsFiles) t.diagnostic(`${tlsFiles.missing}: the TLS layout is not run with hostile values`);
    const tls = 'missing' in tlsFiles ? undefined : tlsFiles;
    const ca = tls && readFileSync(tls.certificate, 'utf8');
    const [dead, ...ports] = await freePorts(1 + cases.length * 3);

    const sites: Record<string, string> = {};
    const layouts = cases.map((c, i) => {
      const staticUrl = c.staticUrl ?? '/static/';
      const mediaRoot = `${c.staticRoot.replace(/\/$/, '')}-media`;
      if (c.probe === 200) {
        mkdirSync(c.staticRoot, { recursive: true });
        writeFileSync(join(c.staticRoot, 'probe.txt'), `static: ${c.label}`);
        mkdirSync(mediaRoot, { recursive: true });
        writeFileSync(join(mediaRoot, 'upload.txt'), `media: ${c.label}`);
      }
      const input: NginxInput = { settingsModule: '', staticUrl, staticRoot: c.staticRoot, mediaUrl: '/media/', mediaRoot, allowedHosts: c.hosts ?? ['127.0.0.1', 'localhost'], upstream: `127.0.0.1:${dead}` };
      const [proxyPort, httpPort, tlsPort] = ports.slice(i * 3, i * 3 + 3);
      const proxied = nginxConfig({ ...input, settingsModule: `case${i}proxied.settings`, secureProxySslHeader: BEHIND_PROXY, listen: proxyPort });
      const terminated = tls && nginxConfig({ ...input, settingsModule: `case${i}tls.settings`, listen: httpPort, listenTls: tlsPort, certificate: tls });
      for (const conf of [proxied, terminated]) {
        if (!conf) continue;
        if (c.refused) assert.match(conf, c.refused, c.label);
        if (c.hosts) assert.match(conf, /# Not in server_name .*"x; \} location \/leak\/ \{ alias \/etc\/; autoindex on; \} #"/, c.label);
        assert.doesNotMatch(conf, /autoindex on;\s*$/m, c.label);
      }
      // nginx -t on each config alone, so that a rejection names its case.
      const alone = nginxInstance(join(base, 'nginx', `case${i}`), { 'proxied.conf': proxied, ...(terminated ? { 'tls.conf': terminated } : {}) });
      const check = alone.check();
      assert.equal(check.status, 0, `${c.label}: nginx -t rejected the config:\n${check.output}\n${proxied}\n${terminated ?? ''}`);
      sites[`case${i}proxied.conf`] = proxied;
      if (terminated) sites[`case${i}tls.conf`] = terminated;
      return { c, staticUrl, proxyPort, httpPort, tlsPort };
    });

    const nginx = nginxInstance(join(base, 'nginx', 'all'), sites);
    const check = nginx.check();
    assert.equal(check.status, 0, check.output);
    t.diagnostic(`${NGINX} ${nginx.flags.join(' ')}  (${cases.length} cases, upstream 127.0.0.1:${dead} is down)`);
    const server = nginx.start();
    processes.push(server);
    await waitForHttp(server, layouts[0].proxyPort);

    for (const { c, staticUrl, proxyPort, httpPort, tlsPort } of layouts) {
      await t.test(c.label, async () => {
        const gets: [string, (path: string) => Promise<Response>][] = [['behind a proxy', (path) => get(proxyPort, path)]];
        if (ca) gets.push(['terminating TLS', (path) => getTls(tlsPort, path, ca)]);
        for (const [layout, fetch] of gets) {
          const what = `${c.label} (${layout})`;
          for (const path of ['/leak/', '/leak/passwd', '/leak/hostname', '/y/']) {
            const r = await fetch(path);
            assert.equal(r.status, 502, `${what}: GET ${path} goes to the application (down), not to a location: ${r.status} ${r.body}`);
            notLeaked(r, `${what}: GET ${path}`);
          }
          const probe = await fetch(`${encodedPath(staticUrl)}probe.txt`);
          assert.equal(probe.status, c.probe, `${what}: GET ${staticUrl}probe.txt: ${probe.body}`);
          if (c.probe === 200) {
            assert.equal(probe.body, `static: ${c.label}`, what);
            const media = await fetch('/media/upload.txt');
            assert.equal(media.status, 200, what);
            assert.equal(media.body, `media: ${c.label}`, what);
            assert.equal(media.headers['x-content-type-options'], 'nosniff', what);
          }
        }
        if (ca) {
          const plain = await get(httpPort, '/leak/');
          assert.equal(plain.status, 301, `${c.label}: port 80 only redirects`);
          assert.equal(plain.headers.location, `https://127.0.0.1:${tlsPort}/leak/`);
        }
      });
    }
  } finally {
    for (const p of processes.reverse()) await p.stop();
    cleanup();
  }
});

test('behind a TLS-terminating proxy (SECURE_PROXY_SSL_HEADER, SECURE_SSL_REDIRECT): the proxy’s X-Forwarded-Proto reaches Django, no redirect loop', { skip: missing() || noGunicorn(), timeout: 120_000 }, async (t) => {
  const { base, dir, cleanup } = copyOfServed();
  const processes: Started[] = [];
  try {
    // What projectFacts() reads from such a module (test/unit/nginx.test.ts) is passed as is.
    writeFileSync(join(dir, 'served', 'settings_behind_proxy.py'), "from .settings import *  # noqa\nSECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n");
    const [listen, upstreamPort] = await freePorts(2);
    const config = nginxConfig({
      settingsModule: 'served.settings_behind_proxy',
      staticUrl: '/static/',
      staticRoot: join(dir, 'staticfiles'),
      mediaUrl: '/media/',
      mediaRoot: join(dir, 'media'),
      allowedHosts: ['127.0.0.1', 'localhost'],
      upstream: `127.0.0.1:${upstreamPort}`,
      secureProxySslHeader: BEHIND_PROXY,
      sslRedirect: true,
      listen,
    });
    assert.match(config, /proxy_set_header X-Forwarded-Proto \$http_x_forwarded_proto;/);
    assert.doesNotMatch(config, /\$scheme;/);
    const nginx = nginxInstance(join(base, 'nginx'), { 'django-deploy.conf': config });
    const check = nginx.check();
    assert.equal(check.status, 0, `${check.output}\n${config}`);
    const server = nginx.start();
    processes.push(server);
    const line = gunicornLine('served.settings_behind_proxy', upstreamPort);
    t.diagnostic(`bash -c '${line}'`);
    const app = startLine(line, { cwd: dir, env: serverEnvironment({ PATH: GUNICORN_PATH }) });
    processes.push(app);
    await waitForHttp(app, upstreamPort);
    await waitForHttp(server, listen);

    // The proxy in front says https: Django serves it.
    const secure = await get(listen, '/', { 'X-Forwarded-Proto': 'https' });
    assert.equal(secure.status, 200, `${secure.status} ${String(secure.headers.location)}\n${app.output()}`);
    assert.equal(secure.body, 'served ok');
    const settings = await get(listen, '/settings/', { 'X-Forwarded-Proto': 'https' });
    assert.equal(settings.body, 'served.settings_behind_proxy');
    // A plain request (no header, or the proxy says http): one redirect to https, from Django.
    for (const headers of [{}, { 'X-Forwarded-Proto': 'http' }] as Record<string, string>[]) {
      const plain = await get(listen, '/async/?x=1', headers);
      assert.equal(plain.status, 301, JSON.stringify(headers));
      assert.equal(plain.headers.location, 'https://127.0.0.1/async/?x=1');
    }
    // The browser follows it; the proxy in front terminates TLS and sends it on with https: served.
    const followed = await get(listen, '/async/?x=1', { 'X-Forwarded-Proto': 'https' });
    assert.equal(followed.status, 200);
    assert.equal(followed.body, 'async ok');
  } finally {
    for (const p of processes.reverse()) await p.stop();
    cleanup();
  }
});

test('nginx terminating TLS (no SECURE_PROXY_SSL_HEADER): port 80 redirects to https; the TLS server serves static files, media and the app', { skip: missing(), timeout: 180_000 }, async (t) => {
  const { base, dir, cleanup } = copyOfServed();
  const processes: Started[] = [];
  try {
    const tls = selfSignedCertificate(join(base, 'tls'));
    if ('missing' in tls) {
      t.skip(tls.missing);
      return;
    }
    const ca = readFileSync(tls.certificate, 'utf8');
    // collectstatic into a STATIC_ROOT whose name nginx must quote; SECURE_SSL_REDIRECT on.
    const folder = 'static files; "odd" {dir} #1';
    writeFileSync(join(dir, 'served', 'settings_tls.py'), `from .settings import *  # noqa\nSTATIC_ROOT = BASE_DIR / ${JSON.stringify(folder)}\nSECURE_SSL_REDIRECT = True\n`);
    const collect = spawnSync(PYTHON, ['manage.py', 'collectstatic', '--noinput'], { cwd: dir, env: serverEnvironment({ DJANGO_SETTINGS_MODULE: 'served.settings_tls' }), encoding: 'utf8', timeout: 60_000 });
    assert.equal(collect.status, 0, `${collect.stdout}${collect.stderr}`);
    const staticRoot = join(dir, folder);
    const css = readFileSync(join(dir, CSS), 'utf8');
    assert.ok(existsSync(join(staticRoot, 'pages', 'site.css')), 'collectstatic filled the odd STATIC_ROOT');
    const mediaRoot = join(dir, 'media');
    mkdirSync(join(mediaRoot, 'uploads'), { recursive: true });
    writeFileSync(join(mediaRoot, 'uploads', 'note.txt'), 'an upload\n');

    const [http, https, upstreamPort] = await freePorts(3);
    const config = nginxConfig({
      settingsModule: 'served.settings_tls',
      staticUrl: '/static/',
      staticRoot,
      mediaUrl: '/media/',
      mediaRoot,
      allowedHosts: ['127.0.0.1', 'localhost'],
      upstream: `127.0.0.1:${upstreamPort}`,
      sslRedirect: true,
      listen: http,
      listenTls: https,
      certificate: tls,
    });
    const nginx = nginxInstance(join(base, 'nginx'), { 'django-deploy.conf': config });
    const check = nginx.check();
    assert.equal(check.status, 0, `${check.output}\n${config}`);
    t.diagnostic(`${NGINX} ${nginx.flags.join(' ')}  (http ${http}, https ${https}, upstream 127.0.0.1:${upstreamPort})`);
    const server = nginx.start();
    processes.push(server);
    await waitForHttp(server, http);

    await t.test('port 80 answers every request with a redirect to the same URL over https', async () => {
      for (const path of ['/', '/static/pages/site.css', '/media/uploads/note.txt', '/admin/?next=/x']) {
        const r = await get(http, path);
        assert.equal(r.status, 301, path);
        assert.equal(r.headers.location, `https://127.0.0.1:${https}${path}`);
      }
    });

    await t.test('the TLS server serves STATIC_ROOT (quoted alias) with the cache header, and media with nosniff', async () => {
      const r = await getTls(https, '/static/pages/site.css', ca);
      assert.equal(r.status, 200, r.body);
      assert.equal(r.body, css);
      assert.equal(r.headers['cache-control'], 'public, max-age=3600');
      const media = await getTls(https, '/media/uploads/note.txt', ca);
      assert.equal(media.status, 200);
      assert.equal(media.body, 'an upload\n');
      assert.equal(media.headers['x-content-type-options'], 'nosniff');
    });

    await t.test('the app over TLS with SECURE_SSL_REDIRECT: 200, not a redirect loop (Gunicorn trusts X-Forwarded-Proto from 127.0.0.1)', { skip: noGunicorn() }, async (st) => {
      const line = gunicornLine('served.settings_tls', upstreamPort);
      st.diagnostic(`bash -c '${line}'`);
      const app = startLine(line, { cwd: dir, env: serverEnvironment({ PATH: GUNICORN_PATH }) });
      processes.push(app);
      await waitForHttp(app, upstreamPort);
      // A browser: http → one 301 → https → the page.
      const first = await get(http, '/async/');
      assert.equal(first.status, 301);
      const next = new URL(String(first.headers.location));
      assert.equal(next.protocol, 'https:');
      const page = await getTls(Number(next.port), next.pathname + next.search, ca);
      assert.equal(page.status, 200, `${page.status} ${String(page.headers.location)}\n${app.output()}`);
      assert.equal(page.body, 'async ok');
      const settings = await getTls(https, '/settings/', ca);
      assert.equal(settings.body, 'served.settings_tls');
      // Host is passed on as $host: Django's ALLOWED_HOSTS still decides.
      const foreign = await getTls(https, '/', ca, { Host: 'evil.example' });
      assert.equal(foreign.status, 400);
    });
  } finally {
    for (const p of processes.reverse()) await p.stop();
    cleanup();
  }
});
