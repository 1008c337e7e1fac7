// Regressions for engine bugs found while building the CLI and cross-checking it against
// Django 3.2. Each test states what Django does (verified with Debian's python3-django 3.2.25).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DjangoProject } from '../../server/src/engine/project/project';
import { safeFixEdits, applyEdits } from '../../server/src/engine/fixAll';

function project(files: Record<string, string>, options: { handIn?: string[]; djangoVersion?: string } = {}): DjangoProject {
  const p = new DjangoProject('/p', { readFile: (f) => files[f] });
  p.setConfig({ djangoVersion: options.djangoVersion ?? '' });
  p.addKnownFiles(Object.keys(files));
  for (const f of options.handIn ?? []) p.setFile(f, files[f]);
  return p;
}

const STARTPROJECT_SECURITY = [
  "INSTALLED_APPS = ['django.contrib.staticfiles']",
  "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']",
  "SECRET_KEY = 'q8Vt3mZr7LxK2pW9sNcY4hGfB6jD1eUaR5oTiQ0vXlMzC7nHwPyE'",
  'SECURE_SSL_REDIRECT = True',
  'SECURE_HSTS_SECONDS = 3600',
  'SECURE_HSTS_INCLUDE_SUBDOMAINS = True',
  'SECURE_HSTS_PRELOAD = True',
];

describe('engine regressions found by the Django cross-check', () => {
  test(
    'a fix that adds a statement keeps CRLF line breaks intact',
    () => {
      const text = ['from pathlib import Path', 'BASE_DIR = Path(__file__).resolve().parent.parent', 'DEBUG = False', "ALLOWED_HOSTS = ['example.com']", ...STARTPROJECT_SECURITY, "STATIC_URL = '/static/'", 'USE_TZ = True', ''].join('\r\n');
      const p = project({ '/p/settings.py': text }, { handIn: ['/p/settings.py'], djangoVersion: '3.2' });
      const findings = p.allFindings();
      assert.ok(findings.some((f) => f.code === 'DJD101'), 'STATIC_ROOT is not set');
      const edits = safeFixEdits(findings).get('/p/settings.py') ?? [];
      const fixed = applyEdits(text, edits);
      assert.match(fixed, /\r\nSTATIC_ROOT = BASE_DIR \/ 'staticfiles'\r\nUSE_TZ = True\r\n/);
      assert.doesNotMatch(fixed, /\r\r|[^\r]\n/, 'every line ends with one CRLF');
    },
  );

  test(
    'every assignment of a line with semicolons counts',
    () => {
      const base = ['DEBUG = False', ...STARTPROJECT_SECURITY];
      const hosts = project({ '/p/settings.py': [...base, "X = 1; ALLOWED_HOSTS = ['example.com']", ''].join('\n') }, { djangoVersion: '3.2' });
      assert.deepEqual(hosts.allFindings().filter((f) => f.code === 'security.W020').map((f) => f.message), []);
      const redirect = project({ '/p/settings.py': [...base, "ALLOWED_HOSTS = ['example.com']", 'X = 1; SECURE_SSL_REDIRECT = False', ''].join('\n') }, { djangoVersion: '3.2' });
      assert.ok(redirect.allFindings().some((f) => f.code === 'security.W008'));
    },
  );

  test(
    'translation.E004 with the default LANGUAGES',
    () => {
      // DEBUG, ALLOWED_HOSTS and LANGUAGE_CODE alone are no evidence of Django (evidence.ts): the project has a manage.py.
      const p = project({ '/p/manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n", '/p/settings.py': ['DEBUG = False', "ALLOWED_HOSTS = ['example.com']", "LANGUAGE_CODE = 'en_US'", ''].join('\n') }, { djangoVersion: '3.2' });
      const codes = p.allFindings().map((f) => f.code).filter((c) => c.startsWith('translation.'));
      assert.deepEqual(codes.sort(), ['translation.E001', 'translation.E004']);
    },
  );

  test(
    '`del SETTING` restores the default',
    () => {
      const p = project({ '/p/settings.py': ['DEBUG = False', "ALLOWED_HOSTS = ['example.com']", ...STARTPROJECT_SECURITY, 'del SECURE_SSL_REDIRECT', ''].join('\n') }, { djangoVersion: '3.2' });
      assert.ok(p.allFindings().some((f) => f.code === 'security.W008'));
    },
  );
});
