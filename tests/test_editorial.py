"""The editorial workflow: editors write drafts, reviewers publish and retract, history keeps all."""

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, OrganizationFactory, SourceFactory
from tests.test_admin import add_event, event_form
from timeline.models import Event

pytestmark = pytest.mark.django_db


def change_event(client, event, **changes):
    data = event_form(
        event.actor,
        date_text=event.date_text,
        status=event.status,
        **{"citations-TOTAL_FORMS": "0", "title": event.title},
    )
    data.update({"retraction_note": event.retraction_note, "change_note": ""})
    data.update(changes)
    return client.post(reverse("admin:timeline_event_change", args=[event.pk]), data)


def test_an_editor_cannot_publish_from_the_form(editor_client):
    data = event_form(
        OrganizationFactory(), date_text="July 2020", status="published", source=SourceFactory()
    )
    assert add_event(editor_client, data).status_code == 302
    assert Event.objects.get().status == "draft"


def test_an_editor_has_no_publish_action(editor_client):
    event = CitationFactory(event__status="draft").event
    response = editor_client.post(
        reverse("admin:timeline_event_changelist"), {"action": "publish", "_selected_action": [event.pk]}
    )
    event.refresh_from_db()
    assert event.status == "draft"
    assert response.status_code == 200  # the changelist again: the action is not offered


def test_an_editor_reads_but_cannot_change_a_published_event(editor_client):
    event = CitationFactory(event__status="published", event__title="As reviewed").event
    page = editor_client.get(reverse("admin:timeline_event_change", args=[event.pk]))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert b'name="title"' not in page.content
    response = change_event(editor_client, event, title="Rewritten, unreviewed")
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "As reviewed"


def test_an_editor_changes_a_draft(editor_client):
    draft = CitationFactory(event__status="draft").event
    assert change_event(editor_client, draft, title="Draft, edited").status_code == 302


def test_a_reviewer_changes_a_published_event(reviewer_client):
    citation = CitationFactory(event__status="published")
    published = citation.event
    kept_citation = {
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "1",
        "citations-0-id": citation.pk,
        "citations-0-event": published.pk,
        "citations-0-source": citation.source_id,
    }
    response = change_event(reviewer_client, published, title="Published, edited", **kept_citation)
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "Published, edited"


def test_a_reviewer_cannot_publish_an_event_without_a_source(reviewer_client):
    event = EventFactory(status="draft")
    response = change_event(reviewer_client, event, status="published")
    assert response.status_code == 200
    assert "needs at least one source" in response.content.decode()
    event.refresh_from_db()
    assert event.status == "draft"


def test_retracting_needs_a_public_note(reviewer_client):
    event = CitationFactory(event__status="published").event
    response = change_event(reviewer_client, event, status="retracted")
    assert response.status_code == 200
    assert "needs a public note" in response.content.decode()

    response = change_event(
        reviewer_client,
        event,
        status="retracted",
        retraction_note="The company denied the report; the source corrected it.",
        **{
            "citations-TOTAL_FORMS": "1",
            "citations-INITIAL_FORMS": "1",
            "citations-0-id": event.citations.get().pk,
            "citations-0-event": event.pk,
            "citations-0-source": event.citations.get().source_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.status == "retracted"
    assert Event.objects.filter(pk=event.pk).exists()  # kept, never silently deleted
    assert event not in Event.objects.public()


def test_every_admin_edit_leaves_a_history_entry_with_its_author(editor_client, editor):
    data = event_form(OrganizationFactory(), date_text="July 2020")
    add_event(editor_client, data)
    event = Event.objects.get()
    change_event(editor_client, event, title="A clearer title", change_note="Title said who acted")
    records = list(event.history.order_by("history_date"))
    assert [record.history_type for record in records] == ["+", "~"]
    assert {record.history_user for record in records} == {editor}
    assert records[-1].title == "A clearer title"
    assert records[-1].history_change_reason == "Title said who acted"
    history_page = editor_client.get(reverse("admin:timeline_event_history", args=[event.pk]))
    assert "Title said who acted" in history_page.content.decode()


def test_publishing_from_the_action_is_in_the_history(reviewer_client, reviewer):
    event = CitationFactory(event__status="draft").event
    reviewer_client.post(
        reverse("admin:timeline_event_changelist"), {"action": "publish", "_selected_action": [event.pk]}
    )
    latest = event.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        "published",
        reviewer,
        "Published",
    )


def test_the_event_page_shows_when_it_last_changed_and_why(client, reviewer_client):
    event = CitationFactory(event__status="published").event
    response = change_event(
        reviewer_client,
        event,
        summary="Corrected: the pause covers WhatsApp too.",
        change_note="Added WhatsApp after the company confirmed",
        **{
            "citations-TOTAL_FORMS": "1",
            "citations-INITIAL_FORMS": "1",
            "citations-0-id": event.citations.get().pk,
            "citations-0-event": event.pk,
            "citations-0-source": event.citations.get().source_id,
        },
    )
    assert response.status_code == 302
    reviewer_client.logout()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Last updated" in page
    assert "Added WhatsApp after the company confirmed" in page


def test_a_retracted_event_leaves_every_list_but_keeps_its_permalink_and_sync_record(client, reviewer_client):
    from django.utils import timezone

    event = CitationFactory(event__status="published", event__title="Platform pauses requests").event
    since = timezone.now()
    citation = event.citations.get()
    response = change_event(
        reviewer_client,
        event,
        status="retracted",
        retraction_note="The platform denied it; the outlet corrected its story.",
        **{
            "citations-TOTAL_FORMS": "1",
            "citations-INITIAL_FORMS": "1",
            "citations-0-id": citation.pk,
            "citations-0-event": event.pk,
            "citations-0-source": citation.source_id,
        },
    )
    assert response.status_code == 302
    reviewer_client.logout()

    permalink = client.get(event.get_absolute_url())
    assert permalink.status_code == 410
    assert "retracted" in permalink.content.decode()
    assert "The platform denied it" in permalink.content.decode()
    for url in (reverse("timeline:timeline"), reverse("timeline:feed_atom"), reverse("timeline:export_csv")):
        body = b"".join(client.get(url)) if url.endswith(".csv") else client.get(url).content
        assert b"Platform pauses requests" not in body, url
    api_list = client.get("/api/v1/events/").json()
    assert event.pk not in [row["id"] for row in api_list["results"]]
    assert client.get(f"/api/v1/events/{event.pk}/").status_code == 404
    removed = client.get("/api/v1/events/removed/", {"since": since.isoformat()}).json()["results"]
    assert {"id": event.pk, "reason": "retracted"}.items() <= removed[0].items()
