"""Running an import: send its rows to the workers, wait for them, heal what stalls, finish.

Calls go one way: ``timeline.tasks``, the admin, the API and ``import_events`` call this module;
it never imports them. It sends work to the workers by task name through the Celery app, and in
eager mode (no broker: the embedded default) it processes the rows inline instead.

- ``dispatch_batch`` sends a batch's pending rows as chunks of ids (in eager mode it processes
  them, several chunks to a commit); ``dispatch_after_commit`` is the same for a request that
  staged or re-ran rows (a broker that is down is told to the batch);
- ``run_chunk`` is what a worker runs for one chunk: it processes the still-pending rows, notes the
  batch's progress time and, once no row is pending, asks for the batch to be finished;
- ``sweep`` heals every import, however it was started (admin, API, command): celery beat sends
  it every ``IMPORT_SWEEP_SECONDS``. A batch that made no progress for ``IMPORT_STALL_SECONDS``
  while no message waits in the queue has lost its chunks (a worker killed holding them, a Redis
  restarted empty): its pending rows are sent again. A batch whose rows are all done but which
  was never closed is finished. An uploaded file whose reading stalled as long (the worker
  reading it was lost, or the message asking for it) is sent to be read again, from its start;
- ``process_batch`` is what ``import_events`` runs: dispatch, wait with a progress callback (the
  same stall healing while it waits), finish, count.

Sending rows twice is safe: a chunk processes only the rows still pending, and locks them
skipping rows another worker holds (``processing.process_chunk``).
"""

import datetime
import logging
import time

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import ChannelError
from kombu.exceptions import OperationalError as KombuOperationalError

from ..models import ImportBatch, ImportBatchStatus, ImportRow, ImportRowStatus
from .finishing import batch_counts, finish_batch, has_pending
from .processing import process_chunk
from .resolve import Resolver
from .worker_process import prepare_process

__all__ = [
    "BrokerUnreachable",
    "WaitTimedOut",
    "dispatch_after_commit",
    "dispatch_batch",
    "process_batch",
    "run_chunk",
    "sweep",
]

logger = logging.getLogger(__name__)

# The workers' tasks (timeline.tasks registers them under these names).
CHUNK_TASK = "timeline.tasks.process_import_chunk"
FINISH_TASK = "timeline.tasks.finish_import_batch"
SWEEP_TASK = "timeline.tasks.sweep_imports"
STAGE_TASK = "timeline.tasks.stage_import_file"

# While no row finishes for this long, a waiting command asks whether the broker is still there.
BROKER_CHECK_SECONDS = 5.0
# A batch's progress time is written at most this often (it is a write on a row every worker shares).
PROGRESS_EVERY = datetime.timedelta(seconds=1)


class ImportWaitError(Exception):
    """The rows of a batch could not all be processed while a command waited for them."""

    def __init__(self, batch_id, left, total):
        super().__init__(batch_id, left, total)
        self.batch_id, self.left, self.total = batch_id, left, total


class BrokerUnreachable(ImportWaitError):
    def __init__(self, batch_id, left, total, error):
        super().__init__(batch_id, left, total)
        self.error = error


class WaitTimedOut(ImportWaitError):
    pass


def dispatch_batch(batch_id, *, chunk_size=None, on_progress=None):
    """Send the batch's pending rows to the workers in chunks of ids, then ask for it to be
    finished; returns how many rows were sent.

    In eager mode this processes them before it returns (``on_progress(rows so far)`` after each
    chunk). Raises kombu's OperationalError when the broker cannot be reached; the rows then stay
    pending, and the sweep sends them once it is back.
    """
    chunk_size = chunk_size or settings.IMPORT_CHUNK_SIZE
    eager = settings.CELERY_TASK_ALWAYS_EAGER
    if eager:
        prepare_process()  # this process is the worker
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatchStatus.PROCESSING, finished_at=None, progress_at=timezone.now()
    )
    ImportBatch.objects.filter(pk=batch_id, started_at__isnull=True).update(started_at=timezone.now())
    chunks = _pending_chunks(batch_id, chunk_size)
    if eager:
        sent = _process_here(batch_id, chunks, on_progress)
    else:
        sent = 0
        for ids in chunks:
            current_app.send_task(CHUNK_TASK, args=[batch_id, ids])
            sent += len(ids)
            if on_progress is not None:
                on_progress(sent)
    _finish_soon(batch_id)
    return sent


def _pending_chunks(batch_id, chunk_size):
    """The ids of the batch's pending rows in order, ``chunk_size`` at a time."""
    pending = ImportRow.objects.filter(batch_id=batch_id, status=ImportRowStatus.PENDING).order_by("pk")
    last = 0
    while ids := list(pending.filter(pk__gt=last).values_list("pk", flat=True)[:chunk_size]):
        yield ids
        last = ids[-1]


