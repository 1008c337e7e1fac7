# -*- coding: utf-8 -*-
# Reduced from src/ralph/settings/base.py of allegro/ralph@c33ead2c5c99 for the template corpus:
# only what templates and static files read. The real module also imports moneyed and
# ralph.settings.hooks, and sets databases, Redis, REST framework, LDAP, hooks and logging.
# Ralph pins Django 2.0 ({% load admin_static %} / {% load staticfiles %} still exist there);
# the corpus renders it with Django 3.2, where they were removed (the DJD204 upgrade case).
import os


def bool_from_env(var, default: bool=False) -> bool:
    """Helper for converting env string into boolean.

    Returns bool True for string values: '1' or 'true', False otherwise.
    """
    def str_to_bool(s: str) -> bool:
        return s.lower() in ('1', 'true')

    os_var = os.environ.get(var)
    if os_var is None:
        # as user expect
        return default
    else:
        return str_to_bool(os_var)


BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


SECRET_KEY = os.environ.get('SECRET_KEY', 'CHANGE_ME')
LOG_FILEPATH = os.environ.get('LOG_FILEPATH', '/tmp/ralph.log')

DEBUG = False

# Application definition

INSTALLED_APPS = (
    'django.contrib.contenttypes',
    'taggit',
    'django.contrib.auth',
    'ralph.admin',
    'django.contrib.admin',
    'django.contrib.humanize',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'django_filters',
    'django_rq',
    'import_export',
    'mptt',
    'reversion',
    'sitetree',
    'ralph.access_cards',
    'ralph.accounts',
    'ralph.accessories',
    'ralph.assets',
    'ralph.attachments',
    'ralph.back_office',
    'ralph.configuration_management',
    'ralph.dashboards',
    'ralph.data_center',
    'ralph.dhcp',
    'ralph.deployment',
    'ralph.licences',
    'ralph.domains',
    'ralph.trade_marks',
    'ralph.sim_cards',
    'ralph.supports',
    'ralph.security',
    'ralph.lib.foundation',
    'ralph.lib.table',
    'ralph.networks',
    'ralph.data_importer',
    'ralph.dc_view',
    'ralph.reports',
    'ralph.virtual',
    'ralph.operations',
    'ralph.lib.external_services',
    'ralph.lib.transitions',
    'ralph.lib.permissions',
    'ralph.lib.custom_fields',
    'ralph.lib.hooks',
    'ralph.notifications',
    'ralph.ssl_certificates',
    'rest_framework',
    'rest_framework.authtoken',
    'taggit_serializer',
    'djmoney',
)

ROOT_URLCONF = 'ralph.urls'
URLCONF_MODULES = [ROOT_URLCONF]

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
            'loaders': [
                ('django.template.loaders.cached.Loader', [
                    'django.template.loaders.filesystem.Loader',
                    'django.template.loaders.app_directories.Loader',
                    'ralph.lib.template.loaders.AppTemplateLoader',
                ]),
            ],
        },
    },
]


STATIC_URL = '/static/'
STATICFILES_DIRS = (
    os.path.join(BASE_DIR, 'static'),
    os.path.join(BASE_DIR, 'admin', 'static'),
)
STATIC_ROOT = os.environ.get(
    'STATIC_ROOT', os.path.join(BASE_DIR, 'var', 'static')
)

MEDIA_URL = '/media/'
MEDIA_ROOT = os.environ.get(
    'MEDIA_ROOT', os.path.join(BASE_DIR, 'var', 'media')
)
