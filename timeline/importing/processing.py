"""Process staged rows: normalize the date, resolve entities, upsert the event, record the outcome.

``process_chunk`` handles one chunk of row ids in one transaction. Only rows still pending are
touched (and locked, skipping rows another worker holds), so a redelivered chunk changes
nothing. Events are found by their natural key (the external id, else the fingerprint); when
a concurrent worker inserted the same event first, the unique constraint decides and the row
becomes an update of that event.
"""

import functools
import logging
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction
from django.db.models import Count
from django.utils import timezone

from .. import cache, dates
from ..jurisdictions import date_context
from ..jurisdictions.lookup import suggest_jurisdictions
from ..matching import normalize_url
from ..models import (
    ActionType,
    Citation,
    Event,
    EventStatus,
    ImportBatch,
    ImportBatchStatus,
    ImportRow,
    ImportRowStatus,
    OrganizationKind,
    OrganizationName,
)
from ..services import can_publish, change_errors, status_change_errors
from .columns import EXTRA_KEY, UNPARSED_KEY, canonical_values
from .resolve import Resolver

logger = logging.getLogger(__name__)

# The longest value each column may hold (the model's max_length); a longer one needs review.
LIMITS = {
    "id": 200,
    "actor": 200,
    "parent": 200,
    "law": 300,
    "title": 300,
    "raw_date": 200,
    "source_url": 1000,
    "source_outlet": 200,
    "source_title": 500,
    "quote_speaker": 200,
    "responds_to": 200,
}
EVENT_FIELDS = (
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
UPDATE_FIELDS = [
    f.removesuffix("_id") if f.endswith("_id") and f != "external_id" else f for f in EVENT_FIELDS
] + ["status", "responds_to", "fingerprint", "search_document", "updated_at"]

REASON_LENGTH = 100  # simple_history's history_change_reason

_WORD = re.compile(r"[\s\-]+")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def _token(text):
    return _WORD.sub("_", text.strip().casefold())


ACTION_TYPES = {_token(value): value for value in ActionType.values} | {
    _token(str(label)): value for value, label in ActionType.choices
}
KINDS = {_token(value): value for value in OrganizationKind.values} | {
    _token(str(label)): value for value, label in OrganizationKind.choices
}
STATUSES = {value: value for value in EventStatus.values}


@functools.lru_cache(maxsize=50_000)
def _normalize(text, reference, languages, date_order):
    """dates.normalize_date, memoized: imports repeat the same date texts many times."""
    try:
        return dates.normalize_date(
            text, reference=reference, languages=list(languages) if languages else None, date_order=date_order
        ), None
    except dates.DateNormalizationError as error:
        return None, getattr(error, "reason", None) or str(error)


def message(level, text, field=None, code=None):
    note = {"level": level, "text": text}
    if field:
        note["field"] = field
    if code:
        note["code"] = code
    return note


@dataclass(eq=False)
class Item:
    row: ImportRow
    values: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)
    review: bool = False
    failure: str = ""
    jurisdiction: object = None
    action_type: str = ""
    kind: str = ""
    status: str = ""
    language: str = ""
    normalized_url: str = ""
    reference: object = None
    date: object = None
    actor: object = None
    law: object = None
    source: object = None
    key: tuple = ()
    fields: dict = field(default_factory=dict)
    event: Event | None = None
    outcome: str = ""
    pending_link: str = ""
    search_document: str = ""

    def get(self, name):
        return self.values.get(name, "")

    def error(self, name, text, code=None):
        self.review = True
        self.messages.append(message("error", text, name, code))

    def warn(self, name, text):
        self.messages.append(message("warning", text, name))

    def fail(self, text):
        self.failure = text
        self.messages.append(message("error", text, code="failed"))

    @property
    def ok(self):
        return not self.review and not self.failure

    @property
    def final_status(self):
        if self.failure:
            return ImportRowStatus.FAILED
        if self.review:
            return ImportRowStatus.NEEDS_REVIEW
        return self.outcome