def _process_here(batch_id, chunks, on_progress):
    """Process the chunks in this process (eager mode), ``IMPORT_EAGER_COMMIT_ROWS`` to a commit.

    A commit writes every page its chunks changed to SQLite's log, and the new events of a chunk
    land all over the timeline's indexes: committing each chunk wrote the same index pages again
    and again (100,000 rows on SQLite: 2.3 s of 22 in 50 commits; 0.6 s committing every 20,000).
    Returns how many rows were processed.
    """
    sent = 0
    for group in _groups_of(chunks, settings.IMPORT_EAGER_COMMIT_ROWS):
        try:
            with transaction.atomic():
                for ids in group:
                    process_chunk(batch_id, ids)
                    sent += len(ids)
                    if on_progress is not None:
                        on_progress(sent)
        except Exception:
            # The group's new organizations, laws and sources were rolled back with it.
            Resolver.forget()
            raise
    return sent


def _groups_of(chunks, rows):
    """Consecutive chunks of at least ``rows`` rows together (the last group may hold fewer)."""
    group, count = [], 0
    for ids in chunks:
        group.append(ids)
        count += len(ids)
        if count >= rows:
            yield group
            group, count = [], 0
    if group:
        yield group


def dispatch_after_commit(batch_id):
    """``dispatch_batch`` for a request that staged or re-ran rows: the rows are saved whatever
    happens, so a task queue that cannot be reached is told to the batch (and the log), not
    answered as a server error. The rows wait, pending, for the sweep to send them once the
    queue is back (or for ``import_events --resume``)."""
    try:
        dispatch_batch(batch_id)
    except KombuOperationalError as error:
        logger.warning("import batch %s staged but not dispatched: %s", batch_id, error)
        note = (
            f"{timezone.now():%Y-%m-%d %H:%M} UTC: the task queue could not be reached ({error}); "
            "the rows are saved and wait: they are sent to the workers by themselves once it is back "
            f"(or at once with `manage.py import_events --resume {batch_id}`), or re-run them here."
        )
        batch = ImportBatch.objects.get(pk=batch_id)
        batch.messages = [*batch.messages, note]
        batch.save(update_fields=["messages"])


def run_chunk(batch_id, row_ids):
    """What a worker runs for one chunk of row ids (``tasks.process_import_chunk``)."""
    if process_chunk(batch_id, row_ids):
        now = timezone.now()
        ImportBatch.objects.filter(pk=batch_id, progress_at__lt=now - PROGRESS_EVERY).update(progress_at=now)
    # The last chunk to finish closes the batch.
    if not has_pending(batch_id):
        _finish_soon(batch_id)


def _finish_soon(batch_id):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        finish_batch(batch_id)
    else:
        current_app.send_task(FINISH_TASK, args=[batch_id])


def sweep():
    """Heal every import in progress (``tasks.sweep_imports``, sent by celery beat).

    Returns ``{"resent": {batch id: rows sent}, "finished": [batch ids], "restaged": [batch ids]}``.
    """
    quiet = ImportBatch.objects.filter(progress_at__lt=timezone.now() - _stall()).order_by("pk")
    reading = quiet.filter(status=ImportBatchStatus.STAGING).values_list("pk", flat=True)
    processing = quiet.filter(status=ImportBatchStatus.PROCESSING).values_list("pk", flat=True)
    healed = {"resent": {}, "finished": [], "restaged": []}
    queue_idle = None
    for batch_id in reading:
        if queue_idle is None:
            queue_idle = queued_messages() == 0
        if queue_idle and _claim_stalled(batch_id):
            current_app.send_task(STAGE_TASK, args=[batch_id])
            logger.warning("import batch %s: its file stopped being read; sent it to be read again", batch_id)
            healed["restaged"].append(batch_id)
    for batch_id in processing:
        if not has_pending(batch_id):
            # Every row is done, and the finishing task was lost (or never sent).
            if finish_batch(batch_id):
                logger.warning("import batch %s: every row was done; finished it", batch_id)
                healed["finished"].append(batch_id)
            continue
        if queue_idle is None:
            queue_idle = queued_messages() == 0
        sent = resend_if_stalled(batch_id, queue_idle=queue_idle)
        if sent:
            healed["resent"][batch_id] = sent
    return healed


