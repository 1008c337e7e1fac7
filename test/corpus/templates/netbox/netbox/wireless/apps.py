from django.apps import AppConfig


class WirelessConfig(AppConfig):
    name = 'wireless'
