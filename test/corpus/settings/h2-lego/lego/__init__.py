from lego.settings.celery import app as celery_app  # noqa
