"""The editorial rules of an import: whose rights a row acts with, and what they let it change.

The rules themselves live in ``timeline.services`` (``can_publish``, ``change_errors``,
``status_change_errors``); this module applies them to import rows and names the person and the
row in the history records the write step produces.
"""

from django.contrib.auth import get_user_model

from ..models import EventStatus
from ..services import can_publish, change_errors, status_change_errors

REASON_LENGTH = 100  # simple_history's history_change_reason


class Editorial:
    """Who a row is processed as, and what that person may do to events.

    That is the row's ``run_by``: whoever uploaded the file or last re-ran the row, never merely
    the batch's creator. A row staged by no one (the command line, the seeds) is trusted; a user
    who cannot publish (``services.can_publish``) writes drafts, never changes a public status and
    never changes a published or retracted event (``services.change_errors``). A row whose person
    was deleted since it was queued has the rights of no one.

    Events are plain dicts of column values here (``status`` is what these rules read).
    """

    def __init__(self, batch=None, user=None, *, trusted=None):
        self.user = user
        self.file_name = batch.file_name if batch is not None else ""
        trusted = user is None if trusted is None else trusted
        self.restricted = not trusted and not can_publish(user)

    @property
    def user_id(self):
        return self.user.pk if self.user is not None else None

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

    def change_blocked(self, item, stored_status):
        """Whether the row may not change an event of ``stored_status`` at all; the row then waits
        for a reviewer."""
        if not self.restricted:
            return False
        errors = change_errors(self.user, stored_status)
        for error in errors:
            item.error(None, f"{error} The row is kept for a reviewer to re-run.", code="reviewer")
        return bool(errors)

    def reason(self, row_number, what=""):
        # The history's change reason holds 100 characters: a long file name gives way, not the row.
        tail = f", row {row_number}{what}"
        room = REASON_LENGTH - len("Imported from ") - len(tail)
        name = self.file_name if len(self.file_name) <= room else self.file_name[: room - 1] + "…"
        return (f"Imported from {name}{tail}" if name else f"Imported{tail}")[:REASON_LENGTH]

    def signature(self, row_number, what=""):
        """The history columns that name this person and the row for a record it writes."""
        return {"history_user_id": self.user_id, "history_change_reason": self.reason(row_number, what)}

    def sign(self, event, row_number, what=""):
        """Mark a model instance so that its next history record names this person and the row."""
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

    def update_status(self, item, stored_status):
        """The status the row may set on an event of ``stored_status`` ("" keeps the event's own)."""
        status = item.status
        if not status or not self.restricted or status == stored_status:
            return status
        errors = status_change_errors(self.user, stored_status, status)
        if errors:
            item.warn(
                "status",
                f"the status stays {stored_status} (the row asks {status}): {errors[0]} "
                "A reviewer must change it.",
            )
            return ""
        return status
