from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = 'onadata.apps.messaging'
    verbose_name = 'Messaging'
