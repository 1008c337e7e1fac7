from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = 'pydis_site.apps.api'
