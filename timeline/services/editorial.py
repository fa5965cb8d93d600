"""The editorial rules: who may publish, change and retract events, and what a date that can be
read two ways blocks. One definition that the admin form, ``save_event`` (the API) and the
importer call.

- Reviewers (the ``timeline.publish_event`` permission) publish, unpublish and retract; editors
  write drafts.
- What the public reads (a published or retracted event) changes only when a reviewer changes it.
- A retraction carries a public note saying why; only reviewers write it.
- An ambiguous date ("05/07/2020" with no date order) is never published, and one message names
  the engine's reason and how to settle it. The admin still saves it as a draft (a person is there
  to confirm it; ``publishable`` keeps it from being published); the API and the importer refuse
  it until the text or the jurisdiction settles the order.
- A published event cites at least one source; an event may be published when it cites a source
  and its date is not waiting for review.
"""

from ..models import EventStatus

PUBLISH_PERMISSION = "timeline.publish_event"
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.RETRACTED)
AMBIGUOUS_DATE_MESSAGE = (
    "{text!r} can be read two ways ({reason}); write it as YYYY-MM-DD or a month name, "
    "or give the jurisdiction whose date order it follows"
)
# What the engine's note says when it gives none.
SWAPPABLE = "day and month could be swapped"


def can_publish(user):
    """Reviewers publish and retract; editors write drafts."""
    return user is not None and user.has_perm(PUBLISH_PERMISSION)


def status_change_errors(user, old_status, new_status, *, retraction_note=""):
    """Why ``user`` may not move an event from ``old_status`` to ``new_status`` (empty: allowed)."""
    if new_status == old_status:
        return []
    if (new_status in PUBLIC_STATUSES or old_status in PUBLIC_STATUSES) and not can_publish(user):
        return ["Only a reviewer can publish, unpublish or retract an event."]
    if new_status == EventStatus.RETRACTED and not retraction_note.strip():
        return ["A retracted event needs a public note saying why."]
    return []


def change_errors(user, stored_status):
    """Why ``user`` may not change an event whose stored status is ``stored_status`` (empty: allowed).

    What the public reads is a reviewer's to change: an editor edits drafts, and a published or
    retracted event changes only when a reviewer makes (or accepts) the change.
    """
    if stored_status in PUBLIC_STATUSES and not can_publish(user):
        return [
            f"The event is {stored_status}: only a reviewer can change what the public reads. "
            "Ask a reviewer to make the change, or to unpublish the event so that you can edit it."
        ]
    return []


def public_fact_errors(user, *, named_by_public_event):
    """Why ``user`` may not change an organization, law or source (empty: allowed).

    The name of an organization, a law's title or a source a published event cites is part of
    what the public reads, so it is a reviewer's to change, as the event is.
    """
    if named_by_public_event and not can_publish(user):
        return [
            "A published event names it: only a reviewer can change what the public reads. "
            "Ask a reviewer to make the change."
        ]
    return []


def retraction_note_errors(user, old_note, new_note):
    """Why ``user`` may not change the public note of a retraction (empty: allowed)."""
    if (new_note or "") != (old_note or "") and not can_publish(user):
        return ["Only a reviewer can write the public note of a retraction."]
    return []


def initial_status(requested, *, may_publish, has_source):
    """The status a new event from a batch gets, and why it differs from ``requested``.

    ``requested`` empty means published. Without a source, or written by someone who may not
    publish (``may_publish`` false), anything but a draft is saved as a draft: returns
    ``(status, reasons)`` where ``reasons`` are "no-source" and "may-not-publish" as they applied.
    """
    status = requested or EventStatus.PUBLISHED
    reasons = []
    if status == EventStatus.PUBLISHED and not has_source:
        status = EventStatus.DRAFT
        reasons.append("no-source")
    if not may_publish and status != EventStatus.DRAFT:
        status = EventStatus.DRAFT
        reasons.append("may-not-publish")
    return status, reasons


def ambiguous_date_message(text, normalized):
    """What an editor reads about a date that can be read two ways, with the engine's reason."""
    reason = normalized.note or SWAPPABLE
    return AMBIGUOUS_DATE_MESSAGE.format(text=text, reason=reason)


def source_required_errors(status, *, has_source):
    """Why an event with ``status`` cannot be saved without a source (empty: it can)."""
    if status == EventStatus.PUBLISHED and not has_source:
        return ["A published event needs at least one source."]
    return []


def publishable(queryset):
    """Events that may be published: a source, and a date that is not waiting for review."""
    return queryset.filter(citations__isnull=False, date_ambiguous=False).distinct()
