from django.apps import AppConfig

class MainConfig(AppConfig):
    name = 'app'
    verbose_name = 'Application'
