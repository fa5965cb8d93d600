"""Every import heals: the sweep sends the pending rows of a stalled batch again and closes batches
whose rows are all done; a chunk sent twice processes each row once.

Eager mode (the test settings) processes what the sweep sends inline, so a healed batch is done
when ``sweep()`` returns. The same sweep with real worker and beat processes is in
test_self_healing.py.
"""

import ast
import datetime
import io
import threading
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from timeline.importing import orchestration, processing
from timeline.importing.resolve import Resolver
from timeline.importing.staging import stage_file
from timeline.models import Event, ImportBatch, ImportBatchStatus, ImportRow, ImportRowStatus

from .conftest import csv_bytes, row


def lost_batch(count, *, quiet_for=120.0, **values):
    """A batch whose rows were sent to the workers ``quiet_for`` seconds ago and then lost."""
    rows = [row(id=f"lost-{n}", title=f"Event {n}", **values) for n in range(count)]
    batch = stage_file(io.BytesIO(csv_bytes(rows)), file_name="lost.csv", dispatch=False)
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatchStatus.PROCESSING,
        progress_at=timezone.now() - datetime.timedelta(seconds=quiet_for),
    )
    return batch


def statuses(batch):
    return sorted(set(batch.rows.values_list("status", flat=True)))


@pytest.mark.django_db
def test_a_stalled_batch_is_sent_again_and_finished(settings):
    settings.IMPORT_STALL_SECONDS = 60
    batch = lost_batch(5)
    healed = orchestration.sweep()
    assert healed == {"resent": {batch.pk: 5}, "finished": [], "restaged": []}
    batch.refresh_from_db()
    assert statuses(batch) == [ImportRowStatus.CREATED]
    assert batch.status == ImportBatchStatus.DONE
    assert Event.objects.filter(external_id__startswith="lost-").count() == 5


@pytest.mark.django_db
def test_a_batch_that_moved_recently_is_left_to_its_workers(settings):
    settings.IMPORT_STALL_SECONDS = 60
    batch = lost_batch(3, quiet_for=10)
    assert orchestration.sweep() == {"resent": {}, "finished": [], "restaged": []}
    assert statuses(batch) == [ImportRowStatus.PENDING]


@pytest.mark.django_db
def test_nothing_is_sent_again_while_messages_wait_in_the_queue(settings, monkeypatch):
    """The chunks may be waiting their turn behind another import: sending them again would only
    grow the queue."""
    settings.IMPORT_STALL_SECONDS = 60
    monkeypatch.setattr(orchestration, "queued_messages", lambda: 40)
    batch = lost_batch(3)
    assert orchestration.sweep() == {"resent": {}, "finished": [], "restaged": []}
    assert statuses(batch) == [ImportRowStatus.PENDING]
    monkeypatch.setattr(orchestration, "queued_messages", lambda: 0)
    assert orchestration.sweep()["resent"] == {batch.pk: 3}


@pytest.mark.django_db
def test_one_sweep_sends_a_stalled_batch_and_the_next_waits_for_another_stall(settings, monkeypatch):
    settings.IMPORT_STALL_SECONDS = 60
    sent = []
    monkeypatch.setattr(orchestration, "dispatch_batch", lambda batch_id: sent.append(batch_id) or 3)
    batch = lost_batch(3)
    orchestration.sweep()
    orchestration.sweep()
    assert sent == [batch.pk]


@pytest.mark.django_db
def test_a_batch_whose_rows_are_all_done_but_never_closed_is_finished(settings):
    settings.IMPORT_STALL_SECONDS = 60
    batch = lost_batch(2)
    # The rows were processed, and the task that would have finished the batch was lost.
    processing.process_chunk(batch.pk, list(batch.rows.values_list("pk", flat=True)))
    assert orchestration.sweep() == {"resent": {}, "finished": [batch.pk], "restaged": []}
    batch.refresh_from_db()
    assert batch.status == ImportBatchStatus.DONE
    assert batch.finished_at is not None


@pytest.mark.django_db
def test_batches_not_sent_to_the_workers_or_done_are_not_touched(settings):
    settings.IMPORT_STALL_SECONDS = 60
    staged = stage_file(io.BytesIO(csv_bytes([row()])), file_name="staged.csv", dispatch=False)
    ImportBatch.objects.filter(pk=staged.pk).update(progress_at=timezone.now() - datetime.timedelta(hours=1))
    assert orchestration.sweep() == {"resent": {}, "finished": [], "restaged": []}
    assert statuses(staged) == [ImportRowStatus.PENDING]


