from django.apps import AppConfig


class BaseAppConfig(AppConfig):
    name = 'junction.base'
    verbose_name = 'Base App Config'
