from django.apps import AppConfig


class RalphOperationsConfig(AppConfig):
    name = 'ralph.operations'
    label = 'operations'
    verbose_name = 'Ralph Operations'
