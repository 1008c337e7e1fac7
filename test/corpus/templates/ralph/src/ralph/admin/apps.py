from django.apps import AppConfig


class RalphAdminConfig(AppConfig):
    name = 'ralph.admin'
    label = 'ralph_admin'
    verbose_name = 'Ralph Admin'
