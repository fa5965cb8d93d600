"""The overview of time above the list: how many events match, per year (per month when the date
filters lie within one year), and per action type.

The strip is an SVG drawn on the server (no JavaScript): one bar per year, empty years included so
that a gap shows as a gap, each bar a link that moves the list to that period with the filters
kept. The counts follow the filters and count public events only.

Counting reads every matching event (one pass, ``count_overview``), so the counts are kept in the
cache under the content version (``timeline.cache``) and the filters: for ``PUBLIC_CACHE_SECONDS``
with a shared cache, for ``LOCAL_SECONDS`` without one, where a process does not see the version
bumped by a write in another process (another web process, a worker): its counts are then at most
that old. The events listed are never cached.
"""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import connection
from django.db.models import Count, IntegerField
from django.db.models.functions import Cast, ExtractMonth, ExtractYear, Substr

from . import selectors
from .cache import cached_under_version
from .models import ActionType

LOCAL_SECONDS = 60
MAX_YEARS = 80  # a longer span is drawn from its last MAX_YEARS years
WIDTH = 640
HEIGHT = 56
GAP = 2
MIN_BAR = 2  # a period with events is never drawn flat


@dataclass
class Overview:
    total: int
    action_types: list  # (value, label, count) of every action type, in the model's order
    periods: dict  # {year: count} or {month: count} for ``zoom_year``
    zoom_year: int | None


def year_bounds(filters):
    """The year the date filters lie within, or None (also when they are unset or bad)."""
    try:
        after = filters.date_after and selectors.parse_date_bound("date_after", filters.date_after)
        before = filters.date_before and selectors.parse_date_bound("date_before", filters.date_before)
    except selectors.FilterError:
        return None
    if after and before and after.start.year == before.end.year:
        return after.start.year
    return None


def date_part(field, start, length, extract):
    """The year (or month) of a date column as a number, computed by the database itself.

    SQLite keeps dates as ISO text, and Django's ``Extract*`` there call a Python function for
    every row (most of the cost of counting 100,000 events): the digits are cut out instead.
    """
    if connection.vendor == "sqlite":
        return Cast(Substr(field, start, length), IntegerField())
    return extract(field)


def count_overview(filters, matching):
    """The counts for ``filters``, whose events are ``matching``: one ``GROUP BY`` (action type,
    year or month) over them; one more with an action type filter (those counts are the filters'
    without it)."""
    matching = matching.order_by().prefetch_related(None).select_related(None)
    zoom_year = year_bounds(filters)
    if zoom_year is None:
        period = date_part("date_start", 1, 4, ExtractYear)
    else:
        matching = matching.filter(date_start__year=zoom_year)
        period = date_part("date_start", 6, 2, ExtractMonth)
    rows = matching.annotate(period=period).values_list("action_type", "period").annotate(n=Count("pk"))
    by_type, periods = Counter(), Counter()
    for action_type, key, n in rows:
        by_type[action_type] += n
        periods[key] += n
    total = sum(by_type.values())
    if filters.action_type:
        # Action type counts ignore the action type filter, so every other type shows what it adds.
        others = replace(filters, action_type="").apply(selectors.public_events()).order_by()
        by_type = Counter(dict(others.values_list("action_type").annotate(n=Count("pk"))))
    action_types = [(value, label, by_type[value]) for value, label in ActionType.choices]
    return Overview(total, action_types, dict(periods), zoom_year)


def overview(filters, matching):
    """``count_overview``, cached under the content version."""
    state = repr(sorted((k, str(v)) for k, v in vars(filters).items() if v))
    return cached_under_version(
        f"overview:{hashlib.sha256(state.encode()).hexdigest()}",
        lambda: count_overview(filters, matching),
        settings.PUBLIC_CACHE_SECONDS or LOCAL_SECONDS,
    )


@dataclass
class Bar:
    label: str  # "2020", or the month's name in the reader's language
    period: int  # the year, or the month number
    count: int
    href: str
    x: float
    y: float
    width: float
    height: float
    current: bool = False


@dataclass
class Strip:
    bars: list = field(default_factory=list)
    unit: str = "year"  # or "month"
    year: int | None = None  # the year whose months are shown
    width: int = WIDTH
    height: int = HEIGHT
    first_label: str = ""
    last_label: str = ""


def year_cursor(year, order):
    """The keyset cursor that opens the list at ``year`` (its newest or oldest event)."""
    if order == selectors.ORDER_NEWEST:
        # Strictly earlier than anything starting on 1 January of the next year.
        return "before", selectors.TimelineKey(datetime.date(year + 1, 1, 1), 0, 1)
    return "after", selectors.TimelineKey(datetime.date(year - 1, 12, 31), 99, 2**63 - 1)


def month_cursor(year, month, order):
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    if order == selectors.ORDER_NEWEST:
        return "before", selectors.TimelineKey(following, 0, 1)
    return "after", selectors.TimelineKey(first - datetime.timedelta(days=1), 99, 2**63 - 1)


def build_strip(overview, *, order, link, month_label, current=None):
    """The bars of ``overview.periods``. ``link(**params)`` makes a URL keeping the filters;
    ``month_label(month)`` names a month in the reader's language; ``current`` is the year (or
    month) of the first event shown."""
    periods = overview.periods
    if not periods:
        return None
    if overview.zoom_year is None:
        last = max(periods)
        first = max(min(periods), last - MAX_YEARS + 1)
        slots = list(range(first, last + 1))
    else:
        slots = list(range(1, 13))
    peak = max(periods.get(slot, 0) for slot in slots) or 1
    step = WIDTH / len(slots)
    strip = Strip(unit="year" if overview.zoom_year is None else "month", year=overview.zoom_year)
    for index, slot in enumerate(slots):
        count = periods.get(slot, 0)
        height = 0 if not count else max(MIN_BAR, (HEIGHT - 4) * count / peak)
        if overview.zoom_year is None:
            name, cursor = year_cursor(slot, order)
            label = str(slot)
        else:
            name, cursor = month_cursor(overview.zoom_year, slot, order)
            label = month_label(slot)
        strip.bars.append(
            Bar(
                label=label,
                period=slot,
                count=count,
                href=link(**{name: str(cursor)}) if count else "",
                x=round(index * step + GAP / 2, 1),
                y=round(HEIGHT - height, 1),
                width=round(max(step - GAP, 1), 1),
                height=round(height, 1),
                current=slot == current,
            )
        )
    strip.first_label, strip.last_label = strip.bars[0].label, strip.bars[-1].label
    return strip
