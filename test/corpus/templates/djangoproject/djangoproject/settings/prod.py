# Reduced from djangoproject/settings/prod.py of django/djangoproject.com@68a439a59f56 for the
# template corpus: only what templates and static files read. The real module also requires
# DJANGO_DB_NAME, and sets ALLOWED_HOSTS, caches, logging, cache middleware, cookies, STORAGES
# (ManifestStaticFilesStorage: not kept, the corpus renders with the plain StaticFilesStorage)
# and the docs build settings.
from .common import *  # noqa

DOMAIN_NAME = os.getenv("DOMAIN_NAME", "djangoproject.com")

DEBUG = os.getenv("DJANGO_DEBUG", "false").lower() == "true"

MEDIA_ROOT = DATA_DIR / "media"

MEDIA_URL = f"https://media.{DOMAIN_NAME}/"

STATIC_ROOT = DATA_DIR / "static"

STATIC_URL = f"https://static.{DOMAIN_NAME}/"
