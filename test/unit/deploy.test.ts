// Deployment facts, the checklist, server command lines and the nginx config, on small projects:
// startproject as generated, split settings with a Procfile, async views, Channels, WhiteNoise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, ROOT } from './helpers';
import { DjangoProject } from '../../server/src/engine/project/project';
import { projectFacts } from '../../server/src/engine/deploy/facts';
import { deploymentChecklist, checklistMarkdown, MAX_PLACES, type ChecklistItem } from '../../server/src/engine/deploy/checklist';
import { settingsKnowledge } from '../../server/src/engine/deploy/knowledge';
import { commandLines, APPLICATION_SERVERS } from '../../server/src/engine/deploy/servers';
import { nginxConfig } from '../../server/src/engine/deploy/nginx';

const WSGI = "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\napplication = get_wsgi_application()\n";
const ASGI = "import os\nfrom django.core.asgi import get_asgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\napplication = get_asgi_application()\n";
const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

/** startproject 3.2 as generated (DEBUG on, insecure key, no STATIC_ROOT). */
const STARTPROJECT = [
  'from pathlib import Path',
  'BASE_DIR = Path(__file__).resolve().parent.parent',
  "SECRET_KEY = 'django-insecure-3x@mple!key-for-tests-only-0123456789abcdef'",
  'DEBUG = True',
  'ALLOWED_HOSTS = []',
  "INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions', 'django.contrib.messages', 'django.contrib.staticfiles']",
  "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.common.CommonMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.contrib.auth.middleware.AuthenticationMiddleware', 'django.contrib.messages.middleware.MessageMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware']",
  "ROOT_URLCONF = 'mysite.urls'",
  "WSGI_APPLICATION = 'mysite.wsgi.application'",
  "STATIC_URL = '/static/'",
  '',
].join('\n');

/** Every deployment setting right, WhiteNoise, gunicorn. */
const HARDENED = [
  'import os',
  'from pathlib import Path',
  'BASE_DIR = Path(__file__).resolve().parent.parent',
  "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
  'DEBUG = False',
  "ALLOWED_HOSTS = ['shop.example.com']",
  "INSTALLED_APPS = ['django.contrib.staticfiles', 'shop']",
  "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware']",
  "WSGI_APPLICATION = 'mysite.wsgi.application'",
  "STATIC_URL = '/static/'",
  "STATIC_ROOT = BASE_DIR / 'staticfiles'",
  'SECURE_SSL_REDIRECT = True',
  'SECURE_HSTS_SECONDS = 31536000',
  'SECURE_HSTS_INCLUDE_SUBDOMAINS = True',
  'SECURE_HSTS_PRELOAD = True',
  'SESSION_COOKIE_SECURE = True',
  'CSRF_COOKIE_SECURE = True',
  "X_FRAME_OPTIONS = 'DENY'",
  '',
].join('\n');

function site(settings: string, extra: Record<string, string> = {}) {
  return project({ 'manage.py': MANAGE, 'mysite/__init__.py': '', 'mysite/settings.py': settings, 'mysite/wsgi.py': WSGI, 'mysite/asgi.py': ASGI, ...extra }, { djangoVersion: '4.2' });
}

function item(items: ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `no item ${id}`);
  return found;
}

function checklistOf(p: ReturnType<typeof project>, staticRoot?: Parameters<typeof deploymentChecklist>[2]) {
  const facts = projectFacts(p);
  return { facts, items: deploymentChecklist(p.allFindings({ checklist: true }), facts, staticRoot) };
}

test('startproject as generated: DEBUG, hosts, key, STATIC_ROOT and the server fail; where and why are given', () => {
  const p = site(STARTPROJECT, { 'requirements.txt': 'Django==4.2.11\n' });
  const { facts, items } = checklistOf(p);
  assert.equal(facts.settings?.module, 'mysite.settings');
  assert.equal(facts.runFrom, ROOT);
  assert.equal(facts.wsgi?.module, 'mysite.wsgi');
  assert.equal(facts.wsgi?.path, 'mysite/wsgi.py');
  assert.equal(facts.asgi?.defaultSettings, 'mysite.settings');
  assert.equal(facts.wsgiApplication?.label, 'mysite.wsgi.application');
  assert.equal(item(items, 'debug').status, 'fail');
  assert.ok(item(items, 'debug').places.some((pl) => pl.file === `${ROOT}/mysite/settings.py`));
  assert.equal(item(items, 'allowed-hosts').status, 'fail');
  assert.equal(item(items, 'secret-key').status, 'fail');
  assert.equal(item(items, 'collectstatic').status, 'fail');
  assert.match(item(items, 'collectstatic').detail, /STATIC_ROOT is not set/);
  assert.equal(item(items, 'static-serving').status, 'unknown');
  assert.equal(item(items, 'static-serving').command?.id, 'djangoDeploy.generateNginxConfig');
  assert.equal(item(items, 'https').status, 'fail');
  assert.equal(item(items, 'cookies').status, 'fail');
  assert.equal(item(items, 'app-server').status, 'warn');
  assert.match(item(items, 'app-server').detail, /No WSGI or ASGI server/);
  for (const i of items) assert.ok(i.detail.length > 0 && !i.detail.includes('\n'), `${i.id}: one line`);
});