@pytest.mark.django_db
def test_a_processed_chunk_moves_the_batch_progress_time(settings):
    batch = lost_batch(2)
    before = ImportBatch.objects.get(pk=batch.pk).progress_at
    orchestration.run_chunk(batch.pk, list(batch.rows.values_list("pk", flat=True)))
    batch.refresh_from_db()
    assert batch.progress_at > before + datetime.timedelta(seconds=100)
    assert batch.status == ImportBatchStatus.DONE  # the last chunk closes it


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite lets one writer at a time: no race to run")
def test_a_chunk_sent_twice_to_two_workers_at_once_processes_each_row_once(monkeypatch):
    """What the sweep risks when a chunk it sends again is still held by a slow worker: both read
    the same pending rows, then both try to claim them at the same moment."""
    # No jurisdiction: a transactional test before this one may have flushed them.
    batch = lost_batch(20, jurisdiction="", law="")
    ids = list(batch.rows.values_list("pk", flat=True))
    both_read = threading.Barrier(2, timeout=60)  # each thread prepares its rows first
    original = processing._locked_versions

    def locked_versions(batch_id, row_ids):
        both_read.wait()  # both workers have read and prepared the rows
        return original(batch_id, row_ids)

    monkeypatch.setattr(processing, "_locked_versions", locked_versions)
    processed, errors = [], []

    def worker():
        try:
            processed.append(processing.process_chunk(batch.pk, ids))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    Resolver.forget()
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        Resolver.forget()
    assert errors == []
    # Claimed at the same moment, the rows go to one worker or are split between the two (each
    # locks them in order, skipping those the other holds): never to both.
    assert len(processed) == 2 and sum(processed) == 20
    assert statuses(batch) == [ImportRowStatus.CREATED], batch.rows.first().messages
    events = Event.objects.filter(external_id__startswith="lost-")
    assert events.count() == 20
    assert sorted({event.history.count() for event in events}) == [1]
    assert ImportRow.objects.filter(batch=batch, event__isnull=True).count() == 0


def test_importing_never_imports_the_tasks():
    """Calls go one way: the tasks call importing; importing sends work to them by name."""
    package = Path(orchestration.__file__).parent
    imported = set()
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                parent = ["timeline", "importing"][: 3 - node.level] if node.level else []
                module = ".".join([*parent, *([node.module] if node.module else [])])
                imported |= {module, *(f"{module}.{alias.name}" for alias in node.names)}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
    assert "timeline.importing.orchestration" in imported  # the walk reads relative imports
    assert not {name for name in imported if name.startswith("timeline.tasks")}


@pytest.mark.django_db
def test_eager_rows_commit_in_groups_and_a_group_that_fails_is_redone_whole(settings, monkeypatch):
    settings.IMPORT_CHUNK_SIZE, settings.IMPORT_EAGER_COMMIT_ROWS = 1, 2
    # Each row names an organization of its own: the failing group's are rolled back with it.
    rows = [row(id=f"grouped-{n}", actor=f"Company {n}", title=f"Event {n}") for n in range(5)]
    batch = stage_file(io.BytesIO(csv_bytes(rows)), file_name="grouped.csv", dispatch=False)
    process, calls = orchestration.process_chunk, []

    def fourth_chunk_fails_after_its_work(batch_id, ids):
        process(batch_id, ids)
        calls.append(ids)
        if len(calls) == 4:
            raise RuntimeError("the process died")

    monkeypatch.setattr(orchestration, "process_chunk", fourth_chunk_fails_after_its_work)
    with pytest.raises(RuntimeError):
        orchestration.dispatch_batch(batch.pk)
    # The first group (two rows) was committed; the second was rolled back whole, the fifth not reached.
    assert sorted(Event.objects.values_list("external_id", flat=True)) == ["grouped-0", "grouped-1"]
    assert batch.rows.filter(status=ImportRowStatus.PENDING).count() == 3

    monkeypatch.setattr(orchestration, "process_chunk", process)
    orchestration.dispatch_batch(batch.pk)
    events = Event.objects.select_related("actor").order_by("external_id")
    assert [(event.external_id, event.actor.name) for event in events] == [
        (f"grouped-{n}", f"Company {n}") for n in range(5)
    ]
    assert not batch.rows.filter(status=ImportRowStatus.PENDING).exists()
