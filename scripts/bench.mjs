// Latency and memory of the language server, measured through LSP as an editor sees them.
//
//   npm run bench                 (builds first)
//   node scripts/bench.mjs [--keystrokes N] [--idle SECONDS] [--cpu-prof DIR] [--emit DIR]
//                          [--only settings|project] [--templates N] [--cli PATH]
//
// `--only project`: the whole-project check beside Django's lexer and nothing else (no servers);
// `--cli PATH`: the CLI bundle to measure (default dist/cli.js), e.g. a private build.
//
// Starts dist/server.js --stdio on a temporary workspace with two Django projects (a realistic
// 150-line settings.py and a generated 5,000-line one), then measures:
//   open → diagnostics       didOpen until the publishDiagnostics of version 1: first open (the
//                            server pre-analyses settings modules once the workspace is indexed),
//                            warm reopens, and a settings file the server has never parsed
//   keystroke → diagnostics  one-character incremental didChange until the publishDiagnostics of
//                            that version, one keystroke at a time, typing new settings lines mid-file
//                            (and, on 5,000 lines, new entries inside a multi-line dict)
//   memory                   the server's VmRSS from /proc/<pid>/status right after the runs, and
//                            the lowest within --idle seconds (default 35) of idling afterwards
// then, on a second server (so the settings numbers above stay comparable), Django templates:
//   template open / keystroke  a generated 10,000-line template (scripts/bench/templates.mjs) in the
//                            templates/ folder of a small project with static files, opened as
//                            django-html; keystrokes typed in text and inside an attribute value
// and a whole-project check of --templates N (default 2,000) generated templates of 50–400 lines:
//   `node dist/cli.js check --format json` wall clock (median of 7, Node start-up included) and
//   its phases (DJANGO_DEPLOY_TIMING), the same on the project without its templates, beside
//   Django's own Lexer reading and tokenizing the same files (scripts/bench/django_lex.py under
//   /usr/bin/python3; its runs alternate with ours, so both see the same machine); then the
//   deployment checklist request (djangoDeploy/checklist) on that project, in a third server:
//   first request and again.
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_TEMPLATE, STATIC_FILES, random, template } from './bench/templates.mjs';
import { realisticSettings, branchySettings, shape } from './bench/settings.mjs';
import { Client as LspClient } from './bench/lspClient.mjs';

/** The bench's server: the extension's Node options, a CPU profile when asked. */
class Client extends LspClient {
  constructor(cwd) {
    super(cwd, SERVER, [...SERVER_ARGS, ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF)}`] : [])], TIMEOUT);
  }
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const KEYSTROKES = Number(option('--keystrokes', '240'));
/**
 * `--only settings`: the settings measurements alone (no templates, no whole-project check).
 * `--only project`: the whole-project check and Django's lexer alone (no servers, no checklist).
 */
const ONLY = option('--only', 'all');
if (!['all', 'settings', 'project'].includes(ONLY)) {
  console.error(`--only must be settings or project, not '${ONLY}'`);
  process.exit(2);
}
const WARMUP = 20;
const REOPENS = 10;
const CPU_PROF = option('--cpu-prof', undefined);
/**
 * Node options for the servers: the ones the extension starts its server with
 * (server/node-options.json), or BENCH_SERVER_ARGS (space-separated) to try others.
 */
const SERVER_ARGS = process.env.BENCH_SERVER_ARGS !== undefined ? process.env.BENCH_SERVER_ARGS.split(' ').filter(Boolean) : JSON.parse(readFileSync(new URL('../server/node-options.json', import.meta.url), 'utf8'));
const IDLE_SECONDS = Number(option('--idle', '35'));
const TIMEOUT = 10_000;
const TARGETS = { keystrokeMedian: 5, settingsKeystrokeMedian: 3, open: 50, memoryMb: 100, templateKeystrokeMedian: 10, growth: 4.5, serverPeakMb: 200 };
const GROWTH_RUNS = 5;
const TEMPLATE_LINES = 10_000;
const TEMPLATE_KEYSTROKES = Number(option('--template-keystrokes', '200'));
const PROJECT_TEMPLATES = Number(option('--templates', '2000'));
const CHECK_RUNS = 7;
const PYTHON = '/usr/bin/python3';
const CLI = resolve(option('--cli', 'dist/cli.js'));
/** Whole processes: ours at most as long as python3 running Django's lexer; the goal beyond it, half. */
const WHOLE_PROCESS_GOAL = 0.5;

const SERVER = resolve('dist/server.js');
if (!existsSync(CLI) || (ONLY !== 'project' && !existsSync(SERVER))) {
  console.error(`${existsSync(CLI) ? SERVER : CLI} is missing: run \`node scripts/build.mjs\` first (npm run bench does).`);
  process.exit(1);
}

// -----------------------------------------------------------------------------------------------
// Workspace

