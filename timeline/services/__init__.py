"""Writes to events and the rules they follow, shared by the admin, the API and the importer.

- ``editorial``: who may publish, change and retract events; what an ambiguous date blocks.
- ``date_context``: a date as written, normalized in a jurisdiction's context.
- ``event_writes``: saving an event from values, publishing and unpublishing.

The names below are the services' public interface; callers import them from here.
"""

from .date_context import date_context_for, normalize_in_context, normalize_with
from .editorial import (
    AMBIGUOUS_DATE_MESSAGE,
    PUBLISH_PERMISSION,
    ambiguous_date_message,
    can_publish,
    change_errors,
    initial_status,
    public_fact_errors,
    publishable,
    retraction_note_errors,
    source_required_errors,
    status_change_errors,
)
from .event_writes import (
    apply_date_text,
    apply_normalized_date,
    publish_events,
    save_event,
    unpublish_events,
)

__all__ = [
    "AMBIGUOUS_DATE_MESSAGE",
    "PUBLISH_PERMISSION",
    "ambiguous_date_message",
    "apply_date_text",
    "apply_normalized_date",
    "can_publish",
    "change_errors",
    "date_context_for",
    "initial_status",
    "normalize_in_context",
    "normalize_with",
    "public_fact_errors",
    "publish_events",
    "publishable",
    "retraction_note_errors",
    "save_event",
    "source_required_errors",
    "status_change_errors",
    "unpublish_events",
]
