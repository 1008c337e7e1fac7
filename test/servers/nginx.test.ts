// The nginx config (server/src/engine/deploy/nginx.ts) against a real nginx: on a copy of
// test/fixtures/served, `manage.py collectstatic` fills STATIC_ROOT, nginxConfig() is written
// into a throwaway nginx instance (its own prefix, pid, logs and temp paths under the copy; see
// nginxHelpers.ts), `nginx -t` accepts it, and the running nginx serves (the plain-HTTP layout
// behind a TLS-terminating proxy; nginxLayouts.test.ts has the TLS layout and hostile values):
//   - STATIC_URL from STATIC_ROOT (alias): the collected file, byte for byte, with
//     Cache-Control "public, max-age=3600"; a hashed name (name.<12 hex>.ext: one made by hand,
//     and the one Django's ManifestStaticFilesStorage writes) with
//     "public, max-age=31536000, immutable";
//   - MEDIA_URL from MEDIA_ROOT, with X-Content-Type-Options: nosniff and no long cache;
//   - everything else proxied to the application server (Gunicorn, started with its
//     commandLines() line, when Debian's gunicorn is installed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig } from '../../server/src/engine/deploy/nginx';
import { commandLines } from '../../server/src/engine/deploy/servers';
import { copyOfServed, freePort, get, PYTHON, serverEnvironment, startLine, waitForHttp, type Started } from './helpers';
import { GUNICORN_PATH, missing, NGINX, nginxInstance, noGunicorn } from './nginxHelpers';

const HASHED = 'pages/site.0123456789ab.css';
const UPLOAD = 'uploads/note.txt';
const UPLOAD_TEXT = 'a file a user uploaded\n';

