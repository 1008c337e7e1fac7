from django.apps import AppConfig


class BackOfficeConfig(AppConfig):
    name = 'ralph.back_office'
    verbose_name = 'Back Office'
