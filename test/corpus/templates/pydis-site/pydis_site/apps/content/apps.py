from django.apps import AppConfig


class ContentConfig(AppConfig):
    """Django AppConfig for content app."""

    name = 'pydis_site.apps.content'
