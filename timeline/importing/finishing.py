"""Finishing a batch: link responses whose target came later, mark the batch done, count outcomes."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .. import cache
from ..models import Event, ImportBatch, ImportBatchStatus, ImportRow, ImportRowStatus
from .editorial import Editorial
from .rows import message
from .worker_process import checkpoint_database


def has_pending(batch_id):
    return ImportRow.objects.filter(batch_id=batch_id, status=ImportRowStatus.PENDING).exists()


def finish_batch(batch_id):
    """Once no row of the batch is pending: link late responses, mark the batch done.

    Idempotent; returns False (doing nothing) while rows are still pending.
    """
    if has_pending(batch_id):
        return False
    with transaction.atomic():
        resolve_pending_links(batch_id)
        ImportBatch.objects.filter(pk=batch_id).exclude(status=ImportBatchStatus.DONE).update(
            status=ImportBatchStatus.DONE, finished_at=timezone.now()
        )
    # What the import left in SQLite's log goes into the file now, not in a web request's commit.
    checkpoint_database()
    return True


def resolve_pending_links(batch_id):
    """Link events to the event their row's responds_to names, now that it may exist.

    Covers targets later in the file (another chunk) and targets that arrive in a later batch;
    a row of this batch whose target still does not exist is left for review.
    """
    rows = list(
        ImportRow.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("run_by")
        .exclude(pending_responds_to="")
        .exclude(status=ImportRowStatus.PENDING)
        .order_by("pk")
    )
    if not rows:
        return
    targets = dict(
        Event.objects.with_external_ids({row.pending_responds_to for row in rows})
        .order_by()
        .values_list("external_id", "pk")
    )
    linking = {row.event_id for row in rows if row.event_id and targets.get(row.pending_responds_to)}
    events = Event.objects.in_bulk(linking) if linking else {}
    batches = ImportBatch.objects.in_bulk({row.batch_id for row in rows})
    now = timezone.now()
    changed, linked = [], {}
    for row in rows:
        link = row.pending_responds_to
        target = targets.get(link)
        if row.event_id is None or target == row.event_id:
            row.pending_responds_to = ""
        elif target is not None:
            event = events.get(row.event_id)
            if event is not None and event.responds_to_id != target:
                event.responds_to_id, event.updated_at = target, now
                # Each record names the person whose row asked for the link.
                Editorial(batches.get(row.batch_id), row.run_by).sign(
                    event, row.row_number, f": linked to the event it responds to ({link})"
                )
                linked[event.pk] = event
            row.pending_responds_to = ""
            row.messages = [
                m for m in row.messages if not (isinstance(m, dict) and m.get("code") == "dangling")
            ]
            if row.status in (ImportRowStatus.UNCHANGED, ImportRowStatus.NEEDS_REVIEW):
                row.status = ImportRowStatus.UPDATED
        elif row.batch_id == batch_id and row.status != ImportRowStatus.NEEDS_REVIEW:
            row.status = ImportRowStatus.NEEDS_REVIEW
            row.messages = [
                *row.messages,
                message(
                    "error",
                    f"responds_to {link!r} matches no event in this or an earlier import: the event was "
                    "saved without the link; it is made when an event with that id is imported",
                    "responds_to",
                    "dangling",
                ),
            ]
        else:
            continue
        changed.append(row)
    if linked:
        Event.objects.bulk_update(list(linked.values()), ["responds_to", "updated_at"], batch_size=200)
        Event.history.bulk_history_create(list(linked.values()), update=True)
        cache.content_changed()
    ImportRow.objects.bulk_update(changed, ["pending_responds_to", "messages", "status"])


def batch_counts(batch_id):
    """{status: count} for every row status, plus "rows": the total."""
    counts = dict.fromkeys(ImportRowStatus.values, 0)
    rows = ImportRow.objects.filter(batch_id=batch_id).order_by().values_list("status")
    for status, count in rows.annotate(count=Count("pk")):
        counts[status] = count
    counts["rows"] = sum(counts[s] for s in ImportRowStatus.values)
    return counts
