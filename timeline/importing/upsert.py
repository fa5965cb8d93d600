"""The upsert: events on their natural key, their citations and history, without model instances.

An event is a dict of column values from the first row to the last. For the rows of one person
in a chunk (``EventWrites``): the events that exist are read in one query per key kind, new ones
go in with ``INSERT ... ON CONFLICT DO NOTHING`` (one statement on PostgreSQL; on SQLite a group
per depth of responses within the chunk, so that a response holds its link from its insert; a key
another worker inserted first is not returned, is read back and becomes an update of that event,
under the same editorial rules), changed ones with one ``executemany`` of UPDATEs, and every
event written gets the history record simple_history would have written (the same columns: the
event's state, ``+`` or ``~``, the person and the reason naming the file and row) in one more
statement.
"""

import logging
from types import SimpleNamespace

from django.db import DatabaseError, OperationalError, connection, transaction

from ..models import Citation, Event, EventStatus, ImportRowStatus
from .tables import Table

logger = logging.getLogger(__name__)

# What a row sets on its event (compared to decide updated or unchanged).
ROW_FIELDS = (
    "title",
    "summary",
    "action_type",
    "actor_id",
    "jurisdiction_id",
    "law_id",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "date_ambiguous",
    "date_reference",
    "external_id",
)
# Every stored column of an event except its id and what the database computes.
EVENT_COLUMNS = tuple(f.attname for f in Event._meta.concrete_fields if not f.primary_key and not f.generated)
# What a new event holds in the columns an import row does not fill (an image, say).
EVENT_DEFAULTS = {
    f.attname: f.get_default()
    for f in Event._meta.concrete_fields
    if f.attname in EVENT_COLUMNS and not f.is_relation
}
# An import never touches the creation time or a retraction note.
UPDATE_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in ("created_at", "retraction_note"))
HISTORY_COLUMNS = tuple(
    f.attname for f in Event.history.model._meta.concrete_fields if f.attname != "history_id"
)
CITATION_COLUMNS = ("event_id", "source_id", "quote", "speaker")

events_table = Table(Event, EVENT_COLUMNS)
event_updates = Table(Event, UPDATE_COLUMNS)
link_updates = Table(Event, ("responds_to_id", "updated_at"))
history_table = Table(Event.history.model, HISTORY_COLUMNS)
citations_table = Table(Citation, CITATION_COLUMNS)
citation_updates = Table(Citation, ("quote", "speaker"))


def fingerprint(columns):
    """The model's own natural-key formula, applied to plain column values."""
    return Event.compute_fingerprint(SimpleNamespace(**columns))


def differs(event, fields, status, responds_to_id):
    """Whether ``apply`` would change ``event``."""
    return (
        any(event[name] != value for name, value in fields.items())
        or bool(status and event["status"] != status)
        or bool(responds_to_id and event["responds_to_id"] != responds_to_id)
    )


def apply(event, fields, status, responds_to_id):
    """Set what differs on ``event``; returns whether anything did. Blank status/link keep theirs."""
    changed = False
    for name, value in fields.items():
        if event[name] != value:
            event[name] = value
            changed = True
    if status and event["status"] != status:
        event["status"] = status
        changed = True
    if responds_to_id and event["responds_to_id"] != responds_to_id:
        event["responds_to_id"] = responds_to_id
        changed = True
    if changed:
        event["fingerprint"] = fingerprint(event)
    return changed


def find_events(keys):
    """{key: event dict} for the natural keys ``("id", external_id)`` / ``("fingerprint", value)``."""
    found = {}
    external_ids = {value for kind, value in keys if kind == "id"}
    fingerprints = {value for kind, value in keys if kind == "fingerprint"}
    columns = ("id", *EVENT_COLUMNS)
    if external_ids:
        for event in Event.objects.with_external_ids(external_ids).order_by().values(*columns):
            found[("id", event["external_id"])] = event
    if fingerprints:
        rows = Event.objects.filter(external_id="", fingerprint__in=fingerprints).order_by().values(*columns)
        for event in rows:
            found[("fingerprint", event["fingerprint"])] = event
    return found


