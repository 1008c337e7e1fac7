from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = 'pydis_site.apps.resources'