test('nginxConfig() in a real nginx: static files from STATIC_ROOT, media from MEDIA_ROOT, the rest proxied', { skip: missing(), timeout: 120_000 }, async (t) => {
  const { base, dir, cleanup } = copyOfServed();
  const processes: Started[] = [];
  try {
    // collectstatic: pages/static/pages/site.css -> STATIC_ROOT/pages/site.css
    const collect = spawnSync(PYTHON, ['manage.py', 'collectstatic', '--noinput'], { cwd: dir, env: serverEnvironment(), encoding: 'utf8' });
    assert.equal(collect.status, 0, `${collect.stdout}${collect.stderr}`);
    const staticRoot = join(dir, 'staticfiles');
    const mediaRoot = join(dir, 'media');
    const css = readFileSync(join(dir, 'pages', 'static', 'pages', 'site.css'), 'utf8');
    assert.equal(readFileSync(join(staticRoot, 'pages', 'site.css'), 'utf8'), css, 'collectstatic copied pages/site.css into STATIC_ROOT');
    // The hashed copies: one named by hand, and the one Django's ManifestStaticFilesStorage
    // writes (collectstatic again, with a settings module made for it in the copy only).
    copyFileSync(join(staticRoot, 'pages', 'site.css'), join(staticRoot, HASHED));
    writeFileSync(join(dir, 'served', 'settings_manifest.py'), "from .settings import *  # noqa\nSTATICFILES_STORAGE = 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'\n");
    const manifestRun = spawnSync(PYTHON, ['manage.py', 'collectstatic', '--noinput'], { cwd: dir, env: serverEnvironment({ DJANGO_SETTINGS_MODULE: 'served.settings_manifest' }), encoding: 'utf8' });
    assert.equal(manifestRun.status, 0, `${manifestRun.stdout}${manifestRun.stderr}`);
    const manifest = JSON.parse(readFileSync(join(staticRoot, 'staticfiles.json'), 'utf8')) as { paths: Record<string, string> };
    const djangoHashed = manifest.paths['pages/site.css'];
    assert.match(djangoHashed, /^pages\/site\.[0-9a-f]{12}\.css$/);
    // A user upload.
    mkdirSync(join(mediaRoot, 'uploads'), { recursive: true });
    writeFileSync(join(mediaRoot, UPLOAD), UPLOAD_TEXT);

    const listen = await freePort();
    let upstreamPort = await freePort();
    while (upstreamPort === listen) upstreamPort = await freePort();
    const config = nginxConfig({
      settingsModule: 'served.settings',
      staticUrl: '/static/',
      staticRoot,
      mediaUrl: '/media/',
      mediaRoot,
      allowedHosts: ['127.0.0.1', 'localhost'],
      upstream: `127.0.0.1:${upstreamPort}`,
      // The layout behind a TLS-terminating proxy: one plain-HTTP server. The TLS layout, and
      // what each layout does with X-Forwarded-Proto, are in nginxLayouts.test.ts.
      secureProxySslHeader: { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' },
      listen,
    });
    const nginx = nginxInstance(join(base, 'nginx'), { 'django-deploy.conf': config });
    const check = nginx.check();
    assert.equal(check.status, 0, `nginx -t rejected the config:\n${check.output}\n${config}`);
    assert.match(check.output, /syntax is ok/);
    assert.match(check.output, /test is successful/);
    t.diagnostic(`${NGINX} ${nginx.flags.join(' ')}  (listen ${listen}, upstream 127.0.0.1:${upstreamPort})`);

    const server = nginx.start();
    processes.push(server);
    await waitForHttp(server, listen, '/static/pages/site.css');

    await t.test('STATIC_URL serves the collected file from STATIC_ROOT, cached for an hour', async () => {
      const r = await get(listen, '/static/pages/site.css');
      assert.equal(r.status, 200, r.body);
      assert.equal(r.body, css);
      assert.match(String(r.headers['content-type']), /^text\/css/);
      assert.equal(r.headers['cache-control'], 'public, max-age=3600');
    });

    await t.test('a hashed name (name.<12 hex>.ext) is cached for a year, immutable', async () => {
      for (const name of [HASHED, djangoHashed]) {
        const r = await get(listen, `/static/${name}`);
        assert.equal(r.status, 200, `${name}: ${r.body}`);
        assert.equal(r.body, css, name);
        assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', name);
      }
      // The manifest itself is not hashed: an hour.
      const r = await get(listen, '/static/staticfiles.json');
      assert.equal(r.status, 200);
      assert.equal(r.headers['cache-control'], 'public, max-age=3600');
    });

    await t.test('a file missing from STATIC_ROOT is a 404 from nginx, not a request to the app', async () => {
      const r = await get(listen, '/static/pages/missing.css');
      assert.equal(r.status, 404);
    });

    await t.test('MEDIA_URL serves MEDIA_ROOT, nosniff, not cached for long', async () => {
      const r = await get(listen, `/media/${UPLOAD}`);
      assert.equal(r.status, 200, r.body);
      assert.equal(r.body, UPLOAD_TEXT);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['cache-control'], undefined);
    });

    await t.test('everything else goes to the application server (Gunicorn) through the upstream', { skip: noGunicorn() }, async (st) => {
      const line = commandLines({ interface: 'wsgi', module: 'served.wsgi', callable: 'application', path: 'served/wsgi.py', defaultSettings: 'served.settings' }, 'served.settings', '127.0.0.1', upstreamPort).find((l) => l.server.id === 'gunicorn')!.line;
      st.diagnostic(`bash -c '${line}'`);
      const app = startLine(line, { cwd: dir, env: serverEnvironment({ PATH: GUNICORN_PATH }) });
      processes.push(app);
      await waitForHttp(app, upstreamPort);
      const index = await get(listen, '/');
      assert.equal(index.status, 200, `${index.body}\n${app.output()}`);
      assert.equal(index.body, 'served ok');
      const asyncView = await get(listen, '/async/');
      assert.equal(asyncView.status, 200, asyncView.body);
      assert.equal(asyncView.body, 'async ok');
      // Host is passed on as $host: Django's ALLOWED_HOSTS still decides.
      const foreign = await get(listen, '/', { Host: 'evil.example' });
      assert.equal(foreign.status, 400);
    });
  } finally {
    for (const p of processes.reverse()) await p.stop();
    cleanup();
  }
});
