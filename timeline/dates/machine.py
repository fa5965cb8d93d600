"""Machine formats: ISO 8601, compact, ISO weeks, EDTF codes, numeric dates, decades."""

from __future__ import annotations

import datetime as _dt
import re

from .base import _MONTH_NAMES, _R, PRECISION_RANK, DateNormalizationError, _Ctx
from .calendar_math import _half, _last_day, _make_day, _month, _quarter, _season, _two_digit_year

_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)


_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:t\d{2,6}(?:z)?)?", re.ASCII)


_ISO_WEEK_RE = re.compile(r"(\d{4})-?w(\d{1,2})(?:-?([1-7]))?", re.ASCII)


_YEAR_CODE_RE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})", re.ASCII)


_MONTH_YEAR_RE = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{4})", re.ASCII)


_EDTF_CODES = frozenset((*range(21, 29), *range(33, 37), 40, 41))


_YEAR_RE = re.compile(r"(?:(?:the )?(?:calendar )?year )?(\d{4})(?: ad| ce| calendar year)?", re.ASCII)


_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "noughties": 2000, "aughts": 2000,
    "two thousands": 2000, "twenty-tens": 2010, "twenty tens": 2010, "twenty-twenties": 2020,
}  # fmt: skip


_DECADE_RE = re.compile(r"(?:(\d{3})0\s*'?s|(\d{3})[x?]|'?(\d)0\s*'?s)", re.ASCII)


# Separated by "/", ".", "-", ":" or spaces alone (Yoruba's CLDR medium date is "6 12 1991").
_NUMERIC_RE = re.compile(r"(\d{1,4})\s*([/.\-:]|\s)\s*(\d{1,2})\s*\2\s*(\d{1,4})", re.ASCII)


_NUMERIC_YEAR_LAST_RE = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*'(\d{2})", re.ASCII)


def _parse_numeric(t: str, ctx: _Ctx) -> _R | None:
    m = _NUMERIC_RE.fullmatch(t)
    if m is None:
        m = _NUMERIC_YEAR_LAST_RE.fullmatch(t)
        if m is None:
            return None
    a, b, c = m.group(1), m.group(3), m.group(4)
    ia, ib, ic = int(a), int(b), int(c)
    if len(a) == 4 or (len(a) == 3) or (ia > 31 and len(c) <= 2):
        # Year first: always year-month-day.
        year = ia if len(a) >= 3 else _two_digit_year(ia)
        return _R(*(2 * (_make_day(year, ib, ic, t),)), "day")
    if len(c) not in (2, 4):
        return None
    if ctx.order == "YMD" and len(c) == 2 and len(a) <= 2 and "'" not in t:
        return _R(*(2 * (_make_day(_two_digit_year(ia), ib, ic, t),)), "day")
    year = ic if len(c) == 4 else _two_digit_year(ic)
    dm = _valid(year, ib, ia)
    md = _valid(year, ia, ib)
    if not dm and not md:
        raise DateNormalizationError(f"{t!r} is not a valid calendar date in any day order")
    order = ctx.order if ctx.order in ("DMY", "MDY") else None
    if order is None and m.group(2) == ".":
        # No locale of CLDR writes a dotted date month first (de "06.07.2020", cs "4. 7. 2011",
        # fi "6.9.2000"): with the year last, the day comes first.
        order = "DMY"
    if order == "DMY" and dm:
        return _R(dm, dm, "day")
    if order == "MDY" and m.group(2) == "." and dm and dm != md:
        # A month-first convention (en-US, zu) is not how anyone writes a dotted date.
        note = (
            f"{t!r} is dotted, so day first ({dm.isoformat()}), though the order given is MDY; please confirm"
        )
        return _R(dm, dm, "day", ambiguous=True, note=note)
    if order == "MDY" and md:
        return _R(md, md, "day")
    if dm and md and dm != md:
        return _R(
            dm,
            dm,
            "day",
            ambiguous=True,
            note=(
                f"{t!r} is ambiguous: {dm.day} {_MONTH_NAMES[dm.month]} or {md.day} "
                f"{_MONTH_NAMES[md.month]}; give the day order or jurisdiction"
            ),
        )
    only = dm or md
    if order is not None:
        return _R(
            only,
            only,
            "day",
            ambiguous=True,
            note=f"{t!r} is not valid as {order}; read as {only.isoformat()}, please confirm",
        )
    return _R(only, only, "day")


def _valid(y: int, m: int, d: int) -> _dt.date | None:
    if 1 <= m <= 12 and 1 <= d <= _last_day(y, m):
        return _dt.date(y, m, d)
    return None


