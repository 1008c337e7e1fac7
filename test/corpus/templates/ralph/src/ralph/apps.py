from django.apps import AppConfig


class RalphAppConfig(AppConfig):
    pass