def resend_if_stalled(batch_id, *, queue_idle=None):
    """Send a batch's pending rows again when it made no progress for ``IMPORT_STALL_SECONDS``
    and no message waits in the queue; returns how many rows were sent (0: it is moving, the
    workers have a queue to work through, or another sweep or command is sending them).

    A queue with messages in it means the chunks may just be waiting their turn (behind another
    import): sending them again then would only grow the queue.
    """
    if not ImportBatch.objects.filter(pk=batch_id, progress_at__lt=timezone.now() - _stall()).exists():
        return 0
    if queue_idle is None:
        queue_idle = queued_messages() == 0
    if not queue_idle or not _claim_stalled(batch_id):
        return 0
    sent = dispatch_batch(batch_id)
    logger.warning(
        "import batch %s: no progress for %g s; sent its %s pending rows to the workers again",
        batch_id,
        settings.IMPORT_STALL_SECONDS,
        sent,
    )
    return sent


def _claim_stalled(batch_id):
    """Whether this caller is the one to heal a batch that made no progress for
    ``IMPORT_STALL_SECONDS``: of the sweeps and commands that see the stall at once, only one
    wins this update, which also restarts the batch's stall clock."""
    progress_at = (
        ImportBatch.objects.filter(pk=batch_id, progress_at__lt=timezone.now() - _stall())
        .values_list("progress_at", flat=True)
        .first()
    )
    if progress_at is None:
        return False
    return bool(
        ImportBatch.objects.filter(pk=batch_id, progress_at=progress_at).update(progress_at=timezone.now())
    )


def _stall():
    return datetime.timedelta(seconds=settings.IMPORT_STALL_SECONDS)


def process_batch(batch_id, *, timeout, on_progress=None, on_resend=None, poll_seconds=0.5):
    """Dispatch a staged batch's pending rows, wait for the workers, finish it; returns its counts.

    ``on_progress(rows done)`` is called as rows finish; ``on_resend(rows)`` when a stall made it
    send pending rows again. Raises ``BrokerUnreachable`` (at dispatch, or while no row finishes)
    and ``WaitTimedOut``; the rows not done then stay pending.
    """
    eager = settings.CELERY_TASK_ALWAYS_EAGER
    total = ImportBatch.objects.values_list("total_rows", flat=True).get(pk=batch_id)
    pending = ImportRow.objects.filter(batch_id=batch_id, status=ImportRowStatus.PENDING)
    already = total - pending.count()
    report = on_progress or (lambda done: None)
    try:
        dispatch_batch(batch_id, on_progress=(lambda sent: report(already + sent)) if eager else None)
    except Exception as error:
        if eager or not is_broker_error(error):
            raise
        raise BrokerUnreachable(batch_id, pending.count(), total, error) from error
    if not eager:
        _wait(
            batch_id,
            total,
            timeout=timeout,
            on_progress=report,
            on_resend=on_resend,
            poll_seconds=poll_seconds,
        )
    finish_batch(batch_id)
    return batch_counts(batch_id)


def _wait(batch_id, total, timeout, on_progress, on_resend, poll_seconds):
    pending = ImportRow.objects.filter(batch_id=batch_id, status=ImportRowStatus.PENDING)
    stalled = ImportBatch.objects.filter(pk=batch_id)
    deadline = time.monotonic() + timeout
    last_left, quiet_since = None, time.monotonic()
    while True:
        left = pending.count()
        on_progress(total - left)
        if not left:
            return
        now = time.monotonic()
        if left != last_left:
            last_left, quiet_since = left, now
        elif (
            now - quiet_since >= BROKER_CHECK_SECONDS
            or stalled.filter(progress_at__lt=timezone.now() - _stall()).exists()
        ):
            quiet_since = now
            error = broker_error()
            if error is not None:
                raise BrokerUnreachable(batch_id, left, total, error)
            try:
                sent = resend_if_stalled(batch_id)
            except Exception as error:
                if not is_broker_error(error):
                    raise
                raise BrokerUnreachable(batch_id, left, total, error) from error
            if sent and on_resend is not None:
                on_resend(sent)
        if now >= deadline:
            raise WaitTimedOut(batch_id, left, total)
        time.sleep(poll_seconds)


def broker_error():
    """None when the broker answers, else the error connecting to it."""
    try:
        with current_app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.5, interval_step=0.5, timeout=5)
    except Exception as error:
        if is_broker_error(error):
            return error
        raise
    return None


def queued_messages():
    """How many messages wait in the task queue (not those a worker has already taken)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return 0  # no queue: every task runs where it is sent
    with current_app.connection_for_read() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0.5, interval_step=0.5, timeout=5)
        try:
            declared = connection.default_channel.queue_declare(
                queue=current_app.conf.task_default_queue, passive=True
            )
        except ChannelError:
            return 0  # Redis keeps no empty list: no queue is an empty queue.
        return declared.message_count


def is_broker_error(error):
    return isinstance(error, KombuOperationalError | ConnectionError | OSError)
