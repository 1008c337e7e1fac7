from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = 'ralph.security'
    verbose_name = 'Security'
