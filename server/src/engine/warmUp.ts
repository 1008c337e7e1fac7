// Runs the whole analysis once on a small built-in settings module, so that the first file the
// user opens does not pay for compiling the parser and the evaluator (about 20 ms on 2 cores).

import { DjangoProject } from './project/project';

const SAMPLE = `import os
from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-sample")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.sessions", "django.contrib.staticfiles"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware"]
MIDDLEWARE += ["django.middleware.csrf.CsrfViewMiddleware"]
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [BASE_DIR / "templates"], "APP_DIRS": True}]
if not DEBUG:
    SECURE_SSL_REDIRECT = True
STATIC_URL = "static/"
STATIC_ROOT = os.path.join(BASE_DIR, "staticfiles")
`;

export function warmUp(): void {
  const project = new DjangoProject('/django-deploy-warm-up');
  for (let i = 0; i < 3; i++) {
    project.setFile('/django-deploy-warm-up/site/settings.py', SAMPLE + `\nX = ${i}\n`);
    project.allFindings();
  }
}
