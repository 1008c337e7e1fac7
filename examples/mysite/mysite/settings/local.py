"""Development settings, loaded by manage.py."""

from .base import *  # noqa: F401,F403

DEBUG = True

INTERNAL_IPS = ['127.0.0.1']

EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'
