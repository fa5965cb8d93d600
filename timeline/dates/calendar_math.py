"""Calendar arithmetic: periods, thirds (early/mid/late), nearest occurrences, months."""

from __future__ import annotations

import calendar
import datetime as _dt

from .base import _MONTH_NAMES, _R, DateNormalizationError


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    return _dt.date(year, month, 1), _dt.date(year, month, _last_day(year, month))


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _months_span(year: int, month: int, count: int) -> tuple[_dt.date, _dt.date]:
    ey, em = _add_months(year, month, count - 1)
    return _dt.date(year, month, 1), _dt.date(ey, em, _last_day(ey, em))


def _quarter(year: int, q: int) -> tuple[_dt.date, _dt.date]:
    return _months_span(year, 3 * q - 2, 3)


def _half(year: int, h: int) -> tuple[_dt.date, _dt.date]:
    return _months_span(year, 6 * h - 5, 6)


def _season(year: int, start_month: int) -> tuple[_dt.date, _dt.date]:
    return _months_span(year, start_month, 3)


def _week(d: _dt.date) -> tuple[_dt.date, _dt.date]:
    monday = d - _dt.timedelta(days=d.weekday())
    return monday, monday + _dt.timedelta(days=6)


def _period(d: _dt.date, precision: str) -> tuple[_dt.date, _dt.date]:
    """The whole period of ``precision`` that contains ``d``."""
    if precision == "day":
        return d, d
    if precision == "week":
        return _week(d)
    if precision == "month":
        return _month(d.year, d.month)
    if precision == "quarter":
        return _quarter(d.year, (d.month - 1) // 3 + 1)
    if precision == "season":
        if d.month in (1, 2):
            return _season(d.year - 1, 12)
        return _season(d.year, (d.month // 3) * 3)
    if precision == "year":
        return _dt.date(d.year, 1, 1), _dt.date(d.year, 12, 31)
    if precision == "century":
        century = d.year - d.year % 100
        return _dt.date(max(century, 1), 1, 1), _dt.date(century + 99, 12, 31)
    decade = d.year - d.year % 10
    return _dt.date(decade, 1, 1), _dt.date(decade + 9, 12, 31)


def _thirds(start: _dt.date, precision: str) -> list[tuple[_dt.date, _dt.date]]:
    """The early / mid / late parts of the period of ``precision`` starting at ``start``."""
    y, m = start.year, start.month
    if precision == "week":
        return [
            (start + _dt.timedelta(days=a), start + _dt.timedelta(days=b))
            for a, b in ((0, 1), (2, 3), (4, 6))
        ]
    if precision == "month":
        last = _last_day(y, m)
        return [
            (_dt.date(y, m, 1), _dt.date(y, m, 10)),
            (_dt.date(y, m, 11), _dt.date(y, m, 20)),
            (_dt.date(y, m, 21), _dt.date(y, m, last)),
        ]
    if precision in ("quarter", "season"):
        return [_month(*_add_months(y, m, i)) for i in range(3)]
    if precision == "year":
        return [_months_span(y, 1, 4), _months_span(y, 5, 4), _months_span(y, 9, 4)]
    if precision == "century":
        y -= y % 100
        return [
            (_dt.date(max(y, 1), 1, 1), _dt.date(y + 32, 12, 31)),
            (_dt.date(y + 33, 1, 1), _dt.date(y + 65, 12, 31)),
            (_dt.date(y + 66, 1, 1), _dt.date(y + 99, 12, 31)),
        ]
    return [
        (_dt.date(y, 1, 1), _dt.date(y + 3, 12, 31)),
        (_dt.date(y + 4, 1, 1), _dt.date(y + 6, 12, 31)),
        (_dt.date(y + 7, 1, 1), _dt.date(y + 9, 12, 31)),
    ]


_THIRD_INDEX = {"early": 0, "mid": 1, "late": 2}


def _qualify(r: _R, approx: bool, third: tuple[str, str] | None) -> _R:
    if third is not None and r.precision != "day" and not r.is_range:
        parts = _thirds(r.start, r.precision)
        start = parts[_THIRD_INDEX[third[0]]][0]
        end = parts[_THIRD_INDEX[third[1]]][1]
        return r._replace(start=start, end=end, approximate=True)
    if approx and not r.approximate:
        return r._replace(approximate=True)
    return r


# News reports what happened: a date written without its year is, most often, one in the months
# before the source was published; one up to four months after it is an announced one (TempEval's
# TBAQ news: 220 of 233 yearless months and days in this window, 209 for the nearest occurrence).
_MONTHS_AHEAD_WITHOUT_YEAR = 4


def _date_without_year(reference: _dt.date, month: int, day: int | None) -> _dt.date:
    """The date a text with no year means by this month (and day): the first one after the
    reference if it is at most four months ahead (a month by its own number: "January" read in
    October), otherwise the latest one on or before the reference."""
    ahead_year, ahead_month = _add_months(reference.year, reference.month, _MONTHS_AHEAD_WITHOUT_YEAR)
    if day is None:
        year = reference.year if month >= reference.month else reference.year + 1
        if (year, month) > (ahead_year, ahead_month):
            year -= 1
        return _dt.date(year, month, 1)
    limit = _dt.date(ahead_year, ahead_month, min(reference.day, _last_day(ahead_year, ahead_month)))
    candidates = [
        _dt.date(year, month, day)
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if day <= _last_day(year, month)
    ]
    if not candidates:
        raise DateNormalizationError(f"{_MONTH_NAMES[month]} {day} does not exist in any nearby year")
    ahead = [d for d in candidates if reference < d <= limit]
    behind = [d for d in candidates if d <= reference]
    return ahead[0] if ahead else max(behind, default=candidates[0])


def _nearest_day_of_month(reference: _dt.date, day: int, text: str) -> _dt.date:
    """The date with this day of the month nearest the reference: for text with only a day."""
    if not 1 <= day <= 31:
        raise DateNormalizationError(f"{text!r} is not a valid day of the month")
    candidates = []
    for n in (-1, 0, 1):
        y, m = _add_months(reference.year, reference.month, n)
        if day <= _last_day(y, m):
            candidates.append(_dt.date(y, m, day))
    if not candidates:
        raise DateNormalizationError(f"{text!r} is not a valid day of the month")
    return min(candidates, key=lambda d: (abs((d - reference).days), d > reference))


def _year_of_month_towards(reference: _dt.date, month: int, direction: int) -> int:
    """The year of a month named before (-1), in (0) or after (+1) the reference's: "last March",
    "지난 3월" is the latest March before the reference's month, "next March" the first after."""
    if direction < 0:
        return reference.year if month < reference.month else reference.year - 1
    if direction > 0:
        return reference.year if month > reference.month else reference.year + 1
    return reference.year


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 50 else 1900 + yy


def _make_day(y: int, m: int, d: int, text: str) -> _dt.date:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        raise DateNormalizationError(f"{text!r} is not a valid calendar date") from None
