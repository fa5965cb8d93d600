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


PUBLISH_PERMISSION = "timeline.publish_event"


def can_publish(user):
    """Reviewers publish and retract; editors write drafts."""
    return user is not None and user.has_perm(PUBLISH_PERMISSION)


def status_change_errors(user, old_status, new_status, *, retraction_note=""):
    """Why ``user`` may not move an event from ``old_status`` to ``new_status`` (empty: allowed)."""
    from .models import EventStatus

    if new_status == old_status:
        return []
    public_statuses = (EventStatus.PUBLISHED, EventStatus.RETRACTED)
    if (new_status in public_statuses or old_status in public_statuses) and not can_publish(user):
        return ["Only a reviewer can publish, unpublish or retract an event."]
    if new_status == EventStatus.RETRACTED and not retraction_note.strip():
        return ["A retracted event needs a public note saying why."]
    return []


def change_errors(user, stored_status):
    """Why ``user`` may not change an event whose stored status is ``stored_status`` (empty: allowed).

    What the public reads is a reviewer's to change: an editor edits drafts, and a published or
    retracted event changes only when a reviewer makes (or accepts) the change.
    """
    from .models import EventStatus

    if stored_status in (EventStatus.PUBLISHED, EventStatus.RETRACTED) and not can_publish(user):
        return [
            f"The event is {stored_status}: only a reviewer can change what the public reads. "
            "Ask a reviewer to make the change, or to unpublish the event so that you can edit it."
        ]
    return []


def publishable(queryset):
    """Events that may be published: a source, and a date that is not waiting for review."""
    return queryset.filter(citations__isnull=False, date_ambiguous=False).distinct()


def _set_status(events, status, reason):
    # One save per event so that each change leaves a history entry with its author.
    for event in events:
        event.status = status
        event._change_reason = reason
        event.save(update_fields=["status", "updated_at"])


def publish_events(queryset):
    """Publish what may be published; returns (number published, events left as they were)."""
    from .models import EventStatus

    ready = list(publishable(queryset).exclude(status=EventStatus.PUBLISHED))
    _set_status(ready, EventStatus.PUBLISHED, "Published")
    ready_ids = {event.pk for event in ready}
    skipped = [event for event in queryset.exclude(status=EventStatus.PUBLISHED) if event.pk not in ready_ids]
    return len(ready), skipped


def unpublish_events(queryset):
    from .models import EventStatus

    events = list(queryset.filter(status=EventStatus.PUBLISHED))
    _set_status(events, EventStatus.DRAFT, "Unpublished")
    return len(events)


# --- API writes: create or update one event from validated values ---

AMBIGUOUS_DATE_MESSAGE = (
    "{text!r} can be read two ways ({reason}); write it as YYYY-MM-DD or a month name, "
    "or give the jurisdiction whose date order it follows"
)


def _date_inputs_changed(event, values):
    return any(
        name in values and values[name] != getattr(event, name)
        for name in ("date_text", "date_reference", "jurisdiction")
    )


def _source_for(values, index, errors):
    from django.db import IntegrityError

    from .matching import normalize_url
    from .models import Source

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
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.db import IntegrityError, transaction

    from .models import Citation, Event, EventStatus

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

    errors = {}
    if values.get("retraction_note", old_note) != old_note and not can_publish(user):
        errors["retraction_note"] = ["Only a reviewer can write the public note of a retraction."]
    status_errors = status_change_errors(
        user, old_status, event.status, retraction_note=event.retraction_note or ""
    )
    if status_errors:
        errors["status"] = status_errors
    if redo_date:
        try:
            normalized = apply_date_text(event, language=language)
        except dates.DateNormalizationError as error:
            errors["date_text"] = [str(error)]
        else:
            if normalized.ambiguous:
                reason = getattr(normalized, "note", "") or "day and month could be swapped"
                errors["date_text"] = [AMBIGUOUS_DATE_MESSAGE.format(text=event.date_text, reason=reason)]
    if event.pk and event.responds_to_id == event.pk:
        errors["responds_to"] = ["An event cannot respond to itself."]
    if event.status == EventStatus.PUBLISHED:
        has_source = bool(sources) if sources is not None else bool(event.pk and event.citations.exists())
        if not has_source:
            errors["sources"] = ["A published event needs at least one source."]
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
                source_errors = {}
                rows = [(_source_for(item, index, source_errors), item) for index, item in enumerate(sources)]
                if source_errors:
                    raise ValidationError(source_errors)
                event.citations.all().delete()
                Citation.objects.bulk_create(
                    Citation(
                        event=event,
                        source=source,
                        quote=item.get("quote") or "",
                        speaker=item.get("speaker") or "",
                    )
                    for source, item in rows
                )
    except IntegrityError as error:
        raise ValidationError(
            {"non_field_errors": [f"The event conflicts with another one: {error}"]}
        ) from error
    except ValidationError:
        if creating:
            event.pk = None
        raise
    return event