test('every deployment setting right, WhiteNoise, gunicorn and a collected STATIC_ROOT: everything passes', () => {
  // Django's whole checklist (production.ts): a shared cache, logging, someone to mail errors to, error pages.
  const settings = HARDENED + "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': 'redis://127.0.0.1:6379'}}\nLOGGING = {'version': 1}\nADMINS = [('Ops', 'ops@shop.example.com')]\nSERVER_EMAIL = 'django@shop.example.com'\nTEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [BASE_DIR / 'templates']}]\n";
  const p = site(settings, { 'requirements.txt': 'Django==4.2.11\ngunicorn==21.2.0\nwhitenoise[brotli]>=6\n', 'shop/__init__.py': '', 'shop/views.py': 'from django.http import HttpResponse\ndef home(request):\n    return HttpResponse("ok")\n', 'templates/404.html': '<h1>Not found</h1>\n', 'templates/500.html': '<h1>Server error</h1>\n' });
  const { facts, items } = checklistOf(p, { exists: true, files: 143, manifest: true });
  assert.equal(facts.staticRoot, `${ROOT}/staticfiles`);
  assert.ok(facts.whitenoise.middleware && facts.whitenoise.package);
  // The key comes from os.environ["DJANGO_SECRET_KEY"]: the one thing production must provide.
  assert.deepEqual(items.filter((i) => i.status !== 'pass').map((i) => `${i.id}: ${i.detail}`), ['environment: Django does not start without DJANGO_SECRET_KEY: set it in production and wherever check --deploy runs.', 'error-pages: The template folders were not looked at.']);
  // With what the engine knows of the production values: the key's value is the environment's; uploads are for a person to check.
  const known = deploymentChecklist(p.allFindings({ checklist: true }), facts, { exists: true, files: 143, manifest: true }, [], settingsKnowledge(p));
  assert.deepEqual(known.filter((i) => i.status !== 'pass').map((i) => `${i.id}: ${i.status}`), ['secret-key: unknown', 'environment: warn', 'media: unknown']);
  assert.equal(item(known, 'secret-key').detail, 'SECRET_KEY is read from DJANGO_SECRET_KEY; its production value is not known here.');
  assert.match(item(items, 'collectstatic').detail, /143 files and staticfiles\.json/);
  assert.match(item(items, 'app-server').detail, /Gunicorn/);
  assert.equal(facts.requirements.get('gunicorn')?.place.label, 'gunicorn==21.2.0');
});

test('collectstatic: a missing or empty STATIC_ROOT fails with the command that fixes it; not looked at is unknown', () => {
  const p = site(HARDENED);
  const facts = projectFacts(p);
  const status = (state?: { exists: boolean; files: number; manifest: boolean }) => item(deploymentChecklist(p.allFindings({ checklist: true }), facts, state), 'collectstatic');
  assert.equal(status({ exists: false, files: 0, manifest: false }).status, 'fail');
  assert.equal(status({ exists: false, files: 0, manifest: false }).command?.id, 'djangoDeploy.runCollectstatic');
  assert.equal(status({ exists: true, files: 0, manifest: false }).status, 'fail');
  assert.equal(status({ exists: true, files: 1, manifest: false }).status, 'pass');
  assert.equal(status(undefined).status, 'unknown');
});

