import datetime
import re

import pytest

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def ids(html):
    return [int(pk) for pk in re.findall(r'<li id="event-(\d+)">', html)]


def link(html, label):
    match = re.search(rf'<a href="([^"]+)" rel="(?:prev|next)">{label}</a>', html)
    return match and match.group(1).replace("&amp;", "&")


@pytest.fixture
def many(db):
    day = datetime.date(2021, 3, 1)
    events = []
    # Several events per day and a coarser one sharing a start day: the key must break ties.
    for n in range(53):
        events.append(EventFactory(date_start=day + datetime.timedelta(days=n // 3)))
    events.append(
        EventFactory(
            date_start=day,
            date_end=datetime.date(2021, 3, 31),
            date_precision="month",
            title="March as a whole",
        )
    )
    return events


def walk(client, start_url, label):
    pages, url = [], start_url
    while url:
        html = client.get(url).content.decode()
        pages.append(ids(html))
        url = link(html, label)
    return pages


def expected_order(events, newest):
    key = [(e.date_start, e.date_precision_rank, e.pk) for e in events]
    pairs = sorted(zip(key, events, strict=True), reverse=newest, key=lambda pair: pair[0])
    return [e.pk for _, e in pairs]


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_walking_the_pages_visits_every_event_once_in_order(client, many, order):
    for event in many:
        event.refresh_from_db()
    label = "Earlier" if order == "newest" else "Later"
    pages = walk(client, f"/?order={order}", label)
    assert [len(p) for p in pages] == [20, 20, 14]
    assert [pk for page in pages for pk in page] == expected_order(many, newest=order == "newest")


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_walking_back_returns_the_same_pages(client, many, order):
    forward = "Earlier" if order == "newest" else "Later"
    backward = "Later" if order == "newest" else "Earlier"
    url, urls = f"/?order={order}", []
    while url:
        urls.append(url)
        url = link(client.get(url).content.decode(), forward)
    last = client.get(urls[-1]).content.decode()
    assert link(last, forward) is None
    back_pages = walk(client, link(last, backward), backward)
    forward_pages = [ids(client.get(u).content.decode()) for u in urls[:-1]]
    assert back_pages == list(reversed(forward_pages))


def test_first_page_has_no_later_link_and_links_keep_filters(client, many):
    html = client.get("/?q=Event").content.decode()
    assert link(html, "Later") is None
    earlier = link(html, "Earlier")
    assert earlier.startswith("/?q=Event&order=newest&before=")


def test_month_precision_sorts_before_days_of_its_start(client, many):
    pages = walk(client, "/?order=oldest", "Later")
    first = pages[0][0]
    assert first == many[-1].pk  # "March 2021" comes before 1 March 2021 at day precision


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_walking_events_that_reach_a_day_both_ways(client, many, order):
    # Ranges that started before the day and still run on it come first (oldest first) or last.
    day = datetime.date(2021, 3, 10)
    long_ones = [
        EventFactory(date_start=datetime.date(2021, 1, 1), date_end=datetime.date(2021, 12, 31)),
        EventFactory(date_start=datetime.date(2019, 1, 1), date_end=datetime.date(2021, 3, 10)),
        EventFactory(date_start=datetime.date(2010, 1, 1), date_end=datetime.date(2029, 12, 31)),
    ]
    EventFactory(date_start=datetime.date(2020, 1, 1), date_end=datetime.date(2021, 3, 9))  # ends before
    reaching = [e for e in [*many, *long_ones] if e.date_end >= day]
    for event in reaching:
        event.refresh_from_db()
    forward = "Earlier" if order == "newest" else "Later"
    backward = "Later" if order == "newest" else "Earlier"
    pages = walk(client, f"/?order={order}&date_after={day.isoformat()}", forward)
    assert [pk for page in pages for pk in page] == expected_order(reaching, newest=order == "newest")
    url = f"/?order={order}&date_after={day.isoformat()}"
    while link(client.get(url).content.decode(), forward):
        url = link(client.get(url).content.decode(), forward)
    back_pages = walk(client, link(client.get(url).content.decode(), backward), backward)
    assert back_pages == list(reversed(pages[:-1]))
