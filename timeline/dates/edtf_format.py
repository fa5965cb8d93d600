"""EDTF strings for a date range at its precision."""

from __future__ import annotations

import datetime as _dt

from .base import _SEASON_CODE, PRECISION_RANK
from .calendar_math import _half, _period


def _iso_point(d: _dt.date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "quarter":
        return f"{d.year:04d}-{32 + (d.month - 1) // 3 + 1}"
    if precision == "season":
        start = _period(d, "season")[0]
        return f"{start.year:04d}-{_SEASON_CODE[start.month]}"
    if precision == "year":
        return f"{d.year:04d}"
    return f"{d.year // 10:03d}X"


def edtf(start, end, precision, approximate=False) -> str:
    """The ``iso`` of a stored date (start, end, precision, approximate): a range when start and
    end fall in different periods of the precision, e.g. "2020-06-30/2020-07-06"."""
    if start is None:
        return ""
    end = end or start
    precision = precision if precision in PRECISION_RANK else "day"
    is_range = _period(start, precision) != _period(end, precision)
    return _edtf_string(start, end, precision, bool(approximate), is_range)


def _edtf_string(start: _dt.date, end: _dt.date, precision: str, approximate: bool, is_range: bool) -> str:
    if is_range:
        a = _iso_point(start, precision)
        b = _iso_point(end, precision)
        if approximate:
            a, b = a + "~", b + "~"
        return f"{a}/{b}"
    value = _iso_point(start, precision)
    if precision == "year" and start.month in (1, 7) and start.day == 1:
        half = 1 if start.month == 1 else 2
        if _half(start.year, half) == (start, end):
            value = f"{start.year:04d}-{39 + half}"
    return value + "~" if approximate else value
