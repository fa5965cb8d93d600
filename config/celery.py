import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("policy_timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def warm_date_parser(**kwargs):
    # dateparser's first parse in a process costs over a second; pay it before the first task.
    # config/__init__.py imports this module while the settings load, before the apps are ready.
    from timeline import dates  # noqa: PLC0415

    dates.warm_up()
