"""Named days of English news: "Christmas 2019", "on Thanksgiving", "last Easter", "Election Day".

A holiday with a year is that year's; without one it is the occurrence nearest the reference
(as a month and day with no year is), "last" the latest one before the reference and "next" the
first one after it. The table is small and reviewed: days whose date English-language news
agrees on. Thanksgiving, Memorial Day, Labor Day, Independence Day and Election Day are the
United States' (Canada's Thanksgiving is another day: a Canadian source should give the date).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from .base import _R, _Ctx
from .relative import _need_reference


def _easter(year: int) -> _dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return _dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of the month; ``n`` = -1 is the last."""
    if n > 0:
        first = _dt.date(year, month, 1)
        return first + _dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)
    return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], _dt.date]:
    return lambda year: _dt.date(year, month, day)


_HOLIDAYS: dict[str, Callable[[int], _dt.date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    # English possessives are read without their 's ("new year day").
    "new year day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "new year eve": _fixed(12, 31),
    "new years eve": _fixed(12, 31),
    "valentine day": _fixed(2, 14),
    "valentines day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "independence day": _fixed(7, 4),
    "easter": _easter,
    "easter sunday": _easter,
    "easter day": _easter,
    "good friday": lambda year: _easter(year) - _dt.timedelta(days=2),
    "easter monday": lambda year: _easter(year) + _dt.timedelta(days=1),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "thanksgiving day": lambda year: _nth_weekday(year, 11, 3, 4),
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    # The Tuesday after the first Monday of November.
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + _dt.timedelta(days=1),
}
HOLIDAY_WORDS = frozenset(w for name in _HOLIDAYS for w in name.split())

_HOLIDAY_RE = re.compile(
    r"(?:(?P<w>last|this past|past|previous|this|next|this coming|coming)\s+)?"
    r"(?P<name>" + "|".join(sorted(map(re.escape, _HOLIDAYS), key=len, reverse=True)) + r")"
    r"(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?"
)


def _parse_holiday(t: str, ctx: _Ctx) -> _R | None:
    m = _HOLIDAY_RE.fullmatch(t)
    if m is None:
        return None
    day_of = _HOLIDAYS[m["name"]]
    if m["year"]:
        if m["w"]:
            return None  # "last Christmas 2019" says its year twice
        d = day_of(int(m["year"]))
        return _R(d, d, "day")
    ref = ctx.reference
    if ref is None:
        raise _need_reference(t)
    around = [day_of(year) for year in (ref.year - 1, ref.year, ref.year + 1)]
    if m["w"] in ("next", "this coming", "coming"):
        d = min(x for x in around if x > ref)
    elif m["w"] in ("last", "this past", "past", "previous"):
        d = max(x for x in around if x < ref)
    else:
        d = min(around, key=lambda x: (abs((x - ref).days), x > ref))
    return _R(d, d, "day")