def _year_from(text: str, base: int | None = None) -> int:
    if len(text) == 4:
        return int(text)
    if base is not None:
        year = base - base % 100 + int(text)
        return year if year >= base else year + 100
    return _two_digit_year(int(text))


def _parse_machine(t: str) -> _R | None:
    m = _ISO_RE.fullmatch(t)
    if m:
        d = _make_day(int(m[1]), int(m[2]), int(m[3]), t)
        return _R(d, d, "day")
    m = _COMPACT_RE.fullmatch(t)
    if m:
        d = _valid(int(m[1]), int(m[2]), int(m[3]))
        if d is not None:
            return _R(d, d, "day")
        return None
    m = _ISO_WEEK_RE.fullmatch(t)
    if m:
        try:
            monday = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            raise DateNormalizationError(f"{t!r} is not a valid ISO week") from None
        if m[3]:
            d = monday + _dt.timedelta(days=int(m[3]) - 1)
            return _R(d, d, "day")
        return _R(monday, monday + _dt.timedelta(days=6), "week")
    m = _MONTH_YEAR_RE.fullmatch(t)
    if m:
        if 1 <= int(m[1]) <= 12:
            return _R(*_month(int(m[2]), int(m[1])), "month")
        return None
    m = _YEAR_CODE_RE.fullmatch(t)
    if m:
        year, code = int(m[1]), int(m[2])
        if 1 <= code <= 12:
            return _R(*_month(year, code), "month")
        if m[2] == f"{(year + 1) % 100:02d}" or "-" not in t:
            # "2020-21", "2020/21": the years 2020 to 2021, though EDTF reads 2020-21 as spring.
            note = f"{t!r} is read as the years {year} to {year + 1}; EDTF would read a season"
            return _R(
                _dt.date(year, 1, 1),
                _dt.date(_year_from(m[2], year + 1), 12, 31),
                "year",
                ambiguous="-" in t and code in _EDTF_CODES,
                is_range=True,
                note=note if "-" in t and code in _EDTF_CODES else "",
            )
        if 21 <= code <= 28:
            return _R(*_season(year, (3, 6, 9, 12)[(code - 21) % 4]), "season")
        if 33 <= code <= 36:
            return _R(*_quarter(year, code - 32), "quarter")
        if code in (40, 41):
            return _R(*_half(year, code - 39), "year")
        return None
    if len(t) == 3 and t[0] == "'" and t[1:].isdigit():
        year = _two_digit_year(int(t[1:]))  # "'58": an elided year
        return _R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year")
    m = _YEAR_RE.fullmatch(t)
    if m:
        year = int(m[1])
        return _R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year")
    return None


def _parse_decade(t: str) -> _R | None:
    start = None
    m = _DECADE_RE.fullmatch(t)
    if m:
        if m[1] or m[2]:
            start = int(m[1] or m[2]) * 10
        else:
            digit = int(m[3])
            start = 2000 + digit * 10 if digit <= 2 else 1900 + digit * 10
    elif t in _DECADE_WORDS:
        start = _DECADE_WORDS[t]
    if start is None:
        return None
    return _R(_dt.date(start, 1, 1), _dt.date(start + 9, 12, 31), "decade")


_EDTF_INTERVAL_RE = re.compile(r"([0-9x-]+)(~?)/([0-9x-]+)(~?)", re.ASCII)


def _parse_edtf_interval(t: str) -> _R | None:
    """An EDTF interval of machine dates, each end possibly approximate ("2020-07-01~/2020-07-10~")."""
    m = _EDTF_INTERVAL_RE.fullmatch(t)
    if m is None or not (m[2] or m[4] or "-" in m[1] or "x" in m[1]):
        return None
    a = _parse_machine(m[1]) or _parse_decade(m[1])
    b = _parse_machine(m[3]) or _parse_decade(m[3])
    if a is None or b is None or a.is_range or b.is_range or a.start > b.end:
        return None
    precision = min(a.precision, b.precision, key=PRECISION_RANK.__getitem__)
    return _R(a.start, b.end, precision, bool(m[2] or m[4]), is_range=True)


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
_CENTURY_RE = re.compile(
    r"(?:the )?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" + "|".join(_ORDINAL_WORDS) + r"))[- ]century",
    re.ASCII,
)


def _parse_century(t: str) -> _R | None:
    """ "the 20th century", "nineteenth century", "1900s" (the years 1900-1999, as EDTF 19XX and
    TimeML read a century)."""
    m = _CENTURY_RE.fullmatch(t)
    if m is None:
        return None
    first = ((int(m["n"]) if m["n"] else _ORDINAL_WORDS[m["w"]]) - 1) * 100
    if not 0 <= first <= 9900:
        return None
    return _R(_dt.date(max(first, 1), 1, 1), _dt.date(first + 99, 12, 31), "century")
