from django.apps import AppConfig


class FundraisingConfig(AppConfig):
    name = 'fundraising'
