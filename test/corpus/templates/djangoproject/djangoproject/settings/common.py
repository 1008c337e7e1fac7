# Settings for www.djangoproject.com
# Reduced from djangoproject/settings/common.py of django/djangoproject.com@68a439a59f56 for the
# template corpus: only what templates and static files read (the real module also reads
# secrets.json and sets databases, caches, logging, middleware, e-mail, reCAPTCHA, hosts).
import os
from pathlib import Path

# Utilities
PROJECT_PACKAGE = Path(__file__).resolve().parent.parent

# The full path to the repository root.
BASE_DIR = PROJECT_PACKAGE.parent

data_dir_key = "DJANGOPROJECT_DATA_DIR"
DATA_DIR = (
    Path(os.environ[data_dir_key]) if data_dir_key in os.environ else BASE_DIR.parent
)

INSTALLED_APPS = [
    "accounts",
    "aggregator",
    "blog",
    "checklists",
    "contact",
    "dashboard",
    "docs",
    "foundation",
    "legacy",
    "members",
    "releases",
    "svntogit",
    "tracdb",
    "fundraising",
    "django_recaptcha",
    "registration",
    "django_hosts",
    "sorl.thumbnail",
    "djmoney",
    "django.contrib.sites",
    "django.contrib.auth",
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.redirects",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_push.subscriber",
    "django_read_only",
    # Temporary fix for Sphinx bug.https://github.com/sphinx-doc/sphinx/issues/13448
    # Can be removed (and code deleted) once fixed.
    "_sphinx_13448_workaround",
]

if os.getenv("DJANGO_SPOOKY_MODE"):
    INSTALLED_APPS.insert(0, "django_admin_dracula")  # spooky 👻


MEDIA_URL = "/m/"

ROOT_URLCONF = "djangoproject.urls.www"

SITE_ID = 1

STATICFILES_DIRS = [PROJECT_PACKAGE / "static"]

STATIC_URL = "/s/"

STATICFILES_FINDERS = (
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_PACKAGE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": [
                "django_hosts.templatetags.hosts_override",
            ],
            "context_processors": [
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.static",
                "django.template.context_processors.media",
                "django.contrib.messages.context_processors.messages",
                "docs.context_processors.docs_version",
                "releases.context_processors.django_version",
                "aggregator.context_processors.community_stats",
                "django.template.context_processors.request",
            ],
        },
    },
]

