"""Organizations, laws and jurisdictions a reader can filter by, found by what they type.

Only entities with public events are offered, each with the number of public events it has (as
actor for an organization): drafts are never counted nor hinted at. The same lookup turns a name
typed into the filter form without JavaScript ("Facebook", "Hong Kong") into the slug or code
the filters use.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Event, EventStatus, Jurisdiction, Law, Organization
from .selectors import public_laws, public_organizations

LIMIT = 10
MAX_TEXT = 100


@dataclass(frozen=True)
class Kind:
    model: type
    key: str  # the field the filter parameter holds
    event_field: str  # the event's field pointing at it
    names: tuple  # fields matched against the typed text
    labels: tuple  # the fields shown: the first that is not empty
    known: object  # () -> the rows a reader may name: an organization or law only drafts name is not one


KINDS = {
    "organization": Kind(
        Organization, "slug", "actor", ("name", "slug", "other_names__name"), ("name",), public_organizations
    ),
    "law": Kind(Law, "slug", "law", ("title", "short_title", "slug"), ("short_title", "title"), public_laws),
    # Every jurisdiction of ISO 3166 is public knowledge, events or not.
    "jurisdiction": Kind(
        Jurisdiction, "code", "jurisdiction", ("name", "code"), ("name",), Jurisdiction.objects.all
    ),
}


def public_count(kind):
    events = (
        Event.objects.filter(status=EventStatus.PUBLISHED, **{kind.event_field: OuterRef("pk")})
        .order_by()
        .values(kind.event_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(events, output_field=IntegerField()), Value(0))


def suggestions(kind_name, text, limit=LIMIT):
    """Up to ``limit`` entities of ``kind_name`` matching ``text``, those starting with it first,
    then by their number of public events: [{"value", "label", "count"}]. One query."""
    kind = KINDS[kind_name]
    text = text.replace("\x00", "").strip()[:MAX_TEXT]
    if not text:
        return []
    matches = Q()
    for name in kind.names:
        matches |= Q(**{f"{name}__icontains": text})
    starts = Q()
    for label in kind.labels:
        starts |= Q(**{f"{label}__istartswith": text})
    rows = (
        kind.model.objects.filter(matches)
        .annotate(count=public_count(kind), starts=Case(When(starts, then=0), default=1))
        .filter(count__gt=0)
        .order_by("starts", "-count", kind.labels[-1])
        .values_list(kind.key, "count", "starts", *kind.labels)
        .distinct()[:limit]
    )
    return [
        {"value": key, "label": next((label for label in labels if label), key), "count": count}
        for key, count, _starts, *labels in rows
    ]


class SharedName(ValueError):
    """Several entities have the name typed."""


def key_for_name(kind_name, text):
    """The slug or code of the one entity whose name (or other name, short title) is ``text``,
    ignoring case; None when none has it; ``SharedName`` when several do. One query."""
    kind = KINDS[kind_name]
    text = text.replace("\x00", "").strip()[:MAX_TEXT]
    if not text:
        return None
    exact = Q()
    for name in kind.names:
        exact |= Q(**{f"{name}__iexact": text})
    keys = list(kind.known().filter(exact).values_list(kind.key, flat=True).distinct()[:2])
    if len(keys) > 1:
        raise SharedName(f"{kind_name}: several are called {text!r}; choose one from the suggestions")
    return keys[0] if keys else None