const SETTINGS_150 = `"""
Django settings for shop project.
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'django-insecure-dev-only-4k2j3h4k2j3h4k2j3h4')

DEBUG = os.environ.get('DJANGO_DEBUG', 'True') == 'True'

ALLOWED_HOSTS = os.environ.get('DJANGO_ALLOWED_HOSTS', 'localhost,127.0.0.1').split(',')

CSRF_TRUSTED_ORIGINS = ['https://shop.example.com']

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'django.contrib.sites',
    'rest_framework',
    'shop.catalog',
    'shop.orders',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'whitenoise.middleware.WhiteNoiseMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

ROOT_URLCONF = 'shop.urls'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [BASE_DIR / 'templates'],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.debug',
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        },
    },
]

WSGI_APPLICATION = 'shop.wsgi.application'

DATABASES = {
    'default': dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600),
}

CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.redis.RedisCache',
        'LOCATION': os.environ.get('REDIS_URL', 'redis://127.0.0.1:6379/1'),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.UserAttributeSimilarityValidator'},
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {'min_length': 10}},
    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},
    {'NAME': 'django.contrib.auth.password_validation.NumericPasswordValidator'},
]

LANGUAGE_CODE = 'en-us'
TIME_ZONE = 'Europe/Paris'
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = '/static/'
STATIC_ROOT = BASE_DIR / 'staticfiles'
STATICFILES_DIRS = [BASE_DIR / 'static']
STORAGES = {
    'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'},
    'staticfiles': {'BACKEND': 'whitenoise.storage.CompressedManifestStaticFilesStorage'},
}

MEDIA_URL = '/media/'
MEDIA_ROOT = BASE_DIR / 'media'

DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
SITE_ID = 1

EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'
EMAIL_HOST = os.environ.get('EMAIL_HOST', 'localhost')
EMAIL_PORT = int(os.environ.get('EMAIL_PORT', '25'))
DEFAULT_FROM_EMAIL = 'shop@example.com'
ADMINS = [('Ops', 'ops@example.com')]

REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': [
        'rest_framework.authentication.SessionAuthentication',
    ],
    'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.PageNumberPagination',
    'PAGE_SIZE': 50,
}

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'verbose': {'format': '{levelname} {asctime} {module} {message}', 'style': '{'},
    },
    'handlers': {
        'console': {'class': 'logging.StreamHandler', 'formatter': 'verbose'},
    },
    'root': {'handlers': ['console'], 'level': 'INFO'},
    'loggers': {
        'django': {'handlers': ['console'], 'level': os.environ.get('DJANGO_LOG_LEVEL', 'INFO'), 'propagate': False},
    },
}

if not DEBUG:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_ENGINE = 'django.contrib.sessions.backends.cached_db'
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = 'DENY'
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = 'same-origin'

LOGIN_URL = 'accounts:login'
LOGIN_REDIRECT_URL = 'catalog:home'
LOGOUT_REDIRECT_URL = 'catalog:home'

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
`;

/** The realistic module followed by generated settings, dicts and lists up to `lines` lines. */
function bigSettings(lines) {
  const out = SETTINGS_150.split('\n');
  for (let i = 0; out.length < lines - 12; i++) {
    switch (i % 5) {
      case 0:
        out.push(`FEATURE_${i}_ENABLED = os.environ.get('FEATURE_${i}', 'false').lower() == 'true'`);
        break;
      case 1:
        out.push(`SERVICE_${i} = {`, `    'url': 'https://service-${i}.internal.example.com/api/v2/',`, `    'timeout': ${5 + (i % 30)},`, `    'retries': [1, 2, 4, 8],`, `    'headers': {'X-Client': 'shop', 'X-Region': 'eu-west-${i % 3}'},`, '}');
        break;
      case 2:
        out.push(`PARTNER_${i}_COUNTRIES = [`, ...['FR', 'DE', 'IT', 'ES'].map((c) => `    '${c}',`), ']');
        break;
      case 3:
        out.push(`RATE_LIMIT_${i} = ${i * 7 % 1000}  # requests per minute`, `CACHE_TTL_${i} = 60 * ${1 + (i % 15)}`);
        break;
      default:
        out.push('', `# Section ${i}: settings of the ${i}th integration`, `INTEGRATION_${i}_KEY = os.environ.get('INTEGRATION_${i}_KEY', '')`);
    }
  }
  out.push('', "SECURE_CROSS_ORIGIN_OPENER_POLICY = 'same-origin'", '');
  while (out.length < lines) out.push('');
  return out.slice(0, lines).join('\n') + '\n';
}

