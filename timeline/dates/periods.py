"""Quarters, halves, seasons and weeks written in English."""

from __future__ import annotations

import datetime as _dt
import re

from . import reading
from .base import _R, _SEASON_START, DateNormalizationError, _Ctx
from .calendar_math import _half, _quarter, _season, _week
from .machine import _year_from

_Q_WORD = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4, "fifth": 5, "5th": 5,
}  # fmt: skip


_FY = r"(?P<fy>fy|fiscal(?: year)?|financial year)?\s*'?"


_QUARTER_RE = re.compile(
    r"(?:q(?P<a>[1-4])|(?P<b>[1-4])q|(?P<w>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    r"[- ]quarter)\s*(?:of|,|/|-|in)?\s*" + _FY + r"(?P<y>\d{4}|\d{2})"
    r"|" + _FY.replace("fy>", "fy2>") + r"(?P<y2>\d{4})\s*[-/ ]?\s*q(?P<c>[1-4])"
    # "the 1988 third quarter", "1988's second quarter"
    r"|(?P<y3>\d{4})(?:'s)? (?P<w3>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter",
    re.ASCII,
)


_H_WORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2}


_HALF_RE = re.compile(
    r"(?:h(?P<a>[12])|(?P<b>[12])h|(?P<w>first|second|1st|2nd|latter|last)[- ]half)"
    r"\s*(?:of|,|/|-|in)?\s*" + _FY + r"(?P<y>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})\s*[-/ ]?\s*h(?P<c>[12])",
    re.ASCII,
)


_SEASON_RE = re.compile(
    r"(?P<s>spring|summer|autumn|fall|winter)(?: of)?,?\s+(?P<y>\d{4})"
    r"(?:\s*[-/]\s*(?P<y2>\d{4}|\d{2}))?"
    r"|(?P<yb>\d{4})\s+(?P<sb>spring|summer|autumn|fall|winter)",
    re.ASCII,
)


_NTH_WEEK_RE = re.compile(
    r"(?:the )?(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th) week"
    r"(?: of| in)? (?P<rest>.+)"
)


_WEEK_OF_RE = re.compile(r"(?:the )?week (?:of|beginning|starting|commencing|from) (?P<rest>.+)")


_WEEK_NUM_RE = re.compile(
    r"(?:calendar |cw|kw)?\s*week\s*(?:no\.?\s*|number\s*|#)?(\d{1,2})(?:,|\s+of|\s)\s*(\d{4})"
)


# "the first two quarters of 1990" is the first half; "the last three quarters" April-December.
_QUARTERS_OF_YEAR_RE = re.compile(
    r"(?:the )?(?P<w>first|last|final) (?P<n>two|three|2|3) quarters(?: of)? (?P<y>\d{4})", re.ASCII
)


def _parse_quarters_of_year(t: str) -> _R | None:
    m = _QUARTERS_OF_YEAR_RE.fullmatch(t)
    if m is None:
        return None
    year, count, first = int(m["y"]), 2 if m["n"] in ("two", "2") else 3, m["w"] == "first"
    if count == 2:
        return _R(*_half(year, 1 if first else 2), "year")
    start = _quarter(year, 1 if first else 2)[0]
    end = _quarter(year, 3 if first else 4)[1]
    return _R(start, end, "quarter", is_range=True)


def _parse_periods(t: str, ctx: _Ctx) -> _R | None:
    if "quarters" in t:
        r = _parse_quarters_of_year(t)
        if r is not None:
            return r
    if "q" in t or "quarter" in t:
        m = _QUARTER_RE.fullmatch(t)
        if m:
            if m["fy"] or m["fy2"]:
                raise _fiscal(t)
            q = int(m["a"] or m["b"] or m["c"] or 0) or _Q_WORD[m["w"] or m["w3"]]
            year = _year_from(m["y"] or m["y2"] or m["y3"])
            return _R(*_quarter(year, q), "quarter")
    if "h" in t:
        m = _HALF_RE.fullmatch(t)
        if m:
            if m["fy"]:
                raise _fiscal(t)
            h = int(m["a"] or m["b"] or m["c"] or 0) or _H_WORD[m["w"]]
            year = _year_from(m["y"] or m["y2"])
            return _R(*_half(year, h), "year")
    m = _SEASON_RE.fullmatch(t)
    if m:
        name = m["s"] or m["sb"]
        year = int(m["y"] or m["yb"])
        if m["y2"]:
            second = _year_from(m["y2"], year)
            if name != "winter" or second != year + 1:
                return None
        return _R(*_season(year, _SEASON_START[name]), "season")
    if "week" in t:
        m = _WEEK_NUM_RE.fullmatch(t)
        if m:
            try:
                monday = _dt.date.fromisocalendar(int(m[2]), int(m[1]), 1)
            except ValueError:
                raise DateNormalizationError(f"{t!r} is not a valid week number") from None
            return _R(monday, monday + _dt.timedelta(days=6), "week")
        m = _NTH_WEEK_RE.fullmatch(t)
        if m:
            month = reading._parse_one(m["rest"], ctx)
            if month is not None and month.precision == "month" and not month.is_range:
                n = _Q_WORD.get(m["n"], 0) if m["n"] not in ("last", "final") else -1
                if n == 0 or n > 5:
                    return None
                day = month.end if n == -1 else month.start + _dt.timedelta(days=7 * n - 7)
                if day > month.end:
                    return None
                return _R(*_week(day), "week", month.approximate)
        m = _WEEK_OF_RE.fullmatch(t)
        if m:
            inner = reading._parse_one(m["rest"], ctx)
            if inner is not None and inner.precision == "day" and not inner.is_range:
                return _R(*_week(inner.start), "week", inner.approximate, inner.ambiguous)
    if _FISCAL_WORD_RE.search(t):  # a word: Welsh "Rhagfyr" (December) is no fiscal year
        raise _fiscal(t)
    return None


_FISCAL_WORD_RE = re.compile(r"\bfy(?:\d|\b)|fiscal|financial year")


def _fiscal(t: str) -> DateNormalizationError:
    why = "which depends on the organization's fiscal year"
    return DateNormalizationError(f"{t!r} is a fiscal period, {why}; give calendar dates")
