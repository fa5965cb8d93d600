"""Uploads (admin, API): check what can be checked at once, keep the file, answer; a worker stages it.

``accept_upload`` runs in the web request and costs the time to check the file's start and to keep
it in the private ``imports`` storage: a file of any size within the limits is answered at once
with its batch, in status ``staging``. After commit the ``stage_import_file`` task (a worker, or
inline in eager mode) reads the stored file into rows with the same staging code as
``import_events`` (row limit, notes, unknown columns), then dispatches the rows. A file refused
half-way (too many rows, unreadable further on) ends as a failed batch whose message says why, its
rows removed. The stored file is deleted as soon as staging ends either way: the rows then hold
every value verbatim, and a refused file is of no further use.
"""

import logging
import os
import uuid
from functools import partial

from celery import current_app
from django.conf import settings
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from ..models import ImportBatch, ImportBatchStatus, ImportRow
from .orchestration import STAGE_TASK, dispatch_after_commit
from .readers import ImportFileError, check_size, detect_format, file_size, open_reader
from .staging import check_row_count, stage_rows

__all__ = ["ImportFileError", "accept_upload", "check_upload_length", "send_staging", "stage_stored_file"]

# What a multipart body may carry besides the file (boundaries, headers, the format field).
MULTIPART_ALLOWANCE = 64 * 1024

logger = logging.getLogger(__name__)


def upload_storage():
    return storages["imports"]


def check_upload_length(content_length):
    """Refuse a request body that cannot hold a file within ``IMPORT_MAX_FILE_BYTES``, before it is read."""
    max_bytes = settings.IMPORT_MAX_FILE_BYTES
    try:
        length = int(content_length or 0)
    except ValueError:
        return
    if max_bytes and length > max_bytes + MULTIPART_ALLOWANCE:
        raise ImportFileError(f"the upload is {length:,} bytes, over the import limit of {max_bytes:,} bytes")


def accept_upload(fileobj, *, file_name, file_format=None, user=None):
    """Keep an uploaded file and create its batch (status ``staging``); staging follows after commit.

    Refuses at once (``ImportFileError``, nothing kept) a file over ``IMPORT_MAX_FILE_BYTES``, of a
    format that its name or ``file_format`` does not tell, or whose first
    ``IMPORT_UPLOAD_CHECK_BYTES`` already cannot be read (a small file is read whole).
    """
    file_format = detect_format(file_name, file_format)
    size = file_size(fileobj)
    check_size(size, settings.IMPORT_MAX_FILE_BYTES)
    check_start(fileobj, file_format)
    name = os.path.basename(file_name or "")[:255] or "upload"
    storage = upload_storage()
    stored = storage.save(f"{uuid.uuid4().hex}{os.path.splitext(name)[1][:16]}", fileobj)
    try:
        if size is None:
            size = storage.size(stored)
            check_size(size, settings.IMPORT_MAX_FILE_BYTES)
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                file_name=name,
                format=file_format,
                created_by=user,
                status=ImportBatchStatus.STAGING,
                stored_file=stored,
                file_size=size,
                progress_at=timezone.now(),
            )
    except BaseException:
        storage.delete(stored)
        raise
    transaction.on_commit(partial(send_staging, batch.pk))
    return batch


def check_start(fileobj, file_format):
    """Read the file's first ``IMPORT_UPLOAD_CHECK_BYTES`` as the worker will read it; an error found
    there is the file's (raised), one at the cut is not known yet (the worker will tell)."""
    start = _Start(fileobj, settings.IMPORT_UPLOAD_CHECK_BYTES)
    try:
        reader = open_reader(start, file_format)
        for count, _row in enumerate(reader.rows(), start=1):
            check_row_count(count, settings.IMPORT_MAX_ROWS)
    except ImportFileError:
        if not start.cut:
            raise
    finally:
        fileobj.seek(0)


class _Start:
    """The first ``limit`` bytes of a binary file; ``cut`` once a read past them found more."""

    def __init__(self, fileobj, limit):
        self.fileobj, self.left, self.cut = fileobj, limit, False

    def read(self, size=-1):
        if self.left <= 0:
            self.cut = self.cut or bool(self.fileobj.read(1))
            return b""
        block = self.fileobj.read(self.left if size is None or size < 0 else min(size, self.left))
        self.left -= len(block)
        return block


def send_staging(batch_id):
    """Send the stored file to a worker (in eager mode: stage it here). A task queue that cannot
    be reached is told to the batch, which keeps its file and waits."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        stage_stored_file(batch_id)
        return
    try:
        # By name: the task module imports this one.
        current_app.send_task(STAGE_TASK, args=[batch_id])
    except KombuOperationalError as error:
        logger.warning("import batch %s received but not sent to be staged: %s", batch_id, error)
        note = (
            f"{timezone.now():%Y-%m-%d %H:%M} UTC: the task queue could not be reached ({error}); "
            "the file is kept and is sent to be read by itself once the queue is back."
        )
        batch = ImportBatch.objects.get(pk=batch_id)
        batch.messages = [*batch.messages, note]
        batch.save(update_fields=["messages"])


def stage_stored_file(batch_id, *, dispatch=True):
    """Read a batch's stored file into rows, then (with ``dispatch``) send them to the workers;
    idempotent.

    A batch no longer ``staging`` is left alone (a task delivered twice). Rows of an earlier,
    interrupted attempt (a worker killed mid-file) are removed first, so the file is staged once.
    """
    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatchStatus.STAGING).first()
    if batch is None:
        return None
    ImportRow.objects.filter(batch_id=batch_id).delete()
    ImportBatch.objects.filter(pk=batch_id).update(
        total_rows=0, bytes_staged=0, started_at=timezone.now(), progress_at=timezone.now()
    )
    storage = upload_storage()
    try:
        with storage.open(batch.stored_file, "rb") as handle:
            reader = open_reader(handle, batch.format, max_bytes=settings.IMPORT_MAX_FILE_BYTES)

            def progress(count):
                ImportBatch.objects.filter(pk=batch_id).update(
                    total_rows=count, bytes_staged=reader.stream.bytes_read, progress_at=timezone.now()
                )

            stage_rows(batch, reader, on_chunk=progress)
    except FileNotFoundError:
        return _refuse(batch, "the uploaded file is no longer in the imports storage: upload it again")
    except ImportFileError as error:
        return _refuse(batch, f"the file was refused while it was read: {error}; nothing was imported")
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatchStatus.STAGED, stored_file="", bytes_staged=batch.file_size
        )
        transaction.on_commit(partial(storage.delete, batch.stored_file))
        if dispatch:
            transaction.on_commit(partial(dispatch_after_commit, batch_id))
    return batch


def _refuse(batch, reason):
    with transaction.atomic():
        ImportRow.objects.filter(batch_id=batch.pk).delete()
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatchStatus.FAILED,
            total_rows=0,
            stored_file="",
            finished_at=timezone.now(),
            messages=[*ImportBatch.objects.get(pk=batch.pk).messages, reason],
        )
        transaction.on_commit(partial(upload_storage().delete, batch.stored_file))
    logger.info("import batch %s refused: %s", batch.pk, reason)
    return batch
