// The workspace both integration launchers open: temp copies of test/fixtures/startproject and
// test/fixtures/split (the repository's fixtures are never modified), side by side as the two
// folders of a multi-root .code-workspace. Two folders rather than one because both fixtures hold
// a `mysite` package, and the language server makes one project per workspace folder.
// A third folder, `staticsite`, is startproject again with static files and templates added
// (STATICFILES_DIRS = [BASE_DIR / 'assets'], assets/css/site.css, assets/img/logo.png,
// mysite/templates/*.html) for the templates suite; it is made before the editor starts, so the
// language server's workspace walk finds every file.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = ['startproject', 'split'];
/** The workspace folders: the fixtures, then the static-site copy (see addStaticSite). */
export const FOLDERS = [...FIXTURES, 'staticsite'];

/** The templates the templates suite opens (mysite/templates/<name>), written into staticsite. */
export const STATIC_SITE_TEMPLATES = {
  // a raw /static/ path after {% extends %}: DJD201, whose fix loads static after the extends
  'page.html': '{% extends "base.html" %}\n{% block content %}\n<link rel="stylesheet" href="/static/css/site.css">\n<p>Hello</p>\n{% endblock %}\n',
  // {% static %} without {% load static %}: DJD203
  'noload.html': '<!doctype html>\n<img src="{% static \'img/logo.png\' %}" alt="">\n',
  // clean: loads static, uses it on served files (links, completion)
  'linked.html': '{% load static %}\n<link rel="stylesheet" href="{% static \'css/site.css\' %}">\n<img src="{% static \'img/logo.png\' %}" alt="">\n',
  'base.html': '<!doctype html>\n<html><body>{% block content %}{% endblock %}</body></html>\n',
};

/** startproject copied to `folder`, with STATICFILES_DIRS, two static files and the templates above. */
export function addStaticSite(folder) {
  cpSync(join(repoRoot, 'test/fixtures/startproject'), folder, { recursive: true });
  appendFileSync(join(folder, 'mysite/settings.py'), "\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\n");
  mkdirSync(join(folder, 'assets/css'), { recursive: true });
  mkdirSync(join(folder, 'assets/img'), { recursive: true });
  mkdirSync(join(folder, 'mysite/templates'), { recursive: true });
  writeFileSync(join(folder, 'assets/css/site.css'), 'body { margin: 0; }\n');
  // a 1×1 PNG
  writeFileSync(join(folder, 'assets/img/logo.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  for (const [name, text] of Object.entries(STATIC_SITE_TEMPLATES)) writeFileSync(join(folder, 'mysite/templates', name), text);
}
/** The bundled suite (scripts/build.mjs compiles test/integration/suite/index.ts to it). */
export const suiteIndex = join(repoRoot, 'out/test/integration/suite/index.js');

/** @returns {{ dir: string, workspaceFile: string, remove: () => void }} */
export function makeWorkspace() {
  const dir = mkdtempSync('/tmp/djd-int-');
  for (const name of FIXTURES) {
    cpSync(join(repoRoot, 'test/fixtures', name), join(dir, name), { recursive: true });
  }
  addStaticSite(join(dir, 'staticsite'));
  const workspaceFile = join(dir, 'integration.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({
    folders: FOLDERS.map((name) => ({ path: name })),
    settings: {},
  }, null, 2) + '\n');
  return { dir, workspaceFile, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

/** Exit code of a launcher that could not run the suite at all (no editor available): skipped. */
export const EXIT_SKIPPED = 77;
