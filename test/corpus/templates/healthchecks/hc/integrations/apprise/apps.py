from django.apps import AppConfig


class AppriseConfig(AppConfig):
    name = 'hc.integrations.apprise'
