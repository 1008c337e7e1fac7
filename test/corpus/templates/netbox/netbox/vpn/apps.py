from django.apps import AppConfig


class VPNConfig(AppConfig):
    name = 'vpn'
    verbose_name = 'VPN'
