"""Admin "New events from an article": find, review, create through the editorial rules."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from timeline.models import Citation, Event, EventStatus, Organization

pytestmark = pytest.mark.django_db

URL = reverse("admin:timeline_event_from_article")
ARTICLE = (
    "The Freedonia Assembly passed the Platform Accountability Act on 2 February 2024.\n"
    "ChatHub suspended its service in Freedonia on Monday, saying “we cannot operate under these rules”.\n"
    '<script>alert("x")</script>'
)
FIELDS = {
    "text": ARTICLE,
    "published": "2024-02-14",
    "url": "https://news.example/freedonia",
    "outlet": "Example",
}


def find(client, **extra):
    return client.post(URL, {**FIELDS, **extra, "_find": "1"})


def management(total):
    prefix = "candidate"
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(total),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "500",
    }


def reviewed(response, accept=(0, 1), **changes):
    """The candidate forms as the page filled them, with ``accept`` ticked."""
    formset = response.context["formset"]
    data = {**FIELDS, "_create": "1", **management(len(formset.forms))}
    for index, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if name == "accept":
                if index in accept:
                    data[f"candidate-{index}-accept"] = "on"
                continue
            data[f"candidate-{index}-{name}"] = "" if value is None else value
    for key, value in changes.items():
        data[key] = value
    return data


def test_the_page_marks_the_text_and_lists_the_candidates(editor_client, django_assert_max_num_queries):
    for n in range(30):  # what the tracker knows does not add queries
        factories.OrganizationFactory(name=f"Known organization {n}")
    with django_assert_max_num_queries(12):
        response = find(editor_client)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<mark class="x-date"' in page and '<mark class="x-proposed"' in page
    assert "&lt;script&gt;" in page and '<script>alert("x")' not in page
    rows = response.context["rows"]
    assert [(r["form"].initial["actor"], r["form"].initial["action_type"]) for r in rows] == [
        ("Freedonia Assembly", "law_passed"),
        ("ChatHub", "service_withdrawn"),
    ]
    assert Event.objects.count() == 0


def test_accepted_candidates_become_drafts_with_the_article_as_source(editor_client, editor):
    response = find(editor_client)
    created = editor_client.post(URL, reviewed(response))
    assert created.status_code == 302, created.context and created.context["formset"].errors
    law, pause = Event.objects.order_by("date_start")
    assert (law.actor.name, law.action_type, law.date_start) == (
        "Freedonia Assembly",
        "law_passed",
        datetime.date(2024, 2, 2),
    )
    assert (pause.actor.name, pause.date_start, pause.date_text) == (
        "ChatHub",
        datetime.date(2024, 2, 12),
        "Monday",
    )
    assert pause.responds_to == law
    assert {law.status, pause.status} == {EventStatus.DRAFT}
    citation = Citation.objects.get(event=pause)
    assert citation.source.url == "https://news.example/freedonia"
    assert citation.quote == "we cannot operate under these rules"
    assert pause.history.first().history_user == editor


def test_an_editor_cannot_publish_but_a_reviewer_can(editor_client, client, reviewer):
    response = find(editor_client)
    editor_client.post(URL, reviewed(response, accept=(1,), **{"candidate-1-status": "published"}))
    assert Event.objects.get().status == EventStatus.DRAFT
    Event.objects.all().delete()
    client.force_login(reviewer)
    response = find(client)
    client.post(URL, reviewed(response, accept=(1,), **{"candidate-1-status": "published"}))
    assert Event.objects.get().status == EventStatus.PUBLISHED


def test_a_candidate_already_on_the_timeline_adds_the_article_as_another_source(editor_client):
    chathub = factories.OrganizationFactory(name="ChatHub")
    event = factories.EventFactory(
        actor=chathub, action_type="service_withdrawn", date_start=datetime.date(2024, 2, 12), status="draft"
    )
    factories.CitationFactory(event=event)
    response = find(editor_client)
    row = next(r for r in response.context["rows"] if r["form"].initial["actor"] == "ChatHub")
    assert row["form"].initial["existing"] == event.pk
    assert "already on the timeline" in response.content.decode()
    index = response.context["rows"].index(row)
    editor_client.post(URL, reviewed(response, accept=(index,)))
    assert Event.objects.count() == 1
    assert sorted(c.source.url for c in event.citations.all())[-1] == "https://news.example/freedonia"
    assert event.citations.count() == 2


def test_nothing_is_written_when_the_article_has_no_url(editor_client):
    response = find(editor_client, url="")
    page = editor_client.post(URL, reviewed(response, url=""))
    assert page.status_code == 200
    assert "URL: it becomes the source of the events" in page.content.decode()
    assert Event.objects.count() == 0 and Organization.objects.filter(name="ChatHub").count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Paste the article or upload its file"),
        ({"published": ""}, "Give the publication date"),
        ({"text": "<html><script>alert(1)</script></html>"}, "no article text"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(editor_client, fields, message):
    response = editor_client.post(URL, {**FIELDS, **fields, "_find": "1"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Event.objects.count() == 0


def test_people_without_the_add_right_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("staff", password="a long test password 9", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_the_event_list_links_to_the_page(editor_client):
    assert URL in editor_client.get(reverse("admin:timeline_event_changelist")).content.decode()


def test_an_uploaded_page_is_reviewed_as_its_text_with_its_metadata(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = (
        "<html><head><meta property='article:published_time' content='2024-02-14'>"
        "<link rel='canonical' href='https://news.example/page'></head><body><article>"
        "<p>The Freedonia Assembly passed the Platform Accountability Act on 2 February 2024.</p>"
        "<p>ChatHub suspended its service in Freedonia on Monday, saying “we cannot operate here”.</p>"
        "</article></body></html>"
    )
    upload = SimpleUploadedFile("page.html", page.encode(), content_type="text/html")
    response = editor_client.post(URL, {"file": upload, "_find": "1"})
    form = response.context["form"]
    assert form.initial["published"] == datetime.date(2024, 2, 14)
    assert form.initial["url"] == "https://news.example/page"
    assert "The Freedonia Assembly passed" in form.initial["text"]
    data = reviewed(response, accept=(0,))
    data.update({"text": form.initial["text"], "published": "2024-02-14", "url": form.initial["url"]})
    assert editor_client.post(URL, data).status_code == 302
    assert Event.objects.get().citations.get().source.url == "https://news.example/page"
