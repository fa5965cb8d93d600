"""A re-run row acts with the rights of the person who re-runs it, whoever uploaded the file.

The security review's critical finding: an editor could publish, unpublish or rewrite any event by
correcting a row of a reviewer's (or the command line's) batch and re-running it, and the history
credited the batch's creator.
"""

import json

import pytest
from django.urls import reverse

from timeline.importing.staging import rerun_row, rerun_rows
from timeline.models import Event, EventStatus, ImportRow

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def rerun_in_admin(client, django_capture_on_commit_callbacks):
    """Correct a row's raw values in the admin as ``user`` and press "Save and re-run"."""

    def run(import_row, user, **changes):
        client.force_login(user)
        url = reverse("admin:timeline_importrow_change", args=[import_row.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"raw": json.dumps({**import_row.raw, **changes}), "_rerun": "1"})
        assert response.status_code == 302, response.content[:500]
        import_row.refresh_from_db()
        return import_row

    return run


def notes(import_row):
    return " | ".join(note["text"] for note in import_row.messages)


def test_an_editor_cannot_rewrite_a_reviewers_published_event_by_re_running_its_row(
    stage, reviewer, editor, rerun_in_admin
):
    batch = stage(csv_bytes([row()]), user=reviewer)
    published = Event.objects.get()
    assert published.status == EventStatus.PUBLISHED

    import_row = rerun_in_admin(batch.rows.get(), editor, title="Rewritten by an editor")

    assert import_row.status == "needs_review"
    assert import_row.run_by == editor
    assert "only a reviewer can change" in notes(import_row)
    event = Event.objects.get()
    assert (event.title, event.status) == (published.title, EventStatus.PUBLISHED)
    assert event.history.count() == published.history.count()


def test_an_editor_cannot_unpublish_by_re_running(stage, reviewer, editor, rerun_in_admin):
    batch = stage(csv_bytes([row()]), user=reviewer)
    import_row = rerun_in_admin(batch.rows.get(), editor, status="draft")
    assert Event.objects.get().status == EventStatus.PUBLISHED
    assert "the status stays published" in notes(import_row)


def test_an_editor_cannot_publish_by_re_running_a_command_line_row(stage, editor, rerun_in_admin):
    # A batch staged by no one (the command line, the seeds) is trusted; its re-run by an editor is not.
    batch = stage(csv_bytes([row(status="draft")]))
    assert Event.objects.get().status == EventStatus.DRAFT

    import_row = rerun_in_admin(batch.rows.get(), editor, status="published", title="Now public?")

    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT
    assert event.title == "Now public?"  # an editor may change a draft
    assert "the status stays draft" in notes(import_row)
    assert event.history.latest().history_user == editor


def test_a_new_event_from_an_editors_re_run_is_a_draft_credited_to_the_editor(
    stage, reviewer, editor, rerun_in_admin
):
    batch = stage(csv_bytes([row(raw_date="TBD")]), user=reviewer)
    import_row = rerun_in_admin(batch.rows.get(), editor, raw_date="July 6, 2020")
    assert import_row.status == "created"
    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT
    assert event.history.get().history_user == editor


def test_a_reviewer_re_running_an_editors_row_acts_as_the_reviewer(stage, reviewer, editor, rerun_in_admin):
    stage(csv_bytes([row()]), user=reviewer)
    batch = stage(csv_bytes([row(title="Corrected title")]), user=editor, name="fix.csv")
    assert batch.rows.get().status == "needs_review"

    import_row = rerun_in_admin(batch.rows.get(), reviewer)

    assert import_row.status == "updated"
    event = Event.objects.get()
    assert event.title == "Corrected title"
    assert event.history.latest().history_user == reviewer


def test_the_bulk_re_run_action_acts_as_who_presses_it(
    stage, reviewer, editor, client, django_capture_on_commit_callbacks
):
    batch = stage(csv_bytes([row()]), user=reviewer)
    ImportRow.objects.filter(batch=batch).update(raw={**row(), "status": "retracted", "title": "Gone"})
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:timeline_importrow_changelist"),
            {"action": "rerun", "_selected_action": [batch.rows.get().pk]},
        )
    assert batch.rows.get().run_by == editor
    assert Event.objects.get().status == EventStatus.PUBLISHED


def test_a_re_run_must_name_who_asks(stage):
    batch = stage(csv_bytes([row()]))
    with pytest.raises(ValueError, match="user"):
        rerun_rows(batch.rows.all(), user=None)
    with pytest.raises(ValueError, match="user"):
        rerun_row(batch.rows.get(), user=None)
