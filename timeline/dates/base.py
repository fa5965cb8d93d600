"""Precisions, the error callers see, and the small result types the readers pass around."""

from __future__ import annotations

import datetime as _dt
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
