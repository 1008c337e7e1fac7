from django.apps import AppConfig


class Networks(AppConfig):
    name = 'ralph.networks'
