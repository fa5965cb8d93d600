"""Stage a file (ImportBatch + one ImportRow per row, raw payload verbatim); re-run rows.

Both send their rows to the workers once their transaction commits (``orchestration``).
"""

import os
from functools import partial

from django.conf import settings
from django.db import transaction

from ..models import ImportBatch, ImportBatchStatus, ImportRow, ImportRowStatus
from .orchestration import dispatch_after_commit
from .readers import ImportFileError, check_size, detect_format, file_size, open_reader
from .tables import Table
from .worker_process import tune_database

STAGED_COLUMNS = ("batch_id", "row_number", "raw", "messages", "run_by_id", "status", "pending_responds_to")
staged_rows = Table(ImportRow, STAGED_COLUMNS)

__all__ = [
    "ImportFileError",
    "dispatch_after_commit",
    "rerun_row",
    "rerun_rows",
    "stage_file",
    "stage_rows",
]


def stage_file(fileobj, *, file_name, file_format=None, user=None, dispatch=True, chunk_size=None):
    """Read a binary file object into a new ImportBatch; returns the batch.

    The file is refused (``ImportFileError``, nothing staged) when it is over
    ``IMPORT_MAX_FILE_BYTES`` or holds more than ``IMPORT_MAX_ROWS`` rows, or cannot be read as a
    whole. Staging is one transaction, so a file refused half-way leaves no batch and no row
    behind. With ``dispatch`` the rows are sent to the workers once that transaction commits.
    """
    file_format = detect_format(file_name, file_format)
    max_bytes = settings.IMPORT_MAX_FILE_BYTES
    check_size(file_size(fileobj), max_bytes)
    reader = open_reader(fileobj, file_format, max_bytes=max_bytes)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            file_name=os.path.basename(file_name)[:255], format=file_format, created_by=user
        )
        stage_rows(batch, reader, chunk_size=chunk_size)
        if dispatch:
            transaction.on_commit(partial(dispatch_after_commit, batch.pk))
    return batch


def stage_rows(batch, reader, *, chunk_size=None, on_chunk=None):
    """Write every row of ``reader`` as a pending ImportRow of ``batch``, one transaction per chunk
    (a savepoint inside a caller's), and the file-level notes on the batch; returns the row count.

    Raises ``ImportFileError`` at the first row over ``IMPORT_MAX_ROWS`` or where the file cannot
    be read further; the caller decides what becomes of the rows written so far.
    ``on_chunk(count)`` is called after each chunk is written.
    """
    max_rows = settings.IMPORT_MAX_ROWS
    chunk_size = chunk_size or max(settings.IMPORT_CHUNK_SIZE, 1000)
    tune_database()
    pending, count = [], 0
    user_id = batch.created_by_id

    def write():
        with transaction.atomic():
            staged_rows.insert(pending)
            if on_chunk is not None:
                on_chunk(count)

    for row in reader.rows():
        count += 1
        check_row_count(count, max_rows)
        pending.append(
            {
                "batch_id": batch.pk,
                "row_number": count,
                "raw": row.raw,
                "messages": row.messages,
                "run_by_id": user_id,
                "status": ImportRowStatus.PENDING,
                "pending_responds_to": "",
            }
        )
        if len(pending) >= chunk_size:
            write()
            pending = []
    write()
    batch.total_rows = count
    batch.messages = [*batch.messages, *reader.notes]
    unknown = reader.unknown_columns()
    if unknown:
        batch.messages.append(
            f"{len(unknown)} column{'s' if len(unknown) > 1 else ''} not imported, kept in each row's "
            f"raw values: {', '.join(unknown)}"
        )
    batch.save(update_fields=["total_rows", "messages"])
    return count


def check_row_count(count, max_rows):
    """Refuse a file at its row ``count`` when that is over the limit ``max_rows`` (0: none)."""
    if max_rows and count > max_rows:
        raise ImportFileError(
            f"the file has more than {max_rows:,} rows, over the import limit of {max_rows:,} rows: "
            "split it into smaller files"
        )


def rerun_rows(rows, *, user):
    """Set rows back to pending, to be processed with ``user``'s rights, and dispatch their batches
    after commit; returns how many.

    The person who re-runs a row is the one who acts: not whoever uploaded the file.
    """
    _require_person(user)
    with transaction.atomic():
        batch_ids = set(rows.order_by().values_list("batch_id", flat=True))
        count = rows.update(status=ImportRowStatus.PENDING, processed_at=None, run_by=user)
        ImportBatch.objects.filter(pk__in=batch_ids).update(
            status=ImportBatchStatus.PROCESSING, finished_at=None
        )
        for batch_id in sorted(batch_ids):
            transaction.on_commit(partial(dispatch_after_commit, batch_id))
    return count


def rerun_row(row, *, user, raw=None):
    """Re-run one row with ``user``'s rights, with corrected raw values if given (a person fixed
    it: staging notes go)."""
    _require_person(user)
    with transaction.atomic():
        if raw is not None:
            row.raw = raw
            row.messages = [m for m in row.messages if not (isinstance(m, dict) and m.get("stage"))]
        row.status = ImportRowStatus.PENDING
        row.processed_at = None
        row.run_by = user
        row.save(update_fields=["raw", "messages", "status", "processed_at", "run_by"])
        ImportBatch.objects.filter(pk=row.batch_id).update(
            status=ImportBatchStatus.PROCESSING, finished_at=None
        )
        transaction.on_commit(partial(dispatch_after_commit, row.batch_id))
    return row


def _require_person(user):
    # A row without a person is processed as the command line is: fully trusted. A re-run always
    # comes from someone, so it must never fall back to that.
    if user is None or not user.is_authenticated:
        raise ValueError("a re-run needs the user who asks for it")