def _each_alone(rows, write, refused):
    """Write ``rows`` one per savepoint after a statement for all of them was refused."""
    for row in rows:
        try:
            with transaction.atomic():
                write([row])
        except OperationalError:
            raise
        except DatabaseError as error:
            refused(row, error)


class EventWrites:
    """The events, citations and history that the rows of one person in a chunk write."""

    def __init__(self, editorial, resolver, now):
        self.editorial, self.resolver, self.now = editorial, resolver, now
        self.written = {}  # {id: event} of every event written, for its history record
        self.wrote = False

    def describe(self, item):
        """The row's event columns, natural key and search document."""
        date = item.date
        item.fields = {
            "title": item.values["title"],
            "summary": item.get("summary"),
            "action_type": item.action_type,
            "actor_id": item.actor.pk,
            "jurisdiction_id": item.jurisdiction.pk if item.jurisdiction else None,
            "law_id": item.law.pk if item.law else None,
            "date_text": item.get("raw_date"),
            "date_start": date.start,
            "date_end": date.end,
            "date_precision": date.precision,
            "date_approximate": bool(date.approximate),
            "date_ambiguous": False,
            "date_reference": item.reference,
            "external_id": item.get("id"),
        }
        external_id = item.get("id")
        item.key = ("id", external_id) if external_id else ("fingerprint", fingerprint(item.fields))
        item.search_document = Event.compose_search_document(
            title=item.fields["title"],
            summary=item.fields["summary"],
            actor=item.actor,
            actor_other_names=self.resolver.other_names.get(item.actor.pk, ()),
            law=item.law,
            jurisdiction=item.jurisdiction,
        )

    def sign(self, event, item, history_type):
        event["_signature"] = self.editorial.signature(item.row.row_number)
        event["_history_type"] = history_type

    def events(self, live):
        self.resolver.prefetch_other_names({item.actor.pk for item in live})
        for item in live:
            self.describe(item)
        existing = find_events({item.key for item in live})
        links = {item.get("responds_to") for item in live if item.get("responds_to")}
        targets = (
            dict(Event.objects.with_external_ids(links).order_by().values_list("external_id", "pk"))
            if links
            else {}
        )

        editorial = self.editorial
        new, dirty, by_key = {}, {}, {}
        for item in live:
            by_key.setdefault(item.key, []).append(item)
            link = item.get("responds_to")
            if link and link == item.get("id"):
                item.warn("responds_to", "responds_to names the event itself; ignored")
                link = ""
            target = targets.get(link) if link else None
            event = existing.get(item.key) or new.get(item.key)
            if event is None:
                status = item.status or EventStatus.PUBLISHED
                if status == EventStatus.PUBLISHED and item.source is None:
                    status = EventStatus.DRAFT
                    item.warn("source_url", "no source: the event is kept as a draft until one is attached")
                event = {
                    **EVENT_DEFAULTS,
                    **item.fields,
                    "status": editorial.new_status(item, status),
                    "responds_to_id": target,
                    "retraction_note": "",
                    "search_document": item.search_document,
                    "created_at": self.now,
                    "updated_at": self.now,
                }
                event["fingerprint"] = fingerprint(event)
                self.sign(event, item, "+")
                new[item.key] = event
                item.outcome = ImportRowStatus.CREATED
            else:
                status = editorial.update_status(item, event["status"])
                if differs(event, item.fields, status, target) and editorial.change_blocked(
                    item, event["status"]
                ):
                    continue
                changed = apply(event, item.fields, status, target)
                if item.outcome != ImportRowStatus.CREATED:
                    item.outcome = ImportRowStatus.UPDATED if changed else ImportRowStatus.UNCHANGED
                if changed:
                    # The document follows the row; a stale one alone does not make a row "updated".
                    event["search_document"] = item.search_document
                    event["updated_at"] = self.now
                    if "id" in event:
                        self.sign(event, item, "~")
                        dirty[event["id"]] = event
            item.event = event
            item.pending_link = link if link and target is None else ""

        for key in self.insert(new, by_key):
            self.settle_lost_race(key, new[key], by_key[key], dirty)
        self.update(dirty, by_key)
        self.link_within_chunk(live, new)
        for item in live:
            if item.ok:
                item.event_id = item.event.get("id")
        for event in [*new.values(), *dirty.values()]:
            if "id" in event and "_history_type" in event:
                self.written[event["id"]] = event

    def insert(self, new, by_key):
        """Insert the new events; returns the keys another worker inserted first."""
        lost = []
        for wave in self.waves(new, by_key):
            lost += self.insert_wave(wave, by_key)
        return lost

    def waves(self, new, by_key):
        """The new events in the groups they go in, one statement each.

        PostgreSQL: one group in key order, so that two chunks inserting overlapping keys wait for
        each other instead of deadlocking. SQLite has one writer at a time: an event that a
        response of this chunk names goes in first, and the response holds its link from its
        insert, not from an UPDATE after it (a response to a response one group later; a cycle of
        responses is linked after, by ``link_within_chunk``).
        """
        if connection.vendor != "sqlite":
            yield dict(sorted(new.items()))
            return
        targets = {}
        for key in new:
            for item in by_key[key]:
                if item.pending_link and ("id", item.pending_link) in new:
                    targets[key] = ("id", item.pending_link)  # the last row's link, as linking after would
        left = dict(new)
        while left:
            wave = {key: event for key, event in left.items() if targets.get(key) not in left} or left
            for key, event in wave.items():
                target = new.get(targets.get(key), {})
                if "id" in target:
                    event["responds_to_id"] = target["id"]
            yield wave
            left = {key: event for key, event in left.items() if key not in wave}

    def insert_wave(self, new, by_key):
        if not new:
            return []
        try:
            with transaction.atomic():
                inserted = events_table.insert_new(list(new.values()), ("id", "external_id", "fingerprint"))
        except OperationalError:
            raise
        except DatabaseError:
            # One event the database refuses (not a duplicate key) fails its own rows only.
            inserted = []
            for key, event in new.items():
                try:
                    with transaction.atomic():
                        inserted += events_table.insert_new([event], ("id", "external_id", "fingerprint"))
                except OperationalError:
                    raise
                except DatabaseError as error:
                    for item in by_key[key]:
                        item.fail(f"the database refused the event: {error}")
                    event["_refused"] = True
        ids = {}
        for pk, external_id, print_ in inserted:
            ids[("id", external_id) if external_id else ("fingerprint", print_)] = pk
        lost = []
        for key, event in new.items():
            if key in ids:
                event["id"] = ids[key]
                self.wrote = True
            elif not event.get("_refused"):
                lost.append(key)
        return lost

    def settle_lost_race(self, key, ours, items, dirty):
        """Another worker inserted ``key`` between our lookup and our insert: theirs is the event,
        and the rows update it under the same rules as any existing event."""
        current = find_events({key}).get(key)
        if current is None:
            for item in items:
                item.fail("the database refused the event: its key is taken but the event cannot be read")
            return
        last = items[-1]
        status = self.editorial.update_status(last, current["status"])
        fields = {name: ours[name] for name in ROW_FIELDS}
        link = ours["responds_to_id"]
        if differs(current, fields, status, link):
            # Every row of the key learns why (not only the first: any() would stop there).
            blocked = [self.editorial.change_blocked(item, current["status"]) for item in items]
            if any(blocked):
                return
        changed = apply(current, fields, status, link)
        if changed:
            current["updated_at"] = self.now
            current["search_document"] = ours["search_document"]
            self.sign(current, last, "~")
            dirty[current["id"]] = current
        for item in items:
            item.event = current
            if item.outcome == ImportRowStatus.CREATED:
                item.outcome = ImportRowStatus.UPDATED if changed else ImportRowStatus.UNCHANGED

    def update(self, dirty, by_key):
        if not dirty:
            return
        events = list(dirty.values())
        try:
            with transaction.atomic():
                event_updates.update(events)
        except OperationalError:
            raise
        except DatabaseError:

            def refused(event, error):
                event.pop("_history_type", None)
                for item in by_key.get(_key(event), []):
                    item.fail(f"the database refused the change: {error}")

            _each_alone(events, event_updates.update, refused)
        self.wrote = True

    def link_within_chunk(self, live, new):
        """A response whose target was created in this very chunk: the target has an id only now."""
        created = {
            event["external_id"]: event["id"]
            for event in new.values()
            if event["external_id"] and "id" in event
        }
        relinked = {}
        for item in live:
            target = created.get(item.pending_link)
            if not item.ok or target is None or item.event.get("id") in (None, target):
                continue
            event = item.event
            if event["responds_to_id"] == target:
                item.pending_link = ""  # linked as it went in (``waves``)
                continue
            event["responds_to_id"], event["updated_at"] = target, self.now
            item.pending_link = ""
            relinked[event["id"]] = event
            if item.outcome == ImportRowStatus.UNCHANGED:
                item.outcome = ImportRowStatus.UPDATED
            if "_history_type" not in event:
                self.sign(event, item, "~")
            self.written[event["id"]] = event
        if relinked:
            link_updates.update(list(relinked.values()))
            self.wrote = True

    def citations(self, live):
        wanted = {}
        for item in live:
            if item.source is not None and item.event_id:
                wanted[(item.event_id, item.source.pk)] = item
        if not wanted:
            return
        # An event inserted by this chunk has no citation yet: only the others' are looked up.
        created = {event["id"] for event in self.written.values() if event.get("_history_type") == "+"}
        cited = {event_id for event_id, _ in wanted if event_id not in created}
        existing = (
            {
                (event_id, source_id): {"id": pk, "quote": quote, "speaker": speaker}
                for pk, event_id, source_id, quote, speaker in Citation.objects.filter(
                    event_id__in=cited, source_id__in={k[1] for k in wanted}
                )
                .order_by()
                .values_list("id", "event_id", "source_id", "quote", "speaker")
            }
            if cited
            else {}
        )
        create, update = [], []
        for (event_id, source_id), item in wanted.items():
            quote, speaker = item.get("quote"), item.get("quote_speaker")
            citation = existing.get((event_id, source_id))
            if citation is None:
                if self.editorial.change_blocked(item, item.event["status"]):
                    continue
                create.append(
                    {"event_id": event_id, "source_id": source_id, "quote": quote, "speaker": speaker}
                )
            elif (quote and citation["quote"] != quote) or (speaker and citation["speaker"] != speaker):
                if self.editorial.change_blocked(item, item.event["status"]):
                    continue
                citation["quote"], citation["speaker"] = (
                    quote or citation["quote"],
                    speaker or citation["speaker"],
                )
                update.append(citation)
            else:
                continue
            if item.outcome == ImportRowStatus.UNCHANGED:
                item.outcome = ImportRowStatus.UPDATED
        citations_table.insert(create)
        citation_updates.update(update)
        self.wrote = self.wrote or bool(create or update)

    def write_history(self):
        """One historical record per event written, with the person and row that wrote it."""
        records = [
            {
                **event,
                **event.pop("_signature"),
                "history_type": event.pop("_history_type"),
                "history_date": self.now,
            }
            for event in self.written.values()
            if "_history_type" in event
        ]
        history_table.insert(records)
        self.written = {}


def _key(event):
    external_id = event["external_id"]
    return ("id", external_id) if external_id else ("fingerprint", event["fingerprint"])
