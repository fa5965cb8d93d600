import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("policy_timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def prepare_worker_process(**kwargs):
    # dateparser's first parse in a process costs over a second: pay it before the first task
    # (and freeze what it loads out of the garbage collector's way: worker_process.py).
    # config/__init__.py imports this module while the settings load, before the apps are ready.
    from timeline.importing.worker_process import prepare_process  # noqa: PLC0415

    prepare_process()
