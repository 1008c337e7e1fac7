import json
import logging
import warnings
from copy import deepcopy
from os import environ

import certifi
import memcache
import MySQLdb
import yaml

from course_discovery.settings.base import *

logger = logging.getLogger(__name__)

DEBUG = False
TEMPLATE_DEBUG = DEBUG

ALLOWED_HOSTS = ['*']

LOGGING['handlers']['local']['level'] = 'INFO'

# Keep track of the names of settings that represent dicts. Instead of overriding the values in base.py,
# the values read from disk should UPDATE the pre-configured dicts.
DICT_UPDATE_KEYS = ('JWT_AUTH',)

# This may be overridden by the YAML in DISCOVERY_CFG, but it should be here as a default.
MEDIA_STORAGE_BACKEND = {}

CONFIG_FILE = environ['DISCOVERY_CFG']
with open(CONFIG_FILE, encoding='utf-8') as f:
    config_from_yaml = yaml.safe_load(f)

    # Remove the items that should be used to update dicts, and apply them separately rather
    # than pumping them into the local vars.
    dict_updates = {key: config_from_yaml.pop(key, None) for key in DICT_UPDATE_KEYS}

    for key, value in dict_updates.items():
        if value:
            vars()[key].update(value)

    vars().update(config_from_yaml)

    MEDIA_STORAGE_BACKEND = config_from_yaml.get("MEDIA_STORAGE_BACKEND", {})
    default_backend = MEDIA_STORAGE_BACKEND.pop("DEFAULT_FILE_STORAGE", None)
    static_backend = MEDIA_STORAGE_BACKEND.pop("STATICFILES_STORAGE", None)

    if default_backend:
        STORAGES["default"]["BACKEND"] = default_backend

    if static_backend:
        STORAGES["staticfiles"]["BACKEND"] = static_backend

    # Unpack media storage settings.
    # It's important we unpack here because of https://github.com/openedx/configuration/pull/3307
    vars().update(MEDIA_STORAGE_BACKEND)

# Reset our cache when memcache versions change
CACHES['default']['KEY_PREFIX'] = CACHES['default'].get('KEY_PREFIX', '') + '_' + memcache.__version__

if 'EXTRA_APPS' in locals():
    INSTALLED_APPS += EXTRA_APPS

if 'read_replica' not in DATABASES:
    DATABASES['read_replica'] = deepcopy(DATABASES['default'])

DB_OVERRIDES = dict(
    DB_MIGRATION_PASS='PASSWORD',
    DB_MIGRATION_ENGINE='ENGINE',
    DB_MIGRATION_USER='USER',
    DB_MIGRATION_NAME='NAME',
    DB_MIGRATION_HOST='HOST',
    DB_MIGRATION_PORT='PORT',
)
for override, db_key in DB_OVERRIDES.items():
    if override in environ:
        DATABASES['default'][db_key] = environ.get(override)
        DATABASES['read_replica'][db_key] = environ.get(override)

# To attach certifi elasticsearch host you should  do pip install certifi
# should do the trick. elasticsearch-py will automatically look it up.
ELASTICSEARCH_DSL['default'].update({
    'hosts': ELASTICSEARCH_CLUSTER_URL,
})

# NOTE (CCB): Treat all MySQL warnings as exceptions. This is especially
# desired for truncation warnings, which hide potential data integrity issues.
warnings.filterwarnings('error', category=MySQLdb.Warning)

# Minify CSS
COMPRESS_CSS_FILTERS += [
    'compressor.filters.cssmin.CSSMinFilter',
]

# Enable offline compression of CSS/JS
COMPRESS_ENABLED = True
COMPRESS_OFFLINE = True

# Have images and such that we upload be publicly readable
AWS_DEFAULT_ACL = 'public-read'

# Convert dict keys to lowercase. The if condition replaces \\n in private_key value with \n.
GOOGLE_SERVICE_ACCOUNT_CREDENTIALS = {
    k.lower(): (v.replace("\\n", "\n") if k.lower() == "private_key" else v)
    for (k, v) in GOOGLE_SERVICE_ACCOUNT_CREDENTIALS.items()
}

# IMPORTANT: With this enabled, the server must always be behind a proxy that
# strips the header X_FORWARDED_PROTO from client requests. Otherwise,
# a user can fool our server into thinking it was an https connection.
# See https://docs.djangoproject.com/en/5.1/ref/settings/#secure-proxy-ssl-header
# for other warnings.
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
