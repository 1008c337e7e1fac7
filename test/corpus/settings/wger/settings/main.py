# This file is part of wger Workout Manager.
#
# wger Workout Manager is free software: you can redistribute it and/or modify
# it under the terms of the GNU Affero General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# wger Workout Manager is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU Affero General Public License

# ruff: noqa: F405

# Standard Library
import hashlib
import secrets
import warnings

# Third Party
import environ

# wger
from .settings_global import *  # noqa: F403

"""
Main settings file for a production deployment of wger.

For a more commented version of the options used here, please refer to
https://github.com/wger-project/docker/blob/master/config/prod.env
"""

env = environ.Env(
    # set casting, default value
    DJANGO_DEBUG=(bool, False)
)

# A list of keys used in the docker repo as defaults. To prevent instances using
# these defaults in production, servers with these keys will warn and generate
# random ones
_DEFAULT_KEYS = {
    'wger-docker-supersecret-key-1234567890!@#$%^&*(-_)',
    'wger-docker-secret-jwtkey-1234567890!@#$%^&*(-_=+)',
}

# SHA256 of the JWT keys shipped as defaults in docker/config/prod.env.
# Using hashes instead of inlining the ~1KB base64 JWKs
_DEFAULT_JWT_KEY_HASHES = {
    '993583b530ed307419c1fd54eef8c7010ac29fa9ee6ddfa3ed0e5204e2b5e99a',  # public
    '964a4ebdb0d1b9f7ac461711a8861d74bd887a955b0e10d79b93c532f1e13d98',  # private
}

# Use 'DEBUG = True' to get more details for server errors
DEBUG = env('DJANGO_DEBUG')

if os.environ.get('DJANGO_ADMINS'):
    ADMINS = [
        env.tuple('DJANGO_ADMINS'),
    ]
    MANAGERS = ADMINS

if os.environ.get('PS_DATABASE_URI'):
    DATABASES = {'default': env.db_url('PS_DATABASE_URI')}
else:
    DATABASES = {
        'default': {
            'ENGINE': env.str('DJANGO_DB_ENGINE'),
            'NAME': env.str('DJANGO_DB_DATABASE'),
            'USER': env.str('DJANGO_DB_USER', ''),
            'PASSWORD': env.str('DJANGO_DB_PASSWORD', ''),
            'HOST': env.str('DJANGO_DB_HOST', ''),
            'PORT': env.int('DJANGO_DB_PORT', 5432),
        }
    }
PS_STORAGE_PG_URI = env.str(
    'PS_STORAGE_PG_URI', 'postgres://powersync_storage:powersync_password@db:5432/wger'
)

# Timezone for this installation. Consult settings_global.py for more information
TIME_ZONE = env.str('TIME_ZONE', 'Europe/Berlin')

#
# Secret keys
#

# Django
SECRET_KEY = env.str('SECRET_KEY', '')
if not SECRET_KEY or (SECRET_KEY in _DEFAULT_KEYS and not DEBUG):
    SECRET_KEY = secrets.token_urlsafe(50)
    if not DEBUG:
        warnings.warn(
            'SECRET_KEY is not set or uses the default value so '
            'a random key was generated, sessions will not persist across restarts. '
            'Set SECRET_KEY in your environment for production use.',
            stacklevel=1,
        )

# JWT keypair (RS256)
JWT_PUBLIC_KEY = env.str('JWT_PUBLIC_KEY', '')
JWT_PRIVATE_KEY = env.str('JWT_PRIVATE_KEY', '')
POWERSYNC_URL_PATH = env.str('POWERSYNC_URL_PATH', 'ps')
POWERSYNC_URL = env.str('POWERSYNC_URL', '')
if not DEBUG and any(
    key and hashlib.sha256(key.encode()).hexdigest() in _DEFAULT_JWT_KEY_HASHES
    for key in (JWT_PUBLIC_KEY, JWT_PRIVATE_KEY)
):
    warnings.warn(
        'JWT_PUBLIC_KEY / JWT_PRIVATE_KEY are set to the shipped default values, '
        'this is a security risk! Please generate a fresh keypair with '
        '`./manage.py generate-jwt-keys`',
        stacklevel=1,
    )
