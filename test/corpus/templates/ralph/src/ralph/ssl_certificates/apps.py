from django.apps import AppConfig


class SSLCertificates(AppConfig):
    name = 'ralph.ssl_certificates'
