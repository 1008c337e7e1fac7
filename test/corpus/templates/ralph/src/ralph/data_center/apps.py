from django.apps import AppConfig


class DataCenterConfig(AppConfig):
    name = 'ralph.data_center'
