from django.apps import AppConfig


class VirtualizationConfig(AppConfig):
    name = 'virtualization'
