"""Human text for a stored date that claims no more precision than it has."""

from __future__ import annotations

import datetime as _dt

from .base import _MONTH_NAMES, _SEASON_NAME, PRECISION_RANK
from .calendar_math import _half, _period, _thirds, _week


def _label(d: _dt.date, precision: str) -> str:
    if precision == "day":
        return f"{d.day} {_MONTH_NAMES[d.month]} {d.year}"
    if precision == "week":
        monday = _week(d)[0]
        return f"week of {monday.day} {_MONTH_NAMES[monday.month]} {monday.year}"
    if precision == "month":
        return f"{_MONTH_NAMES[d.month]} {d.year}"
    if precision == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if precision == "season":
        start = _period(d, "season")[0]
        if start.month == 12:
            return f"winter {start.year}\u2013{(start.year + 1) % 100:02d}"
        return f"{_SEASON_NAME[start.month]} {start.year}"
    if precision == "year":
        return str(d.year)
    if precision == "century":
        return f"{_ordinal(d.year // 100 + 1)} century"
    return f"{d.year - d.year % 10}s"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_display(start, end, precision, approximate=False) -> str:
    """Human text for a stored date that claims no more precision than it has.

    "6 July 2020", "July 2020", "c. 2016", "Q3 2020", "summer 2020", "1990s",
    "week of 6 July 2020", "early July 2020", "mid-2019", "first half of 2021",
    "30 June \u2013 6 July 2020".
    """
    if start is None:
        return ""
    end = end or start
    precision = precision if precision in PRECISION_RANK else "day"
    circa = "c. " if approximate else ""
    ps, pe = _period(start, precision)
    if (start, end) == (ps, pe):
        return circa + _label(start, precision)
    if end <= pe and precision != "day":
        label = _label(start, precision)
        if precision == "year":
            for h, name in ((1, "first"), (2, "second")):
                if _half(start.year, h) == (start, end):
                    return f"{circa}{name} half of {start.year}"
        parts = _thirds(ps, precision)
        starts = [p[0] for p in parts]
        ends = [p[1] for p in parts]
        if start in starts and end in ends:
            i, j = starts.index(start), ends.index(end)
            words = ("early", "mid", "late")
            if i == j:
                word = words[i]
            elif i < j:
                word = f"{words[i]} to {words[j]}"
            else:
                word = ""
            if word:
                if precision == "week":
                    return f"{word} in the {label}"
                if word == "mid":
                    return f"mid-{label}"
                return f"{word} {label}"
    return circa + _range_label(start, end, precision)


def _range_label(start: _dt.date, end: _dt.date, precision: str) -> str:
    dash = "\u2013"
    if precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}{dash}{end.day} {_MONTH_NAMES[end.month]} {end.year}"
        first = f"{start.day} {_MONTH_NAMES[start.month]}"
        return f"{first} {dash} {end.day} {_MONTH_NAMES[end.month]} {end.year}"
    if precision == "month" and start.year == end.year:
        return f"{_MONTH_NAMES[start.month]}{dash}{_MONTH_NAMES[end.month]} {end.year}"
    if precision == "year":
        return f"{start.year}{dash}{end.year}"
    return f"{_label(start, precision)} {dash} {_label(end, precision)}"
