import csv
import datetime
import io
import json

import pytest

from tests.factories import EventFactory
from timeline import exports

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (None, ""),
        (True, "true"),
    ],
)
def test_csv_cell_escapes_formula_like_text(value, expected):
    assert exports.csv_cell(value) == expected


def test_csv_export_has_the_filtered_events_and_escapes_formulas(client, seeded):
    EventFactory(title="=cmd|' /C calc'!A0", summary="@SUM(1+1)", date_start=datetime.date(2020, 7, 20))
    response = client.get("/export/events.csv?date_after=2020-07-01&order=oldest")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert [row["title"][:8] for row in rows] == [
        "ProPriva",
        "Facebook",
        "WhatsApp",
        "Telegram",
        "Twitter ",
        "Google s",
        "'=cmd|' ",
    ]
    assert rows[-1]["summary"] == "'@SUM(1+1)"
    assert rows[0]["date"] == "2020-07" and rows[0]["date_display"] == "July 2020"
    assert rows[2]["actor_parent"] == "Facebook"


def test_json_export(client, seeded):
    data = json.loads(body(client.get("/export/events.json?organization=whatsapp")))
    [event] = data["events"]
    assert event["date"] == "2020-07-06"
    assert event["actor"]["parent"]["name"] == "Facebook"
    assert event["sources"][0]["outlet"] == "MyCE"
    assert event["jurisdiction"]["code"] == "HK"
    assert client.get("/export/events.json?law=missing").status_code == 400


def test_json_export_edtf_for_approximate_and_ranges(client, db):
    EventFactory(
        date_start=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        date_approximate=True,
    )
    EventFactory(date_start=datetime.date(2020, 6, 30), date_end=datetime.date(2020, 7, 6))
    dates = {e["date"] for e in json.loads(body(client.get("/export/events.json")))["events"]}
    assert dates == {"2016~", "2020-06-30/2020-07-06"}


def test_timelinejs_json_carries_only_the_parts_the_precision_has(client, seeded):
    EventFactory(
        title="c. 2016",
        date_start=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        date_approximate=True,
    )
    data = client.get("/export/timelinejs.json?order=oldest").json()
    events = {e["text"]["headline"]: e for e in data["events"]}
    assert events["c. 2016"]["start_date"] == {"year": 2016, "display_date": "c. 2016"}
    assert events["c. 2016"]["display_date"] == "c. 2016"
    month = events["ProPrivacy welcomes Facebook&#x27;s pause"]
    assert month["start_date"] == {"year": 2020, "month": 7}
    assert "display_date" not in month
    law = events["China&#x27;s legislature passes the Hong Kong national security law"]
    assert law["start_date"] == {"year": 2020, "month": 6, "day": 30}
    # Grouped by action type by default: a few rows, so TimelineJS's navigator stays on screen.
    assert law["group"] == "Law passed"
    assert {e["group"] for e in data["events"]} == {"Law passed", "Data request policy", "Statement"}
    by_actor = client.get("/export/timelinejs.json?order=oldest&group=actor").json()["events"]
    assert "National People&amp;#x27;s Congress Standing Committee" in {e["group"] for e in by_actor}
    ungrouped = client.get("/export/timelinejs.json?group=none").json()["events"]
    assert all("group" not in e for e in ungrouped)
    assert client.get("/export/timelinejs.json?group=colour").status_code == 400


def test_an_event_image_goes_into_the_exports_with_its_alt_credit_and_caption(client, db):
    from tests.factories import EventFactory

    EventFactory(
        image_url="https://images.example.org/a.jpg",
        image_alt="A crowd outside the legislature",
        image_credit="Photo: A. Person",
        image_caption="Protest <before> the vote",
    )
    item = client.get("/export/timelinejs.json").json()["events"][0]
    assert item["media"] == {
        "url": "https://images.example.org/a.jpg",
        "alt": "A crowd outside the legislature",
        "caption": "Protest &lt;before&gt; the vote",
        "credit": "Photo: A. Person",
    }
    exported = b"".join(client.get("/export/events.json").streaming_content).decode()
    assert (
        '"image": {"url": "https://images.example.org/a.jpg", "alt": "A crowd outside the legislature"'
        in exported
    )