function writeProject(root, settingsText) {
  mkdirSync(join(root, 'shop'), { recursive: true });
  mkdirSync(join(root, 'static'), { recursive: true });
  mkdirSync(join(root, 'templates'), { recursive: true });
  writeFileSync(join(root, 'requirements.txt'), 'Django==4.2.16\nwhitenoise==6.7.0\ndj-database-url==2.2.0\n');
  writeFileSync(join(root, 'manage.py'), "import os\nimport sys\n\nif __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n");
  writeFileSync(join(root, 'shop/__init__.py'), '');
  writeFileSync(join(root, 'shop/wsgi.py'), "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\napplication = get_wsgi_application()\n");
  writeFileSync(join(root, 'shop/urls.py'), 'urlpatterns = []\n');
  writeFileSync(join(root, 'shop/settings.py'), settingsText);
  return join(root, 'shop/settings.py');
}

/** A small Django project (the 150-line settings: STATIC_URL, STATICFILES_DIRS) with static files on disk. */
function writeTemplateProject(root) {
  writeProject(root, SETTINGS_150);
  for (const f of STATIC_FILES) {
    mkdirSync(dirname(join(root, 'static', f)), { recursive: true });
    writeFileSync(join(root, 'static', f), `/* ${f} */\n`);
  }
  writeFileSync(join(root, 'templates/base.html'), BASE_TEMPLATE);
}

/** `count` page templates of 50–400 lines in 20 app folders under templates/; returns the line total. */
function writeTemplates(root, count) {
  const rnd = random(2024);
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'templates', `app${i % 20}`);
    mkdirSync(dir, { recursive: true });
    const text = template(50 + Math.floor(rnd() * 351), i + 1, `Page ${i}`);
    lines += text.split('\n').length - 1;
    writeFileSync(join(dir, `page_${i}.html`), text);
  }
  return lines;
}

// -----------------------------------------------------------------------------------------------
// A minimal LSP client


// -----------------------------------------------------------------------------------------------
// Measurements

const now = () => Number(process.hrtime.bigint()) / 1e6;
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (values) => quantile(values, 0.5);

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

