from django.apps import AppConfig


class HooksAppConfig(AppConfig):
    name = 'ralph.lib.hooks'
    verbose_name = 'Hooks'
