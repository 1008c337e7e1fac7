from django.apps import AppConfig


class PermissionAppConfig(AppConfig):
    name = 'ralph.lib.permissions'
    verbose_name = 'Permissions'
