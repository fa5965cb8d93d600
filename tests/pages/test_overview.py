"""The count, the facet counts and the time strip follow the filters and count public events only."""

import datetime
import re

import pytest

from tests.factories import EventFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def strip_bars(html):
    """(aria-label, href) of every linked bar of the time strip."""
    strip = html[html.index('class="time-strip"') : html.index("</nav>", html.index('class="time-strip"'))]
    return [
        (label, href.replace("&amp;", "&"))
        for href, label in re.findall(r'<a href="([^"]+)"[^>]*aria-label="([^"]+)"', strip)
    ]


@pytest.fixture
def spread(db):
    acme = OrganizationFactory(name="Acme")
    for year, count in ((2013, 1), (2016, 2), (2020, 5)):
        for n in range(count):
            EventFactory(date_start=datetime.date(year, 3 + n, 1), actor=acme)
    EventFactory(date_start=datetime.date(2020, 9, 9), status="draft", title="A draft")
    EventFactory(date_start=datetime.date(2011, 9, 9), status="draft", title="An older draft")
    return acme


def test_the_count_says_how_many_public_events_match(client, spread):
    assert '<p class="result-count" role="status">8 events' in client.get("/").content.decode()
    html = client.get("/?date_after=2016").content.decode()
    assert '<p class="result-count" role="status">7 events' in html


def test_the_strip_has_a_bar_per_year_with_events_and_shows_empty_years(client, spread):
    html = client.get("/").content.decode()
    bars = strip_bars(html)
    assert [label for label, _ in bars] == ["2013: 1 event", "2016: 2 events", "2020: 5 events"]
    # 2013 to 2020: eight slots, the five empty ones drawn flat and not linked.
    assert html.count('class="empty"') == 5
    assert "2011" not in html  # a draft does not stretch the axis


def test_a_bar_moves_the_list_to_its_year_with_the_filters_kept(client, spread):
    html = client.get("/?q=Event").content.decode()
    href = dict(strip_bars(html))["2016: 2 events"]
    assert "q=Event" in href
    page = client.get(href).content.decode()
    first_date = re.search(r'<time datetime="([^"]+)"', page).group(1)
    assert first_date.startswith("2016-")
    oldest = dict(strip_bars(client.get("/?order=oldest").content.decode()))["2016: 2 events"]
    first_date = re.search(r'<time datetime="([^"]+)"', client.get(oldest).content.decode()).group(1)
    assert first_date == "2016-03-01"


def test_within_one_year_the_strip_counts_months(client, spread):
    html = client.get("/?date_after=2020&date_before=2020").content.decode()
    labels = [label for label, _ in strip_bars(html)]
    assert labels == ["March: 1 event", "April: 1 event", "May: 1 event", "June: 1 event", "July: 1 event"]
    assert "Events per month of 2020" in html and ">All years</a>" in html


def test_action_type_counts_ignore_their_own_filter(client, spread):
    EventFactory(action_type="law_passed", date_start=datetime.date(2020, 1, 1))
    html = client.get("/?action_type=law_passed").content.decode()
    assert '<option value="law_passed" selected>Law passed (1)</option>' in html
    assert '<option value="statement">Statement (8)</option>' in html
    assert '<p class="result-count" role="status">1 event' in html
