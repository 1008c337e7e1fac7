# Reduced from cabot/settings.py of arachnys/cabot@eb0b3544f8c8 for the template corpus: only
# what templates and static files read. The real module also imports dj_database_url,
# cabot.settings_utils (force_bool: distutils' strtobool) and cabot.cabot_config, and sets
# databases, Celery, LDAP, REST framework, COMPRESS_* and the alert plugins
# (CABOT_PLUGINS_ENABLED: cabot_alert_hipchat, cabot_alert_twilio, cabot_alert_email, appended to
# INSTALLED_APPS; they have no templates here). Cabot pins Django 1.11 ({% load staticfiles %}
# exists there); the corpus renders it with Django 3.2, where it was removed.
import os

settings_dir = os.path.dirname(__file__)
PROJECT_ROOT = os.path.abspath(settings_dir)

URL_PREFIX = os.environ.get('URL_PREFIX', '/').rstrip('/')

# Absolute filesystem path to the directory that will hold user-uploaded files.
# Example: "/home/media/media.lawrence.com/media/"
MEDIA_ROOT = os.path.join(PROJECT_ROOT, 'media/')

# URL that handles the media served from MEDIA_ROOT. Make sure to use a
# trailing slash.
# Examples: "http://media.lawrence.com/media/", "http://example.com/media/"
MEDIA_URL = '%s/media/' % URL_PREFIX

# Absolute path to the directory static files should be collected to.
# Don't put anything in this directory yourself; store your static files
# in apps' "static/" subdirectories and in STATICFILES_DIRS.
# Example: "/home/media/media.lawrence.com/static/"
STATIC_ROOT = os.path.join(PROJECT_ROOT, '.collectstatic/')

COMPRESS_ROOT = STATIC_ROOT

# URL prefix for static files.
# Example: "http://media.lawrence.com/static/"
STATIC_URL = '%s/static/' % URL_PREFIX
COMPRESS_URL = STATIC_URL

# Additional locations of static files
STATICFILES_DIRS = [os.path.join(PROJECT_ROOT, 'static')]

# Make this unique, and don't share it with anybody.
SECRET_KEY = os.environ.get(
    'DJANGO_SECRET_KEY', '2FL6ORhHwr5eX34pP9mMugnIOd3jzVuT45f7w430Mt5PnEwbcJgma0q8zUXNZ68A')

# List of callables that know how to import templates from various sources.
TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates',
    'DIRS': (
        os.path.join(PROJECT_ROOT, 'templates'),
    ),
    'APP_DIRS': True,
    'OPTIONS': {
        'context_processors': [
            'django.template.context_processors.debug',
            'django.template.context_processors.request',
            'django.contrib.auth.context_processors.auth',
            'django.contrib.messages.context_processors.messages',
            'cabot.context_processors.global_settings',
        ],
        'debug': os.environ.get('TEMPLATE_DEBUG', 'False').lower() in ('1', 'true', 'yes', 'on')
    },
}]

ROOT_URLCONF = 'cabot.urls'
INSTALLED_APPS = (
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.sites',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    # Uncomment the next line to enable admin documentation:
    # 'django.contrib.admindocs',
    'django_filters',
    'compressor',
    'polymorphic',
    'jsonify',
    'cabot.cabotapp',
    'rest_framework',
    'dal',
    'dal_select2',
    'django.contrib.admin',
    'bootstrapform',
)
