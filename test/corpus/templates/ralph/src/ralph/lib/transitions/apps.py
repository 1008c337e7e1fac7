from django.apps import AppConfig


class TransitionAppConfig(AppConfig):
    name = 'ralph.lib.transitions'
    verbose_name = 'Transitions'
