"""Writes to events that the admin, the API and the importer share: saving an event from values,
publishing and unpublishing. The rules they follow are in ``editorial``."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from .. import dates
from ..control_characters import strip_control_characters
from ..matching import normalize_url
from ..models import Citation, Event, EventStatus, Source
from .date_context import normalize_in_context
from .editorial import (
    ambiguous_date_message,
    change_errors,
    publishable,
    retraction_note_errors,
    source_required_errors,
    status_change_errors,
)


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
    normalized = normalize_in_context(
        event.date_text,
        reference=reference or event.date_reference,
        jurisdiction=event.jurisdiction,
        language=language,
    )
    apply_normalized_date(event, normalized)
    return normalized


def _set_status(events, status, reason):
    # One save per event so that each change leaves a history entry with its author.
    for event in events:
        event.status = status
        event._change_reason = reason
        event.save(update_fields=["status", "updated_at"])


def publish_events(queryset):
    """Publish what may be published; returns (number published, events left as they were)."""
    ready = list(publishable(queryset).exclude(status=EventStatus.PUBLISHED))
    _set_status(ready, EventStatus.PUBLISHED, "Published")
    ready_ids = {event.pk for event in ready}
    skipped = [event for event in queryset.exclude(status=EventStatus.PUBLISHED) if event.pk not in ready_ids]
    return len(ready), skipped


def unpublish_events(queryset):
    events = list(queryset.filter(status=EventStatus.PUBLISHED))
    _set_status(events, EventStatus.DRAFT, "Unpublished")
    return len(events)


# --- API writes: create or update one event from validated values ---


def _date_inputs_changed(event, values):
    return any(
        name in values and values[name] != getattr(event, name)
        for name in ("date_text", "date_reference", "jurisdiction")
    )


def _source_for(values, index, errors):
    url = (values.get("url") or "").strip()
    try:
        normalized = normalize_url(url)
    except ValueError as error:
        errors.setdefault("sources", {})[index] = {"url": [str(error)]}
        return None
    source = Source.objects.filter(normalized_url=normalized).first()
    if source is None:
        try:
            source = Source.objects.create(
                url=url,
                outlet=values.get("outlet") or "",
                title=values.get("title") or "",
                published=values.get("published"),
            )
        except IntegrityError:  # created meanwhile by another writer
            source = Source.objects.get(normalized_url=normalized)
    else:
        # Fill what the stored source lacks; never overwrite what an editor wrote.
        changed = [
            name
            for name in ("outlet", "title", "published")
            if values.get(name) and not getattr(source, name) and not setattr(source, name, values[name])
        ]
        if changed:
            source.save(update_fields=[*changed, "updated_at"])
    return source


def _rule_errors(event, user, old_status, old_note, values, sources):
    """The editorial rules' objections to ``event`` as changed by ``values``, by field."""
    errors = {}
    if note_errors := retraction_note_errors(user, old_note, values.get("retraction_note", old_note)):
        errors["retraction_note"] = note_errors
    status_errors = status_change_errors(
        user, old_status, event.status, retraction_note=event.retraction_note or ""
    )
    if status_errors:
        errors["status"] = status_errors
    if event.pk and event.responds_to_id == event.pk:
        errors["responds_to"] = ["An event cannot respond to itself."]
    if event.status == EventStatus.PUBLISHED:
        has_source = bool(sources) if sources is not None else bool(event.pk and event.citations.exists())
        if source_errors := source_required_errors(event.status, has_source=has_source):
            errors["sources"] = source_errors
    return errors


def _date_errors(event, language):
    """Why the event's date text cannot be used (empty: it was read into the date fields)."""
    try:
        normalized = apply_date_text(event, language=language)
    except dates.DateNormalizationError as error:
        return [str(error)]
    return [ambiguous_date_message(event.date_text, normalized)] if normalized.ambiguous else []


def _replace_citations(event, sources):
    errors = {}
    rows = [(_source_for(item, index, errors), item) for index, item in enumerate(sources)]
    if errors:
        raise ValidationError(errors)
    event.citations.all().delete()
    Citation.objects.bulk_create(
        Citation(
            event=event,
            source=source,
            # bulk_create sends no pre_save: the control characters are cleaned here.
            quote=strip_control_characters(item.get("quote") or ""),
            speaker=strip_control_characters(item.get("speaker") or ""),
        )
        for source, item in rows
    )


def save_event(event=None, *, values, language=None, user=None):
    """Create (``event`` None) or update an event; returns it saved.

    ``values`` holds model field values (related rows as instances) plus optional
    ``organizations`` (list) and ``sources`` (list of dicts: url, outlet, title, published, quote,
    speaker; replaces the event's citations). The date fields come from ``date_text`` through
    ``apply_date_text`` with the jurisdiction's date context whenever the text, the reference or
    the jurisdiction change. Status changes follow ``status_change_errors`` for ``user`` (the
    admin's rule: only reviewers publish, unpublish or retract). Raises
    ``django.core.exceptions.ValidationError`` with a message per field: unreadable or ambiguous
    date, a status the user may not set, a published event without a source, a duplicate.
    """
    values = dict(values)
    organizations = values.pop("organizations", None)
    sources = values.pop("sources", None)
    creating = event is None
    event = event if event is not None else Event()
    old_status = EventStatus.DRAFT if creating else event.status
    old_note = event.retraction_note or ""
    denied = change_errors(user, old_status)
    if denied:
        raise PermissionDenied(denied[0])
    redo_date = creating or bool(language) or _date_inputs_changed(event, values)
    for name, value in values.items():
        setattr(event, name, value)

    errors = _rule_errors(event, user, old_status, old_note, values, sources)
    if redo_date and (date_errors := _date_errors(event, language)):
        errors["date_text"] = date_errors
    if errors:
        raise ValidationError(errors)

    event.fingerprint = event.compute_fingerprint()
    try:
        # Generated fields are the database's to fill: they hold nothing to validate before saving.
        event.full_clean(exclude=[field.name for field in Event._meta.concrete_fields if field.generated])
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error

    try:
        with transaction.atomic():
            event.save()
            if organizations is not None:
                event.organizations.set(organizations)
            if sources is not None:
                _replace_citations(event, sources)
    except IntegrityError as error:
        raise ValidationError(
            {"non_field_errors": [f"The event conflicts with another one: {error}"]}
        ) from error
    except ValidationError:
        if creating:
            event.pk = None
        raise
    return event
