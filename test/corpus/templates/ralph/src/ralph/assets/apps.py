from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = 'ralph.assets'
