from django.apps import AppConfig


class NotificationConfig(AppConfig):
    name = 'ralph.notifications'
    verbose_name = 'Notifiaction'
