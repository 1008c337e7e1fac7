// Small builders for engine tests: a project from a map of relative paths to texts.
import { DjangoProject, type EngineConfig } from '../../server/src/engine/project/project';
import type { Finding } from '../../server/src/engine/findings';
import { applyEdits } from '../../server/src/engine/fixAll';
import { lineColumn } from '../../server/src/engine/text';

export const ROOT = '/proj';

export function project(files: Record<string, string>, config: Partial<EngineConfig> = {}): DjangoProject {
  const p = new DjangoProject(ROOT);
  p.setConfig(config);
  for (const [rel, text] of Object.entries(files)) p.setFile(`${ROOT}/${rel}`, text);
  return p;
}

/** A one-file project: `mysite/settings.py` with `manage.py` pointing at it. */
export function settingsProject(settings: string, config: Partial<EngineConfig> = {}): DjangoProject {
  return project(
    {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
      'mysite/__init__.py': '',
      'mysite/settings.py': settings,
    },
    { djangoVersion: '4.2', ...config },
  );
}

export const SETTINGS = `${ROOT}/mysite/settings.py`;

export function codes(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => !f.inherited).map((f) => f.code))].sort();
}

export function djangoCodes(findings: Finding[]): string[] {
  return codes(findings).filter((c) => c.includes('.'));
}

export function find(findings: Finding[], code: string): Finding {
  const f = findings.find((x) => x.code === code && !x.inherited);
  if (!f) throw new Error(`no ${code} in ${codes(findings).join(', ')}`);
  return f;
}

/** The text a finding's range covers. */
export function covered(p: DjangoProject, f: Finding): string {
  return (p.text(f.file) ?? '').slice(f.start, f.end);
}

export function line(p: DjangoProject, f: Finding): number {
  return lineColumn(p.text(f.file) ?? '', f.start).line + 1;
}

/** Applies a fix to the project (all files it touches) and returns the new text of `file`. */
export function applyFix(p: DjangoProject, fix: { edits: { file: string; start: number; end: number; newText: string }[] }, file: string): string {
  const byFile = new Map<string, typeof fix.edits>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [f, edits] of byFile) p.setFile(f, applyEdits(p.text(f) ?? '', edits));
  return p.text(file) ?? '';
}

export const STARTPROJECT = `"""
Django settings for mysite project.
"""

from pathlib import Path

# Build paths inside the project like this: BASE_DIR / 'subdir'.
BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = 'django-insecure-_de%br5)9rz7-owc!0@6qzw0z&##)gmvk%!h1a^wgbh^kh#)5#'

# SECURITY WARNING: don't run with debug turned on in production!
DEBUG = True

ALLOWED_HOSTS = []


# Application definition

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

ROOT_URLCONF = 'mysite.urls'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
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

WSGI_APPLICATION = 'mysite.wsgi.application'

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': BASE_DIR / 'db.sqlite3',
    }
}

LANGUAGE_CODE = 'en-us'

TIME_ZONE = 'UTC'

USE_I18N = True

USE_L10N = True

USE_TZ = True

STATIC_URL = '/static/'

DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
`;
