from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = 'pydis_site.apps.timeline'
