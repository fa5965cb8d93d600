import datetime
import html as htmllib
import re

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, OrganizationFactory
from timeline import models

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    found = re.findall(r'class="event-title" id="event-\d+-title"><a href="[^"]+">([^<]+)</a>', html)
    return [htmllib.unescape(title) for title in found]


def test_newest_first_with_year_and_month_headings(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    found = titles(response)
    assert found[0].startswith("Google") and found[-1].startswith("China")
    assert html.index(">2020</h3>") < html.index(">July 2020</h4>") < html.index(">June 2020</h4>")
    assert '<time datetime="2020-06-30">30 June 2020</time>' in html
    assert '<time datetime="2020-07-06">6 July 2020</time>' in html
    # A month-precision date says so, never "1 July 2020".
    assert '<time datetime="2020-07">July 2020</time>' in html
    assert "1 July 2020" not in html
    assert '<ol class="events">' in html


def test_oldest_first_shows_the_law_then_the_responses_of_6_july(client, seeded):
    found = titles(client.get("/?order=oldest"))
    assert found[0] == "China's legislature passes the Hong Kong national security law"
    # "July 2020" (ProPrivacy) starts on 1 July, so it sorts first in July; then the days.
    assert [title.split()[0] for title in found[1:]] == [
        "ProPrivacy",
        "Facebook",
        "WhatsApp",
        "Telegram",
        "Twitter",
        "Google",
    ]


def test_event_shows_badge_actor_parent_law_jurisdiction_summary_sources_and_quote(client, seeded):
    html = client.get("/").content.decode()
    start = html.index(f'id="event-{seeded["whatsapp"].pk}"')
    item = html[start : html.index("</li>\n", html.index("</ul>", start))]
    assert '<span class="badge badge-data_request_policy">data request policy</span>' in item
    assert '<a href="/organizations/whatsapp/">WhatsApp</a>' in item
    assert '(part of <a href="/organizations/facebook/">Facebook</a>)' in item
    assert 'href="/laws/hong-kong-national-security-law/"' in item
    assert 'href="/jurisdictions/HK/"' in item
    assert "stops reviewing Hong Kong law-enforcement requests" in item
    assert "<blockquote><p>pending further assessment" in item
    assert "<figcaption>WhatsApp</figcaption>" in item
    assert '<span class="outlet">MyCE</span>' in item
    assert 'href="https://www.myce.com/news/facebook-whatsapp-to-stop-hong-kong-data-requests-92696/"' in item


def test_coarse_dates_get_headings_of_their_own(client, db):
    EventFactory(
        title="A year event",
        date_start=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        date_approximate=True,
    )
    EventFactory(
        title="A quarter event",
        date_start=datetime.date(2016, 7, 1),
        date_end=datetime.date(2016, 9, 30),
        date_precision="quarter",
    )
    html = client.get("/").content.decode()
    assert '<time datetime="2016">c. 2016</time>' in html
    assert ">Q3 2016</h4>" in html
    assert "January 2016" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organization=facebook", {"Facebook", "WhatsApp", "ProPrivacy"} - {"ProPrivacy"}),
        ("organization=whatsapp", {"WhatsApp"}),
        ("action_type=law_passed", {"China's"}),
        ("action_type=statement", {"ProPrivacy"}),
        ("date_before=2020-06-30", {"China's"}),
        ("date_after=7 July 2020&action_type=data_request_policy", {"Telegram", "Twitter", "Google"}),
        ("date_after=July 2020&date_before=2020-07-06", {"Facebook", "WhatsApp", "ProPrivacy"}),
        ("q=telegram", {"Telegram"}),
        ("q=digital rights", {"ProPrivacy"}),
        ("jurisdiction=hk&action_type=statement", {"ProPrivacy"}),
        ("law=hong-kong-national-security-law&q=whatsapp", {"WhatsApp"}),
    ],
)
def test_filters_combine_and_live_in_the_url(client, seeded, query, expected):
    found = titles(client.get(f"/?{query}"))
    assert {title.split()[0] for title in found} == expected


