"""Imports follow the editorial rules, leave change history, refresh the public cache, keep limits."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import staff_in_group
from tests.factories import EventFactory
from timeline.cache import content_version
from timeline.importing.processing import batch_counts
from timeline.importing.readers import ImportFileError
from timeline.importing.staging import stage_file
from timeline.models import Event, EventStatus, ImportBatch, ImportRow

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def notes(import_row):
    return " | ".join(note["text"] for note in import_row.messages)


@pytest.fixture
def upload(stage):
    def run(rows, user=None, name="events.csv"):
        return stage(csv_bytes(rows), name=name, user=user)

    return run


# -- who may publish ---------------------------------------------------------------------------
def test_an_editor_imports_drafts_a_reviewer_must_publish(upload, editor):
    batch = upload([row(status="published"), row(id="ev-2", title="No status given")], user=editor)
    assert batch_counts(batch.pk)["created"] == 2
    assert set(Event.objects.values_list("status", flat=True)) == {EventStatus.DRAFT}
    for import_row in batch.rows.all():
        assert "a reviewer must publish it" in notes(import_row)


def test_an_editor_cannot_retract_through_an_import(upload, editor):
    batch = upload([row(status="retracted")], user=editor)
    assert Event.objects.get().status == EventStatus.DRAFT
    assert "a reviewer must retract it" in notes(batch.rows.get())


def test_an_editor_cannot_change_a_published_event_through_an_import(upload, editor, reviewer):
    upload([row(quote="As first reported")], user=reviewer)
    before = Event.objects.get()
    batch = upload(
        [row(title="Corrected title", status="draft", quote="A new quote")], user=editor, name="fix.csv"
    )
    import_row = batch.rows.get()
    assert import_row.status == "needs_review"
    assert "only a reviewer can change what the public reads" in notes(import_row)
    event = Event.objects.get()
    assert (event.title, event.status, event.updated_at) == (
        before.title,
        EventStatus.PUBLISHED,
        before.updated_at,
    )
    assert event.citations.get().quote == "As first reported"


def test_an_editor_reimporting_a_published_event_unchanged_is_fine(upload, editor, reviewer):
    upload([row()], user=reviewer)
    batch = upload([row()], user=editor, name="again.csv")
    assert batch.rows.get().status == "unchanged"


def test_an_editor_may_not_publish_an_existing_draft(upload, editor):
    draft = EventFactory(external_id="ev-1", status=EventStatus.DRAFT)
    batch = upload([row(status="published")], user=editor)
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT
    assert "the status stays draft" in notes(batch.rows.get())


def test_a_reviewer_publishes_and_a_batch_without_user_too(upload, reviewer):
    upload([row()], user=reviewer)
    upload([row(id="ev-2")])  # the command line and the seeds
    assert list(Event.objects.values_list("status", flat=True)) == [EventStatus.PUBLISHED] * 2


def test_a_row_without_a_source_stays_a_draft_for_a_reviewer_too(upload, reviewer):
    upload([row(source_url="", source_outlet="", source_title="")], user=reviewer)
    assert Event.objects.get().status == EventStatus.DRAFT


def test_a_user_who_lost_the_right_imports_drafts(upload, django_user_model):
    inactive = staff_in_group(django_user_model, "former", "reviewer")
    inactive.is_active = False
    inactive.save()
    upload([row()], user=inactive)
    assert Event.objects.get().status == EventStatus.DRAFT


# -- history -----------------------------------------------------------------------------------
def test_every_created_and_updated_event_has_history_with_author_and_row(upload, reviewer):
    upload([row(), row(id="ev-2", title="Second")], user=reviewer, name="first.csv")
    second = Event.objects.get(external_id="ev-2")
    (record,) = second.history.all()
    assert record.history_type == "+"
    assert record.history_user == reviewer
    assert record.history_change_reason == "Imported from first.csv, row 2"
    assert record.title == "Second"

    upload([row(id="ev-2", title="Second, corrected")], user=reviewer, name="fix.csv")
    latest = second.history.order_by("-history_id").first()
    assert latest.history_type == "~"
    assert latest.history_change_reason == "Imported from fix.csv, row 1"
    assert latest.title == "Second, corrected"
    assert latest.history_user == reviewer
    assert second.history.count() == 2


def test_the_history_record_is_the_one_saving_the_event_would_write(upload, reviewer, admin_client):
    """Written without model instances, the record still holds every tracked value of the event as
    stored, so the admin's history view and "as of" reads show the import like any other change."""
    upload([row(quote="We pause.", responds_to="")], user=reviewer, name="first.csv")
    event = Event.objects.get()
    record = event.history.get()
    for field in Event.history.model.tracked_fields:
        assert getattr(record, field.attname) == getattr(event, field.attname), field.attname
    assert event.history.as_of(record.history_date).title == event.title
    page = admin_client.get(reverse("admin:timeline_event_history", args=[event.pk]))
    assert page.status_code == 200
    assert "Imported from first.csv, row 1" in page.content.decode()