if not DEBUG and not (JWT_PRIVATE_KEY and JWT_PUBLIC_KEY):
    warnings.warn(
        'JWT_PRIVATE_KEY / JWT_PUBLIC_KEY are not set. JWT authentication '
        'will not work until you run `./manage.py generate-jwt-keys` and '
        'add the output to your environment.',
        stacklevel=1,
    )


# Your reCaptcha keys
RECAPTCHA_PUBLIC_KEY = env.str('RECAPTCHA_PUBLIC_KEY', '')
RECAPTCHA_PRIVATE_KEY = env.str('RECAPTCHA_PRIVATE_KEY', '')
RECAPTCHA_REQUIRED_SCORE = env.float('RECAPTCHA_REQUIRED_SCORE', 0.75)

# The site's URL (e.g. http://www.my-local-gym.com or http://localhost:8000)
# This is needed for uploaded files and images (exercise images, etc.) to be
# properly served.
SITE_URL = env.str('SITE_URL', 'http://localhost:8000')

# Path to uploaded files
# Absolute filesystem path to the directory that will hold user-uploaded files.
MEDIA_ROOT = env.str('DJANGO_MEDIA_ROOT', '/home/wger/media')
STATIC_ROOT = env.str('DJANGO_STATIC_ROOT', '/home/wger/static')

# If you change these, adjust nginx alias definitions as well
MEDIA_URL = env.str('MEDIA_URL', '/media/')
STATIC_URL = env.str('STATIC_URL', '/static/')

LOGIN_REDIRECT_URL = env.str('LOGIN_REDIRECT_URL', '/')

# Allow all hosts to access the application. Change if used in production.
ALLOWED_HOSTS = [
    '*',
]

SESSION_ENGINE = 'django.contrib.sessions.backends.cached_db'

# Configure a real backend in production
if DEBUG:
    EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'

if env.bool('ENABLE_EMAIL', False):
    EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'
    EMAIL_HOST = env.str('EMAIL_HOST')
    EMAIL_PORT = env.int('EMAIL_PORT')
    EMAIL_HOST_USER = env.str('EMAIL_HOST_USER')
    EMAIL_HOST_PASSWORD = env.str('EMAIL_HOST_PASSWORD')
    EMAIL_USE_TLS = env.bool('EMAIL_USE_TLS', True)
    EMAIL_USE_SSL = env.bool('EMAIL_USE_SSL', False)
    EMAIL_TIMEOUT = 60

# Sender address used for sent emails
DEFAULT_FROM_EMAIL = env.str('FROM_EMAIL', 'wger Workout Manager <wger@example.com>')
WGER_SETTINGS['EMAIL_FROM'] = DEFAULT_FROM_EMAIL
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_FROM_ADDRESS = DEFAULT_FROM_EMAIL

