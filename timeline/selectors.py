"""Reads shared by the pages, feeds, exports and the API: one meaning for every filter."""

import datetime
import heapq
import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection, connections
from django.db.models import Exists, F, Func, Max, OuterRef, Q
from django.db.models.lookups import In

from . import dates, search
from .models import (
    ActionType,
    Citation,
    Event,
    EventStatus,
    EventTombstone,
    Jurisdiction,
    Law,
    Organization,
    Source,
)
from .services.date_context import normalize_in_context

# The page size planned for when choosing how to find an organization's events.
TYPICAL_PAGE = 50


class FilterError(ValueError):
    """A filter value that cannot be used; ``field`` names the parameter."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def public_events():
    return Event.objects.public().for_reading()


def organization_tree_ids(organization_ids):
    """The given organizations and all their subsidiaries, at any depth, in one query.

    A recursive common table expression (the ORM has none): ``UNION`` rather than ``UNION ALL``
    stops at an organization already found, so even a cycle of parents ends.
    """

    ids = [int(pk) for pk in organization_ids]
    if not ids:
        return set()
    quote = connection.ops.quote_name
    table = quote(Organization._meta.db_table)
    pk, parent = quote(Organization._meta.pk.column), quote(Organization._meta.get_field("parent").column)
    placeholders = ", ".join(["%s"] * len(ids))
    # Only quoted names from the model's metadata are formatted in; the ids are parameters.
    sql = (
        f"WITH RECURSIVE tree(id) AS ("  # noqa: S608
        f"SELECT {pk} FROM {table} WHERE {pk} IN ({placeholders}) "
        f"UNION SELECT child.{pk} FROM {table} AS child JOIN tree ON child.{parent} = tree.id"
        f") SELECT id FROM tree"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return {found for (found,) in cursor.fetchall()}


def parse_date_bound(field, text, *, reference=None):
    """The normalized range of a typed bound such as "2020", "July 2020" or "2020-06-30" (read
    in no jurisdiction's context: numeric dates must be unambiguous)."""
    try:
        normalized = normalize_in_context(text, reference=reference)
    except dates.DateNormalizationError as error:
        raise FilterError(field, f"{field}: {error}") from error
    if normalized.ambiguous:
        raise FilterError(field, f"{field}: {text!r} can be read two ways; write it as YYYY-MM-DD")
    return normalized


class WithoutIndex(Func):
    """A column the query planner must not look up by index: the unary ``+`` of SQL."""

    template = "+%(expressions)s"


def organizations_q(ids):
    """Events where one of the organizations ``ids`` is the actor or is involved.

    Neither database plans this condition well for every organization: SQLite collects all the
    organizations' events and sorts them (slow for one in a tenth of all events), PostgreSQL walks
    the timeline until a page is full (slow for one in a thousandth). The cheaper way depends on
    how many events they take part in, so that is estimated first (at most ``threshold`` index
    entries read) and the condition written so that each database takes that way:

    - few events: one set of event ids (by actor, then involvement), which both collect and sort;
    - many: the actor test without its index, so both walk the timeline index in order.

    Walking finds a page after about ``page * total / n`` rows, collecting reads ``n``: they
    cost the same at ``n = sqrt(page * total)``, the threshold. Two queries.
    """
    involved = Event.organizations.through.objects.filter(organization_id__in=ids).values("event_id")
    acting = Event.objects.filter(actor_id__in=ids).order_by().values("pk")
    estimate = acting.order_by("actor_id")  # so that PostgreSQL counts on the index, not the table
    # Ids are handed out in order and rarely deleted: the largest approximates the table's size.
    total = Event.objects.aggregate(largest=Max("id"))["largest"] or 0
    threshold = max(1, math.isqrt(TYPICAL_PAGE * total))
    if estimate[:threshold].count() >= threshold:
        return Q(In(WithoutIndex(F("actor_id")), list(ids))) | Q(pk__in=involved)
    return Q(pk__in=acting.union(involved, all=True))


@dataclass
class EventFilters:
    q: str = ""
    organizations: list | None = None  # Organization instances; subsidiaries included
    actors: list | None = None  # Organization instances; exact actor only
    law: object = None
    jurisdiction: object = None
    action_type: str = ""
    date_after: str = ""
    date_before: str = ""

    def apply(self, queryset):
        if self.organizations:
            queryset = queryset.filter(
                organizations_q(organization_tree_ids(org.pk for org in self.organizations))
            )
        if self.actors:
            queryset = queryset.filter(actor__in=self.actors)
        if self.law is not None:
            queryset = queryset.filter(law=self.law)
        if self.jurisdiction is not None:
            queryset = queryset.filter(jurisdiction=self.jurisdiction)
        if self.action_type:
            queryset = queryset.filter(action_type=self.action_type)
        # A range overlaps the bounds: a July 2020 event is "after 2020-07-15" and "before 2020-07-02".
        if self.date_after:
            queryset = queryset.filter(date_end__gte=parse_date_bound("date_after", self.date_after).start)
        if self.date_before:
            queryset = queryset.filter(date_start__lte=parse_date_bound("date_before", self.date_before).end)
        if self.q:
            queryset = search_events(queryset, self.q)
        return queryset


def search_events(queryset, text):
    """Events whose search document (title, summary, actor and its other names, law, jurisdiction)
    matches ``text``.

    On PostgreSQL: full-text search in the ``websearch`` syntax (words, "a phrase", or, -not),
    whole words, on the stored vector and its GIN index (``timeline.search``). Elsewhere: every
    word (up to 10) must appear somewhere in the document, case-insensitively.
    """

    text = text.replace("\x00", "")
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(
            search_vector=SearchQuery(text, search_type="websearch", config=search.SEARCH_CONFIG)
        )
    for word in text.split()[:10]:
        queryset = queryset.filter(search_document__icontains=word)
    return queryset


# --- Public pages, feeds and exports: filters read from a query string, keyset pages ---

FILTER_PARAMS = ("q", "organization", "law", "jurisdiction", "action_type", "date_after", "date_before")
ORDER_NEWEST = "newest"
ORDER_OLDEST = "oldest"


def event_filters_from_params(params):
    """``EventFilters`` from query parameters (slugs and codes), raising ``FilterError``.

    Every value is checked here, dates included, so a bad value is reported before any query
    for events runs. Unknown slugs are errors, not silently ignored filters; so are the slugs of
    organizations and laws only drafts name (the public cannot tell them from unknown ones).
    """

    def value(name):
        # NUL never belongs in a filter, and PostgreSQL refuses it in a query.
        return (params.get(name) or "").replace("\x00", "").strip()

    filters = EventFilters(q=value("q")[:200])
    if slug := value("organization"):
        organization = public_organizations().filter(slug=slug).first()
        if organization is None:
            raise FilterError("organization", f"organization: no organization is called {slug!r}")
        filters.organizations = [organization]
    if slug := value("law"):
        filters.law = public_laws().filter(slug=slug).first()
        if filters.law is None:
            raise FilterError("law", f"law: no law is called {slug!r}")
    if code := value("jurisdiction"):
        filters.jurisdiction = Jurisdiction.objects.filter(code=code.upper()).first()
        if filters.jurisdiction is None:
            raise FilterError("jurisdiction", f"jurisdiction: no jurisdiction has the code {code!r}")
    if action_type := value("action_type"):
        if action_type not in ActionType.values:
            raise FilterError("action_type", f"action_type: {action_type!r} is not an action type")
        filters.action_type = action_type
    for name in ("date_after", "date_before"):
        if text := value(name):
            parse_date_bound(name, text)
            setattr(filters, name, text)
    return filters


def order_from_params(params):
    order = (params.get("order") or ORDER_NEWEST).strip()
    if order not in (ORDER_NEWEST, ORDER_OLDEST):
        raise FilterError("order", f"order: {order!r} is neither 'newest' nor 'oldest'")
    return order


@dataclass(frozen=True)
class TimelineKey:
    """A position on the timeline: the sort key (date_start, date_precision_rank, id)."""

    date_start: object
    rank: int
    id: int

    @classmethod
    def of(cls, event):
        return cls(event.date_start, event.date_precision_rank, event.pk)

    @classmethod
    def parse(cls, field, text):

        try:
            day, rank, pk = text.split("_")
            key = cls(datetime.date.fromisoformat(day), int(rank), int(pk))
        except ValueError:
            key = None
        if key is None or not (0 <= key.rank <= 99 and 0 < key.id < 2**63):
            raise FilterError(field, f"{field}: {text[:40]!r} is not a position on the timeline")
        return key

    def __str__(self):
        return f"{self.date_start.isoformat()}_{self.rank}_{self.id}"

    def earlier_q(self):
        """Events strictly earlier. The redundant ``date_start <=`` lets the index seek."""
        return Q(date_start__lte=self.date_start) & (
            Q(date_start__lt=self.date_start)
            | Q(date_start=self.date_start, date_precision_rank__lt=self.rank)
            | Q(date_start=self.date_start, date_precision_rank=self.rank, id__lt=self.id)
        )

    def later_q(self):
        return Q(date_start__gte=self.date_start) & (
            Q(date_start__gt=self.date_start)
            | Q(date_start=self.date_start, date_precision_rank__gt=self.rank)
            | Q(date_start=self.date_start, date_precision_rank=self.rank, id__gt=self.id)
        )


@dataclass
class TimelinePage:
    events: list
    order: str
    earlier: TimelineKey | None  # cursor for the "Earlier" link (events before this key)
    later: TimelineKey | None  # cursor for the "Later" link (events after this key)


def timeline_page(queryset, *, order=ORDER_NEWEST, before=None, after=None, size=20):
    """One keyset page of ``queryset`` (already filtered) in ``order``.

    ``before`` / ``after`` are ``TimelineKey`` cursors: events strictly earlier / later in time.
    Two reads at most, whatever the depth (plus the prefetches of ``queryset``): the page with one
    extra row tells whether more lie beyond it, and the nearest event behind a cursor whether
    anything lies on the other side. Each read is one query, or three when the events must reach
    a day (``EventQuerySet.head``).
    """
    if before is not None:
        going_earlier, cursor = True, before
    elif after is not None:
        going_earlier, cursor = False, after
    else:
        going_earlier, cursor = order == ORDER_NEWEST, None
    rows = queryset
    if cursor is not None:
        rows = rows.filter(cursor.earlier_q() if going_earlier else cursor.later_q())
    rows = rows.newest_first() if going_earlier else rows.chronological()
    events = rows.head(size + 1)
    more_beyond = len(events) > size
    events = events[:size]
    if not events:
        return TimelinePage([], order, None, None)
    # events runs away from the cursor; its last row is the edge where the next page starts.
    far, near = TimelineKey.of(events[-1]), TimelineKey.of(events[0])
    if cursor is None:
        more_behind = False
    else:
        # The nearest event behind the cursor, found the way a page is (an ``exists()`` would let
        # the planner walk the whole timeline for a date_after filter with nothing behind).
        behind = queryset.filter(near.later_q() if going_earlier else near.earlier_q())
        behind = behind.prefetch_related(None).select_related(None).only("pk")
        more_behind = bool((behind.chronological() if going_earlier else behind.newest_first()).head(1))
    if going_earlier:
        earlier, later = (far if more_beyond else None), (near if more_behind else None)
    else:
        earlier, later = (near if more_behind else None), (far if more_beyond else None)
    if (order == ORDER_NEWEST) != going_earlier:
        events.reverse()
    return TimelinePage(events, order, earlier, later)


LAW_MILESTONES = ("law_passed", "law_signed", "law_in_force", "law_struck_down")
LAW_STORY_LIMIT = 500


@dataclass
class LawResponse:
    event: object
    days_from: int | None  # days after the law passed, first day the event's date can mean
    days_to: int | None  # last day; equal to days_from for a day-precision date


@dataclass
class LawStory:
    law: object
    milestones: list
    passed: object  # the law_passed milestone (else the earliest milestone), or None
    responses: list  # LawResponse, chronological
    truncated: bool


def law_story(law, events=None):
    """A law's public milestones and the responses to it, each with days after the law passed.

    A response is a public event of the law that is not a milestone, or any public event that
    responds to one of its milestones. Two queries (plus the prefetches of ``events``).
    """
    events = public_events() if events is None else events
    milestones = list(events.filter(law=law, action_type__in=LAW_MILESTONES).chronological())
    passed = next((m for m in milestones if m.action_type == "law_passed"), None)
    passed = passed or (milestones[0] if milestones else None)
    rows = list(
        events.filter(
            (Q(law=law) & ~Q(action_type__in=LAW_MILESTONES)) | Q(responds_to__in=[m.pk for m in milestones])
        ).chronological()[: LAW_STORY_LIMIT + 1]
    )
    responses = []
    for event in rows[:LAW_STORY_LIMIT]:
        if passed is None:
            responses.append(LawResponse(event, None, None))
        else:
            anchor = passed.date_start
            responses.append(
                LawResponse(event, (event.date_start - anchor).days, (event.date_end - anchor).days)
            )
    return LawStory(law, milestones, passed, responses, len(rows) > LAW_STORY_LIMIT)


def events_for_params(params, events=None):
    """The public events a query string asks for, in its order (feeds and downloads).

    Raises ``FilterError`` for a bad value, like the pages do.
    """
    filters = event_filters_from_params(params)
    order = order_from_params(params)
    events = filters.apply(public_events() if events is None else events)
    return events.newest_first() if order == ORDER_NEWEST else events.chronological()


# --- API: who sees what, the sync feed of removals ---

UNPUBLISHED_VIEW_PERMISSIONS = ("timeline.view_event", "timeline.change_event")


def can_see_unpublished(user):
    """Editors (the admin's view or change right on events) may read drafts and retractions."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and any(user.has_perm(perm) for perm in UNPUBLISHED_VIEW_PERMISSIONS)
    )


def events_visible_to(user, statuses=None):
    """The events ``user`` may read; ``statuses`` (editors only) widens past published."""

    if not statuses or not can_see_unpublished(user):
        return public_events()
    if set(statuses) >= set(EventStatus.values):
        return Event.objects.all()
    return Event.objects.filter(status__in=list(statuses))


def sources_visible_to(user):
    """Sources cited by at least one event ``user`` may read (a draft's sources stay hidden)."""

    return Source.objects.all() if can_see_unpublished(user) else public_sources()


def public_sources():
    """Sources a public event cites."""
    return Source.objects.filter(
        Exists(Citation.objects.filter(source=OuterRef("pk"), event__in=public_events()))
    )


def public_organizations():
    """Organizations a public event names: as its actor, as involved, or as its actor's parent.

    An organization that appears only in drafts stays unknown to the public (pages, filter
    lists, the API): its very name can be news that is not ready.
    """
    events = public_events()
    return Organization.objects.filter(
        Exists(events.filter(actor=OuterRef("pk")))
        | Exists(events.filter(organizations=OuterRef("pk")))
        | Exists(events.filter(actor__parent=OuterRef("pk")))
    )


def public_laws():
    """Laws a public event is about (a law known only from drafts stays unknown)."""
    return Law.objects.filter(Exists(public_events().filter(law=OuterRef("pk"))))


def public_jurisdictions():
    """Jurisdictions where a public event took place (of thousands, the few a reader can pick)."""
    return Jurisdiction.objects.filter(Exists(public_events().filter(jurisdiction=OuterRef("pk"))))


def named_by_public_event(fact):
    """Whether the public reads ``fact`` (an organization, law or source) through a public event."""
    public = {Organization: public_organizations, Law: public_laws, Source: public_sources}[type(fact)]
    return public().filter(pk=fact.pk).exists()


def organizations_visible_to(user):
    return Organization.objects.all() if can_see_unpublished(user) else public_organizations()


def laws_visible_to(user):
    return Law.objects.all() if can_see_unpublished(user) else public_laws()


@dataclass(frozen=True)
class Removal:
    """An event a mirror of the public timeline must drop: deleted, retracted or unpublished."""

    id: int
    reason: str
    at: object  # aware datetime


REMOVAL_REASONS = {"retracted": "retracted", "draft": "unpublished"}


def removed_events(since, *, after=None, limit=100):
    """Events that are not public and changed at or after ``since``, and events deleted since.

    In (at, id) order; ``after`` = (at, id) of the last removal already seen. Two queries.
    Only ids leave this function: never the content of an event that is not public.
    """

    def keyset(queryset, at_field, id_field):
        queryset = queryset.filter(**{f"{at_field}__gte": since})
        if after is not None:
            at, pk = after
            queryset = queryset.filter(
                Q(**{f"{at_field}__gt": at}) | Q(**{at_field: at, f"{id_field}__gt": pk}),
                **{f"{at_field}__gte": at},
            )
        return queryset.order_by(at_field, id_field)

    # Only events a mirror can have seen: a draft that was never published is nobody's business.
    was_public = Event.history.filter(id=OuterRef("pk"), status=EventStatus.PUBLISHED)
    hidden = Event.objects.exclude(status=EventStatus.PUBLISHED).filter(Exists(was_public))
    hidden = keyset(hidden, "updated_at", "id")
    hidden = [
        Removal(pk, REMOVAL_REASONS.get(status, status), at)
        for pk, status, at in hidden.values_list("id", "status", "updated_at")[: limit + 1]
    ]
    was_public = Event.history.filter(id=OuterRef("event_id"), status=EventStatus.PUBLISHED)
    deleted = keyset(EventTombstone.objects.filter(Exists(was_public)), "deleted_at", "event_id")
    deleted = [
        Removal(pk, "deleted", at) for pk, at in deleted.values_list("event_id", "deleted_at")[: limit + 1]
    ]
    return list(heapq.merge(hidden, deleted, key=lambda removal: (removal.at, removal.id)))[: limit + 1]


def retracted_event(pk):
    """A retracted event's title and public note, for its permalink to say so; else None.

    Lists, feeds and downloads never show retracted events; only the permalink answers, with
    status 410, the title and the retraction note (not the retracted content).
    """
    return (
        Event.objects.filter(pk=pk, status="retracted")
        .only("title", "retraction_note", "updated_at", "status")
        .first()
    )


def last_change(event):
    """When the event last changed and the note the editor left then (the newest history entry)."""
    return event.history.only("history_date", "history_change_reason").order_by("-history_date").first()
