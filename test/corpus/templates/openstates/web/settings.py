# Reduced from web/settings.py of openstates/openstates.org@04402706d599 for the template
# corpus: only what templates and static files read. The real module also imports
# dj_database_url, structlog and corsheaders, and sets databases, e-mail, caches, CORS, GraphQL,
# allauth providers, reCAPTCHA, logging, and STATICFILES_STORAGE (whitenoise's manifest storage;
# not kept: the corpus renders with the plain StaticFilesStorage).
import os


# Build paths inside the project like this: os.path.join(BASE_DIR, ...)
BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "templates")],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
        },
    }
]

DEBUG = os.environ.get("DEBUG", "true").lower() != "false"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "captcha",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.twitter",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.github",
    "openstates.data",
    "graphene_django",
    "graphene_graphiql_explorer",
    "public",
    "graphapi",
    "bulk",
    "profiles.apps.ProfilesConfig",
    "bundles",
    "dashboards",
    "people_admin",
]

STATIC_URL = "/static/"

STATICFILES_DIRS = (os.path.join(BASE_DIR, "static/"),)

STATIC_ROOT = os.path.join(BASE_DIR, "collected_static")
