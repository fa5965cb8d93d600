"""Process a chunk of staged rows: read them, resolve what they name, upsert their events.

``process_chunk`` is what a worker runs for one chunk of row ids:

1. read the still-pending rows and validate them (``rows``), with the rights of the person each
   row acts for (``editorial``);
2. resolve the organizations, laws and sources they name (``resolve``), each new one committed
   at once (in key order): another worker that needs the same entity waits for that one insert,
   never for a whole chunk, and two workers never deadlock over a set of new entities (in eager
   mode, where this process imports alone, the commit is its group's: ``orchestration``);
3. in one transaction: lock the rows (skipping rows another worker holds, so a redelivered chunk
   changes nothing), write events, citations and history (``upsert``) and each row's outcome.

Finishing a batch and counting its outcomes are in ``finishing``.
"""

import json
import logging
from dataclasses import dataclass

from django.db import OperationalError, connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from .. import cache
from ..models import ImportBatch, ImportRow, ImportRowStatus
from .editorial import Editorial
from .finishing import batch_counts, finish_batch, has_pending
from .resolve import Resolver
from .rows import Item, read_dates, read_values
from .tables import Table
from .upsert import EventWrites
from .worker_process import collector_paused, tune_database

__all__ = ["batch_counts", "finish_batch", "has_pending", "process_chunk"]

logger = logging.getLogger(__name__)

STAGED_COLUMNS = ("id", "row_number", "raw_text", "messages_text", "run_by_id")
NO_MESSAGES = ("[]", "")


@dataclass(frozen=True)
class StagedRow:
    pk: int
    row_number: int
    raw_text: str
    messages_text: str
    run_by_id: int | None

    @property
    def raw(self):
        # Decoded where it is read (once), not kept: the dict of a row's cells would stay alive
        # through the whole chunk beside its text and the values taken from it.
        return json.loads(self.raw_text)

    @property
    def messages(self):
        # Most rows are staged without a message: nothing to decode.
        return [] if self.messages_text in NO_MESSAGES else json.loads(self.messages_text)


outcomes_table = Table(ImportRow, ("status", "messages", "event_id", "processed_at", "pending_responds_to"))


def process_chunk(batch_id, row_ids):
    """Process the still-pending rows among ``row_ids``; returns how many were processed."""
    tune_database()
    with collector_paused():
        return _process_chunk(batch_id, row_ids)


def _process_chunk(batch_id, row_ids):
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    rows = _pending(batch_id, row_ids) if batch is not None else []
    if not rows:
        return 0
    resolver = Resolver.for_batch(batch)
    try:
        # Not in one transaction: each entity created commits at once, so another worker that
        # needs the same one waits for that insert only, never for the rest of this chunk.
        chunks = _prepare(batch, rows, resolver)
        with transaction.atomic():
            locked = _locked_versions(batch_id, row_ids)
            read = {row.pk: (row.raw_text, row.run_by_id) for row in rows}
            if any(read.get(pk) != version for pk, version in locked.items()):
                # A row was re-run (or corrected) since it was read: read the locked rows afresh.
                chunks = _prepare(batch, _pending(batch_id, list(locked)), resolver)
            keep = set(locked)
            wrote = False
            for chunk in chunks:
                wrote = chunk.write([item for item in chunk.items if item.row.pk in keep]) or wrote
            if wrote:
                # Plain SQL sends no signals: the public cache learns of the writes here, after commit.
                cache.content_changed()
    except Exception:
        # What this chunk created may have been rolled back: the next chunk asks the database.
        Resolver.forget()
        raise
    return len(keep)


def _still_pending(batch_id, row_ids):
    return (
        ImportRow.objects.filter(batch_id=batch_id, pk__in=row_ids, status=ImportRowStatus.PENDING)
        # The JSON columns as stored text: the locked read compares the raw values undecoded, and
        # a row's messages (most often none) are decoded only when there are some.
        .annotate(raw_text=Cast("raw", TextField()), messages_text=Cast("messages", TextField()))
        .order_by("pk")
    )


def _pending(batch_id, row_ids):
    """The still-pending rows among ``row_ids``."""
    # The compiled query run on a plain cursor: its values need no conversion per row.
    sql, params = _still_pending(batch_id, row_ids).values_list(*STAGED_COLUMNS).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [StagedRow(*values) for values in cursor.fetchall()]


