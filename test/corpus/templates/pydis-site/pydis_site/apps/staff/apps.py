from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Django AppConfig for the staff app."""

    name = 'pydis_site.apps.staff'
