// The real templates Debian ships inside python3-django, python3-djangorestframework and
// python3-django-debug-toolbar: written by the projects themselves, they must produce no raw-path
// and no missing-load findings (every finding there would be a false alarm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';

const DIST = '/usr/lib/python3/dist-packages';
// Django's own templates outside contrib apps (django/views/templates, rendered by a standalone
// debug Engine without the static library, and django/forms/templates) are not rendered by a
// project's template engine: only app templates are checked, as a project would see them.
const PACKAGES = [
  { dir: 'django/contrib', apt: 'python3-django', app: 'django.contrib.admin' },
  { dir: 'rest_framework', apt: 'python3-djangorestframework', app: 'rest_framework' },
  { dir: 'debug_toolbar', apt: 'python3-django-debug-toolbar', app: 'debug_toolbar' },
];

function templates(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, inTemplates: boolean) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, inTemplates || name === 'templates');
      else if (inTemplates && /\.(html|txt)$/.test(name)) out.push(full);
    }
  };
  walk(dir, false);
  return out;
}

for (const pkg of PACKAGES) {
  const root = join(DIST, pkg.dir);
  test(`${pkg.apt}: its templates have no raw static paths and no missing {% load static %}`, { skip: existsSync(root) ? false : `${pkg.apt} is not installed (apt-get install ${pkg.apt})` }, () => {
    const project = new DjangoProject('/project');
    project.setConfig({ djangoVersion: '3.2' });
    project.setFile('/project/manage.py', "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n");
    project.setFile('/project/site/__init__.py', '');
    project.setFile('/project/site/settings.py', `INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.auth', 'django.contrib.staticfiles', '${pkg.app}']\nSTATIC_URL = '/static/'\nMEDIA_URL = '/media/'\nDEBUG = False\n`);
    const files = templates(root);
    assert.ok(files.length > 5, `templates found under ${root}`);
    const problems: string[] = [];
    for (const file of files) {
      const path = `/project/vendor${file}`;
      project.setFile(path, readFileSync(file, 'utf8'));
      project.markTemplate(path);
      for (const f of project.findingsFor(path)) {
        if (f.code === 'DJD201' || f.code === 'DJD202' || f.code === 'DJD203') problems.push(`${file}: ${f.code} ${f.message.slice(0, 120)}`);
      }
    }
    assert.deepEqual(problems, [], `${files.length} templates`);
  });
}