# Management
WGER_SETTINGS['ALLOW_GUEST_USERS'] = env.bool('ALLOW_GUEST_USERS', True)
WGER_SETTINGS['ALLOW_REGISTRATION'] = env.bool('ALLOW_REGISTRATION', True)
WGER_SETTINGS['ALLOW_UPLOAD_VIDEOS'] = env.bool('ALLOW_UPLOAD_VIDEOS', True)
WGER_SETTINGS['DOWNLOAD_INGREDIENTS_FROM'] = env.str('DOWNLOAD_INGREDIENTS_FROM', 'WGER')
WGER_SETTINGS['EXERCISE_CACHE_TTL'] = env.int('EXERCISE_CACHE_TTL', 604800)
WGER_SETTINGS['MIN_ACCOUNT_AGE_TO_TRUST'] = env.int('MIN_ACCOUNT_AGE_TO_TRUST', 21)  # in days
WGER_SETTINGS['SYNC_EXERCISES_CELERY'] = env.bool('SYNC_EXERCISES_CELERY', False)
WGER_SETTINGS['SYNC_EXERCISE_IMAGES_CELERY'] = env.bool('SYNC_EXERCISE_IMAGES_CELERY', False)
WGER_SETTINGS['SYNC_EXERCISE_VIDEOS_CELERY'] = env.bool('SYNC_EXERCISE_VIDEOS_CELERY', False)
WGER_SETTINGS['SYNC_INGREDIENTS_CELERY'] = env.bool('SYNC_INGREDIENTS_CELERY', False)
WGER_SETTINGS['SYNC_INGREDIENTS_DUMP_URL'] = env.str(
    'SYNC_INGREDIENTS_DUMP_URL',
    'https://wger.de/media/ingredients/ingredients.jsonl.gz',
)
WGER_SETTINGS['SYNC_OFF_DAILY_DELTA_CELERY'] = env.bool('SYNC_OFF_DAILY_DELTA_CELERY', False)
WGER_SETTINGS['EXPORT_INGREDIENTS_BULK_CELERY'] = env.bool('EXPORT_INGREDIENTS_BULK_CELERY', False)
WGER_SETTINGS['USE_RECAPTCHA'] = env.bool('USE_RECAPTCHA', False)
WGER_SETTINGS['USE_CELERY'] = env.bool('USE_CELERY', False)
WGER_SETTINGS['CACHE_API_EXERCISES_CELERY'] = env.bool('CACHE_API_EXERCISES_CELERY', False)
WGER_SETTINGS['CACHE_API_EXERCISES_CELERY_FORCE_UPDATE'] = env.bool(
    'CACHE_API_EXERCISES_CELERY_FORCE_UPDATE', False
)

#
# Auth Proxy Authentication
# https://wger.readthedocs.io/en/latest/administration/auth_proxy.html
AUTH_PROXY_HEADER = env.str('AUTH_PROXY_HEADER', '')
AUTH_PROXY_TRUSTED_IPS = env.list('AUTH_PROXY_TRUSTED_IPS', default=[])
AUTH_PROXY_CREATE_UNKNOWN_USER = env.bool('AUTH_PROXY_CREATE_UNKNOWN_USER', False)
AUTH_PROXY_USER_EMAIL_HEADER = env.str('AUTH_PROXY_USER_EMAIL_HEADER', '')
AUTH_PROXY_USER_NAME_HEADER = env.str('AUTH_PROXY_USER_NAME_HEADER', '')

# Cache
if os.environ.get('DJANGO_CACHE_BACKEND'):
    CACHES = {
        'default': {
            'BACKEND': env.str('DJANGO_CACHE_BACKEND'),
            'LOCATION': env.str('DJANGO_CACHE_LOCATION', ''),
            'TIMEOUT': env.int('DJANGO_CACHE_TIMEOUT', 300),
            'OPTIONS': {'CLIENT_CLASS': env.str('DJANGO_CACHE_CLIENT_CLASS', '')},
        }
    }

    if os.environ.get('DJANGO_CACHE_CLIENT_PASSWORD'):
        CACHES['default']['OPTIONS']['PASSWORD'] = env.str('DJANGO_CACHE_CLIENT_PASSWORD')

    CONNECTION_POOL_KWARGS = dict()
    if 'DJANGO_CACHE_CLIENT_SSL_KEYFILE' in os.environ:
        CONNECTION_POOL_KWARGS['ssl_keyfile'] = env.str('DJANGO_CACHE_CLIENT_SSL_KEYFILE')

    if 'DJANGO_CACHE_CLIENT_SSL_CERTFILE' in os.environ:
        CONNECTION_POOL_KWARGS['ssl_certfile'] = env.str('DJANGO_CACHE_CLIENT_SSL_CERTFILE')

    if 'DJANGO_CACHE_CLIENT_SSL_CERT_REQS' in os.environ:
        CONNECTION_POOL_KWARGS['ssl_cert_reqs'] = env.str('DJANGO_CACHE_CLIENT_SSL_CERT_REQS')

    if 'DJANGO_CACHE_CLIENT_SSL_CHECK_HOSTNAME' in os.environ:
        CONNECTION_POOL_KWARGS['ssl_check_hostname'] = env.bool(
            'DJANGO_CACHE_CLIENT_SSL_CHECK_HOSTNAME'
        )

    if CONNECTION_POOL_KWARGS:
        CACHES['default']['OPTIONS']['CONNECTION_POOL_KWARGS'] = CONNECTION_POOL_KWARGS


