# Reduced from djangogirls/settings.py of DjangoGirls/djangogirls@7b660edfbbae for the template
# corpus: only what templates and static files read. The real module also imports
# dj_database_url, sentry_sdk and .utils.sanitize, and sets databases, middleware, e-mail,
# Stripe, storages, reCAPTCHA, TinyMCE and logging.
import os

BASE_DIR = os.path.dirname(os.path.dirname(__file__))
BASE_URL = "https://djangogirls.org"

DEBUG = os.getenv("DJANGO_DEBUG") != "FALSE"


SITE_ID = 1

# Application definition

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "adminsortable2",
    "django_bleach",
    "django_date_extensions",
    "django_unused_media",
    "django_extensions",
    "storages",
    "markdown_deux",
    "easy_thumbnails",
    "captcha",
    "django_countries",
    "gulp_rev",
    "tinymce",
    "core",
    "applications",
    "organize",
    "patreonmanager",
    "story",
    "sponsor",
    "coach",
    "contact",
    "pictures",
    "donations",
    "jobboard",
    "globalpartners",
    "stripe_payments",
    "django.contrib.sitemaps",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "templates")],
        "APP_DIRS": True,
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
                "core.context_processors.statistics",
            ],
            "debug": DEBUG,
        },
    },
]

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "staticfiles")
MEDIA_URL = "/uploads/"
MEDIA_ROOT = os.path.join(BASE_DIR, "uploads")
DJANGO_GULP_REV_PATH = os.path.join(BASE_DIR, "static/rev-manifest.json")
LOGIN_URL = "admin:login"

if "GITHUB_ACTIONS" in os.environ:
    STATICFILES_DIRS = [os.path.join(BASE_DIR, "static/source")]
elif DEBUG:
    STATICFILES_DIRS = [os.path.join(BASE_DIR, "static/local")]
else:
    STATICFILES_DIRS = [os.path.join(BASE_DIR, "static/build")]


