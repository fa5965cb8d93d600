"""Control characters never reach what the product emits (finding 5 and part of 6 of #18)."""

import feedparser
import pytest

from tests.factories import CitationFactory, EventFactory
from timeline.control_characters import strip_control_characters
from timeline.models import Event

from .importing.conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Vertical\x0btab", "Verticaltab"),
        ("NUL\x00 and bell\x07", "NUL and bell"),
        ("C1\x85 and DEL\x7f", "C1 and DEL"),
        ("line one\nline two\ttabbed\r\n", "line one\nline two\ttabbed\r\n"),
        ("中文 and émigré", "中文 and émigré"),
    ],
)
def test_what_is_cleaned_and_what_is_text(text, clean):
    assert strip_control_characters(text) == clean


def test_a_saved_event_loses_its_control_characters():
    event = EventFactory(title="Facebook\x0b pauses", summary="Requests\x01 paused")
    event.refresh_from_db()
    assert (event.title, event.summary) == ("Facebook pauses", "Requests paused")


def test_an_imported_row_is_cleaned_and_its_raw_values_kept(tmp_path, django_capture_on_commit_callbacks):
    from timeline.importing.staging import stage_file

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(title="Facebook\x0b pauses", summary="Paused\x1b")]))
    with open(path, "rb") as handle, django_capture_on_commit_callbacks(execute=True):
        batch = stage_file(handle, file_name="events.csv")
    event = Event.objects.get()
    assert (event.title, event.summary) == ("Facebook pauses", "Paused")
    assert batch.rows.get().raw["title"] == "Facebook\x0b pauses"


def test_the_atom_feed_survives_a_title_written_before_cleaning(client):
    event = CitationFactory(event__status="published").event
    Event.objects.filter(pk=event.pk).update(title="Stored\x0b before the fix")  # no save(): no cleaning
    response = client.get("/feeds/atom/")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert "Stored before the fix" in parsed.entries[0].title


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/atom/?q=%01",
        "/?q=%0b",
        "/feeds/timeline.ics?q=%00",
        "/api/v1/events/?q=%00",
        "/api/v1/dates/normalize/?text=2020&jurisdiction=%00",
        "/api/v1/dates/normalize/?text=20%0020",
        "/?%01=x",
    ],
)
def test_control_characters_in_query_parameters_are_dropped(client, url):
    response = client.get(url)
    assert response.status_code == 200
    if url.startswith("/feeds/atom/"):
        assert not feedparser.parse(response.content).bozo
