# -*- coding: utf-8 -*-
# Reduced from settings/common.py of pythonindia/junction@6b20a1d832e6 for the template corpus:
# only what templates and static files read (the real module also sets middleware,
# authentication, allauth providers, e-mail, databases, REST framework, Celery, logging).
from __future__ import absolute_import, unicode_literals

import os
from os.path import dirname, join

DEBUG = False
if os.environ.get("DEBUG", False) == "TRUE":
    DEBUG = True

# Build paths inside the project like this: os.path.join(ROOT_DIR, ...)
ROOT_DIR = dirname(dirname(__file__))
APP_DIR = join(ROOT_DIR, "junction")

CORE_APPS = (
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
)

THIRD_PARTY_APPS = (
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.github",
    "bootstrap3",
    "pagedown",
    "markdown_deux",
    "django_bootstrap_breadcrumbs",
    "django_extensions",
    "rest_framework",
    "django_filters",
    "simple_history",
)

if DEBUG:
    THIRD_PARTY_APPS += ("sslserver",)

OUR_APPS = (
    "junction.base",
    "junction.conferences",
    "junction.proposals",
    "junction.schedule",
    "junction.profiles",
    "junction.devices",
    "junction.tickets",
    "junction.feedback",
)

INSTALLED_APPS = CORE_APPS + THIRD_PARTY_APPS + OUR_APPS
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(APP_DIR, "templates")],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "junction.base.context_processors.site_info",
                "django.contrib.messages.context_processors.messages",
            ],
            "debug": DEBUG,
        },
    },
]


SITE_PREFIX = os.environ.get("SITE_PREFIX", "")
STATIC_URL = SITE_PREFIX + "/static/"
STATIC_ROOT = os.path.join(APP_DIR, "assets", "collected-static")
STATICFILES_DIRS = (os.path.join(APP_DIR, "static"),)

MEDIA_ROOT = join(ROOT_DIR, ".media")
MEDIA_URL = SITE_PREFIX + "/m/"

# Required for hosting site under subfolder path in nginx
FORCE_SCRIPT_NAME = SITE_PREFIX

LOGIN_URL = SITE_PREFIX + '/accounts/login/'
