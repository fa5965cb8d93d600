"""Hostile text through every way in (admin forms, imports, the API): stored as text, shown escaped."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import OrganizationFactory, SourceFactory
from tests.importing.conftest import csv_bytes, row
from tests.test_admin import add_event, event_form
from timeline.control_characters import strip_control_characters
from timeline.models import Event, Organization

pytestmark = pytest.mark.django_db

HOSTILE = [
    '<script>alert("pwned")</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE timeline_event; --",
    "Robert'); DELETE FROM auth_user WHERE ('1'='1",
    "../../../../etc/passwd",
    "..\\..\\windows\\system32\\config",
    "\u202egnp.exe\u202c report",
    "tab\tbell\x07escape\x1b[31m red",
    "{{ settings.SECRET_KEY }} {% debug %}",
    '=HYPERLINK("http://evil.example","click")',
    "مرحبا \u200f mixed direction \u200e text",
]


def assert_escaped_on_public_pages(client, event, value):
    for url in (reverse("timeline:event", args=[event.pk]), reverse("timeline:timeline")):
        html = client.get(url).content.decode()
        assert escape(value) in html, url
        if escape(value) != value:
            assert value not in html, f"{url} shows {value!r} unescaped"


@pytest.mark.parametrize("value", HOSTILE)
def test_admin_form_keeps_hostile_text_and_pages_escape_it(client, reviewer_client, value):
    data = event_form(
        OrganizationFactory(), date_text="July 6, 2020", status="published", source=SourceFactory()
    )
    data.update(title=value[:300], summary=f"Summary: {value}", change_note="hostile input test")
    response = add_event(reviewer_client, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    value = strip_control_characters(value)  # cleaned on the way in; everything else kept
    assert event.title == value[:300]
    assert event.summary == f"Summary: {value}"
    reviewer_client.logout()
    assert_escaped_on_public_pages(client, event, value)


def test_admin_refuses_an_overlong_title_with_a_form_error(reviewer_client):
    data = event_form(OrganizationFactory(), date_text="July 2020")
    data["title"] = "A" * 301
    response = add_event(reviewer_client, data)
    assert response.status_code == 200
    assert "at most 300 characters" in str(response.context["adminform"].form.errors["title"])


def test_import_keeps_hostile_text_in_every_column(client, tmp_path):
    rows = [
        row(
            id=f"hostile-{index}", actor=f"Org {index} {value}"[:200], title=value, summary=value, quote=value
        )
        for index, value in enumerate(HOSTILE)
    ]
    path = tmp_path / "hostile.csv"
    path.write_bytes(csv_bytes(rows))
    call_command("import_events", str(path))
    for index, value in enumerate(HOSTILE):
        event = Event.objects.get(external_id=f"hostile-{index}")
        value = strip_control_characters(value)
        assert (event.title, event.summary) == (value, value)
        assert event.citations.get().quote == value
        assert Organization.objects.filter(name=f"Org {index} {value}"[:200]).exists()
        if event.status == "published":
            assert_escaped_on_public_pages(client, event, value)


@pytest.mark.parametrize("value", HOSTILE)
def test_api_stores_hostile_text_and_returns_it_as_json_text(reviewer, value):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    actor = OrganizationFactory()
    body = {
        "title": value,
        "summary": value,
        "action_type": "statement",
        "actor": actor.pk,
        "date_text": "July 6, 2020",
        "status": "published",
        "sources": [{"url": "https://news.example.org/a", "quote": value}],
    }
    response = api.post("/api/v1/events/", body, format="json")
    assert response.status_code == 201, response.content
    assert response["Content-Type"].startswith("application/json")
    data = api.get(f"/api/v1/events/{response.json()['id']}/").json()
    value = strip_control_characters(value)
    assert (data["title"], data["summary"], data["sources"][0]["quote"]) == (value, value, value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "A" * 5000), ("title", "nul\x00byte"), ("date_text", "\x00"), ("actor", "1 OR 1=1")],
)
def test_api_answers_malicious_values_with_a_clear_400(reviewer, field, value):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    body = {
        "title": "t",
        "action_type": "statement",
        "actor": OrganizationFactory().pk,
        "date_text": "July 6, 2020",
        field: value,
    }
    response = api.post("/api/v1/events/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]


def test_filters_with_sql_and_script_fragments_are_just_text(client):
    for value in HOSTILE[:4]:
        response = client.get(reverse("timeline:timeline"), {"q": value})
        assert response.status_code == 200
        assert value not in response.content.decode() or escape(value) == value
        api = APIClient().get("/api/v1/events/", {"q": value})
        assert api.status_code == 200