#
# Two-factor authentication (allauth.mfa)
#
# Lets self-hosted instances drop a factor, most notably 'webauthn', which
# needs a secure context (HTTPS or localhost) and therefore does not work on
# plain-HTTP deployments.
MFA_SUPPORTED_TYPES = env.list(
    'MFA_SUPPORTED_TYPES',
    default=['totp', 'recovery_codes', 'webauthn'],
)

#
# Django Axes
#
AXES_ENABLED = env.bool('AXES_ENABLED', True)
AXES_LOCKOUT_PARAMETERS = env.list('AXES_LOCKOUT_PARAMETERS', default=['ip_address'])
AXES_FAILURE_LIMIT = env.int('AXES_FAILURE_LIMIT', 10)
AXES_COOLOFF_TIME = timedelta(minutes=env.float('AXES_COOLOFF_TIME', 30))
AXES_HANDLER = env.str('AXES_HANDLER', 'axes.handlers.cache.AxesCacheHandler')
AXES_IPWARE_PROXY_COUNT = env.int('AXES_IPWARE_PROXY_COUNT', 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    'AXES_IPWARE_META_PRECEDENCE_ORDER', default=['REMOTE_ADDR']
)

#
# Django-allauth social providers
#
WGER_SOCIAL_PROVIDERS = env.list('WGER_SOCIAL_PROVIDERS', default=[])
# allauth.socialaccount itself is always installed (see settings_global.py) so
# its models stay importable. Only the per-provider apps are env-gated.
if WGER_SOCIAL_PROVIDERS:
    INSTALLED_APPS += [f'allauth.socialaccount.providers.{p}' for p in WGER_SOCIAL_PROVIDERS]

#
# Django Rest Framework SimpleJWT + allauth.headless JWT
REFRESH_TOKEN_LIFETIME_HOURS = env.int('REFRESH_TOKEN_LIFETIME', 24 * 30 * 4)
SIMPLE_JWT['ACCESS_TOKEN_LIFETIME'] = timedelta(minutes=env.int('ACCESS_TOKEN_LIFETIME', 15))
SIMPLE_JWT['REFRESH_TOKEN_LIFETIME'] = timedelta(hours=REFRESH_TOKEN_LIFETIME_HOURS)
_jwt_private_pem = jwk_b64_to_pem(JWT_PRIVATE_KEY)
_jwt_public_pem = jwk_b64_to_pem(JWT_PUBLIC_KEY)
SIMPLE_JWT['SIGNING_KEY'] = _jwt_private_pem
SIMPLE_JWT['VERIFYING_KEY'] = _jwt_public_pem
HEADLESS_JWT_PRIVATE_KEY = _jwt_private_pem
HEADLESS_JWT_REFRESH_TOKEN_EXPIRES_IN = REFRESH_TOKEN_LIFETIME_HOURS * 3600

#
# https://docs.djangoproject.com/en/4.1/ref/csrf/
#
CSRF_TRUSTED_ORIGINS = env.list(
    'CSRF_TRUSTED_ORIGINS',
    default=['http://127.0.0.1', 'http://localhost', 'https://localhost'],
)

if env.bool('X_FORWARDED_PROTO_HEADER_SET', False):
    SECURE_PROXY_SSL_HEADER = (
        env.str('SECURE_PROXY_SSL_HEADER', 'HTTP_X_FORWARDED_PROTO'),
        'https',
    )

# Build absolute URLs (e.g. OAuth redirect URIs) from the X-Forwarded-Host
# header instead of the Host header. Only enable this behind a reverse proxy
# that sets the header, as it is otherwise attacker-controlled.
USE_X_FORWARDED_HOST = env.bool('USE_X_FORWARDED_HOST', False)