def test_filter_values_are_kept_in_the_form_and_download_links(client, seeded):
    html = client.get("/?organization=facebook&date_after=July+2020&order=oldest").content.decode()
    assert 'name="organization" type="text" value="facebook"' in html
    assert 'name="date_after" type="text" value="July 2020"' in html
    assert '<option value="oldest" selected>' in html
    for name in ("feed_atom", "feed_ical", "export_csv", "export_json", "export_timelinejs"):
        assert f'href="{reverse("timeline:" + name)}?organization=facebook&amp;date_after=July+2020' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("organization=nobody", "no organization is called"),
        ("law=no-such-law", "no law is called"),
        ("jurisdiction=ZZ", "no jurisdiction has the code"),
        ("action_type=invented", "is not an action type"),
        ("date_after=garbage", "date_after:"),
        ("date_before=N/A", "date_before:"),
        ("date_after=05/07/2020", "date_after:"),
        ("order=sideways", "order:"),
        ("before=not-a-cursor", "before:"),
        ("after=2020-01-01_x_1", "after:"),
        ("before=2020-01-01_6_99999999999999999999999", "before:"),
    ],
)
def test_a_bad_filter_value_is_a_clear_message_not_a_500(client, seeded, query, message):
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert message in html
    assert "<form" in html  # the reader can correct it


def test_nul_characters_are_dropped_from_filters(client, seeded):
    response = client.get("/?q=%00&organization=face%00book")
    assert response.status_code == 200
    assert {title.split()[0] for title in titles(response)} == {"Facebook", "WhatsApp"}


def test_drafts_and_retracted_are_nowhere(client, seeded):
    draft = EventFactory(title="Secret draft", status=models.EventStatus.DRAFT)
    retracted = EventFactory(
        title="Withdrawn claim",
        summary="The false story",
        status=models.EventStatus.RETRACTED,
        retraction_note="The source corrected its report.",
    )
    for url in ("/", "/?order=oldest", "/feeds/atom/", "/export/timelinejs.json"):
        body = client.get(url).content.decode()
        assert "Secret draft" not in body and "Withdrawn claim" not in body
    for url in ("/feeds/timeline.ics", "/export/events.csv", "/export/events.json"):
        body = b"".join(client.get(url).streaming_content).decode()
        assert "Secret draft" not in body and "Withdrawn claim" not in body
    assert client.get(draft.get_absolute_url()).status_code == 404
    # A retracted event's permalink says so, with its public note, and nothing of its content.
    response = client.get(retracted.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "This event was retracted" in html and "The source corrected its report." in html
    assert "The false story" not in html


def test_a_script_in_a_summary_is_escaped_everywhere(client, db):
    actor = OrganizationFactory(name="<b>Evil</b> Corp")
    event = EventFactory(
        actor=actor, title="<img src=x onerror=alert(1)>", summary="<script>alert('x')</script>"
    )
    CitationFactory(event=event, quote="<script>q()</script>", speaker="<i>s</i>")
    for url in ("/", event.get_absolute_url(), actor.get_absolute_url(), "/jurisdictions/HK/"):
        html = client.get(url).content.decode()
        assert "<script>" not in html and "<img src=x" not in html and "<b>Evil" not in html, url
    html = client.get(event.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    atom = client.get("/feeds/atom/").content.decode()
    assert "<script>" not in atom and "&amp;lt;script&amp;gt;" in atom
    timelinejs = client.get("/export/timelinejs.json?group=actor").json()
    item = timelinejs["events"][0]
    assert item["text"]["text"] == "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>"
    assert item["text"]["headline"].startswith("&lt;img")
    assert "<" not in item["group"] and "&amp;lt;b&amp;gt;" in item["group"]


def test_a_source_link_is_never_javascript(client, db):
    event = EventFactory()
    citation = CitationFactory(event=event)
    models.Source.objects.filter(pk=citation.source_id).update(url="javascript:alert(1)")
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html
