"""POST /api/v1/extract/: the candidates of an article as JSON; nothing is written."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from timeline.models import Event, Organization, Source

from .conftest import API

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The Freedonia Assembly passed the Platform Accountability Act on 2 February 2024. "
    "ChatHub suspended its service in Freedonia on Monday, saying “we cannot operate under these rules”."
)


def counts():
    return Event.objects.count(), Organization.objects.count(), Source.objects.count()


def test_candidates_come_back_and_nothing_is_written(reader_client, django_assert_max_num_queries):
    before = counts()
    with django_assert_max_num_queries(8):
        response = reader_client.post(
            f"{API}/extract/",
            {"text": ARTICLE, "published": "2024-02-14", "url": "https://news.example/a"},
            format="json",
        )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["article"]["published"] == "2024-02-14" and body["article"]["language"] == "en"
    found = [(c["actor"], c["action_type"], c["date_start"], c["date_text"]) for c in body["candidates"]]
    assert found == [
        ("Freedonia Assembly", "law_passed", "2024-02-02", "2 February 2024"),
        ("ChatHub", "service_withdrawn", "2024-02-12", "Monday"),
    ]
    chathub = body["candidates"][1]
    assert chathub["quote"] == "we cannot operate under these rules"
    assert chathub["responds_to"] == body["candidates"][0]["id"]
    assert chathub["already_on_timeline"] is None
    assert counts() == before


def test_a_candidate_already_on_the_timeline_names_the_event(reader_client):
    chathub = factories.OrganizationFactory(name="ChatHub")
    event = factories.EventFactory(
        actor=chathub, action_type="service_withdrawn", date_start=datetime.date(2024, 2, 12)
    )
    response = reader_client.post(
        f"{API}/extract/", {"text": ARTICLE, "published": "2024-02-14"}, format="json"
    )
    candidates = {c["actor"]: c for c in response.json()["candidates"]}
    assert candidates["ChatHub"]["already_on_timeline"] == event.pk
    assert candidates["ChatHub"]["actor"] == "ChatHub"


def test_an_html_file_gives_its_own_date(reader_client):
    page = (
        "<html><head><meta property='article:published_time' content='2024-02-14'></head><body><article>"
        f"<p>{ARTICLE}</p><p>More words here so that the extractor sees an article body at all.</p>"
        "</article></body></html>"
    )
    upload = SimpleUploadedFile("story.html", page.encode(), content_type="text/html")
    response = reader_client.post(f"{API}/extract/", {"file": upload}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json()["article"]["published"] == "2024-02-14"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"published": "2024-02-14"}, "Give exactly one of text, html or file."),
        ({"text": "   ", "published": "2024-02-14"}, "the article is empty"),
        ({"text": ARTICLE}, "Give the publication date"),
        ({"html": "<html><script>alert(1)</script></html>", "published": "2024-02-14"}, "no article text"),
    ],
)
def test_bad_input_is_a_400_naming_what_is_wrong(reader_client, data, message):
    response = reader_client.post(f"{API}/extract/", data, format="json")
    assert response.status_code == 400
    assert message in str(response.json())


def test_a_binary_file_is_refused(reader_client):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\x00\x00" * 100)
    response = reader_client.post(
        f"{API}/extract/", {"file": upload, "published": "2024-02-14"}, format="multipart"
    )
    assert response.status_code == 400
    assert "binary file" in str(response.json())


def test_a_body_over_the_limit_is_refused_before_it_is_read(reader_client):
    response = reader_client.generic(
        "POST",
        f"{API}/extract/",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 400
    assert "articles over 5 MB are refused" in str(response.json())


def test_anonymous_callers_are_turned_away(anon):
    response = anon.post(f"{API}/extract/", {"text": ARTICLE, "published": "2024-02-14"}, format="json")
    assert response.status_code == 401
