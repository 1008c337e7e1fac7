from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = 'ralph.reports'
    verbose_name = 'Reports'
