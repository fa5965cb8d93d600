"""Celery tasks: thin, they take ids and call the domain (timeline.importing).

The import's tasks are sent by name (``orchestration.*_TASK``): importing never imports this module.
"""

import datetime

from celery import shared_task
from django.db import OperationalError

from . import article_events
from .importing import orchestration, uploads

# Idempotent tasks, so a redelivery after a lost worker (acks_late) or a retry is harmless.
RETRYING = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(name=orchestration.CHUNK_TASK, **RETRYING)
def process_import_chunk(batch_id, row_ids):
    orchestration.run_chunk(batch_id, row_ids)


@shared_task(name=orchestration.FINISH_TASK, **RETRYING)
def finish_import_batch(batch_id):
    orchestration.finish_batch(batch_id)


# Not retried, acknowledged on receipt: the next sweep comes within IMPORT_SWEEP_SECONDS.
@shared_task(name=orchestration.SWEEP_TASK)
def sweep_imports():
    orchestration.sweep()


@shared_task(name=orchestration.STAGE_TASK, **RETRYING)
def stage_import_file(batch_id):
    """Read an uploaded file, kept in the imports storage, into rows; then dispatch them."""
    uploads.stage_stored_file(batch_id)


@shared_task(**RETRYING)
def extract_article_files(paths, part_path, published=None, url="", language=""):
    """Candidate events of a chunk of article files, written to ``part_path`` (rewritten on a retry)."""
    day = datetime.date.fromisoformat(published) if published else None
    article_events.write_rows_part(paths, part_path, published=day, url=url, language=language)
