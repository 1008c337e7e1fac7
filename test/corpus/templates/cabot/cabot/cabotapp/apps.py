from django.apps import AppConfig


class CabotappConfig(AppConfig):
    name = 'cabot.cabotapp'