def test_an_unchanged_row_leaves_no_history(upload, reviewer):
    upload([row()], user=reviewer)
    upload([row()], user=reviewer)
    assert Event.history.count() == 1


def test_history_of_a_command_line_import_has_no_user(upload):
    upload([row()])
    record = Event.objects.get().history.get()
    assert record.history_user is None
    assert record.history_change_reason == "Imported from events.csv, row 1"


def test_a_long_file_name_keeps_the_row_in_the_reason(upload, reviewer):
    name = "x" * 200 + ".csv"
    upload([row()], user=reviewer, name=name)
    reason = Event.objects.get().history.get().history_change_reason
    assert len(reason) <= 100
    assert reason.startswith("Imported from xxx")
    assert reason.endswith("…, row 1")


def test_a_link_made_after_the_chunk_leaves_history(stage, reviewer, settings):
    settings.IMPORT_CHUNK_SIZE = 1
    rows = [row(id="answer", responds_to="law"), row(id="law", action_type="law_passed", title="Law")]
    stage(csv_bytes(rows), user=reviewer)
    answer = Event.objects.get(external_id="answer")
    assert answer.responds_to.external_id == "law"
    latest = answer.history.order_by("-history_id").first()
    assert latest.responds_to_id == answer.responds_to_id
    assert latest.history_user == reviewer
    assert latest.history_change_reason.startswith("Imported from events.csv, row 1: linked")


def test_a_link_within_the_chunk_is_in_the_history(upload, reviewer):
    upload([row(id="answer", responds_to="law"), row(id="law", action_type="law_passed")], user=reviewer)
    answer = Event.objects.get(external_id="answer")
    assert answer.responds_to is not None
    assert answer.history.order_by("-history_id").first().responds_to_id == answer.responds_to_id


# -- the public cache --------------------------------------------------------------------------
def test_an_import_that_writes_events_bumps_the_content_version(upload):
    upload([row()])
    before = content_version()
    # Nothing but the event changes: no organization, law or source is saved, no signal is sent.
    upload([row(title="Corrected")], name="fix.csv")
    assert content_version() > before


# -- limits ------------------------------------------------------------------------------------
def test_a_file_over_the_row_limit_is_refused_and_nothing_is_staged(settings):
    settings.IMPORT_MAX_ROWS = 3
    content = csv_bytes([row(id=f"ev-{n}") for n in range(4)])
    with pytest.raises(ImportFileError, match="more than 3 rows, over the import limit of 3 rows"):
        stage_file(io.BytesIO(content), file_name="big.csv")
    assert not ImportBatch.objects.exists()
    assert not ImportRow.objects.exists()
    batch = stage_file(io.BytesIO(csv_bytes([row(id=f"ev-{n}") for n in range(3)])), file_name="ok.csv")
    assert batch.total_rows == 3


def test_the_command_refuses_a_file_over_the_row_limit_in_one_line(settings, tmp_path):
    settings.IMPORT_MAX_ROWS = 2
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([row(id=f"ev-{n}") for n in range(3)]))
    with pytest.raises(CommandError) as raised:
        call_command("import_events", str(path), stdout=io.StringIO())
    assert raised.value.returncode == 1
    assert "over the import limit of 2 rows" in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not ImportBatch.objects.exists()
