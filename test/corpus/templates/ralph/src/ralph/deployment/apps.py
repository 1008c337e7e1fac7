from django.apps import AppConfig


class DeploymentConfig(AppConfig):
    name = 'ralph.deployment'
    verbose_name = 'Deployment'
