import datetime
import random

import pytest

from tests import factories
from timeline.models import Organization

from .conftest import API, all_pages, assert_error

pytestmark = pytest.mark.django_db


def make_events(count, *, seed=0, actor=None):
    """Events crowded onto few days at mixed precisions, so ties in date_start are the rule."""
    rng = random.Random(seed)
    actor = actor or Organization.objects.create(name=f"Crowd {seed}")
    made = []
    for index in range(count):
        start = datetime.date(2020, 7, 1) + datetime.timedelta(days=rng.randrange(4))
        precision = rng.choice(["day", "day", "month", "year"])
        end = {
            "day": start,
            "month": datetime.date(2020, 7, 31),
            "year": datetime.date(2020, 12, 31),
        }[precision]
        made.append(
            factories.EventFactory(
                actor=actor,
                date_start=start,
                date_end=end,
                date_precision=precision,
                external_id=f"crowd-{seed}-{index}",
            )
        )
    return made


@pytest.mark.parametrize("ordering", ["date", "-date", "updated_at"])
def test_every_event_exactly_once_across_pages(anon, ordering):
    events = make_events(57)
    seen = all_pages(anon, f"{API}/events/", page_size=5, ordering=ordering)
    assert sorted(seen) == sorted(e.pk for e in events)
    assert len(seen) == len(set(seen))


def test_walk_while_events_are_added_sees_old_ones_once_and_new_ones_at_most_once(anon):
    events = make_events(40, seed=1)
    added = []
    seen = []
    response = anon.get(f"{API}/events/", {"page_size": 7})
    round_number = 0
    while True:
        body = response.json()
        seen.extend(row["id"] for row in body["results"])
        # Between pages, new events land before, inside and after the walk's position.
        added.extend(make_events(3, seed=100 + round_number, actor=events[0].actor))
        round_number += 1
        if not body["next"]:
            break
        response = anon.get(body["next"])
    assert len(seen) == len(set(seen)), "an event was sent twice"
    assert {e.pk for e in events} <= set(seen), "an event that existed all along was skipped"
    assert set(seen) <= {e.pk for e in events} | {e.pk for e in added}


def test_pages_are_in_the_timeline_order(anon):
    events = make_events(30, seed=2)
    expected = [e.pk for e in sorted(events, key=lambda e: (e.date_start, e.date_precision_rank, e.pk))]
    assert all_pages(anon, f"{API}/events/", page_size=4) == expected


def test_previous_links_walk_back(anon):
    events = make_events(20, seed=3)
    first = anon.get(f"{API}/events/", {"page_size": 6}).json()
    assert first["previous"] is None
    second = anon.get(first["next"]).json()
    third = anon.get(second["next"]).json()
    back = anon.get(third["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in second["results"]]
    assert back["next"] is not None
    assert len(events) == 20


def test_cursor_for_another_ordering_is_refused(anon):
    make_events(10, seed=4)
    next_link = anon.get(f"{API}/events/", {"page_size": 3}).json()["next"]
    cursor = next_link.split("cursor=")[1].split("&")[0]
    assert_error(anon.get(f"{API}/events/", {"cursor": cursor, "ordering": "-date"}), 400, "cursor")


@pytest.mark.parametrize(
    "cursor",
    [
        "%%%",
        "e30",  # {}
        "W10",  # []
        "eyJvIjoiZGF0ZSIsInYiOlsiMjAyMC0xMy00MCIsMCwxXX0",  # month 13
        "eyJvIjoiZGF0ZSIsInYiOlsiMjAyMC0wMS0wMSIsIngiLDFdfQ",  # rank "x"
        "eyJvIjoiZGF0ZSIsInYiOlsiMjAyMC0wMS0wMSIsMF19",  # too few values
        "eyJvIjoiZGF0ZSIsInYiOlsiMjAyMC0wMS0wMSIsMCwxZTk5OV19",  # huge id
        "bm90IGpzb24",
    ],
)
def test_malformed_cursors_are_400(anon, cursor):
    make_events(3, seed=5)
    assert_error(anon.get(f"{API}/events/", {"cursor": cursor}), 400, "cursor")


def test_page_size_bounds(anon):
    make_events(3, seed=6)
    assert len(anon.get(f"{API}/events/", {"page_size": 500}).json()["results"]) == 3
    assert len(anon.get(f"{API}/events/", {"page_size": 1}).json()["results"]) == 1
    assert_error(anon.get(f"{API}/events/", {"page_size": 501}), 400, "page_size")
    assert_error(anon.get(f"{API}/events/", {"page_size": -1}), 400, "page_size")