def process_chunk(batch_id, row_ids):
    """Process the still-pending rows among ``row_ids``; returns how many were processed."""
    with transaction.atomic():
        rows = list(
            ImportRow.objects.select_for_update(skip_locked=True)
            .filter(batch_id=batch_id, pk__in=row_ids, status=ImportRowStatus.PENDING)
            .order_by("pk")
        )
        if rows:
            batch = ImportBatch.objects.get(pk=batch_id)
            wrote_events = False
            # Each row acts with the rights of the person who uploaded or last re-ran it.
            for editorial, own_rows in Editorial.for_rows(batch, rows):
                chunk = Chunk(own_rows, editorial)
                chunk.run()
                wrote_events = wrote_events or chunk.wrote_events
            if wrote_events:
                # bulk writes send no signals: the public cache learns of them here, after commit.
                cache.content_changed()
    return len(rows)


class Editorial:
    """Who a row is processed as, and what that person may do to events.

    That is the row's ``run_by``: whoever uploaded the file or last re-ran the row, never merely
    the batch's creator. A row staged by no one (the command line, the seeds) is trusted; a user
    who cannot publish (``services.can_publish``) writes drafts, never changes a public status and
    never changes a published or retracted event (``services.change_errors``). A row whose person
    was deleted since it was queued has the rights of no one.
    """

    def __init__(self, batch=None, user=None, *, trusted=None):
        self.user = user
        self.file_name = batch.file_name if batch is not None else ""
        trusted = user is None if trusted is None else trusted
        self.restricted = not trusted and not can_publish(user)

    @classmethod
    def for_rows(cls, batch, rows):
        """(Editorial, rows) for each person among ``rows``, in the order rows first name them."""
        people = {row.run_by_id for row in rows if row.run_by_id is not None}
        users = get_user_model()._default_manager.in_bulk(people) if people else {}
        groups = {}
        for row in rows:
            groups.setdefault(row.run_by_id, []).append(row)
        return [
            (cls(batch, users.get(person), trusted=person is None), own_rows)
            for person, own_rows in groups.items()
        ]

    def change_blocked(self, item, event):
        """Whether the row may not change ``event`` at all; the row then waits for a reviewer."""
        if not self.restricted:
            return False
        errors = change_errors(self.user, event.status)
        for error in errors:
            item.error(None, f"{error} The row is kept for a reviewer to re-run.", code="reviewer")
        return bool(errors)

    def reason(self, row_number, what=""):
        # The history's change reason holds 100 characters: a long file name gives way, not the row.
        tail = f", row {row_number}{what}"
        room = REASON_LENGTH - len("Imported from ") - len(tail)
        name = self.file_name if len(self.file_name) <= room else self.file_name[: room - 1] + "…"
        return (f"Imported from {name}{tail}" if name else f"Imported{tail}")[:REASON_LENGTH]

    def sign(self, event, row_number, what=""):
        """Mark ``event`` so that its next history record names the importing user and row."""
        event._change_reason = self.reason(row_number, what)
        if self.user is not None:
            event._history_user = self.user

    def new_status(self, item, status):
        if self.restricted and status != EventStatus.DRAFT:
            item.warn(
                "status",
                f"saved as a draft: {self.user.get_username()} cannot publish or retract events, "
                f"a reviewer must {'retract' if status == EventStatus.RETRACTED else 'publish'} it",
            )
            return EventStatus.DRAFT
        return status

    def update_status(self, item, event):
        """The status the row may set on ``event`` ("" keeps the event's own)."""
        status = item.status
        if not status or not self.restricted or status == event.status:
            return status
        errors = status_change_errors(self.user, event.status, status)
        if errors:
            item.warn(
                "status",
                f"the status stays {event.status} (the row asks {status}): {errors[0]} "
                "A reviewer must change it.",
            )
            return ""
        return status