test('split settings and a Procfile that runs runserver: the server item fails on the Procfile line; commands set the production module', () => {
  const base = HARDENED;
  const p = project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n",
      'mysite/__init__.py': '',
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': base,
      'mysite/settings/production.py': 'from .base import *\n',
      'mysite/settings/dev.py': 'from .base import *\nDEBUG = True\n',
      'mysite/wsgi.py': WSGI.replace("'mysite.settings'", "'mysite.settings.production'"),
      'mysite/asgi.py': ASGI,
      'Procfile': 'release: python manage.py migrate\nweb: python manage.py runserver 0.0.0.0:$PORT\n',
      'requirements.txt': 'django>=4.2,<5\n',
    },
    { djangoVersion: '4.2' },
  );
  const { facts, items } = checklistOf(p);
  assert.equal(facts.settings?.module, 'mysite.settings.production');
  const server = item(items, 'app-server');
  assert.equal(server.status, 'fail');
  assert.match(server.detail, /Procfile starts the development server/);
  assert.equal(server.places[0].file, `${ROOT}/Procfile`);
  assert.equal(p.text(`${ROOT}/Procfile`)!.slice(server.places[0].start, server.places[0].end), 'web: python manage.py runserver 0.0.0.0:$PORT');
  // wsgi.py already names production: no prefix; asgi.py names mysite.settings: the prefix.
  const wsgiLines = commandLines({ ...facts.wsgi!, callable: 'application' }, facts.settings?.module);
  assert.equal(wsgiLines.find((c) => c.server.id === 'gunicorn')?.line, 'gunicorn mysite.wsgi:application --bind 127.0.0.1:8000');
  const asgiLines = commandLines({ ...facts.asgi!, callable: 'application' }, facts.settings?.module);
  assert.equal(asgiLines.find((c) => c.server.id === 'daphne')?.line, 'DJANGO_SETTINGS_MODULE=mysite.settings.production daphne -b 127.0.0.1 -p 8000 mysite.asgi:application');
  assert.deepEqual(asgiLines.map((c) => c.server.id), APPLICATION_SERVERS.filter((s) => s.interface === 'asgi').map((s) => s.id));
});

test('async views under a WSGI-only server warn, with links to the views; async CBV handlers count, helpers do not', () => {
  const views = [
    'from django.http import HttpResponse',
    'from django.views import View',
    'async def feed(request):',
    '    return HttpResponse("feed")',
    'class Stream(View):',
    '    async def get(self, request):',
    '        return HttpResponse("stream")',
    '    async def _helper(self):',
    '        pass',
    'def sync_view(request):',
    '    return HttpResponse("x")',
    '',
  ].join('\n');
  const p = site(HARDENED, { 'requirements.txt': 'gunicorn\nwhitenoise\n', 'shop/__init__.py': '', 'shop/views.py': views });
  const { facts, items } = checklistOf(p, { exists: true, files: 3, manifest: false });
  assert.deepEqual(facts.asyncViews.map((v) => v.label), ['async def feed', 'async def get']);
  const server = item(items, 'app-server');
  assert.equal(server.status, 'warn');
  assert.match(server.detail, /2 async views under Gunicorn/);
  assert.ok(server.places.some((pl) => pl.label === 'async def feed'));
});

test('Channels: routing and consumers are found; daphne in the requirements passes, gunicorn alone warns', () => {
  const asgi = "import os\nfrom channels.routing import ProtocolTypeRouter, URLRouter\nfrom django.core.asgi import get_asgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\napplication = ProtocolTypeRouter({'http': get_asgi_application()})\n";
  const consumers = 'from channels.generic.websocket import AsyncWebsocketConsumer\nclass Chat(AsyncWebsocketConsumer):\n    async def connect(self):\n        await self.accept()\n';
  const settings = HARDENED.replace("INSTALLED_APPS = ['django.contrib.staticfiles', 'shop']", "INSTALLED_APPS = ['daphne', 'django.contrib.staticfiles', 'shop', 'channels']") + "ASGI_APPLICATION = 'mysite.asgi.application'\nCHANNEL_LAYERS = {'default': {'BACKEND': 'channels.layers.InMemoryChannelLayer'}}\n";
  const files = { 'mysite/asgi.py': asgi, 'shop/__init__.py': '', 'shop/consumers.py': consumers };
  const withDaphne = checklistOf(site(settings, { ...files, 'requirements.txt': 'channels==4.0\ndaphne==4.1\nwhitenoise\n' }), { exists: true, files: 1, manifest: false });
  assert.deepEqual(withDaphne.facts.channels.installedApps, ['daphne', 'channels']);
  assert.equal(withDaphne.facts.channels.routing[0].label, 'ProtocolTypeRouter');
  assert.deepEqual(withDaphne.facts.channels.consumers.map((c) => c.label), ['async def connect']);
  assert.equal(withDaphne.facts.asyncViews.length, 0, 'a consumer is not a view');
  assert.equal(withDaphne.facts.channels.channelLayers, true);
  assert.equal(withDaphne.facts.asgiApplication?.label, 'mysite.asgi.application');
  assert.equal(item(withDaphne.items, 'app-server').status, 'pass');
  const gunicornOnly = checklistOf(site(settings, { ...files, 'requirements.txt': 'channels\ngunicorn\nwhitenoise\n' }));
  assert.equal(item(gunicornOnly.items, 'app-server').status, 'warn');
  assert.match(item(gunicornOnly.items, 'app-server').detail, /WebSockets \(Channels\) need an ASGI server/);
});

