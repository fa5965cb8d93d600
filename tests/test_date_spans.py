"""Events reaching a day: the span buckets the database stores, and ``EventQuerySet.head``, which
must give exactly the events plain slicing gives, in the same order, only found another way."""

import datetime
import random

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from tests.factories import EventFactory, OrganizationFactory
from timeline import date_spans
from timeline.models import ActionType, Event, EventStatus
from timeline.selectors import TimelineKey

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def pks(events):
    return [event.pk for event in events]


@pytest.mark.parametrize(
    "start, end",
    [
        (datetime.date(2020, 7, 6), datetime.date(2020, 7, 6)),
        (datetime.date(2020, 6, 30), datetime.date(2020, 7, 1)),
        (datetime.date(2020, 6, 30), datetime.date(2020, 7, 2)),
        (datetime.date(2020, 6, 30), datetime.date(2020, 7, 6)),  # "June 30 - July 6, 2020"
        (datetime.date(2020, 7, 1), datetime.date(2020, 7, 31)),
        (datetime.date(2020, 7, 1), datetime.date(2020, 8, 1)),
        (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),  # a leap year: 365 days
        (datetime.date(2019, 1, 1), datetime.date(2020, 12, 31)),  # "2019-2020"
        (datetime.date(2010, 1, 1), datetime.date(2019, 12, 31)),  # "the 2010s"
        (datetime.date(1900, 1, 1), datetime.date(1999, 12, 31)),  # "the 20th century"
        (datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),  # the whole calendar
    ],
)
def test_the_database_stores_the_bucket_of_each_range(start, end):
    event = EventFactory(date_start=start, date_end=end)
    stored = Event.objects.values_list("date_span_bound", flat=True).get(pk=event.pk)
    assert stored == date_spans.span_bound(start, end)
    assert (end - start).days <= stored


def test_the_bucket_follows_a_changed_date():
    event = EventFactory(date_start=datetime.date(2020, 7, 1), date_end=datetime.date(2020, 7, 1))
    event.date_end = datetime.date(2020, 7, 31)
    event.save()
    assert Event.objects.values_list("date_span_bound", flat=True).get(pk=event.pk) == 31


def test_every_straddling_event_is_in_a_window_of_its_bucket():
    day = datetime.date(2020, 7, 15)
    inside = [
        EventFactory(date_start=day - DAY, date_end=day),
        EventFactory(date_start=datetime.date(2020, 7, 1), date_end=datetime.date(2020, 7, 31)),
        EventFactory(date_start=datetime.date(2010, 1, 1), date_end=datetime.date(2029, 12, 31)),
        EventFactory(date_start=datetime.date(1, 1, 1), date_end=datetime.date(9999, 12, 31)),
    ]
    EventFactory(date_start=day, date_end=day)  # starts on the day: not straddling
    EventFactory(date_start=day - 10 * DAY, date_end=day - DAY)  # over before the day
    found = Event.objects.filter(date_spans.straddling(day))
    assert sorted(found.values_list("pk", flat=True)) == sorted(pks(inside))


def test_straddling_near_the_first_day_of_the_calendar():
    event = EventFactory(date_start=datetime.date(1, 1, 1), date_end=datetime.date(1, 1, 3))
    assert list(Event.objects.filter(date_spans.straddling(datetime.date(1, 1, 2)))) == [event]


@pytest.fixture
def crowded():
    """Events of every kind of length over three years, crowding some days, a few not public."""
    rng = random.Random(20200630)
    lengths = [0] * 12 + [1, 2, 6, 9, 10, 29, 30, 90, 91, 181, 364, 365, 729, 3652]
    organizations = [OrganizationFactory() for _ in range(3)]
    first = datetime.date(2019, 1, 1)
    events = []
    for n in range(240):
        start = first + rng.randrange(0, 3 * 365) * DAY
        events.append(
            EventFactory(
                date_start=start,
                date_end=start + rng.choice(lengths) * DAY,
                date_precision=rng.choice(["day", "day", "week", "month", "year"]),
                actor=rng.choice(organizations),
                action_type=rng.choice([ActionType.STATEMENT, ActionType.COMPLIANCE]),
                status=EventStatus.DRAFT if n % 17 == 0 else EventStatus.PUBLISHED,
            )
        )
    return events


DAYS = [
    datetime.date(2018, 6, 1),  # before every event
    datetime.date(2019, 1, 1),
    datetime.date(2020, 2, 29),
    datetime.date(2020, 7, 15),
    datetime.date(2021, 12, 31),
    datetime.date(2030, 1, 1),  # after every event
]


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("newest_first", [False, True])
def test_head_gives_what_slicing_gives(crowded, day, newest_first):
    events = Event.objects.public().filter(date_end__gte=day)
    events = events.newest_first() if newest_first else events.chronological()
    for size in (1, 7, 50, 500):
        assert pks(events.head(size)) == pks(events[:size])
    # From a cursor in the middle, with another filter, with a second date bound.
    expected = list(events)
    if expected:
        middle = TimelineKey.of(expected[len(expected) // 2])
        beyond = events.filter(middle.earlier_q() if newest_first else middle.later_q())
        assert pks(beyond.head(20)) == pks(beyond[:20])
    narrower = events.filter(action_type=ActionType.STATEMENT, date_start__lte=datetime.date(2021, 3, 1))
    assert pks(narrower.head(30)) == pks(narrower[:30])


def test_head_reads_keys_then_rows_when_events_must_reach_a_day(crowded):
    events = Event.objects.public().filter(date_end__gte=datetime.date(2020, 7, 15)).chronological()
    with CaptureQueriesContext(connection) as queries:
        page = events.prefetch_related("citations").head(25)
    # The keys of those straddling the day (too few to fill the page), of the first events
    # starting later, the rows, their citations.
    assert len(queries) == 4
    assert pks(page) == pks(events[:25])
    newest = events.newest_first().prefetch_related("citations")
    with CaptureQueriesContext(connection) as queries:
        page = newest.head(25)
    assert len(queries) == 2  # the events starting later fill the page: read whole, no straddlers
    assert pks(page) == pks(newest[:25])


def test_head_is_plain_slicing_otherwise(crowded):
    day = datetime.date(2020, 7, 15)
    for events in (
        Event.objects.public().chronological(),  # no date bound
        Event.objects.filter(date_end__gte=day).order_by("title"),  # not the timeline order
        Event.objects.filter(Q(date_end__gte=day) | Q(title="x")).chronological(),  # not every row
        Event.objects.exclude(date_end__gte=day).chronological(),
    ):
        with CaptureQueriesContext(connection) as queries:
            page = events.head(10)
        assert len(queries) == 1
        assert pks(page) == pks(events[:10])


def test_reached_day_is_the_latest_bound():
    early, late = datetime.date(2020, 1, 1), datetime.date(2020, 7, 1)
    events = Event.objects.filter(date_end__gte=early).filter(status="published", date_end__gte=late)
    assert date_spans.reached_day(events.query) == late
    # A bound on the event this one responds to says nothing about this one's dates.
    assert date_spans.reached_day(Event.objects.filter(responds_to__date_end__gte=late).query) is None


def test_straddlers_are_found_through_the_span_index(crowded):
    query = Event.objects.filter(date_spans.straddling(datetime.date(2020, 7, 15)))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = query.explain()
    assert "event_span_start_idx" in plan
