// How production really starts a project (server/src/engine/deploy/launchers.ts), and what the
// checklist and the WSGI vs ASGI view make of it: Dockerfile forms and stages, entry-point
// scripts, compose files for development and production, Procfiles, systemd units, platform
// files, `-r` includes in requirements, and the dockerized fixture read from disk.
//
// No Docker daemon runs here, so the Dockerfile expectations follow Docker's reference
// (docs.docker.com/reference/dockerfile), quoted where each is tested:
// - CMD: "There can only be one CMD instruction in a Dockerfile. If you list more than one CMD,
//   only the last one takes effect."
// - Exec form "is parsed as a JSON array"; the shell form runs `/bin/sh -c`.
// - "Understand how CMD and ENTRYPOINT interact": exec ENTRYPOINT + exec CMD = the two argv
//   joined; exec ENTRYPOINT + shell CMD = entry point argv + `/bin/sh -c cmd`; a shell-form
//   ENTRYPOINT ignores CMD. "If CMD is defined from the base image, setting ENTRYPOINT will reset
//   CMD to an empty value."
// - Multi-stage builds: the image is the last stage; `FROM <stage>` starts from that stage
//   (its ENV, CMD, ENTRYPOINT). ENV has `ENV <key>=<value> ...` and the legacy `ENV <key> <value>`.
// - Line continuation: the escape character (`\`) at the end of a line; comment lines inside
//   an instruction are removed before it is run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { project, ROOT } from './helpers';
import { DjangoProject } from '../../server/src/engine/project/project';
import { projectFacts, type ProjectFacts } from '../../server/src/engine/deploy/facts';
import { deploymentChecklist, type ChecklistItem } from '../../server/src/engine/deploy/checklist';
import { compareServers } from '../../server/src/engine/deploy/comparison';
import { readLaunchers, type LauncherFile } from '../../server/src/engine/deploy/launchers';
import { simpleCommands } from '../../server/src/engine/deploy/launchCommands';
import { readYaml, yamlGet } from '../../server/src/engine/deploy/yaml';
import { followIncludes, includesOf } from '../../server/src/engine/project/requirements';

const WSGI = "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.production')\napplication = get_wsgi_application()\n";
const ASGI = "import os\nfrom django.core.asgi import get_asgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.production')\napplication = get_asgi_application()\n";
const BASE = [
  'from pathlib import Path',
  'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
  "INSTALLED_APPS = ['django.contrib.staticfiles', 'shop']",
  "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']",
  "ROOT_URLCONF = 'config.urls'",
  "WSGI_APPLICATION = 'config.wsgi.application'",
  "STATIC_URL = '/static/'",
  "STATIC_ROOT = BASE_DIR / 'staticfiles'",
  '',
].join('\n');
const ASYNC_VIEWS = 'from django.http import HttpResponse\nasync def feed(request):\n    return HttpResponse("feed")\n';

/** config/settings/{base,production,local}.py, wsgi.py → production, manage.py → local. */
function dockerProject(extra: Record<string, string>, base = BASE) {
  return project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.local')\n",
      'config/__init__.py': '',
      'config/settings/__init__.py': '',
      'config/settings/base.py': base,
      'config/settings/production.py': "import os\nfrom .base import *\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nDEBUG = False\nALLOWED_HOSTS = ['shop.example.com']\n",
      'config/settings/local.py': "from .base import *\nSECRET_KEY = 'local'\nDEBUG = True\n",
      'config/wsgi.py': WSGI,
      'config/asgi.py': ASGI,
      'shop/__init__.py': '',
      ...extra,
    },
    { djangoVersion: '4.2' },
  );
}

function item(items: ChecklistItem[], id: string): ChecklistItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `no item ${id}`);
  return found;
}

function checklist(p: DjangoProject, staticRoot?: Parameters<typeof deploymentChecklist>[2]): { facts: ProjectFacts; items: ChecklistItem[] } {
  const facts = projectFacts(p);
  return { facts, items: deploymentChecklist(p.allFindings(), facts, staticRoot) };
}