test('requirements are read from pyproject, Pipfile and lock files; names normalised; comments ignored', () => {
  const facts = (files: Record<string, string>) => projectFacts(site(HARDENED, files)).requirements;
  assert.ok(facts({ 'pyproject.toml': '[project]\ndependencies = [\n  "Django>=4.2",\n  "uvicorn[standard]>=0.30",\n  "uvicorn_worker",\n]\n' }).has('uvicorn-worker'));
  assert.ok(facts({ 'Pipfile': '[packages]\ndjango = "*"\nhypercorn = "*"\n' }).has('hypercorn'));
  assert.ok(facts({ 'poetry.lock': '[[package]]\nname = "daphne"\nversion = "4.1.0"\n' }).has('daphne'));
  assert.ok(!facts({ 'requirements.txt': '# gunicorn is for later\ndjango\n' }).has('gunicorn'));
  assert.ok(!facts({ 'requirements.txt': 'gunicorn-extras-not-a-server\n' }).has('gunicorn'));
});

test('the checklist as Markdown: one line per item, statuses in words, Markdown escaped', () => {
  const { items } = checklistOf(site(STARTPROJECT));
  const md = checklistMarkdown(items, 'mysite');
  assert.match(md, /^### Deployment checklist: mysite\n/);
  assert.equal(md.split('\n').filter((l) => l.startsWith('- ')).length, items.length);
  assert.match(md, /- \[ \] DEBUG is off in production: \*\*failing\*\* — /);
  assert.match(md, /- \[ \] ALLOWED\\_HOSTS lists the site’s hosts: /, 'underscores escaped');
  assert.match(md, /- \[x\] |- \[ \] /);
});

test('nginx config: STATIC_URL location with alias to STATIC_ROOT, media, hosts from ALLOWED_HOSTS, hashed files cached for a year', () => {
  const conf = nginxConfig({ settingsModule: 'shop.settings', staticUrl: '/static/', staticRoot: '/srv/shop/staticfiles', mediaUrl: 'media/', mediaRoot: '/srv/shop/media', allowedHosts: ['shop.example.com', '.example.org', '*'], upstream: '127.0.0.1:8000' });
  assert.match(conf, /location \/static\/ \{\n\s+alias \/srv\/shop\/staticfiles\/;/);
  assert.match(conf, /location \/media\/ \{\n\s+alias \/srv\/shop\/media\/;/);
  assert.match(conf, /server_name shop\.example\.com \.example\.org;/);
  assert.match(conf, /"~\\\.\[0-9a-f\]\{12\}\\\.\[\^\/\.\]\+\$" "public, max-age=31536000, immutable";/);
  assert.match(conf, /upstream shop_app \{\n\s+server 127\.0\.0\.1:8000;/);
  assert.match(conf, /add_header Cache-Control \$shop_static_cache_control;/);
  // Two projects' configs side by side in one nginx: nothing is declared twice.
  const blog = nginxConfig({ settingsModule: 'blog.settings', staticUrl: '/static/', staticRoot: '/srv/blog/static', mediaUrl: undefined, mediaRoot: undefined, allowedHosts: ['blog.example.com'], upstream: '127.0.0.1:8001' });
  const declared = (c: string) => [...c.matchAll(/^(?:upstream (\S+)|map \$uri (\S+))/gm)].map((m) => m[1] ?? m[2]);
  assert.equal(new Set([...declared(conf), ...declared(blog)]).size, declared(conf).length + declared(blog).length);
  const cdn = nginxConfig({ settingsModule: 'x', staticUrl: 'https://cdn.example.com/static/', staticRoot: '/s', mediaUrl: undefined, mediaRoot: undefined, allowedHosts: undefined, upstream: 'unix:/run/gunicorn.sock' });
  assert.ok(!/location \/static\//.test(cdn));
  assert.match(cdn, /STATIC_URL is https:\/\/cdn\.example\.com\/static\/: static files are served from there/);
  assert.match(cdn, /server_name _;/);
  const unset = nginxConfig({ settingsModule: 'x', staticUrl: '/static/', staticRoot: undefined, mediaUrl: undefined, mediaRoot: undefined, allowedHosts: [], upstream: '127.0.0.1:8000' });
  assert.match(unset, /STATIC_ROOT is not set/);
});

test('an item with thousands of places carries the first MAX_PLACES and the total', () => {
  const p = site(HARDENED, { 'requirements.txt': 'gunicorn\nwhitenoise\n' });
  const facts = projectFacts(p);
  const raw = Array.from({ length: MAX_PLACES + 50 }, (_, i) => ({ code: 'DJD201', severity: 'warning' as const, message: `Raw static path ${i}`, file: `${ROOT}/templates/t${i}.html`, start: 0, end: 1, docsUrl: '', settingsModule: 'mysite.settings', production: true, related: [], fixes: [] }));
  const templates = item(deploymentChecklist([...p.allFindings({ checklist: true }), ...raw], facts, { exists: true, files: 1, manifest: false }), 'templates-static');
  assert.equal(templates.status, 'fail');
  assert.equal(templates.places.length, MAX_PLACES);
  assert.equal(templates.placeCount, MAX_PLACES + 50);
  assert.match(templates.detail, new RegExp(`^${MAX_PLACES + 50} problems in ${MAX_PLACES + 50} files`));
});

test('no settings module: settings items are undecided (?), template items still stand', () => {
  const p = project({ 'templates/home.html': '<img src="/static/logo.png">\n' }, { djangoVersion: '4.2' });
  const { facts, items } = checklistOf(p);
  assert.equal(facts.settings, undefined);
  for (const id of ['debug', 'allowed-hosts', 'secret-key', 'static-settings', 'https', 'cookies', 'other-checks', 'collectstatic']) assert.equal(item(items, id).status, 'unknown', id);
  assert.equal(item(items, 'missing-static').status, 'pass');
  assert.equal(item(items, 'app-server').status, 'fail', 'no wsgi.py or asgi.py');
});

test('async views are counted across many app modules; the facts say how many files were read', () => {
  const files: Record<string, string> = { 'requirements.txt': 'gunicorn\n' };
  for (let i = 0; i < 30; i++) files[`app${i}/views.py`] = 'from django.http import HttpResponse\nasync def v(request):\n    return HttpResponse("x")\n';
  const p = site(HARDENED, files);
  const facts = projectFacts(p);
  assert.equal(facts.asyncViews.length, 30);
  assert.ok(facts.scanned.files >= 30 && facts.scanned.files === facts.scanned.of);
});

test('module facts are read once and follow edits and deletions of the module', () => {
  let reads = 0;
  const views = `${ROOT}/shop/views.py`;
  const disk: Record<string, string> = { [views]: 'from django.http import HttpResponse\nasync def live(request):\n    return HttpResponse("x")\n' };
  const p = new DjangoProject(ROOT, { readFile: (f) => (f === views ? (reads++, disk[f]) : undefined) });
  p.setConfig({ djangoVersion: '4.2' });
  for (const [rel, text] of Object.entries({ 'manage.py': MANAGE, 'mysite/__init__.py': '', 'mysite/settings.py': HARDENED, 'mysite/wsgi.py': WSGI, 'shop/__init__.py': '' })) p.setFile(`${ROOT}/${rel}`, text);
  p.addKnownFiles([views]);
  assert.equal(projectFacts(p).asyncViews.length, 1);
  assert.equal(projectFacts(p).asyncViews.length, 1);
  assert.equal(reads, 1, 'the second look re-uses what was derived');
  p.setFile(views, 'from django.http import HttpResponse\ndef live(request):\n    return HttpResponse("x")\n');
  assert.equal(projectFacts(p).asyncViews.length, 0, 'an edit is seen');
  p.removeFile(views, false);
  assert.equal(projectFacts(p).asyncViews.length, 1, 'back to the file on disk');
  assert.equal(reads, 2);
  p.removeFile(views, true);
  assert.equal(projectFacts(p).asyncViews.length, 0, 'a deleted module has no views');
});
