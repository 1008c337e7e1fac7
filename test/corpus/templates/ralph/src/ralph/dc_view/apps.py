from django.apps import AppConfig


class DCViewConfig(AppConfig):
    name = 'ralph.dc_view'
    verbose_name = 'DC View'
