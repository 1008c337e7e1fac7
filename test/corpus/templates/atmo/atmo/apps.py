from django.apps import AppConfig


class AtmoAppConfig(AppConfig):
    name = 'atmo'


class KeysAppConfig(AppConfig):
    name = 'atmo.keys'
    label = 'keys'
    verbose_name = 'Keys'
