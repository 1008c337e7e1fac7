// The project model: Django version pins and hovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { djangoPinFromFile } from '../../server/src/engine/project/djangoVersion';
import { project, settingsProject, SETTINGS, STARTPROJECT, ROOT } from './helpers';
import { hoverSetting } from '../../server/src/engine/hover';
import { checklistMarkdown } from '../../server/src/engine/deploy/checklist';

const v = (name: string, text: string) => {
  const r = djangoPinFromFile(name, text);
  return r ? `${r.major}.${r.minor}` : undefined;
};

test('version pins: exact, ranges with an upper bound, open ranges, lock files', () => {
  assert.equal(v('requirements.txt', 'gunicorn\nDjango==3.2.25\n'), '3.2');
  assert.equal(v('requirements.txt', 'django>=4.2,<5.0  # LTS\n'), '4.2');
  assert.equal(v('requirements.txt', 'Django~=4.1.3\n'), '4.1');
  assert.equal(v('requirements.txt', 'django>=3.0\n'), '6.1', 'open range: the newest');
  assert.equal(v('requirements.txt', 'django-environ==0.11\n'), undefined, 'another package');
  assert.equal(v('requirements.txt', 'django[argon2]==5.0.1\n'), '5.0');
  assert.equal(v('pyproject.toml', '[project]\ndependencies = [\n  "Django>=5.0,<5.2",\n]\n'), '5.1');
  assert.equal(v('pyproject.toml', '[tool.poetry.dependencies]\ndjango = "^4.2"\n'), '4.2');
  assert.equal(v('Pipfile', '[packages]\ndjango = "==3.2.*"\n'), '3.2');
  assert.equal(v('poetry.lock', '[[package]]\nname = "django"\nversion = "4.2.7"\n'), '4.2');
  assert.equal(v('Pipfile.lock', '{"default": {\n "django": {\n  "hashes": [],\n  "version": "==5.1.2"\n }}}'), '5.1');
});

test('the pinned version drives version-dependent checks', () => {
  const files = {
    'requirements.txt': 'Django==3.2.20\n',
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': STARTPROJECT + "CSRF_TRUSTED_ORIGINS = ['example.com']\n",
  };
  const p = project(files);
  assert.equal(`${p.version().major}.${p.version().minor}`, '3.2');
  assert.match(p.version().source, /requirements\.txt:1/);
  assert.ok(!p.findingsFor(`${ROOT}/mysite/settings.py`).some((f) => f.code === '4_0.E001'));
  const newer = project({ ...files, 'requirements.txt': 'Django==4.2\n' });
  assert.ok(newer.findingsFor(`${ROOT}/mysite/settings.py`).some((f) => f.code === '4_0.E001'));
});

test('hover: effective value and where it comes from, across split settings', () => {
  const p = project({
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': 'import os\nDEBUG = True\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev")\nINSTALLED_APPS = []\n',
    'mysite/settings/production.py': 'from .base import *\n\nDEBUG = False\n',
  });
  const base = `${ROOT}/mysite/settings/base.py`;
  const text = p.text(base)!;
  const h = hoverSetting(p, base, text.indexOf('DEBUG') + 1)!;
  assert.match(h.contents, /mysite\.settings\.production/);
  assert.match(h.contents, /`False` — production\.py:3, overrides base\.py:2/);
  const key = hoverSetting(p, base, text.indexOf('SECRET_KEY') + 2)!;
  assert.match(key.contents, /from environment variable DJANGO_SECRET_KEY, default 'dev'/);
  const unknown = settingsProject('import os\nDEBUG = os.environ.get("D") == "1"\nINSTALLED_APPS = []\n');
  const u = hoverSetting(unknown, SETTINGS, unknown.text(SETTINGS)!.indexOf('DEBUG'))!;
  assert.match(u.contents, /unknown \(depends on D\)/);
  assert.match(u.contents, /False when unset/);
});

test('hover and checklist Markdown: values from the project never become markup (links, remote images, HTML, new blocks)', () => {
  const hostile = '![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> [click](javascript:x) `code`\n# heading';
  const p = settingsProject(`INSTALLED_APPS = []\nSITE_TITLE = ${JSON.stringify(hostile)}\nDEBUG = False\n`);
  const h = hoverSetting(p, SETTINGS, p.text(SETTINGS)!.indexOf('SITE_TITLE') + 1)!;
  // The value sits in a code span whose fence is longer than the backtick run inside it.
  assert.ok(h.contents.includes('``'), h.contents);
  assert.ok(!h.contents.includes('\n# heading'), 'no new block from a line break in a value');
  for (const line of h.contents.split('\n')) assert.ok(!/!\[|<img|\]\(/.test(outsideCodeSpans(line)), `markup outside a code span: ${line}`);
  const md = checklistMarkdown([{ id: 'x', title: 'A row', status: 'fail', detail: hostile, places: [] } as never], 'shop.settings ![x](https://evil.example/y.png)');
  assert.ok(!/!\[|<img|\]\(|\n# /.test(md.replace(/\\[!\[\]()<>#]/g, '')), md);
  assert.match(md, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
});

/** A line of Markdown without its code spans (a run of n backticks to the next run of exactly n). */
function outsideCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      if (line[j] !== '`') {
        j++;
        continue;
      }
      let m = 0;
      while (line[j + m] === '`') m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close < 0) {
      out += line.slice(i, i + n);
      i += n;
    } else i = close + n;
  }
  return out;
}
