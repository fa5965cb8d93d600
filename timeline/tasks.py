"""Celery tasks: thin, they take ids and call the domain (timeline.importing)."""

import datetime

from celery import shared_task
from django.db import OperationalError

from . import article_events
from .importing import processing, uploads

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


@shared_task(bind=True, **RETRYING)
def process_import_chunk(self, batch_id, row_ids):
    processing.process_chunk(batch_id, row_ids)
    # The last chunk to finish closes the batch (eager dispatch closes it itself).
    if not self.request.is_eager and not processing.has_pending(batch_id):
        finish_import_batch.delay(batch_id)


@shared_task(**RETRYING)
def finish_import_batch(batch_id):
    processing.finish_batch(batch_id)


@shared_task(name=uploads.STAGE_TASK, **RETRYING)
def stage_import_file(batch_id):
    """Read an uploaded file, kept in the imports storage, into rows; then dispatch them."""
    uploads.stage_stored_file(batch_id)


@shared_task(**RETRYING)
def extract_article_files(paths, part_path, published=None, url="", language=""):
    """Candidate events of a chunk of article files, written to ``part_path`` (rewritten on a retry)."""
    day = datetime.date.fromisoformat(published) if published else None
    article_events.write_rows_part(paths, part_path, published=day, url=url, language=language)
