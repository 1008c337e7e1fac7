from django.apps import AppConfig


class GlobalpartnersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "globalpartners"
