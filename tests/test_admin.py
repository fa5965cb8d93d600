import datetime

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, OrganizationFactory, SourceFactory
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db


def event_form(actor, *, date_text, status="draft", source=None, jurisdiction=None, **extra):
    data = {
        "title": "Facebook pauses Hong Kong data requests",
        "summary": "",
        "action_type": "data_request_policy",
        "status": status,
        "actor": actor.pk,
        "date_text": date_text,
        "date_reference": "",
        "jurisdiction": jurisdiction.pk if jurisdiction else "",
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-source": source.pk if source else "",
        "citations-0-quote": "",
        "citations-0-speaker": "",
        "_save": "Save",
    }
    data.update(extra)
    return data


def add_event(client, data):
    return client.post(reverse("admin:timeline_event_add"), data)


def test_editor_saves_a_long_form_date_and_gets_the_day(editor_client):
    actor = OrganizationFactory(name="Facebook")
    response = add_event(editor_client, event_form(actor, date_text="Monday, July 6, 2020"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert (event.date_start, event.date_end, event.date_precision) == (
        datetime.date(2020, 7, 6),
        datetime.date(2020, 7, 6),
        "day",
    )
    assert event.date_text == "Monday, July 6, 2020"


def test_editor_saves_a_month_and_gets_the_whole_month(editor_client):
    actor = OrganizationFactory()
    response = add_event(editor_client, event_form(actor, date_text="July 2020"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.date_start, event.date_end, event.date_precision) == (
        datetime.date(2020, 7, 1),
        datetime.date(2020, 7, 31),
        "month",
    )
    page = editor_client.get(reverse("admin:timeline_event_change", args=[event.pk]))
    assert "2020-07-01 to 2020-07-31, month precision" in page.content.decode()


def test_an_unparseable_date_is_a_form_error_that_keeps_the_text(editor_client):
    actor = OrganizationFactory()
    response = add_event(editor_client, event_form(actor, date_text="sometime after the vote"))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["date_text"]
    assert 'value="sometime after the vote"' in response.content.decode()
    assert not Event.objects.exists()


def test_a_date_that_names_no_date_is_refused(editor_client):
    response = add_event(editor_client, event_form(OrganizationFactory(), date_text="TBD"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date_text"]


def test_relative_text_is_read_against_the_reference_date(editor_client):
    data = event_form(OrganizationFactory(), date_text="last Monday", date_reference="2020-07-08")
    assert add_event(editor_client, data).status_code == 302
    assert Event.objects.get().date_start == datetime.date(2020, 7, 6)


def test_numeric_order_follows_the_jurisdiction(editor_client):
    hong_kong = Jurisdiction.objects.get(code="HK")
    data = event_form(OrganizationFactory(), date_text="06/07/2020", jurisdiction=hong_kong)
    assert add_event(editor_client, data).status_code == 302
    event = Event.objects.get()
    assert event.date_start == datetime.date(2020, 7, 6)
    assert not event.date_ambiguous


def test_an_ambiguous_date_cannot_be_published(reviewer_client):
    data = event_form(
        OrganizationFactory(), date_text="06/07/2020", status="published", source=SourceFactory()
    )
    response = add_event(reviewer_client, data)
    assert response.status_code == 200
    assert "can be read two ways" in str(response.context["adminform"].form.errors["date_text"])


def test_a_published_event_needs_a_source(reviewer_client):
    response = add_event(
        reviewer_client, event_form(OrganizationFactory(), date_text="2020", status="published")
    )
    assert response.status_code == 200
    assert "needs at least one source" in response.content.decode()
    assert not Event.objects.exists()

    data = event_form(OrganizationFactory(), date_text="2020", status="published", source=SourceFactory())
    assert add_event(reviewer_client, data).status_code == 302
    assert Event.objects.get().status == "published"


def test_publish_action_skips_events_without_a_source(reviewer_client):
    sourced = CitationFactory(event__status="draft").event
    unsourced = EventFactory(status="draft")
    response = reviewer_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "publish", "_selected_action": [sourced.pk, unsourced.pk]},
        follow=True,
    )
    assert response.status_code == 200
    sourced.refresh_from_db()
    unsourced.refresh_from_db()
    assert sourced.status == "published"
    assert unsourced.status == "draft"
    assert str(unsourced) in response.content.decode()


def test_unpublish_action_returns_events_to_draft(reviewer_client):
    event = EventFactory(status="published")
    reviewer_client.post(
        reverse("admin:timeline_event_changelist"), {"action": "unpublish", "_selected_action": [event.pk]}
    )
    event.refresh_from_db()
    assert event.status == "draft"


def test_event_change_list_runs_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    actors = OrganizationFactory.create_batch(20)
    for index in range(500):
        EventFactory(actor=actors[index % 20])
    with django_assert_max_num_queries(15):
        response = editor_client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 500


def test_admin_search_and_autocomplete_find_an_organization_by_another_name(editor_client):
    facebook = OrganizationFactory(name="Facebook")
    facebook.other_names.create(name="Meta Platforms")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "meta", "app_label": "timeline", "model_name": "event", "field_name": "actor"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Facebook"]