class Chunk:
    def __init__(self, rows, editorial=None):
        self.items = [Item(row) for row in rows]
        self.resolver = Resolver()
        self.editorial = editorial or Editorial()
        self._contexts = {}
        self.wrote_events = False
        # Events written by bulk queries, whose history records are written in bulk at the end
        # (events saved one by one get theirs from simple_history's post_save signal).
        self._history_created = {}
        self._history_updated = {}

    def run(self):
        for item in self.items:
            self._guard(item, self.read)
        self.resolver.prefetch_sources({i.normalized_url for i in self.items if i.normalized_url})
        for item in self.items:
            if not item.failure:
                self._guard(item, self.read_dates)
        live = [item for item in self.items if item.ok]
        self.resolver.prefetch(
            [name for item in live for name in (item.get("actor"), item.get("parent"))],
            [item.get("law") for item in live],
        )
        self.resolver.create_sources(
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
            self._guard(item, self.resolve)
        live = [item for item in live if item.ok]
        self.upsert(live)
        live = [item for item in live if item.ok]
        self.cite(live)
        self.save_rows()

    @staticmethod
    def _guard(item, step):
        # A surprise in one row fails that row with the reason, not the chunk; a lost database
        # connection fails the chunk so that the task retries it.
        try:
            step(item)
        except OperationalError:
            raise
        except Exception as error:
            logger.exception("import row %s could not be processed", item.row.pk)
            item.fail(f"could not be processed: {type(error).__name__}: {error}")

    def context(self, code, language):
        key = (code, language)
        if key not in self._contexts:
            context = date_context(code, language)
            self._contexts[key] = (tuple(context.languages or ()), context.date_order)
        return self._contexts[key]

    # -- reading the row -------------------------------------------------------------------
    def read(self, item):
        raw = item.row.raw
        item.messages = [m for m in (item.row.messages or []) if isinstance(m, dict) and m.get("stage")]
        if any(m.get("level") == "error" for m in item.messages):
            item.review = True
        if not isinstance(raw, dict):
            item.error(None, "the raw values are not an object of column: value")
            return
        if UNPARSED_KEY in raw:
            if not item.review:
                item.error(None, f"the row could not be read; its text is under {UNPARSED_KEY!r}")
            return
        if raw.get(EXTRA_KEY) and not item.review:
            item.error(None, f"values beyond the header are kept under {EXTRA_KEY!r}: move or delete them")
        item.values = values = canonical_values(raw)

        for name, limit in LIMITS.items():
            if len(values.get(name, "")) > limit:
                item.error(name, f"{name} is {len(values[name]):,} characters long; at most {limit} fit")
        if not values.get("actor"):
            item.error("actor", "actor is missing: name the organization or body that acted")
        if not values.get("raw_date"):
            item.error("raw_date", "raw_date is missing: give the date as the source wrote it")
        if not values.get("title"):
            summary = values.get("summary", "")
            if not summary:
                item.error("title", "title and summary are both missing: give at least one")
            else:
                values["title"] = _title_from(summary)

        action = values.get("action_type", "")
        if not action:
            item.action_type = ActionType.OTHER
            item.warn("action_type", "no action_type: recorded as 'other'")
        elif _token(action) in ACTION_TYPES:
            item.action_type = ACTION_TYPES[_token(action)]
        else:
            item.error(
                "action_type",
                f"unknown action_type {action!r}: use one of {', '.join(ActionType.values)}",
            )

        kind = values.get("actor_kind", "")
        if kind:
            item.kind = KINDS.get(_token(kind), "")
            if not item.kind:
                item.warn(
                    "actor_kind",
                    f"unknown actor_kind {kind!r} ignored: use one of {', '.join(OrganizationKind.values)}",
                )

        status = values.get("status", "")
        if status:
            item.status = STATUSES.get(_token(status), "")
            if not item.status:
                item.error("status", f"unknown status {status!r}: use one of {', '.join(EventStatus.values)}")

        code = values.get("jurisdiction", "")
        if code:
            item.jurisdiction = self.resolver.jurisdiction(code)
            if item.jurisdiction is None:
                suggestions = suggest_jurisdictions(code)
                did_you_mean = f"did you mean {' or '.join(suggestions)}? " if suggestions else ""
                item.error(
                    "jurisdiction",
                    f"unknown jurisdiction {code!r}: {did_you_mean}use an ISO 3166 code such as HK, US "
                    "or US-CA (or a known name), or add the jurisdiction in the admin first",
                )

        language = values.get("language", "").casefold()
        if language:
            if _LANGUAGE.match(language):
                item.language = language
            else:
                item.warn("language", f"language {language!r} is not an ISO 639-1 code such as en; ignored")

        url = values.get("source_url", "")
        if url:
            try:
                item.normalized_url = normalize_url(url)
            except ValueError as error:
                item.error("source_url", f"source_url is not usable: {error}")
        elif values.get("quote"):
            item.warn("quote", "a quote without a source_url is kept in the raw values only")

    def read_dates(self, item):
        values = item.values
        if not values:
            return
        code = item.jurisdiction.code if item.jurisdiction is not None else None
        languages, date_order = self.context(code, item.language or None)
        reference_text = values.get("reference_date", "")
        if reference_text:
            result, reason = _normalize(reference_text, None, languages, date_order)
            if reason:
                item.error("reference_date", f"reference_date {reference_text!r} is not a date: {reason}")
            elif result.precision != "day" or result.ambiguous:
                item.error(
                    "reference_date",
                    f"reference_date {reference_text!r} must name one day, written like 2020-07-07",
                )
            else:
                item.reference = result.start
        elif item.normalized_url:
            source = self.resolver.sources.get(item.normalized_url)
            item.reference = source.published if source is not None else None
        text = values.get("raw_date", "")
        if not text or len(text) > LIMITS["raw_date"]:
            return
        result, reason = _normalize(text, item.reference, languages, date_order)
        if reason:
            item.error("raw_date", f"the date {text!r} cannot be used: {reason}", code="date")
        elif result.ambiguous:
            why = getattr(result, "note", "") or "day and month could be swapped"
            item.error(
                "raw_date",
                f"the date {text!r} is ambiguous ({why}): write it as YYYY-MM-DD, or give a "
                "jurisdiction or language that settles the order",
                code="date",
            )
        else:
            item.date = result

    # -- entities --------------------------------------------------------------------------
    def resolve(self, item):
        values = item.values
        notes = []
        parent = None
        if values.get("parent"):
            parent = self.resolver.organization(values["parent"], kind=item.kind or None)
        item.actor = self.resolver.organization(
            values["actor"], kind=item.kind or None, parent=parent, notes=notes
        )
        if parent is not None and parent.pk == item.actor.pk:
            notes.append("parent names the actor itself; ignored")
        if values.get("law"):
            item.law = self.resolver.law(values["law"], item.jurisdiction)
        if item.normalized_url:
            item.source = self.resolver.source(
                values["source_url"],
                item.normalized_url,
                outlet=values.get("source_outlet", ""),
                title=values.get("source_title", ""),
                published=item.reference if values.get("reference_date") else None,
            )
        for note in notes:
            item.warn("parent", note)

    # -- events ----------------------------------------------------------------------------
    def upsert(self, live):
        other_names = self._other_names({item.actor.pk for item in live})
        for item in live:
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
            # The model's own formula, applied without building a model instance.
            fingerprint = Event.compute_fingerprint(SimpleNamespace(**item.fields))
            item.key = ("id", external_id) if external_id else ("fingerprint", fingerprint)
            item.search_document = Event.compose_search_document(
                title=item.fields["title"],
                summary=item.fields["summary"],
                actor=item.actor,
                actor_other_names=other_names.get(item.actor.pk, ()),
                law=item.law,
                jurisdiction=item.jurisdiction,
            )

        existing = {}
        external_ids = {item.key[1] for item in live if item.key[0] == "id"}
        fingerprints = {item.key[1] for item in live if item.key[0] == "fingerprint"}
        if external_ids:
            for event in Event.objects.filter(external_id__in=external_ids):
                existing[("id", event.external_id)] = event
        if fingerprints:
            for event in Event.objects.filter(external_id="", fingerprint__in=fingerprints):
                existing[("fingerprint", event.fingerprint)] = event
        links = {item.get("responds_to") for item in live if item.get("responds_to")}
        targets = (
            dict(Event.objects.filter(external_id__in=links).values_list("external_id", "pk"))
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
                status = editorial.new_status(item, status)
                event = Event(**item.fields, status=status, responds_to_id=target)
                event.fingerprint = event.compute_fingerprint()
                event.search_document = item.search_document
                editorial.sign(event, item.row.row_number)
                new[item.key] = event
                item.outcome = ImportRowStatus.CREATED
            else:
                status = editorial.update_status(item, event)
                if _differs(event, item.fields, status, target) and editorial.change_blocked(item, event):
                    continue
                changed = _apply(event, item.fields, status, target)
                item.outcome = ImportRowStatus.UPDATED if changed else ImportRowStatus.UNCHANGED
                if changed:
                    # The document follows the row; a stale one alone does not make a row "updated".
                    event.search_document = item.search_document
                    editorial.sign(event, item.row.row_number)
                    if event.pk:
                        dirty[event.pk] = event
            item.event = event
            item.pending_link = link if link and target is None else ""

        self._insert(new, by_key)
        self._update(dirty, by_key)

        # A target created in this very chunk has an id only now.
        created = {event.external_id: event.pk for event in new.values() if event.external_id and event.pk}
        relinked = {}
        for item in live:
            if item.ok and item.pending_link in created and item.event.pk != created[item.pending_link]:
                item.event.responds_to_id = created[item.pending_link]
                item.pending_link = ""
                item.event.updated_at = timezone.now()
                relinked[item.event.pk] = item.event
                if item.outcome == ImportRowStatus.UNCHANGED:
                    item.outcome = ImportRowStatus.UPDATED
                pk = item.event.pk
                if pk not in self._history_created and pk not in self._history_updated:
                    editorial.sign(item.event, item.row.row_number)
                    self._history_updated[pk] = item.event
        if relinked:
            Event.objects.bulk_update(list(relinked.values()), ["responds_to", "updated_at"])
        self._write_history()

    @staticmethod
    def _other_names(organization_ids):
        names = {}
        if organization_ids:
            rows = OrganizationName.objects.filter(organization_id__in=organization_ids).order_by("name")
            for organization_id, name in rows.values_list("organization_id", "name"):
                names.setdefault(organization_id, []).append(name)
        return names

    def _write_history(self):
        """One historical record per event written in bulk, with the user and row that wrote it."""
        user = self.editorial.user
        if self._history_created:
            Event.history.bulk_history_create(list(self._history_created.values()), default_user=user)
        if self._history_updated:
            Event.history.bulk_history_create(
                list(self._history_updated.values()), update=True, default_user=user
            )
        self.wrote_events = self.wrote_events or bool(self._history_created or self._history_updated)
        self._history_created, self._history_updated = {}, {}

    def _insert(self, new, by_key):
        events = list(new.values())
        if not events:
            return
        try:
            with transaction.atomic():
                Event.objects.bulk_create(events, batch_size=500)
            self._history_created.update((event.pk, event) for event in events)
            return
        except OperationalError:
            raise
        except DatabaseError:
            for event in events:
                event.pk = None
                event._state.adding = True
        # Someone else inserted one of these natural keys meanwhile (or a row is refused):
        # one savepoint per event, and the database's answer decides. save() records the history.
        for key, event in new.items():
            try:
                with transaction.atomic():
                    event.save(force_insert=True)
                self.wrote_events = True
            except IntegrityError as error:
                current = _lookup(key)
                if current is None:
                    for item in by_key[key]:
                        item.fail(f"the database refused the event: {error}")
                    continue
                last = by_key[key][-1]
                status = self.editorial.update_status(last, current)
                fields = {f: getattr(event, f) for f in EVENT_FIELDS}
                if _differs(current, fields, status, None):
                    # Every row of the key learns why (not only the first: any() would stop there).
                    blocked = [self.editorial.change_blocked(item, current) for item in by_key[key]]
                    if any(blocked):
                        continue
                changed = _apply(current, fields, status, None)
                if changed:
                    current.updated_at = timezone.now()
                    current.search_document = last.search_document
                    self.editorial.sign(current, last.row.row_number)
                    current.save()
                    self.wrote_events = True
                for item in by_key[key]:
                    item.event = current
                    if item.outcome == ImportRowStatus.CREATED:
                        item.outcome = ImportRowStatus.UPDATED if changed else ImportRowStatus.UNCHANGED
            except OperationalError:
                raise
            except DatabaseError as error:
                for item in by_key[key]:
                    item.fail(f"the database refused the event: {error}")

    def _update(self, dirty, by_key):
        if not dirty:
            return
        now = timezone.now()
        events = list(dirty.values())
        for event in events:
            event.updated_at = now
        try:
            with transaction.atomic():
                Event.objects.bulk_update(events, UPDATE_FIELDS, batch_size=200)
            self._history_updated.update((event.pk, event) for event in events)
            return
        except OperationalError:
            raise
        except DatabaseError:
            pass
        keys = {id(item.event): key for key, items in by_key.items() for item in items}
        for event in events:
            try:
                with transaction.atomic():
                    event.save()
                self.wrote_events = True
            except OperationalError:
                raise
            except DatabaseError as error:
                for item in by_key.get(keys.get(id(event)), []):
                    item.fail(f"the database refused the change: {error}")

    def cite(self, live):
        wanted = {}
        for item in live:
            if item.source is not None and item.event is not None and item.event.pk:
                wanted[(item.event.pk, item.source.pk)] = item
        if not wanted:
            return
        existing = {
            (c.event_id, c.source_id): c
            for c in Citation.objects.filter(
                event_id__in={k[0] for k in wanted}, source_id__in={k[1] for k in wanted}
            )
        }
        create, update = [], []
        for (event_id, source_id), item in wanted.items():
            quote, speaker = item.get("quote"), item.get("quote_speaker")
            citation = existing.get((event_id, source_id))
            if citation is None:
                if self.editorial.change_blocked(item, item.event):
                    continue
                create.append(Citation(event_id=event_id, source_id=source_id, quote=quote, speaker=speaker))
            elif (quote and citation.quote != quote) or (speaker and citation.speaker != speaker):
                if self.editorial.change_blocked(item, item.event):
                    continue
                citation.quote, citation.speaker = quote or citation.quote, speaker or citation.speaker
                update.append(citation)
            else:
                continue
            if item.outcome == ImportRowStatus.UNCHANGED:
                item.outcome = ImportRowStatus.UPDATED
        if create:
            Citation.objects.bulk_create(create)
        if update:
            Citation.objects.bulk_update(update, ["quote", "speaker"])
        self.wrote_events = self.wrote_events or bool(create or update)

    def save_rows(self):
        now = timezone.now()
        rows = []
        for item in self.items:
            row = item.row
            row.status = item.final_status
            row.messages = item.messages
            row.processed_at = now
            row.pending_responds_to = item.pending_link if item.ok else ""
            if item.ok and item.event is not None and item.event.pk:
                row.event_id = item.event.pk
            rows.append(row)
        _write_rows(rows)


def _write_rows(rows):
    """One parameterized UPDATE per row through executemany: bulk_update's CASE expressions cost
    more than all the other work of a chunk put together."""
    names = ["status", "messages", "event", "processed_at", "pending_responds_to"]
    fields = [ImportRow._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    table = quote(ImportRow._meta.db_table)
    # Only quoted names from the model's own metadata go into the text; values are parameters.
    sql = f"UPDATE {table} SET {assignments} WHERE {quote('id')} = %s"  # noqa: S608
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] + [row.pk] for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _title_from(summary, limit=300):
    if len(summary) <= limit:
        return summary
    cut = summary[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def _lookup(key):
    kind, value = key
    if kind == "id":
        return Event.objects.filter(external_id=value).first()
    return Event.objects.filter(external_id="", fingerprint=value).first()


def _differs(event, fields, status, responds_to_id):
    """Whether ``_apply`` would change ``event``."""
    return (
        any(getattr(event, name) != value for name, value in fields.items())
        or bool(status and event.status != status)
        or bool(responds_to_id and event.responds_to_id != responds_to_id)
    )


def _apply(event, fields, status, responds_to_id):
    """Set what differs on ``event``; returns whether anything did. Blank status/link keep theirs."""
    changed = False
    for name, value in fields.items():
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed = True
    if status and event.status != status:
        event.status = status
        changed = True
    if responds_to_id and event.responds_to_id != responds_to_id:
        event.responds_to_id = responds_to_id
        changed = True
    if changed:
        event.fingerprint = event.compute_fingerprint()
    return changed


# -- finishing a batch ------------------------------------------------------------------------
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
        Event.objects.filter(external_id__in={row.pending_responds_to for row in rows}).values_list(
            "external_id", "pk"
        )
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
        # Each record names the person whose row asked for the link.
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
