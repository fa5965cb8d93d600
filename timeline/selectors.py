"""Reads shared by the pages, feeds, exports and the API: one meaning for every filter."""

from dataclasses import dataclass

from django.db.models import Q

from . import dates
from .models import Event, Organization

MAX_ORGANIZATION_DEPTH = 10


class FilterError(ValueError):
    """A filter value that cannot be used; ``field`` names the parameter."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def public_events():
    return Event.objects.public()


def organization_tree_ids(organization_ids):
    """The given organizations and all their subsidiaries, one query per level."""
    found = set(organization_ids)
    frontier = set(found)
    for _ in range(MAX_ORGANIZATION_DEPTH):
        if not frontier:
            break
        children = (
            set(Organization.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        )
        found |= children
        frontier = children
    return found


def parse_date_bound(field, text, *, reference=None):
    """The normalized range of a typed bound such as "2020", "July 2020" or "2020-06-30"."""
    try:
        normalized = dates.normalize_date(text, reference=reference)
    except dates.DateNormalizationError as error:
        raise FilterError(field, f"{field}: {error}") from error
    if normalized.ambiguous:
        raise FilterError(field, f"{field}: {text!r} can be read two ways; write it as YYYY-MM-DD")
    return normalized


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
            ids = organization_tree_ids(org.pk for org in self.organizations)
            queryset = queryset.filter(
                Q(actor_id__in=ids)
                | Q(
                    pk__in=Event.organizations.through.objects.filter(organization_id__in=ids).values(
                        "event_id"
                    )
                )
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
    """Every word must appear in the title, summary, actor, law or jurisdiction name."""
    for word in text.split()[:10]:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(actor__name__icontains=word)
            | Q(law__title__icontains=word)
            | Q(law__short_title__icontains=word)
            | Q(jurisdiction__name__icontains=word)
        )
    return queryset
