from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Django AppConfig for events app."""

    name = 'pydis_site.apps.events'
