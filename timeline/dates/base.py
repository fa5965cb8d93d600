"""Precisions, the error callers see, and the small result types the readers pass around."""

from __future__ import annotations

import datetime as _dt
import re
import sys
import unicodedata
from typing import NamedTuple

PRECISIONS = ("century", "decade", "year", "season", "quarter", "month", "week", "day")


PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}


DATE_ORDERS = ("DMY", "MDY", "YMD")


_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


_SEASON_CODE = {3: 21, 6: 22, 9: 23, 12: 24}


_SEASON_NAME = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _mark_ranges() -> str:
    """Every combining mark (Unicode categories Mn, Mc, Me) as a character-class body. Vowel signs
    of Brahmic, Thai and other scripts are marks, and Python's ``\\w`` does not take them: without
    them "মে" (May in Bengali) is two words."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, min(sys.maxunicode, 0x1FFFF)):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


# A letter of a word in any script: a letter, a combining mark written on one, or the zero-width
# (non-)joiner that Sinhala, Persian and Indic spellings carry inside words.
LETTER = f"(?:[^\\W\\d_]|[{_mark_ranges()}\u200c\u200d])"
# A year written with four digits, not part of a longer number.
_FOUR_DIGIT_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _words(text: str) -> list[str]:
    return text.split()


class DateNormalizationError(ValueError):
    """The text cannot be made into a date; ``reason`` says why and what to do."""

    def __init__(self, reason: str, text: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.text = text


class _NotRead(DateNormalizationError):
    """No reader found a date in the words it knows (another language's reader may)."""


class _R(NamedTuple):
    start: _dt.date
    end: _dt.date
    precision: str
    approximate: bool = False
    ambiguous: bool = False
    is_range: bool = False
    note: str = ""


class _Failure(NamedTuple):
    reason: str


class _Ctx(NamedTuple):
    reference: _dt.date | None
    langs: tuple
    order: str | None
    explicit_langs: bool
