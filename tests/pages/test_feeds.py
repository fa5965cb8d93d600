import datetime

import feedparser
import icalendar
import pytest

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_atom_feed_parses_and_keeps_filters(client, seeded):
    response = client.get("/feeds/atom/?organization=facebook")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "6 July 2020: WhatsApp pauses reviews of Hong Kong data requests",
        "6 July 2020: Facebook pauses Hong Kong government requests for user data",
    ]
    assert feed.entries[0].link.endswith(seeded["whatsapp"].get_absolute_url())
    assert "organization=facebook" in feed.feed.title


def test_atom_feed_bad_filter_is_400(client, db):
    response = client.get("/feeds/atom/?action_type=nope")
    assert response.status_code == 400
    assert b"not an action type" in response.content


def test_icalendar_has_day_events_as_all_day_and_leaves_coarser_out(client, seeded):
    EventFactory(
        title="Approximate day",
        date_start=datetime.date(2020, 8, 3),
        date_precision="day",
        date_approximate=True,
        summary="Semi; colon, comma\nand newline",
    )
    response = client.get("/feeds/timeline.ics")
    assert response["Content-Type"].startswith("text/calendar")
    raw = body(response)
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert "ProPrivacy welcomes Facebook's pause" not in events  # July 2020: left out
    assert len(events) == 7
    law = events["China's legislature passes the Hong Kong national security law"]
    assert law.decoded("DTSTART") == datetime.date(2020, 6, 30)
    assert law.decoded("DTEND") == datetime.date(2020, 7, 1)
    approximate = events["c. Approximate day"]
    assert "Semi; colon, comma\nand newline" in str(approximate["DESCRIPTION"])
    assert "approximate" in str(approximate["DESCRIPTION"])


def test_icalendar_keeps_filters(client, seeded):
    calendar = icalendar.Calendar.from_ical(body(client.get("/feeds/timeline.ics?q=telegram")))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Telegram stops cooperating with Hong Kong data requests"
    ]
    assert client.get("/feeds/timeline.ics?date_before=nope").status_code == 400


def test_long_unicode_lines_fold_on_character_boundaries(client, db):
    EventFactory(title="香港國家安全法" * 20, summary="é" * 200)
    raw = body(client.get("/feeds/timeline.ics"))
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode()  # every folded line is whole UTF-8
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(next(iter(calendar.walk("VEVENT")))["SUMMARY"]) == "香港國家安全法" * 20


def test_a_day_range_spans_its_days_in_the_calendar(client, db):
    EventFactory(
        title="A week of pauses",
        date_text="June 30 - July 6, 2020",
        date_start=datetime.date(2020, 6, 30),
        date_end=datetime.date(2020, 7, 6),
        date_precision="day",
    )
    calendar = icalendar.Calendar.from_ical(body(client.get("/feeds/timeline.ics")))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2020, 6, 30)
    assert event.decoded("DTEND") == datetime.date(2020, 7, 7)  # exclusive: through 6 July


def test_identities_do_not_change_with_the_host(client, seeded, settings):
    settings.SITE_DOMAIN = "timeline.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net"]
    feeds = [
        feedparser.parse(client.get("/feeds/atom/", HTTP_HOST=host).content)
        for host in settings.ALLOWED_HOSTS
    ]
    ids = [[entry.id for entry in feed.entries] for feed in feeds]
    assert ids[0] == ids[1]
    assert all(entry_id.startswith("tag:timeline.example.org,2020:events/") for entry_id in ids[0])
    calendars = [
        icalendar.Calendar.from_ical(body(client.get("/feeds/timeline.ics", HTTP_HOST=host)))
        for host in settings.ALLOWED_HOSTS
    ]
    uids = [sorted(str(event["UID"]) for event in calendar.walk("VEVENT")) for calendar in calendars]
    assert uids[0] == uids[1]
    assert all(uid.endswith("@timeline.example.org") for uid in uids[0])
