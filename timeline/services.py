"""Writes to events that the admin, the API and the importer share."""

from . import dates
from .jurisdictions import date_context


def date_context_for(jurisdiction=None, language=None):
    return date_context(jurisdiction.code if jurisdiction is not None else None, language)


def apply_normalized_date(event, normalized):
    event.date_start = normalized.start
    event.date_end = normalized.end
    event.date_precision = normalized.precision
    event.date_approximate = normalized.approximate
    event.date_ambiguous = normalized.ambiguous


def apply_date_text(event, *, reference=None, language=None):
    """Normalize ``event.date_text`` into the event's date fields and return the result.

    Relative text ("last Monday") is read against ``reference``, else the event's own
    ``date_reference``; numeric order and languages come from the event's jurisdiction.
    Raises ``dates.DateNormalizationError`` with the reason; the event is then left unchanged.
    """
    context = date_context_for(event.jurisdiction, language)
    normalized = dates.normalize_date(
        event.date_text,
        reference=reference or event.date_reference,
        languages=context.languages,
        date_order=context.date_order,
    )
    apply_normalized_date(event, normalized)
    return normalized


def publishable(queryset):
    """Events that may be published: a source, and a date that is not waiting for review."""
    return queryset.filter(citations__isnull=False, date_ambiguous=False).distinct()


def publish_events(queryset):
    """Publish what may be published; returns (number published, events left as they were)."""
    from django.utils import timezone

    from .models import Event, EventStatus

    ready_ids = list(publishable(queryset).values_list("pk", flat=True))
    published = Event.objects.filter(pk__in=ready_ids).update(
        status=EventStatus.PUBLISHED, updated_at=timezone.now()
    )
    skipped = list(queryset.exclude(pk__in=ready_ids))
    return published, skipped


def unpublish_events(queryset):
    from django.utils import timezone

    from .models import EventStatus

    return queryset.exclude(status=EventStatus.DRAFT).update(
        status=EventStatus.DRAFT, updated_at=timezone.now()
    )
