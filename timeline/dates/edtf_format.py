"""EDTF strings (ISO 8601-2 / Library of Congress EDTF) for a date range at its precision.

Every string reads back, with an EDTF parser such as python-edtf, as exactly the range it was made
from: the period's own code when the range is one whole period the parser knows ("2020-07",
"2020-35", "199X", "2020-22"), otherwise an interval whose ends are as coarse as they can be
while exact and no coarser than the precision ("early July 2020" is "2020-07-01~/2020-07-10~",
an ISO week "2020-07-06/2020-07-12", winter "2020-12/2021-02", an approximate quarter
"2020-07~/2020-09~": EDTF parsers read winter codes as December alone and do not qualify
sub-year codes).
"""

from __future__ import annotations

import datetime as _dt

from .base import _SEASON_CODE, PRECISION_RANK
from .calendar_math import _half, _period

# The interval ends each precision may use, coarsest first.
_END_UNITS = {
    "century": ("century", "decade", "year", "month", "day"),
    "decade": ("decade", "year", "month", "day"),
    "year": ("year", "month", "day"),
    "season": ("month", "day"),
    "quarter": ("month", "day"),
    "month": ("month", "day"),
    "week": ("day",),
    "day": ("day",),
}
_QUALIFIABLE = frozenset(("century", "decade", "year", "month", "day"))


def edtf(start, end, precision, approximate=False) -> str:
    """The EDTF string of a date (start, end, precision, approximate), e.g. "2020-07",
    "2020-07-01~/2020-07-10~", "2020-06-30/2020-07-06"."""
    if start is None:
        return ""
    end = end or start
    precision = precision if precision in PRECISION_RANK else "day"
    return _edtf_string(start, end, precision, bool(approximate))


def _edtf_string(start: _dt.date, end: _dt.date, precision: str, approximate: bool) -> str:
    mark = "~" if approximate else ""
    code = _period_code(start, end, precision)
    if code is not None and (not approximate or precision in _QUALIFIABLE or code[-1] == "X"):
        return code + mark
    for unit in _END_UNITS[precision]:
        if _period(start, unit)[0] == start and _period(end, unit)[1] == end:
            a, b = _point(start, unit), _point(end, unit)
            if a == b:
                return a + mark
            return f"{a}{mark}/{b}{mark}"
    raise AssertionError("day ends always fit")  # pragma: no cover


def _period_code(start: _dt.date, end: _dt.date, precision: str) -> str | None:
    """The code of the one whole period ``start..end`` is, when an EDTF parser reads it so."""
    if precision == "year" and start.month in (1, 7) and start.day == 1:
        half = 1 if start.month == 1 else 2
        if _half(start.year, half) == (start, end):
            return f"{start.year:04d}-{39 + half}"
    if precision == "week" or _period(start, precision) != (start, end):
        return None
    if precision == "season":
        if start.month == 12:
            return None  # EDTF parsers read 2020-24 as December 2020 alone
        return f"{start.year:04d}-{_SEASON_CODE[start.month]}"
    if precision == "quarter":
        return f"{start.year:04d}-{32 + (start.month - 1) // 3 + 1}"
    return _point(start, precision)


def _point(d: _dt.date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "century":
        return f"{d.year // 100:02d}XX"
    return f"{d.year // 10:03d}X"