/** The launches of some files alone (no project): scripts resolved among the same files. */
function scan(files: Record<string, string>) {
  const list: LauncherFile[] = Object.entries(files).map(([path, text]) => ({ path: `/p/${path}`, text }));
  return readLaunchers(list, {
    // As facts.ts resolves: next to the launcher, else the file ending with the most of the name.
    resolve: (ref, from) => {
      const direct = list.find((f) => f.path === join(from, '..', ref));
      if (direct) return direct;
      const parts = ref.split('/').filter((x) => x && x !== '.');
      for (let k = 0; k < parts.length; k++) {
        const found = list.find((f) => f.path.endsWith(`/${parts.slice(k).join('/')}`));
        if (found) return found;
      }
      return undefined;
    },
    settingsRole: () => undefined,
  });
}

const short = (l: { server?: string; runserver: boolean; application?: string; environment: string }) => `${l.runserver ? 'runserver' : l.server} ${l.application ?? '-'} ${l.environment}`;

// ------------------------------------------------------------------------------------------
// Dockerfile forms

test('Dockerfile CMD in exec form (a JSON array) and in shell form with continued lines and a comment inside', () => {
  const exec = scan({ Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]\n' });
  assert.deepEqual(exec.launches.map(short), ['gunicorn config.wsgi:application unknown']);
  assert.equal(exec.launches[0].interface, 'wsgi');
  assert.equal(exec.launches[0].via, 'Dockerfile CMD');
  const shell = scan({ Dockerfile: 'FROM python:3.12\nCMD gunicorn \\\n# the workers\n    --workers 3 \\\n    config.wsgi:application\n' });
  assert.deepEqual(shell.launches.map(short), ['gunicorn config.wsgi:application unknown']);
  assert.equal(shell.launches[0].place.line, 2);
  // Not valid JSON (single quotes): Docker runs it with /bin/sh -c, which looks for a command
  // named `[uvicorn,` and fails. Nothing starts, and nothing is reported as started.
  const notJson = scan({ Dockerfile: "FROM python:3.12\nCMD ['uvicorn', 'config.asgi:application']\n" });
  assert.deepEqual(notJson.launches.map(short), []);
  assert.deepEqual(simpleCommands("['uvicorn', 'config.asgi:application']")[0].words, ['[uvicorn,', 'config.asgi:application]']);
});

test('Dockerfile ENV in both forms sets the settings module; a production settings module makes the image production', () => {
  const modern = scan({ Dockerfile: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE="config.settings.production"\nCMD ["gunicorn", "config.wsgi"]\n' });
  assert.equal(modern.launches[0].settingsModule, 'config.settings.production');
  assert.equal(modern.launches[0].environment, 'production');
  const legacy = scan({ Dockerfile: 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE config.settings.local\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n' });
  assert.equal(legacy.launches[0].settingsModule, 'config.settings.local');
  assert.equal(legacy.launches[0].environment, 'development');
  assert.equal(legacy.launches[0].runserver, true);
});

test('multi-stage: only the last stage runs, its last CMD wins, FROM <stage> inherits ENV and CMD', () => {
  const stages = scan({
    Dockerfile: [
      'FROM python:3.12 AS dev',
      'CMD ["python", "manage.py", "runserver"]',
      'FROM python:3.12-slim AS final',
      'CMD ["daphne", "config.asgi:application"]',
      'CMD ["gunicorn", "config.wsgi:application"]',
      '',
    ].join('\n'),
  });
  assert.deepEqual(stages.launches.map(short), ['gunicorn config.wsgi:application unknown']);
  const inherited = scan({ Dockerfile: 'FROM python:3.12 AS base\nENV DJANGO_SETTINGS_MODULE=config.settings.production\nCMD ["uvicorn", "config.asgi:application"]\nFROM base\nRUN echo done\n' });
  assert.deepEqual(inherited.launches.map(short), ['uvicorn config.asgi:application production']);
});

test('ENTRYPOINT and CMD combine as Docker does: exec entry point script runs CMD through "$@"; shell ENTRYPOINT ignores CMD; ENTRYPOINT resets an inherited CMD', () => {
  const entrypoint = '#!/bin/sh\nset -e\npython manage.py migrate --noinput\npython manage.py collectstatic --noinput\nexec "$@"\n';
  const viaScript = scan({ Dockerfile: 'FROM python:3.12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "config.wsgi:application", "-k", "uvicorn_worker.UvicornWorker"]\n', 'entrypoint.sh': entrypoint });
  assert.deepEqual(viaScript.launches.map(short), ['gunicorn-uvicorn config.wsgi:application unknown']);
  assert.equal(viaScript.launches[0].interface, 'asgi', 'gunicorn with a Uvicorn worker is ASGI');
  assert.deepEqual(viaScript.collectstatic.map((c) => `${c.place.file}:${c.place.line}`), ['/p/entrypoint.sh:4']);
  // The script starts the server itself.
  const own = scan({ Dockerfile: 'FROM python:3.12\nENTRYPOINT ["sh", "./start.sh"]\n', 'start.sh': '#!/bin/sh\nexec uvicorn config.asgi:application \\\n  --host 0.0.0.0 --port 8000\n' });
  assert.deepEqual(own.launches.map(short), ['uvicorn config.asgi:application unknown']);
  assert.equal(own.launches[0].place.file, '/p/start.sh');
  const shellEntry = scan({ Dockerfile: 'FROM python:3.12\nENTRYPOINT gunicorn config.wsgi\nCMD ["python", "manage.py", "runserver"]\n' });
  assert.deepEqual(shellEntry.launches.map(short), ['gunicorn config.wsgi unknown']);
  const reset = scan({ Dockerfile: 'FROM python:3.12 AS base\nCMD ["python", "manage.py", "runserver"]\nFROM base\nENTRYPOINT ["/entrypoint.sh"]\n', 'entrypoint.sh': entrypoint });
  assert.deepEqual(reset.launches.map(short), [], 'the inherited CMD is gone: "$@" is empty');
});

test('a script copied into the image is found by its COPY source: compose/production/django/start, not compose/local', () => {
  const s = scan({
    'compose/production/django/Dockerfile': 'FROM python:3.12\nCOPY ./compose/production/django/start /start\nRUN chmod +x /start\nCMD ["/start"]\n',
    'compose/production/django/start': '#!/bin/bash\nset -o errexit\npython /app/manage.py collectstatic --noinput\nexec /usr/local/bin/gunicorn config.wsgi --bind 0.0.0.0:5000 --chdir=/app\n',
    'compose/local/django/start': '#!/bin/bash\nexec python manage.py runserver_plus 0.0.0.0:8000\n',
  });
  const own = s.launches.filter((l) => l.via.startsWith('Dockerfile'));
  assert.deepEqual(own.map(short), ['gunicorn config.wsgi production']);
  assert.equal(own[0].place.file, '/p/compose/production/django/start');
  assert.match(own[0].environmentReason, /production folder/);
});

// ------------------------------------------------------------------------------------------
// Compose

test('compose: development by file name or settings module, production by name; string and list commands; anchors and merges', () => {
  const s = scan({
    'docker-compose.dev.yml': 'services:\n  web:\n    build: .\n    command: python manage.py runserver 0.0.0.0:8000  # reloads\n',
    'docker-compose.prod.yml': 'services:\n  web: &web\n    image: registry.example.com/shop:latest\n    command: ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n  web2:\n    <<: *web\n',
    'docker-compose.yml': "services:\n  app:\n    build:\n      context: .\n    command: >\n      sh -c \"python manage.py migrate &&\n             python manage.py runserver 0.0.0.0:8000\"\n    environment:\n      - DJANGO_SETTINGS_MODULE=config.settings.local\n",
  });
  const byFile = (f: string) => s.launches.filter((l) => l.place.file === `/p/${f}`).map(short);
  assert.deepEqual(byFile('docker-compose.dev.yml'), ['runserver - development']);
  assert.deepEqual(byFile('docker-compose.prod.yml'), ['gunicorn config.wsgi:application production', 'gunicorn config.wsgi:application production']);
  assert.deepEqual(byFile('docker-compose.yml'), ['runserver - development'], 'config.settings.local is a development module');
  assert.equal(s.launches.find((l) => l.via.endsWith('service web2'))?.settingsModule, 'config.settings.production', '<<: *web merges the anchored service');
});

test('compose: a plain file is undecided; DEBUG in its environment makes a service development; nginx services are listed', () => {
  const s = scan({
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    command: gunicorn config.wsgi',
      '    volumes:',
      '      - static:/app/staticfiles',
      '  debugger:',
      '    build: .',
      '    command: python manage.py runserver',
      '    environment:',
      '      DEBUG: "true"',
      '  proxy:',
      '    image: nginx:1.27',
      '    volumes:',
      '      - static:/usr/share/nginx/html/static:ro',
      'volumes:',
      '  static:',
      '',
    ].join('\n'),
  });
  assert.deepEqual(s.launches.map(short), ['gunicorn config.wsgi unknown', 'runserver - development']);
  assert.equal(s.webServers.length, 1);
  assert.equal(s.webServers[0].image, 'nginx:1.27');
  assert.deepEqual(s.webServers[0].volumes, [{ source: 'static', target: '/usr/share/nginx/html/static' }]);
});

test('the YAML reader: block scalars, flow lists over lines, quoted keys, comments, and never a throw on nonsense', () => {
  const y = readYaml('a:\n  "b c": [x, "y, z",\n    w]\n  d: |\n    one\n    two\n  e: plain # comment\n  f:\n  - 1\n  - k: v\n    m: n\n');
  const a = yamlGet(y, 'a');
  const list = yamlGet(a, 'b c');
  assert.equal(list?.kind, 'seq');
  assert.deepEqual(list?.kind === 'seq' ? list.items.map((i) => (i.kind === 'scalar' ? i.value : '?')) : [], ['x', 'y, z', 'w']);
  assert.deepEqual(yamlGet(a, 'd'), { kind: 'scalar', value: 'one\ntwo', start: 36, end: 53, line: 4 });
  assert.equal((yamlGet(a, 'e') as { value: string }).value, 'plain');
  const f = yamlGet(a, 'f');
  assert.equal(f?.kind === 'seq' ? yamlGet(f.items[1], 'm')?.kind : '', 'scalar');
  for (const junk of ['[[[[[[', ': : :', '- - - - -', '"unterminated', 'a: *nowhere', '<<: *x\n', '\t\t- a: [\n', 'a:\n' + '  '.repeat(5000) + 'b: c\n']) assert.doesNotThrow(() => readYaml(junk));
  // 10,000 nested maps stop at the depth bound, fast.
  const deep = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  const started = Date.now();
  assert.doesNotThrow(() => readYaml(deep));
  assert.ok(Date.now() - started < 2000);
});

// ------------------------------------------------------------------------------------------
// Procfile, systemd, platforms

test('Procfile: web is the server, release runs collectstatic, worker is ignored; Procfile.dev is development', () => {
  const s = scan({
    Procfile: 'release: python manage.py migrate && python manage.py collectstatic --noinput\nweb: newrelic-admin run-program gunicorn config.wsgi --log-file -\nworker: celery -A config worker -l info\n',
    'Procfile.dev': 'web: python manage.py runserver\n',
  });
  assert.deepEqual(s.launches.map(short), ['gunicorn config.wsgi production', 'runserver - development']);
  assert.deepEqual(s.collectstatic.map((c) => `${c.via}:${c.place.line}`), ['Procfile release:1']);
});

test('systemd: ExecStart over continued lines, Environment= and EnvironmentFile= give the settings module; ExecStartPre collectstatic', () => {
  const unit = [
    '[Unit]',
    'Description=gunicorn daemon',
    '[Service]',
    'EnvironmentFile=-/etc/shop/shop.env',
    'ExecStartPre=/srv/shop/venv/bin/python manage.py collectstatic --noinput',
    'ExecStart=/srv/shop/venv/bin/gunicorn \\',
    '          --workers 3 --bind unix:/run/gunicorn.sock \\',
    '          config.wsgi:application',
    '',
  ].join('\n');
  const s = scan({ 'deploy/gunicorn.service': unit, 'deploy/shop.env': 'DJANGO_SETTINGS_MODULE="config.settings.production"\n' });
  assert.deepEqual(s.launches.map(short), ['gunicorn config.wsgi:application production']);
  assert.equal(s.launches[0].settingsModule, 'config.settings.production');
  assert.equal(s.collectstatic.length, 1);
  const inline = scan({ 'shop.service': '[Service]\nEnvironment="DJANGO_SETTINGS_MODULE=config.settings.staging" "X=1"\nExecStart=/venv/bin/uwsgi --ini uwsgi.ini --module config.wsgi:application\n' });
  assert.deepEqual(inline.launches.map(short), ['uwsgi config.wsgi:application production']);
  assert.equal(inline.launches[0].settingsModule, 'config.settings.staging');
});

test('fly.toml, render.yaml (with its build script), railway.json / railway.toml, app.yaml, nixpacks.toml', () => {
  const fly = scan({ 'fly.toml': 'app = "shop"\n[deploy]\n  release_command = "python manage.py migrate"\n[processes]\n  app = "gunicorn --bind :8000 --workers 2 config.wsgi"\n[experimental]\n  cmd = ["daphne", "-b", "0.0.0.0", "config.asgi:application"]\n' });
  assert.deepEqual(fly.launches.map(short), ['gunicorn config.wsgi production', 'daphne config.asgi:application production']);
  const render = scan({
    'render.yaml': 'services:\n  - type: web\n    name: shop\n    runtime: python\n    buildCommand: "./build.sh"\n    startCommand: "python -m gunicorn config.asgi:application -k uvicorn.workers.UvicornWorker"\n    envVars:\n      - key: DJANGO_SETTINGS_MODULE\n        value: config.settings.production\n  - type: worker\n    name: queue\n    startCommand: python manage.py runserver\n',
    'build.sh': '#!/usr/bin/env bash\nset -o errexit\npip install -r requirements.txt\npython manage.py collectstatic --no-input\npython manage.py migrate\n',
  });
  assert.deepEqual(render.launches.map(short), ['gunicorn-uvicorn config.asgi:application production'], 'a worker service starts no web server');
  assert.equal(render.launches[0].settingsModule, 'config.settings.production');
  assert.deepEqual(render.collectstatic.map((c) => `${c.place.file}:${c.place.line}`), ['/p/build.sh:4'], 'one run, reached twice');
  const railway = scan({ 'railway.json': '{"build": {"buildCommand": "python manage.py collectstatic --noinput"}, "deploy": {"startCommand": "granian --interface wsgi config.wsgi:application"}}' });
  assert.deepEqual(railway.launches.map(short), ['granian config.wsgi:application production']);
  assert.equal(railway.launches[0].interface, 'wsgi');
  assert.equal(railway.collectstatic.length, 1);
  const railwayToml = scan({ 'railway.toml': '[deploy]\nstartCommand = "hypercorn config.asgi:application --bind 0.0.0.0:$PORT"\n' });
  assert.deepEqual(railwayToml.launches.map(short), ['hypercorn config.asgi:application production']);
  const gae = scan({ 'app.yaml': 'runtime: python312\nentrypoint: gunicorn -b :$PORT config.wsgi\nenv_variables:\n  DJANGO_SETTINGS_MODULE: "config.settings.production"\n' });
  assert.deepEqual(gae.launches.map(short), ['gunicorn config.wsgi production']);
  const nix = scan({ 'nixpacks.toml': '[phases.build]\ncmds = ["python manage.py collectstatic --noinput"]\n[start]\ncmd = "waitress-serve --listen=*:8000 config.wsgi:application"\n' });
  assert.deepEqual(nix.launches.map(short), ['waitress config.wsgi:application production']);
  assert.equal(nix.collectstatic.length, 1);
});

test('shell commands: wrappers, env prefixes, sh -c, poetry run, python -m are seen through', () => {
  assert.deepEqual(simpleCommands('A=1 B="x y" exec gunicorn a.wsgi && echo "done; really"').map((c) => c.words), [['exec', 'gunicorn', 'a.wsgi'], ['echo', 'done; really']]);
  const s = scan({ Procfile: [
    'web: DJANGO_SETTINGS_MODULE=config.settings.production poetry run python -m uvicorn config.asgi:application --host 0.0.0.0',
    'release: bash -c "python manage.py collectstatic --noinput --settings=config.settings.production"',
    '',
  ].join('\n') });
  assert.deepEqual(s.launches.map(short), ['uvicorn config.asgi:application production']);
  assert.equal(s.launches[0].settingsModule, 'config.settings.production');
  assert.equal(s.collectstatic.length, 1);
});

// ------------------------------------------------------------------------------------------
// The checklist and the comparison

test('gunicorn only in the Dockerfile, async views: the server row warns with the Dockerfile line, and so does the comparison', () => {
  const p = dockerProject({
    Dockerfile: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt gunicorn\nCMD gunicorn config.wsgi:application --bind 0.0.0.0:8000\n',
    'requirements.txt': 'Django==4.2.16\nwhitenoise\n',
    'shop/views.py': ASYNC_VIEWS,
  });
  const { facts, items } = checklist(p, { exists: true, files: 3, manifest: false });
  assert.equal(facts.requirements.has('gunicorn'), false);
  assert.deepEqual(facts.launchers.map(short), ['gunicorn config.wsgi:application unknown']);
  const server = item(items, 'app-server');
  assert.equal(server.status, 'warn');
  assert.match(server.detail, /1 async view under Gunicorn \(WSGI\), started in Dockerfile:3/);
  assert.equal(server.places[0].file, `${ROOT}/Dockerfile`);
  const c = compareServers(facts, ROOT);
  assert.equal(c.recommendation.interface, 'asgi');
  assert.ok(c.recommendation.reasons.some((r) => /Gunicorn starts the project in Dockerfile:3 today: switch it to an ASGI server/.test(r)), c.recommendation.reasons.join(' | '));
  const warning = c.warnings.find((w) => /Async views under Gunicorn \(WSGI\), started in Dockerfile:3/.test(w.message));
  assert.ok(warning, c.warnings.map((w) => w.message).join(' | '));
  assert.equal(warning.places[0].file, `${ROOT}/Dockerfile`);
  assert.equal(c.servers.find((s) => s.id === 'gunicorn')?.launched, 'Dockerfile:3');
  assert.equal(c.launched?.[0].where, 'Dockerfile:3');
});

test('runserver only in docker-compose.dev.yml, gunicorn in production: the server row passes and says why runserver is fine', () => {
  const p = dockerProject({
    Dockerfile: 'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=config.settings.production\nCMD ["gunicorn", "config.wsgi:application"]\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports: ["8000:8000"]\n',
    'docker-compose.dev.yml': 'services:\n  web:\n    command: python manage.py runserver 0.0.0.0:8000\n',
    'requirements.txt': 'Django==4.2.16\ngunicorn\nwhitenoise\n',
  });
  const { facts, items } = checklist(p);
  assert.deepEqual(facts.launchers.map(short).sort(), ['gunicorn config.wsgi:application production', 'runserver - development']);
  const server = item(items, 'app-server');
  assert.equal(server.status, 'pass', server.detail);
  assert.match(server.detail, /Gunicorn \(config\.wsgi:application\) starts the project in Dockerfile:3 \(Dockerfile CMD\)/);
  assert.match(server.detail, /runserver in docker-compose\.dev\.yml is for development/);
  assert.ok(!compareServers(facts, ROOT).warnings.some((w) => /runserver/.test(w.message)));
});

test('runserver in an undecided compose file fails unless a production launcher starts a real server', () => {
  const files = { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: python manage.py runserver 0.0.0.0:8000\n', 'requirements.txt': 'gunicorn\n' };
  const alone = item(checklist(dockerProject(files)).items, 'app-server');
  assert.equal(alone.status, 'fail');
  assert.match(alone.detail, /docker-compose\.yml starts the development server/);
  const withProcfile = item(checklist(dockerProject({ ...files, Procfile: 'web: gunicorn config.wsgi\n' })).items, 'app-server');
  assert.equal(withProcfile.status, 'pass', withProcfile.detail);
  const production = item(checklist(dockerProject({ 'docker-compose.production.yml': 'services:\n  web:\n    command: python manage.py runserver\n', Procfile: 'web: gunicorn config.wsgi\n' })).items, 'app-server');
  assert.equal(production.status, 'fail', 'runserver in a production file fails whatever else runs');
});

test('collectstatic in a Dockerfile RUN: the collectstatic row passes without STATIC_ROOT on this disk; in a dev file only it does not', () => {
  const docker = dockerProject({ Dockerfile: 'FROM python:3.12\nCOPY . .\nRUN python manage.py collectstatic --noinput\nCMD ["gunicorn", "config.wsgi"]\n' });
  const row = item(checklist(docker, { exists: false, files: 0, manifest: false }).items, 'collectstatic');
  assert.equal(row.status, 'pass');
  assert.equal(row.detail, 'collectstatic runs in Dockerfile:3 (Dockerfile RUN).');
  assert.equal(row.command?.id, 'djangoDeploy.runCollectstatic');
  assert.equal(docker.text(row.places[0].file)!.slice(row.places[0].start, row.places[0].end), 'RUN python manage.py collectstatic --noinput');
  const dev = dockerProject({ 'docker-compose.dev.yml': 'services:\n  web:\n    command: sh -c "python manage.py collectstatic --noinput && python manage.py runserver"\n' });
  assert.equal(item(checklist(dev, { exists: false, files: 0, manifest: false }).items, 'collectstatic').status, 'fail');
  // A builder stage the image never copies from does not count; one it copies from does.
  const unused = dockerProject({ Dockerfile: 'FROM node:20 AS assets\nRUN python manage.py collectstatic --noinput\nFROM python:3.12\nCMD ["gunicorn", "config.wsgi"]\n' });
  assert.equal(item(checklist(unused, { exists: false, files: 0, manifest: false }).items, 'collectstatic').status, 'fail');
  const copied = dockerProject({ Dockerfile: 'FROM python:3.12 AS assets\nRUN python manage.py collectstatic --noinput\nFROM python:3.12\nCOPY --from=assets /app/staticfiles /app/staticfiles\nCMD ["gunicorn", "config.wsgi"]\n' });
  assert.equal(item(checklist(copied, { exists: false, files: 0, manifest: false }).items, 'collectstatic').status, 'pass');
});

test('WhiteNoise third in MIDDLEWARE: the static-serving row warns (advice on order), it does not fail', () => {
  const third = BASE.replace(
    "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware',",
    "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware',",
  );
  assert.notEqual(third, BASE);
  const { items } = checklist(dockerProject({ 'requirements.txt': 'whitenoise\n' }, third));
  const row = item(items, 'static-serving');
  assert.equal(row.status, 'warn');
  assert.match(row.detail, /not right after SecurityMiddleware/);
  assert.ok(row.places.some((pl) => pl.label.startsWith('DJD115')));
  assert.equal(item(checklist(dockerProject({ 'requirements.txt': 'whitenoise\n' })).items, 'static-serving').status, 'pass');
});

test('nginx in a production compose file serves STATIC_ROOT only when it mounts the volume the app collects into', () => {
  const noWhiteNoise = BASE.replace("'whitenoise.middleware.WhiteNoiseMiddleware', ", '');
  const compose = (target: string) => `services:\n  web:\n    build: .\n    command: gunicorn config.wsgi\n    volumes:\n      - static:${target}\n  nginx:\n    image: nginx:stable\n    volumes:\n      - static:/srv/static:ro\nvolumes:\n  static:\n`;
  const shared = item(checklist(dockerProject({ 'docker-compose.prod.yml': compose('/app/staticfiles') }, noWhiteNoise)).items, 'static-serving');
  assert.equal(shared.status, 'pass', shared.detail);
  const other = item(checklist(dockerProject({ 'docker-compose.prod.yml': compose('/app/media') }, noWhiteNoise)).items, 'static-serving');
  assert.equal(other.status, 'unknown');
  assert.match(other.detail, /nginx:stable runs in docker-compose\.prod\.yml/);
});

test('the comparison: gunicorn with the deprecated uvicorn.workers worker warns; a WSGI server on asgi.py warns', () => {
  const p = dockerProject({ Procfile: 'web: gunicorn config.asgi:application -k uvicorn.workers.UvicornWorker\n', 'fly.toml': '[processes]\napp = "gunicorn config.asgi:application"\n' });
  const c = compareServers(projectFacts(p), ROOT);
  assert.ok(c.warnings.some((w) => /uvicorn\.workers\.UvicornWorker is deprecated/.test(w.message)));
  assert.ok(c.warnings.some((w) => /fly\.toml:2 starts Gunicorn, a WSGI server, on config\.asgi:application/.test(w.message)), c.warnings.map((w) => w.message).join(' | '));
  assert.ok(!c.warnings.some((w) => /Procfile:1 starts/.test(w.message)), 'with a Uvicorn worker it is ASGI');
});

// ------------------------------------------------------------------------------------------
// Requirements included with -r

test('-r includes: relative to the including file, any file name, cycles end, constraints install nothing', () => {
  const reached = followIncludes('/p/requirements/production.txt', (f) => includesOf(({ '/p/requirements/production.txt': '-r base.txt\n-c ../constraints.txt\n', '/p/requirements/base.txt': '-r common.pip # shared\n', '/p/requirements/common.pip': '-r production.txt\n', '/p/constraints.txt': '' } as Record<string, string>)[f] ?? ''));
  assert.deepEqual(reached.map((r) => `${r.file}${r.constraint ? ' (constraint)' : ''}`), ['/p/requirements/production.txt', '/p/requirements/base.txt', '/p/requirements/common.pip', '/p/constraints.txt (constraint)']);
  const p = dockerProject({ 'requirements/production.txt': '-r base.txt\npsycopg\n', 'requirements/base.txt': '-r common.pip\n', 'requirements/common.pip': 'Django==4.1.13\ngunicorn==22.0.0\n' });
  p.setConfig({ djangoVersion: '' });
  assert.equal(p.djangoVersion().source, 'requirements/common.pip:1');
  assert.deepEqual([p.djangoVersion().major, p.djangoVersion().minor], [4, 1]);
  assert.equal(projectFacts(p).requirements.get('gunicorn')?.place.file, `${ROOT}/requirements/common.pip`);
  const constrained = dockerProject({ 'requirements.txt': '-c constraints.txt\ndjango\n', 'constraints.txt': 'Django==3.2.25\ngunicorn==22.0.0\n' });
  constrained.setConfig({ djangoVersion: '' });
  assert.equal(constrained.djangoVersion().source, 'constraints.txt:1');
  assert.equal(projectFacts(constrained).requirements.has('gunicorn'), false, 'a constraint installs nothing');
});

// ------------------------------------------------------------------------------------------
// Hostile inputs

test('launcher files never throw and stay fast on hostile text', () => {
  const hostile: Record<string, string> = {
    Dockerfile: 'FROM x\n' + 'CMD ' + '\\\n'.repeat(50_000) + '["a"\n' + 'ENV ' + '='.repeat(100_000) + '\nRUN ' + '"'.repeat(50_000),
    'docker-compose.yml': 'services:\n' + '  - '.repeat(20_000) + '\n' + 'x: [' + '['.repeat(50_000),
    Procfile: 'web: ' + '$('.repeat(50_000) + '\nweb: ' + "sh -c '".repeat(5_000),
    'x.service': '[Service]\nExecStart=' + 'sh -c "'.repeat(3_000) + 'gunicorn a.wsgi',
    'fly.toml': '[processes]\napp = [' + '"a", '.repeat(30_000),
    'app.json': '{"scripts": {"postdeploy": ' + '['.repeat(10_000) + '}}',
    // Blank lines between document markers; a merge of a 10,000-key map into a 9,000-key one.
    'docker-compose.override.yml': '\n---'.repeat(10_000),
    'compose.yaml': 'x: &a\n' + Array.from({ length: 10_000 }, (_, i) => `  k${i}: v`).join('\n') + '\nservices:\n  s:\n    <<: *a\n' + Array.from({ length: 9_000 }, (_, i) => `    j${i}: v`).join('\n'),
  };
  const started = Date.now();
  assert.doesNotThrow(() => scan(hostile));
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
});

// ------------------------------------------------------------------------------------------
// The dockerized fixture, read from disk as the CLI reads it

function load(root: string): DjangoProject {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(root);
  const p = new DjangoProject(root, { readFile: (f) => readFileSync(f, 'utf8') });
  p.addKnownFiles(files);
  p.addDirectories([root]);
  return p;
}

test('test/fixtures/dockerized: production runs gunicorn from the Dockerfile, development runserver from compose; collectstatic in the image; Django from base.txt via -r', () => {
  const root = resolve('test/fixtures/dockerized');
  const p = load(root);
  const { facts, items } = checklist(p, { exists: false, files: 0, manifest: false });
  assert.equal(facts.settings?.module, 'config.settings.production');
  assert.deepEqual(facts.launchers.map((l) => `${l.where} ${short(l)}`).sort(), ['Dockerfile:21 gunicorn config.wsgi:application production', 'docker-compose.dev.yml:4 runserver - development']);
  assert.equal(facts.launchers.find((l) => l.server)?.settingsModule, 'config.settings.production');
  assert.deepEqual(facts.collectstaticRuns.map((r) => r.where), ['Dockerfile:19']);
  assert.equal(p.djangoVersion().source, 'requirements/base.txt:1');
  assert.equal(facts.requirements.get('whitenoise')?.place.file, `${root}/requirements/base.txt`);
  assert.equal(item(items, 'collectstatic').status, 'pass');
  assert.equal(item(items, 'static-serving').status, 'pass');
  const server = item(items, 'app-server');
  assert.equal(server.status, 'warn', 'pages.views.feed is async and gunicorn is WSGI');
  assert.match(server.detail, /1 async view under Gunicorn \(WSGI\), started in Dockerfile:21/);
  const c = compareServers(facts, root);
  assert.equal(c.recommendation.interface, 'asgi');
  assert.deepEqual(c.collectstatic, ['Dockerfile:19']);
  assert.deepEqual(c.launched?.map((l) => `${l.environment} ${l.name} ${l.where}`), ['production Gunicorn Dockerfile:21', 'development runserver docker-compose.dev.yml:4']);
});
