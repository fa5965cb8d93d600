"""Backup archives: everything an organization needs to restore its tracker into an empty install.

An archive is JSON Lines: a header line (format, version, counts, the usernames that history
entries name) followed by Django's JSON Lines serialization of every jurisdiction, organization,
law, source, event, citation, deletion tombstone and their change history. Passwords and import
staging rows are not part of it. Restoring recreates the rows under their original ids, creates
missing history authors as users who cannot log in, and resets database sequences.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from . import models

FORMAT = "policy-timeline-archive"
VERSION = 1


class ArchiveError(ValueError):
    pass


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def archived_models():
    """Models in the order they can be restored: what is referenced comes first."""
    main = [
        models.Jurisdiction,
        models.Organization,
        models.OrganizationName,
        models.Law,
        models.Source,
        models.Event,
        models.Citation,
        models.EventTombstone,
    ]
    histories = [model.history.model for model in main if hasattr(model, "history")]
    return main + histories


def write_archive(stream):
    """Write the archive to a text stream; returns the counts per model label."""
    user_model = get_user_model()
    counts = {model._meta.label: model._default_manager.count() for model in archived_models()}
    author_ids = set()
    for model in archived_models():
        if hasattr(model, "history_user"):
            author_ids |= set(model.objects.exclude(history_user=None).values_list("history_user", flat=True))
    usernames = sorted(user_model.objects.filter(pk__in=author_ids).values_list("username", flat=True))
    header = {"format": FORMAT, "version": VERSION, "counts": counts, "users": usernames}
    stream.write(json.dumps(header) + "\n")
    for model in archived_models():
        serializers.serialize(
            "jsonl",
            model._default_manager.order_by("pk").iterator(chunk_size=2000),
            stream=stream,
            use_natural_foreign_keys=True,
            cls=ExactJSONEncoder,
        )
    return counts


def _read_header(line):
    try:
        header = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArchiveError(f"the first line is not JSON: {error}") from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ArchiveError("this is not a Policy Timeline archive (its first line does not say so)")
    if header.get("version") != VERSION:
        raise ArchiveError(f"archive version {header.get('version')!r} is not supported (expected {VERSION})")
    return header


@transaction.atomic
def restore_archive(stream):
    """Restore an archive into an install that has no events yet; returns the counts restored."""
    header = _read_header(stream.readline())
    if models.Event.objects.exists() or models.Organization.objects.exists():
        raise ArchiveError("restore needs an empty install: this one already has events or organizations")
    user_model = get_user_model()
    for username in header.get("users", []):
        user, created = user_model.objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
    # The migrations' default jurisdictions give way to the archived ones, ids included.
    models.Jurisdiction.objects.update(parent=None)
    models.Jurisdiction.objects.all().delete()

    counts = {}
    # Foreign keys are checked at commit (Django creates them deferred), so a row may point to
    # one restored after it: an event answering a later one, a parent with a higher id.
    try:
        for deserialized in serializers.deserialize("jsonl", stream):
            # A raw save keeps every value as archived: no auto_now, no history entry of its own.
            deserialized.save()
            label = deserialized.object._meta.label
            counts[label] = counts.get(label, 0) + 1
    except serializers.base.DeserializationError as error:
        raise ArchiveError(f"the archive is damaged: {error}") from error

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), archived_models()):
            cursor.execute(statement)
    expected = {label: count for label, count in header.get("counts", {}).items() if count}
    if counts != expected:
        raise ArchiveError(f"the archive is incomplete: header promised {expected}, found {counts}")
    return counts
