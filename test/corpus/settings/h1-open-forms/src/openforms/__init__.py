from .celery import app as celery_app

__all__ = ("celery_app",)
__version__ = "3.4.12"
__author__ = "Maykin Media"
__homepage__ = "https://github.com/open-formulieren/open-forms"
