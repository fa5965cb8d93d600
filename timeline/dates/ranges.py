"""Ranges: two dates, the first borrowing what it leaves out from the second."""

from __future__ import annotations

import datetime as _dt
import re

from . import reading
from .base import _R, PRECISION_RANK, DateNormalizationError, _Ctx
from .machine import _valid, _year_from

_LEADING_NUMBER_RE = re.compile(r"\d+(?:st|nd|rd|th)?")


# Reviewed: range words of the languages read ("vom 3. bis 5. Mai", "du 3 au 5 mai", "del 3 al
# 5 de mayo", "dal 3 al 5 maggio", "de 3 a 5 de maio", "по" in Russian, "entre el 3 y el 5").
_RANGE_FROM = (
    "between ", "from ", "spanning ", "zwischen dem ", "zwischen ", "vom ", "von ", "du ", "entre le ",
    "entre el ", "entre ", "del ", "dal ", "de ", "desde el ", "desde ", "от ", "\u0441 ", "from the ",
    "من ",
)  # fmt: skip
_RANGE_BETWEEN = frozenset(("between ", "zwischen dem ", "zwischen ", "entre le ", "entre el ", "entre "))
_RANGE_AND = frozenset(("and", "und", "et", "y", "e", "и"))
_RANGE_SEP_RE = re.compile(
    r"\s+(?:-|to|until|till|through|thru|and|/|bis|zum|au|al|a|à|y|et|e|und|и|до|по|hasta|fino al|إلى|الى)\s+"
    r"|(?<=\d)/(?=\d)|(?<=[^\W_])-(?=[^\W_])|\s*-\s*|\s+~\s+|至|到|から"
)


_SHORT_YEAR_RANGE_RE = re.compile(r"(\d{4})\s*[-/]\s*(\d{2})", re.ASCII)


def _parse_range(t: str, ctx: _Ctx) -> _R | None:
    m = _SHORT_YEAR_RANGE_RE.fullmatch(t)
    if m:
        first = int(m[1])
        second = _year_from(m[2], first + 1)
        if second - first > 20:
            return None
        return _R(_dt.date(first, 1, 1), _dt.date(second, 12, 31), "year", is_range=True)
    body = t
    between = False
    for prefix in _RANGE_FROM:
        if body.startswith(prefix):
            body, between = body[len(prefix) :], prefix in _RANGE_BETWEEN
            break
    for m in _RANGE_SEP_RE.finditer(body):
        sep = m.group().strip()
        if sep in _RANGE_AND and not between:
            continue
        left, right = body[: m.start()].strip(" ,"), body[m.end() :].strip(" ,")
        if not left or not right:
            continue
        try:
            b = reading._parse_one(right, ctx)
            if b is None and right[0].isdigit() and left[-1:].isdigit():
                # "July 6-8, 2020": the second day borrows the month of the first.
                month_words = _LEADING_NUMBER_RE.sub("", left).strip()
                if month_words and not _has_year(left):
                    b = reading._parse_one(f"{month_words} {right}", ctx)
        except DateNormalizationError:
            continue
        if b is None:
            continue
        a = _complete_left(left, b, ctx)
        if a is None or a.start > b.end:
            continue
        if m.group() == "-" and a.precision != b.precision and not (_has_digit(left) and _has_digit(right)):
            continue  # "mi-mai" (mid-May; in German Wednesday-May) is no range of a day and a month
        if m.group() == "/" and a.precision != b.precision:
            continue  # "Ley 7/2023" (law 7 of 2023) is no range from a day to a year
        precision = min(a.precision, b.precision, key=PRECISION_RANK.__getitem__)
        return _R(
            a.start,
            b.end,
            precision,
            a.approximate or b.approximate,
            a.ambiguous or b.ambiguous,
            True,
            a.note or b.note,
        )
    return None


def _complete_left(left: str, b: _R, ctx: _Ctx) -> _R | None:
    """The first date of a range, borrowing what it leaves out ("6" in "6-8 July") from the
    second."""
    left = left.removeprefix("dem ").removeprefix("el ").removeprefix("le ").rstrip(".")
    if left.isdigit():
        value = int(left)
        if b.precision == "year" and len(left) == 4:
            return _R(_dt.date(value, 1, 1), _dt.date(value, 12, 31), "year")
        if b.precision == "day" and len(left) <= 2:
            d = _valid(b.start.year, b.start.month, value)
            return _R(d, d, "day") if d else None
        if len(left) != 4:
            return None
    a = None
    if not _has_year(left):
        # The year comes from the second date, never from the reference: "June 30 - July 6,
        # 2020" read in 2025 is still 2020 (the reference would make June 30 the nearest one).
        try:
            a = reading._parse_one(f"{left} {b.end.year}", ctx)
            if a is not None and a.start > b.end:
                a = reading._parse_one(f"{left} {b.end.year - 1}", ctx)
        except DateNormalizationError:
            a = None
    if a is None:
        try:
            a = reading._parse_one(left, ctx)
        except DateNormalizationError:
            return None
    if a is not None and b.precision == "year" and a.precision == "year" and a.start > b.start:
        return None
    return a


_YEARISH_RE = re.compile(r"\d{4}|'\d{2}")


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _has_year(text: str) -> bool:
    return _YEARISH_RE.search(text) is not None
