from django.apps import AppConfig


class RedirectConfig(AppConfig):
    """AppConfig instance for Redirect app."""

    name = 'pydis_site.apps.redirect'
