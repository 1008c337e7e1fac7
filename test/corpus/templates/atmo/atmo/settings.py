# Reduced from atmo/settings.py of mozilla/telemetry-analysis-service@17d79360bd70 for the
# template corpus: only what templates and static files read, as a plain module. The real module
# is class-based (django-configurations: Core, Base, Dev, Stage, Prod; Prod adds raven to
# INSTALLED_APPS), imports celery, dockerflow and raven, and sets Celery, Constance, AWS, CSP,
# databases, caches and logging; its STATICFILES_FINDERS add npm.finders.NpmFinder (files under
# the 'npm/' prefix, from node_modules outside the repository) and its STATICFILES_STORAGE is
# whitenoise's manifest storage (neither kept). Atmo pins Django 1.11 ({% load staticfiles %}
# exists there); the corpus renders it with Django 3.2.
import os

#: The directory in which the settings file reside.
THIS_DIR = os.path.dirname(os.path.abspath(__file__))
#: Build paths inside the project like this: os.path.join(BASE_DIR, ...)
BASE_DIR = os.path.dirname(THIS_DIR)

#: Using the default first site found by django.contrib.sites
SITE_ID = 1

#: The installed apps.
INSTALLED_APPS = [
    # Project specific apps
    "atmo.apps.AtmoAppConfig",
    "atmo.clusters",
    "atmo.jobs",
    "atmo.apps.KeysAppConfig",
    "atmo.users",
    "atmo.stats",
    # Third party apps
    "guardian",
    "constance",
    "constance.backends.database",
    "dockerflow.django",
    "django_celery_monitor",
    "django_celery_results",
    "flat_responsive",
    # Django apps
    "django.contrib.sites",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # needs to load after django.contrib.auth
    "mozilla_django_oidc",
]

ROOT_URLCONF = "atmo.urls"

STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", "/opt/static/")
STATIC_URL = "/static/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "context_processors": [
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.media",
                "django.template.context_processors.static",
                "django.template.context_processors.tz",
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "session_csrf.context_processor",
                "atmo.context_processors.settings",
                "atmo.context_processors.version",
                "atmo.context_processors.alerts",
                "constance.context_processors.config",
            ],
            "loaders": [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
            "libraries": {"atmo": "atmo.templatetags"},
        },
    }
]