def _locked_versions(batch_id, row_ids):
    """{id: (raw text, run by)} of the still-pending rows among ``row_ids``, locked (skipping rows
    another worker holds): what a row was when this worker read it, to compare."""
    rows = _still_pending(batch_id, row_ids).select_for_update(skip_locked=True)
    return {
        pk: (raw_text, run_by_id)
        for pk, raw_text, run_by_id in rows.values_list("id", "raw_text", "run_by_id")
    }


def _prepare(batch, rows, resolver):
    resolver.begin_chunk()
    # Each row acts with the rights of the person who uploaded or last re-ran it.
    chunks = [Chunk(own_rows, editorial, resolver) for editorial, own_rows in Editorial.for_rows(batch, rows)]
    for chunk in chunks:
        chunk.read()
    for chunk in chunks:
        chunk.resolve()
    return chunks


class Chunk:
    """The rows of one person in a chunk, from their raw values to what is written."""

    def __init__(self, rows, editorial, resolver):
        self.items = [Item(row) for row in rows]
        self.editorial = editorial
        self.resolver = resolver

    @staticmethod
    def _guard(item, step, *args):
        # A surprise in one row fails that row with the reason, not the chunk; a lost database
        # connection fails the chunk so that the task retries it.
        try:
            step(item, *args)
        except OperationalError:
            raise
        except Exception as error:
            logger.exception("import row %s could not be processed", item.row.pk)
            item.fail(f"could not be processed: {type(error).__name__}: {error}")

    def read(self):
        resolver = self.resolver
        for item in self.items:
            self._guard(item, read_values, resolver)
        resolver.prefetch_sources({i.normalized_url for i in self.items if i.normalized_url})
        for item in self.items:
            if not item.failure:
                self._guard(item, read_dates, resolver)

    def resolve(self):
        resolver = self.resolver
        live = [item for item in self.items if item.ok]
        resolver.prefetch(
            [name for item in live for name in (item.get("actor"), item.get("parent"))],
            [item.get("law") for item in live],
        )
        resolver.create_organizations(
            [
                named
                for item in live
                for named in (
                    (item.get("parent"), item.kind or None, None),
                    (item.get("actor"), item.kind or None, item.get("parent")),
                )
                if named[0]
            ]
        )
        resolver.create_laws([(item.get("law"), item.jurisdiction) for item in live if item.get("law")])
        resolver.create_sources(
            {
                item.normalized_url: {
                    "url": item.get("source_url"),
                    "outlet": item.get("source_outlet"),
                    "title": item.get("source_title"),
                    "published": item.reference if item.get("reference_date") else None,
                }
                for item in reversed(live)
                if item.normalized_url
            }
        )
        for item in live:
            self._guard(item, self.resolve_item)

    def resolve_item(self, item):
        values = item.values
        notes = []
        resolver = self.resolver
        parent = None
        if values.get("parent"):
            parent = resolver.organization(values["parent"], kind=item.kind or None)
        item.actor = resolver.organization(
            values["actor"], kind=item.kind or None, parent=parent, notes=notes
        )
        if parent is not None and parent.pk == item.actor.pk:
            notes.append("parent names the actor itself; ignored")
        if values.get("law"):
            item.law = resolver.law(values["law"], item.jurisdiction)
        if item.normalized_url:
            item.source = resolver.source(
                values["source_url"],
                item.normalized_url,
                outlet=values.get("source_outlet", ""),
                title=values.get("source_title", ""),
                published=item.reference if values.get("reference_date") else None,
            )
        for note in notes:
            item.warn("parent", note)

    def write(self, items):
        """Upsert the events of ``items`` and record every row's outcome; returns whether any
        event or citation was written."""
        now = timezone.now()
        writes = EventWrites(self.editorial, self.resolver, now)
        live = [item for item in items if item.ok]
        if live:
            writes.events(live)
            writes.citations([item for item in live if item.ok])
            writes.write_history()
        outcomes_table.update(
            [
                {
                    "id": item.row.pk,
                    "status": item.final_status,
                    "messages": item.messages,
                    "event_id": item.event_id if item.ok else None,
                    "processed_at": now,
                    "pending_responds_to": item.pending_link if item.ok else "",
                }
                for item in items
            ]
        )
        return writes.wrote