async function measureOpen(client, uri, text) {
  const times = [];
  for (let i = 0; i <= REOPENS; i++) {
    const waiting = client.diagnostics(uri, 1);
    const t0 = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const p = await waiting;
    times.push(now() - t0);
    if (i === 0 && p.diagnostics.length === 0) throw new Error(`no findings for ${uri}: the bench would measure nothing`);
    if (i < REOPENS) client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  // A settings file the server has never seen (not on disk when the workspace was indexed, so
  // not pre-analysed): open pays the full parse.
  const unseen = uri.replace(/\.py$/, '_unseen.py');
  const waiting = client.diagnostics(unseen, 1);
  const t0 = now();
  client.notify('textDocument/didOpen', { textDocument: { uri: unseen, languageId: 'python', version: 1, text: `${text}\n# ${Date.now()}\n` } });
  await waiting;
  const cold = now() - t0;
  client.notify('textDocument/didClose', { textDocument: { uri: unseen } });
  return { first: times[0], warm: median(times.slice(1)), cold };
}

/**
 * Types in the middle of the module, one character per didChange, waiting for each version's
 * diagnostics. `statement`: new settings lines between two top-level statements. `literal`: new
 * entries inside a multi-line dict (the statement stays unclosed while a string is being typed).
 */
async function measureKeystrokes(client, uri, text, count, where = 'statement') {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  let typed;
  if (where === 'statement') {
    // Before a top-level statement (a plain setting, or an `if`) that follows a blank line or
    // another top-level line: the new line is a statement of its own.
    typed = "NEW_SETTING_{n} = 'value-{n}'\n";
    while (line < lines.length && !(/^([A-Z_]+\w* = [^[{(]*|if .*:)$/.test(lines[line]) && !/^\s/.test(lines[line - 1] ?? ''))) line++;
  } else {
    typed = "    'option_{n}': 'value-{n}',\n";
    while (line < lines.length && !/^    'timeout': \d+,$/.test(lines[line])) line++;
  }
  if (line >= lines.length) throw new Error(`no place to type a ${where} in the middle of ${uri}`);
  let offset = lines.slice(0, line).join('\n').length + 1;
  let version = 1;
  let n = 0;
  let pendingLine = '';
  const times = [];
  for (let k = 0; k < count + WARMUP; k++) {
    if (!pendingLine) pendingLine = typed.replaceAll('{n}', String(n++));
    const ch = pendingLine[0];
    pendingLine = pendingLine.slice(1);
    const pos = positionAt(text, offset);
    version++;
    const waiting = client.diagnostics(uri, version);
    const t0 = now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
    await waiting;
    if (k >= WARMUP) times.push(now() - t0);
    text = text.slice(0, offset) + ch + text.slice(offset);
    offset++;
  }
  return { median: median(times), p95: quantile(times, 0.95), max: Math.max(...times), count: times.length };
}

/** Types `typed` (repeated, {n} numbered) at `offset`, one character per didChange. */
async function typeAt(client, uri, text, offset, typed, count, version = 1) {
  let n = 0;
  let pendingText = '';
  const times = [];
  for (let k = 0; k < count + WARMUP; k++) {
    if (!pendingText) pendingText = typed.replaceAll('{n}', String(n++));
    const ch = pendingText[0];
    pendingText = pendingText.slice(1);
    const pos = positionAt(text, offset);
    version++;
    const waiting = client.diagnostics(uri, version);
    const t0 = now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
    await waiting;
    if (k >= WARMUP) times.push(now() - t0);
    text = text.slice(0, offset) + ch + text.slice(offset);
    offset++;
  }
  return { median: median(times), p95: quantile(times, 0.95), max: Math.max(...times), count: times.length };
}

/** didOpen as django-html until the publishDiagnostics of version 1: first open, then warm reopens. */
async function openTemplate(client, uri, text) {
  const times = [];
  let first;
  for (let i = 0; i <= 5; i++) {
    const waiting = client.diagnostics(uri, 1);
    const t0 = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'django-html', version: 1, text } });
    const p = await waiting;
    times.push(now() - t0);
    if (i === 0) first = p.diagnostics;
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  // A template the server has never seen (not on disk when the workspace was indexed).
  const unseen = uri.replace(/\.html$/, '_unseen.html');
  const waiting = client.diagnostics(unseen, 1);
  const t0 = now();
  client.notify('textDocument/didOpen', { textDocument: { uri: unseen, languageId: 'django-html', version: 1, text: `${text}{# ${Date.now()} #}\n` } });
  await waiting;
  const cold = now() - t0;
  client.notify('textDocument/didClose', { textDocument: { uri: unseen } });
  return { first: times[0], warm: median(times.slice(1)), cold, diagnostics: first };
}

/** Template latency through LSP on a server of its own. */
async function measureTemplates(workspace) {
  const root = join(workspace, 'site');
  writeTemplateProject(root);
  const text = template(TEMPLATE_LINES, 42, 'Catalogue');
  const file = join(root, 'templates/catalogue/big.html');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const client = new Client(workspace);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'site' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  client.notify('initialized', {});
  await new Promise((r) => setTimeout(r, 300));

  const open = await openTemplate(client, uri, text);
  const counts = {};
  for (const d of open.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  if (!counts.DJD201) throw new Error(`no DJD201 finding in the ${TEMPLATE_LINES}-line template: the bench would measure nothing`);

  const rows = [];
  const middle = (needle) => {
    const at = text.indexOf(needle, Math.floor(text.length / 2));
    if (at < 0) throw new Error(`'${needle}' not found in the second half of the template`);
    return at + needle.length;
  };
  const places = [
    ['typing in text', middle('<p>Lorem ipsum'), ' typed words {n}'],
    ['typing in an attribute', middle('<div class="gallery'), ' col-{n}'],
  ];
  for (const [name, offset, typed] of places) {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'django-html', version: 1, text } });
    await client.diagnostics(uri, 1);
    const keys = await typeAt(client, uri, text, offset, typed, TEMPLATE_KEYSTROKES);
    rows.push({ case: `  ${name}`, keys });
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  const memory = rssMb(client.child.pid);
  await client.shutdown();
  return { lines: text.split('\n').length - 1, open, counts, rows, memory };
}

/**
 * Waits until the server is idle: a request it does not know is answered at once by an idle
 * server, and only after the work ahead of it by a busy one. Idle = three quick answers in a row.
 */
async function settle(client, limitMs = 60_000) {
  await new Promise((r) => setTimeout(r, 300));
  const end = performance.now() + limitMs;
  let quick = 0;
  while (quick < 3 && performance.now() < end) {
    const t0 = performance.now();
    await client.request('djangoDeploy/benchPing').catch(() => undefined);
    quick = performance.now() - t0 < 5 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * In-process analysis time of generated settings modules (realistic and branchy, 5,000 and 20,000
 * lines, and ~1 MB), with the engine bundled for the purpose; then a server opening the 1 MB ones.
 */
async function measureSettingsGrowth(workspace) {
  const dir = join(workspace, 'growth');
  const cases = [];
  for (const [name, generate] of [['realistic', realisticSettings], ['branchy', branchySettings]]) {
    for (const lines of [5000, 20000]) cases.push({ name, lines, text: generate(lines) });
    // About 1 MB: grow the line count until the text passes it.
    let lines = 20000;
    let text = generate(lines);
    while (text.length < 1024 * 1024) text = generate((lines = Math.ceil((lines * 1024 * 1024) / text.length) + 50));
    cases.push({ name: `${name} 1 MB`, lines, text, megabyte: true });
  }
  const files = cases.map((c, i) => {
    c.file = join(dir, `p${i}`, 'shop', 'settings.py');
    mkdirSync(dirname(c.file), { recursive: true });
    writeFileSync(c.file, c.text);
    return c.file;
  });
  const runner = join(workspace, 'settingsEngine.js');
  await build({ entryPoints: [resolve('scripts/bench/settingsEngine.ts')], bundle: true, platform: 'node', outfile: runner, logLevel: 'error' });
  const out = spawnSync(process.execPath, [...SERVER_ARGS, runner, String(GROWTH_RUNS), ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`settings bench failed: ${out.stderr}`);
  const results = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const rows = cases.map((c, i) => ({ ...results[i], name: c.name, lines: c.lines, bytes: c.text.length, megabyte: !!c.megabyte }));
  const ratios = ['realistic', 'branchy'].map((name) => {
    const small = rows.find((r) => r.name === name && r.lines === 5000);
    const big = rows.find((r) => r.name === name && r.lines === 20000);
    return { name, ratio: big.medianMs / small.medianMs };
  });
  // The 1 MB modules through a server: open → diagnostics, and the server's peak VmRSS.
  const server = [];
  let serverPeakMb = 0;
  const megabytes = cases.filter((c) => c.megabyte);
  const probe = spawnSync(process.execPath, [resolve('scripts/bench/openOnce.mjs'), SERVER, JSON.stringify(SERVER_ARGS), ...megabytes.map((c) => c.file)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (probe.status !== 0) throw new Error(`server open of the 1 MB modules failed: ${probe.stderr}`);
  for (const line of probe.stdout.trim().split('\n')) {
    const r = JSON.parse(line);
    serverPeakMb = Math.max(serverPeakMb, r.peakMb);
    server.push({ name: megabytes.find((c) => c.file === r.file).name, openMs: r.openMs, peakMb: r.peakMb });
  }
  return { rows, ratios, megabyte: rows.filter((r) => r.megabyte), server, serverPeakMb };
}

/** Wall clock of one process, in ms (its output decoded after the clock stops); its output. */
function timed(command, argv, options = {}) {
  const t0 = now();
  const r = spawnSync(command, argv, { maxBuffer: 1 << 30, ...options });
  const ms = now() - t0;
  if (r.error) throw r.error;
  return { ms, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), status: r.status };
}

/** `check --format json` on a generated project of templates, and Django's Lexer on the same files. */
function measureProjectCheck(workspace) {
  const root = join(workspace, 'project');
  const empty = join(workspace, 'empty');
  writeTemplateProject(root);
  writeTemplateProject(empty); // the same project with base.html only: start-up, walk and settings
  const t0 = now();
  const lines = writeTemplates(root, PROJECT_TEMPLATES);
  const generateMs = now() - t0;

  const cliArgs = (dir, i) => [...(CPU_PROF && i === 0 ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF)}`] : []), CLI, 'check', '--format', 'json', dir];
  const full = [];
  const phases = {};
  let diagnostics;
  // Django's lexer on the same files, its runs alternating with ours (both see the same machine).
  let django = existsSync(PYTHON) ? undefined : { skipped: `${PYTHON} is missing` };
  const runs = [];
  for (let i = 0; i < CHECK_RUNS; i++) {
    const r = timed(process.execPath, cliArgs(root, i), { env: { ...process.env, DJANGO_DEPLOY_TIMING: '1' } });
    if (r.status !== 0 && r.status !== 1) throw new Error(`check exited with ${r.status}: ${r.stderr}`);
    diagnostics ??= JSON.parse(r.stdout).diagnostics;
    full.push(r.ms);
    // The CLI's own phase times (DJANGO_DEPLOY_TIMING): settings, templates, output.
    for (const m of r.stderr.matchAll(/^[\w-]+: (.+) (\d+) ms$/gm)) (phases[m[1]] ??= []).push(Number(m[2]));
    if (django) continue;
    const p = timed(PYTHON, [resolve('scripts/bench/django_lex.py'), root]);
    let out;
    try {
      out = JSON.parse(p.stdout);
    } catch {
      out = { skipped: `django_lex.py failed: ${(p.stderr || p.stdout).trim().split('\n').pop()}` };
    }
    if (out.skipped) django = out;
    else runs.push({ ...out, wall_ms: p.ms });
  }
  const base = [];
  for (let i = 0; i < CHECK_RUNS; i++) base.push(timed(process.execPath, [CLI, 'check', '--format', 'json', empty]).ms);
  const counts = {};
  for (const d of diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  if (!counts.DJD201) throw new Error('no DJD201 finding in the generated project: the bench would measure nothing');
  if (!django) {
    const pick = (key) => median(runs.map((x) => x[key]));
    django = { ...runs[0], read_ms: pick('read_ms'), tokenize_ms: pick('tokenize_ms'), wall_ms: pick('wall_ms'), wall_min: Math.min(...runs.map((x) => x.wall_ms)) };
  }
  return { files: PROJECT_TEMPLATES, lines, generateMs, full: median(full), fullMin: Math.min(...full), base: median(base), phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])), counts, total: diagnostics.length, django };
}

/** The deployment checklist request on the whole-project bench's project (its templates written). */
async function measureChecklist(workspace) {
  const root = join(workspace, 'project');
  const client = new Client(workspace);
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'project' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
    });
    // Cold: asked as soon as the server is initialised, the answer waits for the workspace walk,
    // the settings analysis and every template (the server would otherwise pre-analyse them in
    // the background, and a later first request would find them done).
    client.notify('initialized', {});
    const runs = [];
    let result;
    for (let i = 0; i < 3; i++) {
      const t0 = now();
      result = await client.request('djangoDeploy/checklist', {});
      runs.push(now() - t0);
    }
    const items = result.projects[0]?.items ?? [];
    return { first: runs[0], again: median(runs.slice(1)), items: items.length, failing: items.filter((i) => i.status === 'fail').length };
  } finally {
    client.kill?.();
    client.child.kill();
  }
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s*(\d+)\s*kB/.exec(status)?.[1]);
  return kb / 1024;
}

// -----------------------------------------------------------------------------------------------

const EMIT = option('--emit', undefined);
if (EMIT) {
  // Writes the generated settings modules (to profile the engine on them directly) and stops.
  mkdirSync(EMIT, { recursive: true });
  writeFileSync(join(EMIT, 'settings_150.py'), SETTINGS_150);
  writeFileSync(join(EMIT, 'settings_5000.py'), bigSettings(5000));
  writeTemplateProject(join(EMIT, 'site'));
  writeTemplates(join(EMIT, 'site'), PROJECT_TEMPLATES);
  writeFileSync(join(EMIT, 'site/templates/big.html'), template(TEMPLATE_LINES, 42, 'Catalogue'));
  console.log(`wrote ${join(EMIT, 'settings_150.py')}, ${join(EMIT, 'settings_5000.py')} and a project of ${PROJECT_TEMPLATES} templates + big.html in ${join(EMIT, 'site')}`);
  process.exit(0);
}

const seconds = (ms) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
const codeCounts = (counts) => Object.entries(counts).sort().map(([c, n]) => `${c} ×${n}`).join(', ');

/** The whole-project check: wall clocks, phases, findings, and Django's lexer on the same files. */
function printProjectCheck(project) {
  const s = seconds;
  console.log('');
  console.log(`whole-project check: ${project.files.toLocaleString('en')} templates, ${project.lines.toLocaleString('en')} lines${project.django.bytes ? `, ${(project.django.bytes / 1e6).toFixed(1)} MB` : ''} (generated in ${s(project.generateMs).trim()}), median of ${CHECK_RUNS}`);
  console.log(`  check --format json, wall clock (Node start-up included)  ${s(project.full)}   (fastest ${s(project.fullMin).trim()})`);
  console.log(`  same project without its templates (start-up, settings)   ${s(project.base)}`);
  console.log(`  engine-only (difference: walk, read, analyse, JSON out)   ${s(project.full - project.base)}`);
  console.log(`  its phases, in-process (DJANGO_DEPLOY_TIMING):`);
  for (const [name, ms] of Object.entries(project.phases)) console.log(`    ${name.padEnd(56)} ${s(ms)}`);
  console.log(`  findings: ${project.total.toLocaleString('en')} (${codeCounts(project.counts)})`);
  if (project.django.skipped) {
    console.log(`  Django lexer comparison skipped: ${project.django.skipped}`);
    return;
  }
  const d = project.django;
  console.log(`  Django ${d.django} Lexer(text).tokenize(), ${d.files} files, ${d.tokens.toLocaleString('en')} tokens (runs alternating with ours):`);
  console.log(`    tokenize loop only                                       ${s(d.tokenize_ms)}`);
  console.log(`    reading the files                                        ${s(d.read_ms)}`);
  console.log(`    python3 wall clock (start-up, import, read, tokenize)    ${s(d.wall_ms)}   (fastest ${s(d.wall_min).trim()})`);
}

/**
 * Like for like, in-process: both read the same files, neither counts its interpreter's start-up;
 * we also run every rule and compute every position. Whole processes: everything a user waits
 * for (start-up, walk, settings, templates, JSON out) against python3 starting, importing Django,
 * reading and tokenizing.
 */
function projectVerdicts(project) {
  const s = seconds;
  const d = project.django;
  if (d.skipped) return [];
  const templatePhase = project.phases['template analysis (read, analyse, rows)'];
  return [
    [`our full template analysis (read, every rule, positions: ${s(templatePhase).trim()}) is faster than Django's reading + tokenizing alone (${s(d.read_ms + d.tokenize_ms).trim()})`, templatePhase < d.read_ms + d.tokenize_ms],
    [`whole process: check --format json (${s(project.full).trim()}) ≤ python3 Django lexer whole process (${s(d.wall_ms).trim()})`, project.full <= d.wall_ms],
  ];
}

/** The goal beyond the target (informational), and what each whole process does. */
function printProjectContext(project) {
  const s = seconds;
  const d = project.django;
  if (d.skipped) {
    console.log(`skipped: our full analysis vs Django's tokenizing (${d.skipped})`);
    return;
  }
  const goal = d.wall_ms * WHOLE_PROCESS_GOAL;
  console.log(`goal   whole process ≤ half of python3's: check ${s(project.full).trim()} vs ${s(goal).trim()} (${project.full <= goal ? 'reached' : `${s(project.full - goal).trim()} to go`}; ours is ${(project.full / d.wall_ms).toFixed(2)}× python3's)`);
  console.log(`context: whole processes, start-up and output included: check ${s(project.full).trim()} (writes ${project.total.toLocaleString('en')} findings as JSON) vs python3 ${s(d.wall_ms).trim()} (prints one line)`);
}

const workspace = mkdtempSync(join(tmpdir(), 'djd-bench-'));
if (ONLY === 'project') {
  try {
    const project = measureProjectCheck(workspace);
    console.log('');
    console.log(`Django Deploy CLI (${CLI}), Node ${process.version}`);
    printProjectCheck(project);
    console.log('');
    for (const [label, ok] of projectVerdicts(project)) console.log(`${ok ? 'met   ' : 'MISSED'} ${label}`);
    printProjectContext(project);
    if (CPU_PROF) console.log(`\nCPU profile of the first check run written to ${resolve(CPU_PROF)}`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const cases = [
    { name: '150 lines', text: SETTINGS_150, root: join(workspace, 'small') },
    { name: '5,000 lines', text: bigSettings(5000), root: join(workspace, 'large'), literal: true },
    { name: 'realistic 5,000', text: realisticSettings(5000), root: join(workspace, 'realistic'), realistic: true },
    { name: 'branchy 5,000', text: branchySettings(5000), root: join(workspace, 'branchy') },
  ];
  for (const c of cases) c.file = writeProject(c.root, c.text);

  const client = new Client(workspace);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: cases.map((c) => ({ uri: pathToFileURL(c.root).href, name: c.name })),
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  client.notify('initialized', {});
  // Let the workspace walks and the background analyses finish, so that they do not land
  // inside a measurement.
  await settle(client);

  const rows = [];
  for (const c of cases) {
    const uri = pathToFileURL(c.file).href;
    const lines = c.text.split('\n').length - 1;
    const open = await measureOpen(client, uri, c.text);
    const keys = await measureKeystrokes(client, uri, c.text, KEYSTROKES);
    rows.push({ case: `${c.name} (${lines})`, open, keys });
    if (c.literal) {
      // Reopen with the original text, then type inside a dict.
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const reopened = client.diagnostics(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: c.text } });
      await reopened;
      const inside = await measureKeystrokes(client, uri, c.text, KEYSTROKES, 'literal');
      rows.push({ case: `  typing inside a dict`, keys: inside });
    }
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  const memory = rssMb(client.child.pid);
  // V8 gives the young generation back only after it has seen the process idle for a while.
  let idleMemory;
  let idleAfter = 0;
  for (let s = 1; s <= IDLE_SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = rssMb(client.child.pid);
    if (idleMemory === undefined || now < idleMemory - 1) {
      idleMemory = now;
      idleAfter = s;
    }
  }
  await client.shutdown();

  const growth = await measureSettingsGrowth(workspace);
  const settingsOnly = ONLY === 'settings';
  const templates = settingsOnly ? undefined : await measureTemplates(workspace);
  const project = settingsOnly ? undefined : measureProjectCheck(workspace);
  const checklist = settingsOnly ? undefined : await measureChecklist(workspace);

  const f = (n) => n.toFixed(2).padStart(8);
  const s = (ms) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
  const codes = (counts) => Object.entries(counts).sort().map(([c, n]) => `${c} ×${n}`).join(', ');
  console.log('');
  console.log(`Django Deploy language server — ${KEYSTROKES} keystrokes per file after ${WARMUP} warm-up, Node ${process.version}`);
  console.log('');
  console.log('settings file          open first   open warm  open unseen   key median   key p95   key max');
  const blank = ' '.repeat(11);
  for (const r of rows) {
    const open = r.open ? `${f(r.open.first)} ms ${f(r.open.warm)} ms ${f(r.open.cold)} ms` : `${blank} ${blank} ${blank}`;
    console.log(`${r.case.padEnd(22)} ${open} ${f(r.keys.median)} ms ${f(r.keys.p95)} ms ${f(r.keys.max)} ms`);
  }
  for (const c of cases.filter((x) => x.realistic || x.name.startsWith('branchy'))) {
    const sh = shape(c.text);
    console.log(`  (${c.name}: ${sh.settings.toLocaleString('en')} settings, ${sh.ifs} if-blocks, ${(c.text.length / 1024).toFixed(0)} KB)`);
  }
  console.log('');
  console.log(`server memory (VmRSS right after the runs): ${memory.toFixed(1)} MB`);
  if (idleMemory !== undefined) console.log(`server memory (VmRSS, lowest within ${IDLE_SECONDS} s idle): ${idleMemory.toFixed(1)} MB after ${idleAfter} s`);

  console.log('');
  console.log(`settings analysis in-process (parse, execute, every rule; fresh project each run, median of ${GROWTH_RUNS}):`);
  for (const g of growth.rows) console.log(`  ${g.name.padEnd(28)} ${String(g.lines).padStart(7)} lines ${(g.bytes / 1024).toFixed(0).padStart(6)} KB ${f(g.medianMs)} ms   heap +${g.heapMb.toFixed(0)} MB`);
  for (const r of growth.ratios) console.log(`  ${r.name}: 4× the lines → ${r.ratio.toFixed(2)}× the time`);
  console.log(`  a new server opening each 1 MB module (not on disk, never parsed): ${growth.server.map((x) => `${x.name} ${f(x.openMs).trim()} ms, VmRSS peak ${x.peakMb.toFixed(0)} MB`).join('; ')}`);

  const large = rows.find((r) => r.case.startsWith('5,000'));
  const realistic = rows.find((r) => r.case.startsWith('realistic'));
  const verdicts = [
    [`keystroke→diagnostics median on the realistic 5,000-line module ≤ ${TARGETS.settingsKeystrokeMedian} ms`, realistic.keys.median <= TARGETS.settingsKeystrokeMedian],
    [`keystroke→diagnostics median on 5,000 lines ≤ ${TARGETS.keystrokeMedian} ms`, large.keys.median <= TARGETS.keystrokeMedian],
    [`open→diagnostics ≤ ${TARGETS.open} ms (first open, every file)`, rows.every((r) => !r.open || r.open.first <= TARGETS.open)],
    [`open→diagnostics ≤ ${TARGETS.open} ms (a file the server has never parsed)`, rows.every((r) => !r.open || r.open.cold <= TARGETS.open)],
    [`memory ≤ ${TARGETS.memoryMb} MB right after the runs`, memory <= TARGETS.memoryMb],
    ...(idleMemory === undefined ? [] : [[`memory ≤ ${TARGETS.memoryMb} MB once idle`, idleMemory <= TARGETS.memoryMb]]),
    ...growth.ratios.map((r) => [`settings analysis grows linearly, ${r.name}: 4× the lines → ≤ ${TARGETS.growth}× the time (${r.ratio.toFixed(2)}×)`, r.ratio <= TARGETS.growth]),
    [`any settings module ≤ 1 MB analysed in ≤ 1 s (slowest ${f(Math.max(...growth.megabyte.map((m) => m.medianMs))).trim()} ms in-process, ${f(Math.max(...growth.server.map((m) => m.openMs))).trim()} ms through the server)`, growth.megabyte.every((m) => m.medianMs <= 1000) && growth.server.every((m) => m.openMs <= 1000)],
    [`server under ${TARGETS.serverPeakMb} MB on the 1 MB modules (VmRSS peak ${growth.serverPeakMb.toFixed(0)} MB)`, growth.serverPeakMb < TARGETS.serverPeakMb],
  ];

  if (templates) {
    console.log('');
    console.log(`template (django-html)  open first   open warm  open unseen   key median   key p95   key max   (${TEMPLATE_KEYSTROKES} keystrokes after ${WARMUP} warm-up)`);
    console.log(`${`${templates.lines.toLocaleString('en')} lines`.padEnd(22)} ${f(templates.open.first)} ms ${f(templates.open.warm)} ms ${f(templates.open.cold)} ms`);
    for (const r of templates.rows) console.log(`${r.case.padEnd(22)} ${blank} ${blank} ${blank} ${f(r.keys.median)} ms ${f(r.keys.p95)} ms ${f(r.keys.max)} ms`);
    console.log(`findings on open: ${codes(templates.counts)}; server memory after the template runs: ${templates.memory.toFixed(1)} MB`);
    printProjectCheck(project);

    console.log('');
    console.log(`deployment checklist (djangoDeploy/checklist) on the same ${project.files.toLocaleString('en')}-template project, in a new server:`);
    console.log(`  first request, sent at start-up (walk, settings, every template) ${s(checklist.first)}`);
    console.log(`  again (templates cached)                                      ${s(checklist.again)}`);
    console.log(`  ${checklist.items} items, ${checklist.failing} failing`);

    verdicts.push(
      [`keystroke→diagnostics median on a ${templates.lines.toLocaleString('en')}-line template ≤ ${TARGETS.templateKeystrokeMedian} ms (every typing place)`, templates.rows.every((r) => r.keys.median <= TARGETS.templateKeystrokeMedian)],
      [`deployment checklist on ${project.files.toLocaleString('en')} templates < 1 s of server time (first request ${s(checklist.first).trim()})`, checklist.first < 1000],
    );
    verdicts.push(...projectVerdicts(project));
  }
  console.log('');
  for (const [label, ok] of verdicts) console.log(`${ok ? 'met   ' : 'MISSED'} ${label}`);
  if (project) printProjectContext(project);
  if (CPU_PROF) console.log(`\nCPU profiles of the servers and of the first check run written to ${resolve(CPU_PROF)}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