REST_FRAMEWORK['NUM_PROXIES'] = env.int('NUMBER_OF_PROXIES', 1)

#
# Celery message queue configuration
#
CELERY_BROKER_URL = env.str('CELERY_BROKER', 'redis://cache:6379/2')
CELERY_RESULT_BACKEND = env.str('CELERY_BACKEND', 'redis://cache:6379/2')

#
# Prometheus metrics
#
EXPOSE_PROMETHEUS_METRICS = env.bool('EXPOSE_PROMETHEUS_METRICS', False)

#
# Logging
#
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'simple': {
            'format': 'level={levelname} ts={asctime} module={module} path={pathname} line={lineno} message={message}',
            'style': '{',
        },
    },
    'handlers': {
        'console': {'level': 'DEBUG', 'class': 'logging.StreamHandler', 'formatter': 'simple'},
    },
    'loggers': {
        '': {
            'handlers': ['console'],
            'level': env.str('LOG_LEVEL_PYTHON', 'INFO').upper(),
            'propagate': True,
        },
    },
}

#
# Storage options
#
STORAGES = {
    'default': {
        'BACKEND': env.str(
            'DJANGO_STORAGES_DEFAULT_BACKEND',
            'django.core.files.storage.FileSystemStorage',
        ),
    },
    # django.contrib.staticfiles.storage.StaticFilesStorage
    'staticfiles': {
        'BACKEND': env.str(
            'DJANGO_STORAGES_STATICFILES_BACKEND',
            'wger.core.storage.LenientManifestStaticFilesStorage',
        ),
    },
}


#
# S3 object storage config
# See https://wger.readthedocs.io/en/latest/administration/storage.html#s3-object-storage
#
USE_S3_MEDIA_FILES = env.bool('USE_S3_MEDIA_FILES', False)
USE_S3_STATIC_FILES = env.bool('USE_S3_STATIC_FILES', False)
if USE_S3_MEDIA_FILES or USE_S3_STATIC_FILES:
    AWS_ACCESS_KEY_ID = env.str('AWS_ACCESS_KEY_ID')
    AWS_SECRET_ACCESS_KEY = env.str('AWS_SECRET_ACCESS_KEY')
    AWS_STORAGE_BUCKET_NAME = env.str('AWS_STORAGE_BUCKET_NAME')
    AWS_S3_REGION_NAME = env.str('AWS_S3_REGION_NAME')
    AWS_S3_DOMAIN = env.str('AWS_S3_DOMAIN')
    AWS_S3_ENDPOINT_URL = env.str(
        'AWS_S3_ENDPOINT_URL',
        f'https://{AWS_S3_REGION_NAME}.{AWS_S3_DOMAIN}',
    )
    AWS_S3_CUSTOM_DOMAIN = env.str(
        'AWS_S3_CUSTOM_DOMAIN',
        f'{AWS_STORAGE_BUCKET_NAME}.{AWS_S3_REGION_NAME}.{AWS_S3_DOMAIN}',
    )
    AWS_QUERYSTRING_AUTH = False

    if USE_S3_MEDIA_FILES:
        STORAGES['default'] = {
            'BACKEND': 'storages.backends.s3boto3.S3Boto3Storage',
            'OPTIONS': {
                'location': env.str('S3_MEDIA_FILES_LOCATION', 'media'),
            },
        }
        if env.bool('USE_S3_URL_FOR_MEDIA', True):
            MEDIA_URL = f'https://{AWS_S3_CUSTOM_DOMAIN}/'

    if USE_S3_STATIC_FILES:
        STORAGES['staticfiles'] = {
            'BACKEND': 'storages.backends.s3boto3.S3Boto3Storage',
            'OPTIONS': {
                'location': env.str('S3_STATIC_FILES_LOCATION', 'static'),
            },
        }
        if env.bool('USE_S3_URL_FOR_STATIC', True):
            STATIC_URL = f'https://{AWS_S3_CUSTOM_DOMAIN}/'
