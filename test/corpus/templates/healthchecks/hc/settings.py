# Reduced from hc/settings.py of healthchecks/healthchecks@29b5ec251059 for the template corpus:
# only what templates and static files read. The real module also sets middleware,
# authentication, databases, e-mail, integrations' credentials, and COMPRESS_OFFLINE with
# 'compressor.finders.CompressorFinder' in STATICFILES_FINDERS (not kept: Django's default
# finders). SITE_ROOT is the default http://localhost:8000 (STATIC_URL = "/static/").
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = (
    "hc.accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "compressor",
    "hc.api",
    "hc.front",
    "hc.logs",
    "hc.payments",
    "hc.integrations.apprise",
    "hc.integrations.call",
    "hc.integrations.discord",
    "hc.integrations.email",
    "hc.integrations.github",
    "hc.integrations.googlechat",
    "hc.integrations.gotify",
    "hc.integrations.group",
    "hc.integrations.matrix",
    "hc.integrations.mattermost",
    "hc.integrations.msteamsw",
    "hc.integrations.ntfy",
    "hc.integrations.opsgenie",
    "hc.integrations.pagertree",
    "hc.integrations.pd",
    "hc.integrations.po",
    "hc.integrations.prometheus",
    "hc.integrations.pushbullet",
    "hc.integrations.rocketchat",
    "hc.integrations.shell",
    "hc.integrations.signal",
    "hc.integrations.slack",
    "hc.integrations.sms",
    "hc.integrations.spike",
    "hc.integrations.telegram",
    "hc.integrations.trello",
    "hc.integrations.victorops",
    "hc.integrations.webhook",
    "hc.integrations.whatsapp",
    "hc.integrations.zulip",
)


ROOT_URLCONF = "hc.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hc.front.context_processors.branding",
                "hc.payments.context_processors.payments",
            ]
        },
    }
]

SITE_ROOT = os.getenv("SITE_ROOT", "http://localhost:8000").removesuffix("/")
_site_root_parts = urlparse(SITE_ROOT)
LOGIN_URL = f"{_site_root_parts.path}/accounts/login/"
STATIC_URL = f"{_site_root_parts.path}/static/"

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static-collected"
