"""The services on their own: the editorial rules, a date read in a jurisdiction's context, and
event writes (the admin, the API and the importer call these)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import CitationFactory, EventFactory, OrganizationFactory
from timeline import dates, services
from timeline.models import Event, EventStatus, Jurisdiction

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED, RETRACTED = EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.RETRACTED


# --- editorial rules ---------------------------------------------------------------------------


def test_only_reviewers_publish(editor, reviewer):
    assert services.can_publish(reviewer)
    assert not services.can_publish(editor)
    assert not services.can_publish(None)


@pytest.mark.parametrize(
    ("old", "new"), [(DRAFT, PUBLISHED), (PUBLISHED, DRAFT), (DRAFT, RETRACTED), (PUBLISHED, RETRACTED)]
)
def test_an_editor_cannot_move_an_event_into_or_out_of_public_view(editor, reviewer, old, new):
    assert services.status_change_errors(editor, old, new, retraction_note="Why") != []
    assert services.status_change_errors(reviewer, old, new, retraction_note="Why") == []


def test_a_retraction_needs_a_note(reviewer):
    assert services.status_change_errors(reviewer, PUBLISHED, RETRACTED, retraction_note="  ") == [
        "A retracted event needs a public note saying why."
    ]


@pytest.mark.parametrize("stored", [PUBLISHED, RETRACTED])
def test_what_the_public_reads_is_a_reviewers_to_change(editor, reviewer, stored):
    assert "only a reviewer" in services.change_errors(editor, stored)[0]
    assert services.change_errors(reviewer, stored) == []
    assert services.change_errors(editor, DRAFT) == []


def test_only_a_reviewer_writes_the_retraction_note(editor, reviewer):
    assert services.retraction_note_errors(editor, "", "Made up")
    assert services.retraction_note_errors(editor, "Kept", "Kept") == []
    assert services.retraction_note_errors(reviewer, "", "Noted") == []


@pytest.mark.parametrize(
    ("requested", "may_publish", "has_source", "expected"),
    [
        ("", True, True, (PUBLISHED, [])),
        ("", True, False, (DRAFT, ["no-source"])),
        (PUBLISHED, False, True, (DRAFT, ["may-not-publish"])),
        (RETRACTED, False, True, (DRAFT, ["may-not-publish"])),
        (DRAFT, False, False, (DRAFT, [])),
        (RETRACTED, True, False, (RETRACTED, [])),
    ],
)
def test_the_initial_status_of_an_imported_event(requested, may_publish, has_source, expected):
    assert services.initial_status(requested, may_publish=may_publish, has_source=has_source) == expected


def test_a_published_event_needs_a_source():
    assert services.source_required_errors(PUBLISHED, has_source=False)
    assert services.source_required_errors(PUBLISHED, has_source=True) == []
    assert services.source_required_errors(DRAFT, has_source=False) == []


def test_the_ambiguous_date_message_names_the_engines_reason():
    normalized = dates.normalize_date("05/07/2020")
    message = services.ambiguous_date_message("05/07/2020", normalized)
    assert "5 July or 7 May" in message and "'05/07/2020' can be read two ways" in message


def test_only_sourced_events_with_a_settled_date_are_publishable():
    ready = CitationFactory(event__status=DRAFT).event
    unsourced = EventFactory(status=DRAFT)
    ambiguous = CitationFactory(event__status=DRAFT, event__date_ambiguous=True).event
    assert list(services.publishable(Event.objects.all())) == [ready]
    published, skipped = services.publish_events(
        Event.objects.filter(pk__in=[ready.pk, unsourced.pk, ambiguous.pk])
    )
    assert published == 1 and {e.pk for e in skipped} == {unsourced.pk, ambiguous.pk}


# --- a date in a jurisdiction's context ----------------------------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "start"), [("HK", datetime.date(2020, 7, 5)), ("US", datetime.date(2020, 5, 7))]
)
def test_numeric_dates_follow_the_jurisdictions_order(jurisdiction, start):
    assert services.normalize_in_context("05/07/2020", jurisdiction=jurisdiction).start == start


def test_a_jurisdiction_row_and_its_code_read_alike():
    hk = Jurisdiction.objects.get(code="HK")
    assert services.normalize_in_context("05/07/2020", jurisdiction=hk) == services.normalize_in_context(
        "05/07/2020", jurisdiction="hk"
    )


def test_without_a_jurisdiction_the_order_stays_open():
    assert services.normalize_in_context("05/07/2020").ambiguous


def test_the_language_reads_words_and_relative_text_uses_the_reference():
    assert services.normalize_in_context("6. Juli 2020", language="de").start == datetime.date(2020, 7, 6)
    found = services.normalize_in_context("yesterday", reference=datetime.date(2020, 7, 7))
    assert found.start == datetime.date(2020, 7, 6)


def test_unreadable_text_raises_with_the_reason():
    with pytest.raises(dates.DateNormalizationError):
        services.normalize_in_context("TBD")


# --- event writes --------------------------------------------------------------------------------


def values(**overrides):
    return {
        "title": "Pauses data requests",
        "action_type": "data_request_policy",
        "actor": OrganizationFactory(),
        "date_text": "July 2020",
        **overrides,
    }


def test_save_event_reads_the_date_and_saves_a_draft(editor):
    event = services.save_event(values=values(), user=editor)
    event.refresh_from_db()
    assert (event.status, event.date_precision, event.date_display) == (DRAFT, "month", "July 2020")


def test_save_event_refuses_an_editor_on_a_published_event(editor):
    event = CitationFactory(event__status=PUBLISHED).event
    with pytest.raises(PermissionDenied):
        services.save_event(event, values={"title": "Rewritten"}, user=editor)


def test_save_event_names_every_field_at_fault(editor):
    with pytest.raises(ValidationError) as raised:
        services.save_event(values=values(date_text="05/07/2020", status=PUBLISHED), user=editor)
    assert {"date_text", "status", "sources"} <= set(raised.value.message_dict)
    assert not Event.objects.exists()


def test_a_context_looked_up_once_reads_like_the_jurisdiction():
    context = services.date_context_for("US", None)
    assert services.normalize_with(context, "05/07/2020") == services.normalize_in_context(
        "05/07/2020", jurisdiction="US"
    )
