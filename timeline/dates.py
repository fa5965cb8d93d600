"""Date normalization: turn a date as a source wrote it into an exact, honest range.

``normalize_date(text, reference=None, languages=None, date_order=None)`` returns a
``NormalizedDate`` (first and last calendar day the text can mean, inclusive, its precision, and
whether it is approximate or ambiguous) or raises ``DateNormalizationError`` whose ``reason`` a
person can act on. The module is pure: no ORM, no settings; stdlib, ``regex``-free ``re`` and
dateparser (imported lazily, only for text the fast paths do not read).

How text is read, in order:

1. Machine formats: ISO 8601 and reduced ISO (``2020``, ``2020-07``, ``2020-07-06``), ISO
   datetimes (the calendar date as written; offsets are never applied, nothing goes through
   UTC), compact ``20200630``, ISO weeks ``2020-W28`` (Monday to Sunday), EDTF sub-year codes
   ``2020-21..24`` (seasons), ``2020-33..36`` (quarters), ``2020-40/41`` (halves).
2. Numeric dates ``05/07/2020``, ``17.02.2021``, ``2020/7/6``: a four-digit year first is
   always year-month-day. Otherwise the day/month order comes from ``date_order`` (or, when
   only non-English ``languages`` are given, from their convention). **Ambiguity rule**: when
   the order is unknown and both readings are valid and different, the day-first reading is
   returned with ``ambiguous=True`` (callers treat that as *needs review*; it is never raised).
   When only one reading is a valid date it is taken; if that contradicts a given order the
   result is flagged ambiguous too. Two-digit years pivot at 50: ``00-49`` -> 2000-2049,
   ``50-99`` -> 1950-1999 (fixed, so results never depend on today's date).
3. Words: month names, weekdays and ordinals in English plus the given languages (tables built
   from dateparser's own language data), Chinese/Japanese/Korean ``年月日`` forms (including
   Japanese eras, ``上旬/中旬/下旬``, quarters, halves and seasons), quarters (``Q3 2020``,
   ``third quarter of 2020``, ``2Q 2020``), halves, seasons, decades, weeks.
4. Relative text against ``reference`` (the source's publication date), ranges, text anchored
   on a date inside it, then dateparser with the languages known as the general engine.

Rules:

- **Weekdays**: a weekday that contradicts the date ("Monday, July 7, 2020") keeps the date and
  sets ``ambiguous=True``. A bare, "on" or "last" weekday is its most recent occurrence strictly
  before the reference; "next Monday" the first one strictly after.
- "Monday last week" / "上周一" is the Monday of the previous ISO week; "the first/second/last
  week of July 2020" is the ISO week holding the 1st/8th/last day of the month.
- **Open bounds** ("before July 6, 2020", "since 2019", "by the end of 2019", "pre-2019") are
  errors: they are not dates. "on or about" is approximate.
- **No year** ("July 6", "6月30日", "mid-July"): the occurrence nearest the reference (so
  "Dec 28" read against 3 January 2021 is 28 December 2020). Without a reference: an error.
- **Relative offsets**: "3 days ago", "a week ago", "two days earlier", "the next day" are day
  precision; "two months ago" is month precision; "a year ago" is year precision; "last week"
  is the previous ISO week (week precision), "last month", "last year" likewise. "a week after
  June 30, 2020" resolves from the date in the text; if the text names no date for its anchor
  ("a week after parliament passed the law") it is an error, not a guess. Vague counts ("a few
  days ago", "days after") are errors.
- **Qualifiers**: "c.", "ca.", "circa", "around", "about", "approximately", "roughly" set
  ``approximate`` and keep the range. "early", "mid", "late" (and "beginning/start of",
  "middle of", "end of", and their equivalents in other languages) set ``approximate`` and
  narrow the range to a third of the stated period while the precision stays as stated:
  month: 1-10 / 11-20 / 21-end; year: Jan-Apr / May-Aug / Sep-Dec; decade: years 0-3 / 4-6 /
  7-9; quarter or season: its first / second / third month; week: Mon-Tue / Wed-Thu / Fri-Sun.
  "mid-to-late 2019" spans from the start of the middle third to the end of the last. On a day
  ("late Wednesday") the qualifier is the time of day: no narrowing, not approximate.
- **Seasons** are northern-hemisphere meteorological: spring Mar-May, summer Jun-Aug, autumn
  (fall) Sep-Nov, winter Dec-Feb; "winter 2020" (and "winter 2020/21") is 1 Dec 2020 to
  28 Feb 2021.
- **Halves** ("H1 2021", "first half of 2021") are year precision with the range narrowed to the
  half, not approximate (there is no half precision; quarter would claim too much).
- **Decades**: "1990s", "the 1990s", "'90s", "the nineties", "90年代"; two-digit decades 00-20
  are 2000s-2020s, others 1900s.
- **Ranges** ("June 30 - July 6, 2020", "2019-2020", "6-8 July 2020", "between X and Y",
  "from X to Y"): start of the first, end of the last, precision of the coarser side,
  ``is_range=True``. ``2019-12`` is December 2019 (ISO wins), ``2019-20`` and ``2019/20`` are
  2019 to 2020; ``2020-21``, which EDTF would read as spring 2020, is read as 2020 to 2021 and
  flagged ambiguous (the other EDTF codes, ``2020-22`` etc., read as EDTF).
- **dateparser's guesses are refused**: it fills what the text leaves out from today or the
  reference ("31" becomes the 31st of this month). Every dateparser result is computed against
  two bases; if it depends on them it is accepted only for relative text or a month and day
  with a reference, and is otherwise an error.
- **Fiscal periods** ("Q3 FY2020") are errors: fiscal years differ per organization.
- **Languages**: ``None`` means English and the language-neutral fast paths; if the text has a
  non-Latin script (kana, Han, Hangul, Cyrillic, Arabic, Greek, Hebrew, Thai) the language is
  guessed from the script. There is never open-ended language detection. Codes dateparser does
  not know are ignored.

``iso`` is EDTF: level 0/1 for day, month, year, week (``2020-W28``), decade (``199X``) and
season (``2020-22`` summer; 21 spring, 22 summer, 23 autumn, 24 winter); quarters and halves use
the EDTF level 2 sub-year codes (``2020-35`` = Q3, ``2021-40`` = H1); ranges are EDTF intervals
(``2020-06-30/2020-07-06``); ``~`` is appended when approximate.

Results and errors are cached (bounded LRU keyed on text, reference, languages, order). Call
``warm_up()`` once per worker process at start-up: dateparser's first parse in a language costs
up to seconds.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "PRECISIONS",
    "PRECISION_RANK",
    "DateNormalizationError",
    "NormalizedDate",
    "cache_clear",
    "edtf",
    "format_display",
    "normalize_date",
    "warm_up",
]

PRECISIONS = ("decade", "year", "season", "quarter", "month", "week", "day")
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}
DATE_ORDERS = ("DMY", "MDY", "YMD")
WARM_LANGUAGES = ("en", "zh", "ja", "ko", "ru", "de", "fr", "es", "pt", "it", "tr", "ar")

_CACHE_SIZE = 8192
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


@dataclass(frozen=True)
class NormalizedDate:
    text: str
    start: _dt.date
    end: _dt.date
    precision: str
    approximate: bool = False
    ambiguous: bool = False
    is_range: bool = False
    # Why the result needs review (ambiguous readings); empty otherwise.
    note: str = ""

    @property
    def iso(self) -> str:
        if self.is_range:
            a = _iso_point(self.start, self.precision)
            b = _iso_point(self.end, self.precision)
            if self.approximate:
                a, b = a + "~", b + "~"
            return f"{a}/{b}"
        value = _iso_point(self.start, self.precision)
        if self.precision == "year" and self.start.month in (1, 7) and self.start.day == 1:
            half = 1 if self.start.month == 1 else 2
            if _half(self.start.year, half) == (self.start, self.end):
                value = f"{self.start.year:04d}-{39 + half}"
        return value + "~" if self.approximate else value

    @property
    def display(self) -> str:
        return format_display(self.start, self.end, self.precision, self.approximate)

    def as_dict(self) -> dict:
        return {
            "date": self.iso,
            "precision": self.precision,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "approximate": self.approximate,
            "ambiguous": self.ambiguous,
        }


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


# ---------------------------------------------------------------------------------------------
# Calendar helpers


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


def _nearest(reference: _dt.date, month: int, day: int | None) -> _dt.date:
    """The date with this month (and day) nearest the reference: for text with no year."""
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = day or 1
        if d > _last_day(year, month):
            continue
        candidate = _dt.date(year, month, d)
        if day is None:
            # A month is "near" by its whole span, so use its middle.
            candidate = _dt.date(year, month, 15)
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    if best is None:
        raise DateNormalizationError(f"{_MONTH_NAMES[month]} {day} does not exist in any nearby year")
    return best if day is not None else best.replace(day=1)


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


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 50 else 1900 + yy


def _make_day(y: int, m: int, d: int, text: str) -> _dt.date:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        raise DateNormalizationError(f"{text!r} is not a valid calendar date") from None


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


# ---------------------------------------------------------------------------------------------
# Display


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
    return f"{d.year - d.year % 10}s"


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


def edtf(start, end, precision, approximate=False) -> str:
    """The ``iso`` of a stored date (start, end, precision, approximate): a range when start and
    end fall in different periods of the precision, e.g. "2020-06-30/2020-07-06"."""
    if start is None:
        return ""
    end = end or start
    precision = precision if precision in PRECISION_RANK else "day"
    is_range = _period(start, precision) != _period(end, precision)
    return NormalizedDate("", start, end, precision, bool(approximate), is_range=is_range).iso


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


# ---------------------------------------------------------------------------------------------
# Vocabulary

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "febr": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_EN_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_EN_SKIP = frozenset(_words("of the on in at dated ad ce year"))
# Qualifier words inside non-English text (English ones are prefixes, handled separately).
_FOREIGN_APPROX = frozenset(
    _words(
        "etwa ca ungefähr gegen environ vers cerca alrededor aproximadamente aprox circa intorno "
        "около примерно приблизно близько yaklaşık حوالي نحو"  # noqa: RUF001
    )
)
_FOREIGN_THIRDS = {
    **dict.fromkeys(
        _words(
            "anfang beginn début debut principios principio inicios inicio início inizio "
            "начале начала başı başında أوائل"  # noqa: RUF001
        ),
        "early",
    ),
    **dict.fromkeys(
        _words("mitte mi mediados meados metà середине середины ortası ortasında منتصف"),  # noqa: RUF001
        "mid",
    ),
    **dict.fromkeys(_words("ende fin finales fines final fim fine конце конца sonu sonunda أواخر"), "late"),
}
_FOREIGN_SKIP = frozenset(
    _words("года год г гг року р du le de del em do da di il am den der des el à no dia día")  # noqa: RUF001
)
# Month names dateparser's data lacks: Levantine Arabic, Russian prepositional ("в апреле").
_EXTRA_MONTHS = {
    "ar": {
        "شباط": 2,
        "آذار": 3,
        "نيسان": 4,
        "أيار": 5,
        "حزيران": 6,
        "تموز": 7,
        "آب": 8,
        "أيلول": 9,
    },
    "ru": dict(
        zip(
            _words("январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"),
            range(1, 13),
            strict=True,
        )
    ),
}


class _Vocab(NamedTuple):
    months: dict
    weekdays: dict
    skip: frozenset
    approx: frozenset
    thirds: dict


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


@functools.lru_cache(maxsize=128)
def _language_info(code: str) -> dict | None:
    import importlib

    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return None
    return module.info


@functools.lru_cache(maxsize=256)
def _vocab(langs: tuple) -> _Vocab:
    """Month and weekday words for ``langs`` (earlier languages win a clash), then English."""
    months: dict = {}
    weekdays: dict = {}
    skip = set(_EN_SKIP)
    foreign = False
    for code in langs:
        if code == "en":
            continue
        info = _language_info(code)
        if info is None:
            continue
        foreign = True
        for word, index in _EXTRA_MONTHS.get(code, {}).items():
            months.setdefault(word, index)
        for index, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, ()):
                months.setdefault(word.lower().rstrip("."), index)
        for index, key in enumerate(_WEEKDAY_KEYS):
            for word in info.get(key, ()):
                weekdays.setdefault(word.lower().rstrip("."), index)
        for word in info.get("skip", ()):
            word = word.lower().strip()
            if word.isalpha() and word not in _FOREIGN_APPROX:
                skip.add(word)
    for word, index in _EN_MONTHS.items():
        months.setdefault(word, index)
    for word, index in _EN_WEEKDAYS.items():
        weekdays.setdefault(word, index)
    if foreign:
        skip |= _FOREIGN_SKIP
    return _Vocab(
        months,
        weekdays,
        frozenset(skip),
        _FOREIGN_APPROX if foreign else frozenset(),
        _FOREIGN_THIRDS if foreign else {},
    )


@functools.lru_cache(maxsize=1)
def _known_languages() -> frozenset:
    from dateparser.data import languages_info

    return frozenset(languages_info.language_order)


_EN_REGION_ORDER = {
    "us": "MDY", "gb": "DMY", "uk": "DMY", "ie": "DMY", "au": "DMY", "nz": "DMY", "in": "DMY",
    "hk": "DMY", "sg": "DMY", "za": "YMD", "ph": "MDY", "ng": "DMY", "pk": "DMY", "my": "DMY",
}  # fmt: skip

_SCRIPTS = (
    (re.compile("[\u3040-\u30ff]"), "ja"),
    (re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"), "ko"),
    (re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"), "zh"),
    (re.compile("[\u0400-\u04ff]"), "ru"),
    (re.compile("[\u0600-\u06ff]"), "ar"),
    (re.compile("[\u0370-\u03ff]"), "el"),
    (re.compile("[\u0590-\u05ff]"), "he"),
    (re.compile("[\u0e00-\u0e7f]"), "th"),
)


def _resolve_languages(languages, text: str) -> tuple[tuple, str | None, bool]:
    """(language codes, order implied by them, whether the caller gave them)."""
    if languages:
        if isinstance(languages, str):
            languages = [languages]
        known = _known_languages()
        codes: list[str] = []
        implied = None
        for raw in languages:
            if not raw:
                continue
            parts = re.split(r"[-_]", str(raw).strip().lower())
            code = parts[0]
            if code == "en" and len(parts) > 1 and implied is None:
                implied = _EN_REGION_ORDER.get(parts[-1])
            if code in known and code not in codes:
                codes.append(code)
        if codes:
            if implied is None:
                orders = set()
                for code in codes:
                    if code != "en":
                        info = _language_info(code)
                        orders.add(info.get("date_order") if info else None)
                if len(orders) == 1:
                    implied = orders.pop()
            return tuple(codes), implied, True
    if not text.isascii():
        for pattern, code in _SCRIPTS:
            if pattern.search(text):
                return (code,), None, False
    return ("en",), None, False


# ---------------------------------------------------------------------------------------------
# Cleaning

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
        **dict.fromkeys("\xa0\u2007\u202f\u3000\u200b", " "),
        **dict.fromkeys("\u2018\u2019\u2032`", "'"),
        **dict.fromkeys("\u201c\u201d", '"'),
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u060c": ",",
    }
)
_WS = re.compile(r"\s+")
_NO_DATE = frozenset(
    _words(
        "n/a na n.a n.a. tbd tba tbc unknown unk none null nil to - -- --- ? ?? ??? n.d n.d. nd "
        "s.d. s.d s/d undated no-date date various ongoing pending x xx xxxx ... \u2026 k.a. o.d. "
        "nan nat n/d t.b.d. t.b.a. tbd. unbekannt inconnu desconocido sconosciuto desconhecido "
        "未知 不详 不詳 待定 不明 미상 неизвестно"
    )
) | {
    "no date", "date unknown", "not known", "sin fecha", "sans date", "not yet", "to be determined",
    "to be announced", "to be confirmed", "not applicable", "not available", "no date given",
    "not given", "not stated", "not specified", "unspecified", "date not given",
}  # fmt: skip
_HAS_DATE_CHAR = re.compile(r"[0-9]|[^\W\d_]{2,}|[年月日]")


def _clean(text: str) -> str:
    s = text
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE)
    s = _WS.sub(" ", s).strip()
    while len(s) > 1 and s[0] + s[-1] in ('""', "''", "()", "[]", "{}"):
        s = s[1:-1].strip()
    return s.rstrip(" ,;:").rstrip(".") if not s.lower().endswith(("n.d.", "s.d.")) else s


# ---------------------------------------------------------------------------------------------
# Fast paths

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
_YEAR_RE = re.compile(r"(?:(?:the )?year )?(\d{4})(?: ad| ce)?", re.ASCII)
_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "noughties": 2000, "aughts": 2000,
    "two thousands": 2000, "twenty-tens": 2010, "twenty tens": 2010, "twenty-twenties": 2020,
}  # fmt: skip
_DECADE_RE = re.compile(r"(?:(\d{3})0\s*'?s|(\d{3})[x?]|'?(\d)0\s*'?s)", re.ASCII)
_NUMERIC_RE = re.compile(r"(\d{1,4})\s*([/.\-:])\s*(\d{1,2})\s*\2\s*(\d{1,4})", re.ASCII)
_NUMERIC_YEAR_LAST_RE = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*'(\d{2})", re.ASCII)
_Q_WORD = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4, "fifth": 5, "5th": 5,
}  # fmt: skip
_FY = r"(?P<fy>fy|fiscal(?: year)?|financial year)?\s*'?"
_QUARTER_RE = re.compile(
    r"(?:q(?P<a>[1-4])|(?P<b>[1-4])q|(?P<w>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    r"[- ]quarter)\s*(?:of|,|/|-|in)?\s*" + _FY + r"(?P<y>\d{4}|\d{2})"
    r"|" + _FY.replace("fy>", "fy2>") + r"(?P<y2>\d{4})\s*[-/ ]?\s*q(?P<c>[1-4])",
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
_TIME_RE = re.compile(
    r"(?:(?:,|\s)\s*(?:at|@|um|à|a las|alle|às|-)?\s*"
    r"(?:\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\d{1,2}(?:\.\d{2})?\s*[ap]\.?\s?m\b\.?|noon|midnight)"
    r"(?:\s*\(?(?:utc|gmt)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
    r"|\s*[+-]\d{2}:?\d{2}|\s*\(?\b(?:[a-z]{1,3}[sd]?t|msk|z|local time|local|uhr|hrs|h)\b\)?)?)"
)
_TOKEN_RE = re.compile(r"\d+[^\W\d_]*\.?|[^\W\d_]+\.?|'\d{2}\b")
_ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|e|o|a|°|\.)?")


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
    if order == "DMY" and dm:
        return _R(dm, dm, "day")
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


def _parse_periods(t: str, ctx: _Ctx) -> _R | None:
    if "q" in t or "quarter" in t:
        m = _QUARTER_RE.fullmatch(t)
        if m:
            if m["fy"] or m["fy2"]:
                raise _fiscal(t)
            q = int(m["a"] or m["b"] or m["c"] or 0) or _Q_WORD[m["w"]]
            year = _year_from(m["y"] or m["y2"])
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
            month = _parse_one(m["rest"], ctx)
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
            inner = _parse_one(m["rest"], ctx)
            if inner is not None and inner.precision == "day" and not inner.is_range:
                return _R(*_week(inner.start), "week", inner.approximate, inner.ambiguous)
    if "fy" in t or "fiscal" in t or "financial year" in t:
        raise _fiscal(t)
    return None


def _fiscal(t: str) -> DateNormalizationError:
    why = "which depends on the organization's fiscal year"
    return DateNormalizationError(f"{t!r} is a fiscal period, {why}; give calendar dates")


def _parse_tokens(t: str, ctx: _Ctx) -> _R | None:
    """Day / month name / year in any order, with weekdays, ordinals and filler words."""
    vocab = _vocab(ctx.langs)
    month = weekday = day = year = None
    approx = False
    third = None
    numbers = []
    saw_month_first = False
    for token in _TOKEN_RE.findall(t):
        if token[0] == "'":
            numbers.append(("yy", int(token[1:]), len(numbers)))
            continue
        if token[0].isdigit():
            m = _ORDINAL_RE.fullmatch(token)
            if m is None:
                return None
            numbers.append((m[1], int(m[1]), month is not None))
            continue
        word = token.rstrip(".")
        if word in vocab.months:
            if month is not None:
                return None
            month = vocab.months[word]
            saw_month_first = not numbers
        elif word in vocab.weekdays:
            if weekday is not None:
                return None
            weekday = vocab.weekdays[word]
        elif word in vocab.skip:
            continue
        elif word in vocab.approx:
            approx = True
        elif word in vocab.thirds:
            third = (vocab.thirds[word],) * 2
        else:
            return None
    if month is None:
        if (third or approx) and len(numbers) == 1 and len(numbers[0][0]) == 4 and weekday is None:
            # "Mitte 2019", "fin 2020", "конце 2019 года"
            year = numbers[0][1]
            return _qualify(_R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year"), approx, third)
        return None
    for digits, value, after_month in numbers:
        if digits == "yy":
            if year is not None:
                return None
            year = _two_digit_year(value)
        elif len(digits) == 4 or value > 31:
            if year is not None:
                return None
            year = value
        elif day is None and (len(numbers) == 1 or year is not None or not after_month or saw_month_first):
            day = value
        elif year is None and len(digits) == 2 and day is not None:
            # "6-Jul-20": day, month, two-digit year.
            year = _two_digit_year(value)
        else:
            return None
    if year is None:
        if ctx.reference is None:
            what = f"{_MONTH_NAMES[month]} {day}" if day else _MONTH_NAMES[month]
            raise DateNormalizationError(f"{t!r} has no year ({what}); give the year or a reference date")
        if day is None:
            start = _nearest(ctx.reference, month, None)
            return _qualify(_R(*_month(start.year, month), "month"), approx, third)
        d = _nearest(ctx.reference, month, day)
        r = _R(d, d, "day")
    elif day is None:
        r = _R(*_month(year, month), "month")
    else:
        d = _make_day(year, month, day, t)
        r = _R(d, d, "day")
    if weekday is not None and r.precision == "day" and r.start.weekday() != weekday:
        r = r._replace(
            ambiguous=True,
            note=(
                f"{t!r}: {r.start.isoformat()} is a {_WEEKDAY_KEYS[r.start.weekday()].title()}, "
                f"not a {_WEEKDAY_KEYS[weekday].title()}; check the source"
            ),
        )
    return _qualify(r, approx, third)


# ---------------------------------------------------------------------------------------------
# Chinese, Japanese, Korean

_CJK_MARK_RE = re.compile(r"[年月日号號季半春夏秋冬旬년월일분반봄여름가을겨울]")
_CJK_WEEKDAY_RE = re.compile(
    r"\(?(?:星期|礼拜|禮拜|周|週)[一二三四五六日天七1-7]\)?|\([月火水木金土日](?:曜日?)?\)|[月火水木金土日]曜日?"
)
_KO_WEEKDAY_RE = re.compile(r"\([월화수목금토일](?:요일)?\)|[월화수목금토일]요일")
_KO_MAP = (
    ("초순", "上旬"), ("중순", "中旬"), ("하순", "下旬"),
    ("상반기", "上半年"), ("하반기", "下半年"),
    ("분기", "季度"), ("년대", "年代"), ("년", "年"), ("월", "月"), ("일", "日"), ("초", "初"),
    ("말", "末"), ("중", "中"), ("봄", "春"), ("여름", "夏"), ("가을", "秋"), ("겨울", "冬"),
    ("경", "頃"), ("약", "约"), ("쯤", "頃"),
)  # fmt: skip
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "兩": 2}
_CJK_NUM_RE = re.compile(r"[〇零一二三四五六七八九十两兩]+")
_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "民國": 1912, "民国": 1912}
_CJK_RE = re.compile(
    r"(?:(?P<era>令和|平成|昭和|大正|民國|民国)(?P<ey>\d{1,3}|元)年|(?P<y>\d{4}|\d{2})年)?"
    r"(?:(?P<dec>代)(?P<dq>初期?|中期|末期?|后期|後期)?"
    r"|(?P<m>\d{1,2})月(?:份)?(?:(?P<d>\d{1,2})[日号號]?)?(?P<mq>上旬|中旬|下旬|初|中|底|末)?"
    r"|第?(?P<q>[1-4])(?:季度|季|四半期|分期)"
    r"|(?P<h>上半年|上半期|上期|前半|下半年|下半期|下期|後半|后半)"
    r"|(?P<s>春|夏|秋|冬)(?:天|季)?"
    r"|(?P<yq>初|年初|中|年中|底|年末|年底|末))?"
    r"|(?P<dom>\d{1,2})[日号號]"
)
_CJK_Q = {"上旬": "early", "初": "early", "年初": "early", "初期": "early",
          "中旬": "mid", "中": "mid",
          "年中": "mid", "中期": "mid", "下旬": "late", "底": "late", "末": "late", "年底": "late",
          "年末": "late", "末期": "late", "后期": "late", "後期": "late"}  # fmt: skip
_CJK_APPROX_PREFIX = ("大约", "大約", "大概", "约", "約", "およそ")
_CJK_APPROX_SUFFIX = ("左右", "前后", "前後", "頃", "ごろ", "ころ", "前后")


_CJK_TIME_RE = re.compile(
    r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚间|晚間|午前|午後|晚|早|夜|朝|夕方)"
    r"(?:\d{1,2}(?:[:时時点點]\d{0,2}分?)?(?:半)?)?$|\d{1,2}[:时時点點]\d{0,2}分?$"
)
_CJK_RELATIVE = {
    "今天": "today", "今日": "today", "昨天": "yesterday", "昨日": "yesterday",
    "前天": "day before yesterday", "一昨日": "day before yesterday", "去年": "last year",
    "昨年": "last year", "今年": "this year", "明年": "next year", "上个月": "last month",
    "上個月": "last month", "上月": "last month", "本月": "this month", "这个月": "this month",
    "下个月": "next month", "先月": "last month", "今月": "this month", "上周": "last week",
    "上週": "last week", "上星期": "last week", "本周": "this week", "这周": "this week",
    "下周": "next week", "先週": "last week", "今週": "this week", "来週": "next week",
    "어제": "yesterday", "오늘": "today", "그저께": "day before yesterday", "작년": "last year",
    "올해": "this year", "내년": "next year", "지난달": "last month", "이번달": "this month",
    "지난주": "last week", "이번주": "this week", "다음주": "next week",
}  # fmt: skip
_CJK_WEEKDAY_INDEX = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5,
    "월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6,
}  # fmt: skip
_CJK_WEEKDAY_RELATIVE_RE = re.compile(
    r"(?P<w>上周|上週|上星期|上礼拜|上禮拜|下周|下週|下星期|本周|这周|周|週|星期|礼拜|禮拜)"
    r"(?P<d>[一二三四五六日天])"
    r"|(?P<w2>先週|今週|来週)?(?P<d2>[月火水木金土日])曜日?"
    r"|(?:지난|이번)?(?P<d3>[월화수목금토일])요일"
)


def _cjk_number(m: re.Match) -> str:
    s = m.group()
    try:
        if "十" in s:
            tens, _, units = s.partition("十")
            return str((_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[units] if units else 0))
        return "".join(str(_CJK_DIGITS[c]) for c in s)
    except KeyError:
        return s


def _parse_cjk(t: str, ctx: _Ctx) -> _R | None:
    compact = t.replace(" ", "")
    if compact in _CJK_RELATIVE:
        return _parse_relative(_CJK_RELATIVE[compact], ctx)
    m = _CJK_WEEKDAY_RELATIVE_RE.fullmatch(compact)
    if m:
        weekday = _WEEKDAY_KEYS[_CJK_WEEKDAY_INDEX[m["d"] or m["d2"] or m["d3"]]]
        which = m["w"] or m["w2"]
        if which in ("上周", "上週", "上星期", "上礼拜", "上禮拜", "先週"):
            return _parse_relative(f"{weekday} last week", ctx)
        if which in ("下周", "下週", "下星期", "来週"):
            return _parse_relative(f"{weekday} next week", ctx)
        return _parse_relative(weekday, ctx)
    if not _CJK_MARK_RE.search(t):
        return None
    c = t.replace(" ", "").replace(",", "")
    if re.search("[\uac00-\ud7af]", c):
        c = _KO_WEEKDAY_RE.sub("", c)
        for ko, han in _KO_MAP:
            c = c.replace(ko, han)
    c = _CJK_WEEKDAY_RE.sub("", c)
    c = _CJK_NUM_RE.sub(_cjk_number, c)
    c = _CJK_TIME_RE.sub("", c) or c
    approx = False
    for prefix in _CJK_APPROX_PREFIX:
        if c.startswith(prefix):
            c, approx = c[len(prefix) :], True
    for suffix in _CJK_APPROX_SUFFIX:
        if c.endswith(suffix):
            c, approx = c[: -len(suffix)], True
    m = _CJK_RE.fullmatch(c)
    if m is None or not c:
        return None
    if m["dom"]:
        # "11日", "11일": a day of the month (a count of days would say 前/後, 전/후).
        if ctx.reference is None:
            raise DateNormalizationError(f"{t!r} has no month or year; give a reference date")
        d = _nearest_day_of_month(ctx.reference, int(m["dom"]), t)
        return _qualify(_R(d, d, "day"), approx, None)
    year = None
    if m["era"]:
        year = _ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"])) - 1
    elif m["y"]:
        year = int(m["y"]) if len(m["y"]) == 4 else None
        if year is None and not m["dec"]:
            year = _two_digit_year(int(m["y"]))
    third_word = m["mq"] or m["yq"] or m["dq"]
    third = (_CJK_Q[third_word],) * 2 if third_word else None
    if m["dec"]:
        y = m["y"] or ""
        start = int(y) if len(y) == 4 else (2000 + int(y) if int(y) <= 20 else 1900 + int(y))
        start -= start % 10
        return _qualify(_R(_dt.date(start, 1, 1), _dt.date(start + 9, 12, 31), "decade"), approx, third)
    if m["m"]:
        month, day = int(m["m"]), int(m["d"]) if m["d"] else None
        if not 1 <= month <= 12:
            raise DateNormalizationError(f"{t!r} is not a valid calendar date")
        if year is None:
            if ctx.reference is None:
                raise DateNormalizationError(f"{t!r} has no year; give the year or a reference date")
            near = _nearest(ctx.reference, month, day)
            year = near.year
        if day is None:
            return _qualify(_R(*_month(year, month), "month"), approx, third)
        d = _make_day(year, month, day, t)
        return _qualify(_R(d, d, "day"), approx, third)
    if year is None:
        return None
    if m["q"]:
        return _qualify(_R(*_quarter(year, int(m["q"])), "quarter"), approx, None)
    if m["h"]:
        h = 1 if m["h"] in ("上半年", "上半期", "上期", "前半") else 2
        return _qualify(_R(*_half(year, h), "year"), approx, None)
    if m["s"]:
        start_month = {"春": 3, "夏": 6, "秋": 9, "冬": 12}[m["s"]]
        return _qualify(_R(*_season(year, start_month), "season"), approx, None)
    return _qualify(_R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year"), approx, third)


# ---------------------------------------------------------------------------------------------
# Relative text

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2, "a single": 1,
    "just one": 1, "exactly one": 1, "one full": 1, "a full": 1,
}  # fmt: skip
_NUM = "(?P<n>" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r"|\d{1,3})"
_UNIT = r"(?P<unit>day|week|fortnight|month|year)(?P<pl>s)?"
_AGO_RE = re.compile(
    rf"(?:just |only |some |about )?{_NUM}\s+{_UNIT}\s+"
    r"(?P<dir>ago|earlier|before|prior|previously|back|later|after|afterwards?|on|from now|hence|"
    r"from then|afterward)"
)
_ANCHOR_RE = re.compile(
    rf"(?:just |only |some |about |exactly )?(?:{_NUM}\s+)?{_UNIT}\s+"
    r"(?P<dir>after|before|following|prior to|earlier than|later than|ahead of|since|from|on from)"
    r"\s+(?P<rest>.+)"
)
_VAGUE_RE = re.compile(
    r"\b(?:a few|few|several|some|many|a number of|couple|multiple|a matter of)\s+"
    r"(?:day|week|month|year|hour)s?\b|\b(?:days|weeks|months|years|hours)\s+"
    r"(?:ago|earlier|later|after|before|prior|following)\b|\brecently\b|\bsoon\b|\blately\b"
)
_REL_DAYS = {
    "today": 0, "earlier today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tonight": 0, "now": 0, "same day": 0, "that day": 0, "the same day": 0, "on the same day": 0,
    "later that day": 0, "earlier that day": 0, "later today": 0,
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "overnight": -1, "the previous day": -1, "previous day": -1,
    "day before": -1, "the day before": -1, "prior day": -1, "the prior day": -1,
    "the previous night": -1, "the night before": -1, "a day earlier": -1, "a day before": -1,
    "day before yesterday": -2, "the day before yesterday": -2,
    "tomorrow": 1, "next day": 1, "the next day": 1, "following day": 1, "the following day": 1,
    "day after": 1, "the day after": 1, "a day later": 1, "the next morning": 1,
    "the following morning": 1, "day after tomorrow": 2, "the day after tomorrow": 2,
}  # fmt: skip
_WD_ALT = "|".join(sorted(_EN_WEEKDAYS, key=len, reverse=True))
_REL_WEEKDAY_RE = re.compile(
    r"(?:(?P<w>last|this past|past|previous|this|next|this coming|coming|on|by|from|since|until|"
    r"till|"
    r"the following|the previous|the next)\s+)?"
    rf"(?P<wd>{_WD_ALT})\.?(?:\s+(?:morning|afternoon|evening|night|noon|midday))?"
    r"(?:\s+(?:of\s+)?(?P<week>last|this|next)\s+week)?"
)
_REL_PERIOD_RE = re.compile(
    r"(?P<w>last|previous|the previous|the past|this past|past|prior|this|current|the current|"
    r"next|coming|the coming|the next|following|the following|earlier this|later this|"
    r"earlier in the|later in the|"
    r"late last|early last|the last)\s+(?P<unit>week|month|year)"
)
_WEEKEND_RE = re.compile(r"(?:(?P<w>last|this past|past|previous|this|over the|at the|on the|the|"
                         r"during the|"
                         r"next|this coming|coming)\s+)?weekend")  # fmt: skip
_RELATIVE_CUE_RE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|ago|last|next|earlier|later|previous|prior|"
    r"following|before|after|since|this|weekend|overnight|" + _WD_ALT + r")\b"
)


def _need_reference(t: str) -> DateNormalizationError:
    return DateNormalizationError(
        f"relative date {t!r} needs a reference date (the source's publication date)"
    )


def _count(n: str) -> int:
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


def _shift(r: _R, unit: str, n: int) -> _R:
    """Move a result by ``n`` units; day and week moves keep day precision."""
    if unit in ("day", "week", "fortnight"):
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        delta = _dt.timedelta(days=days)
        if r.precision == "day":
            return r._replace(start=r.start + delta, end=r.end + delta)
        return r._replace(start=r.start + delta, end=r.end + delta, approximate=True)
    months = n * (12 if unit == "year" else 1)
    y, m = _add_months(r.start.year, r.start.month, months)
    if r.precision == "day":
        d = _dt.date(y, m, min(r.start.day, _last_day(y, m)))
        return r._replace(start=d, end=d)
    start = _dt.date(y, m, 1)
    end = _period(start, r.precision)[1] if not r.is_range else r.end
    return r._replace(start=start, end=end)


def _parse_relative(t: str, ctx: _Ctx) -> _R | None:
    ref = ctx.reference
    if t in _REL_DAYS:
        if ref is None:
            raise _need_reference(t)
        d = ref + _dt.timedelta(days=_REL_DAYS[t])
        return _R(d, d, "day")
    m = _AGO_RE.fullmatch(t)
    if m:
        if ref is None:
            raise _need_reference(t)
        n = _count(m["n"])
        sign = -1 if m["dir"] in ("ago", "earlier", "before", "prior", "previously", "back") else 1
        unit = m["unit"]
        if unit in ("day", "week", "fortnight"):
            return _shift(_R(ref, ref, "day"), unit, sign * n)
        precision = unit
        shifted = _shift(_R(*_period(ref, precision), precision), unit, sign * n)
        return shifted
    m = _REL_WEEKDAY_RE.fullmatch(t)
    if m:
        if ref is None:
            raise _need_reference(t)
        wd = _EN_WEEKDAYS[m["wd"]]
        if m["week"]:
            shift = {"last": -7, "this": 0, "next": 7}[m["week"]]
            d = _week(ref + _dt.timedelta(days=shift))[0] + _dt.timedelta(days=wd)
            return _R(d, d, "day")
        if m["w"] in ("next", "this coming", "coming", "the following", "the next"):
            d = ref + _dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        else:
            d = ref - _dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        return _R(d, d, "day")
    m = _REL_PERIOD_RE.fullmatch(t)
    if m:
        if ref is None:
            raise _need_reference(t)
        w, unit = m["w"], m["unit"]
        if w in ("this", "current", "the current", "earlier this", "later this", "earlier in the",
                 "later in the"):  # fmt: skip
            n = 0
        elif w in ("next", "coming", "the coming", "the next", "following", "the following"):
            n = 1
        else:
            n = -1
        base = _R(*_period(ref, unit), unit)
        r = _shift(base, unit, n) if unit != "week" else _R(*_week(ref + _dt.timedelta(days=7 * n)), "week")
        if w.startswith("earlier"):
            r = r._replace(end=max(r.start, min(r.end, ref - _dt.timedelta(days=1))))
        elif w.startswith("later"):
            r = r._replace(start=min(r.end, max(r.start, ref)))
        if w.startswith("late "):
            r = _qualify(r, True, ("late", "late"))
        elif w.startswith("early "):
            r = _qualify(r, True, ("early", "early"))
        return r
    m = _WEEKEND_RE.fullmatch(t)
    if m:
        if ref is None:
            raise _need_reference(t)
        if m["w"] in ("next", "this coming", "coming"):
            saturday = ref + _dt.timedelta(days=(5 - ref.weekday() - 1) % 7 + 1)
        else:
            saturday = ref - _dt.timedelta(days=(ref.weekday() - 5 - 1) % 7 + 1)
        return _R(saturday, saturday + _dt.timedelta(days=1), "day", is_range=True)
    return None


def _parse_anchored(t: str, ctx: _Ctx) -> _R | None:
    m = _ANCHOR_RE.fullmatch(t)
    if m is None:
        return None
    if m["n"] is None and m["pl"]:
        raise _vague(t)
    n = _count(m["n"]) if m["n"] else 1
    sign = -1 if m["dir"] in ("before", "prior to", "earlier than", "ahead of") else 1
    rest = m["rest"]
    anchor = _parse_one(rest, ctx)
    if anchor is None:
        anchor = _search_embedded(rest, ctx)
    if anchor is None:
        raise DateNormalizationError(
            f"{t!r} is relative to an event whose date the text does not give; "
            "enter that event's date instead"
        )
    shifted = _shift(anchor, m["unit"], sign * n)
    return shifted._replace(is_range=anchor.is_range)


def _vague(t: str) -> DateNormalizationError:
    return DateNormalizationError(f"{t!r} is too vague to date; give the date the source means")


# ---------------------------------------------------------------------------------------------
# Qualifiers, ranges, embedded dates

_QUALIFIER_RE = re.compile(
    r"(?:(?P<approx>c\.|ca\.|c(?=\s?\d)|circa|on or about|on or around|around|about|"
    r"approximately|approx\.?|roughly|"
    r"some ?time"
    r"(?: in| around| during)?|~|est\.|estimated|reportedly|probably|perhaps|likely)"
    r"|(?P<range>(?P<r1>early|mid|late)[- ]to[- ](?P<r2>mid|late)-?)"
    r"|(?P<early>early|the early part of|the beginning of|beginning of|the start of|start of|"
    r"towards the beginning of|earlier in|start(?=-))"
    r"|(?P<mid>mid-|mid|the middle of|middle of|midway through|halfway through)"
    r"|(?P<late>late|the latter part of|the end of|end of|end(?=-)|towards? the end of|"
    r"the close of|close of|later in)"
    r"|(?P<noise>updated:?|published:?|posted:?|posted on|first published|last updated:?|date:|"
    r"dated|as of|on|in|during|the|effective|effective from))"
    r"(?:\s+|\s*-\s*|(?<=[-~])|(?<=[.c])(?=\d))"
)
_SUFFIX_APPROX_RE = re.compile(r"\s*(?:\?|~|\(approx(?:\.|imate(?:ly)?)?\)|\(est\.?\)|or so|\(\?\))$")
_LEADING_NUMBER_RE = re.compile(r"\d+(?:st|nd|rd|th)?")
_RANGE_SEP_RE = re.compile(
    r"\s+(?:-|to|until|till|through|thru|and|/)\s+|(?<=\d)/(?=\d)|(?<=[^\W_])-(?=[^\W_])|\s*-\s*|\s+~\s+|至|到|から"
)
_EMBED_MONTH = "|".join(sorted((w for w in _EN_MONTHS), key=len, reverse=True))
_EMBED_RE = re.compile(
    rf"(?:(?:{_WD_ALT})\.?,?\s+)?"
    rf"(?:(?:{_EMBED_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_EMBED_MONTH})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)\b"
)


def _strip_qualifiers(t: str) -> tuple[str, bool, tuple[str, str] | None]:
    approx = False
    third = None
    m = _SUFFIX_APPROX_RE.search(t)
    if m and m.start() > 0:
        t, approx = t[: m.start()], True
    while True:
        m = _QUALIFIER_RE.match(t)
        if m is None:
            break
        if m["approx"]:
            approx = True
        elif m["range"]:
            third = (m["r1"], m["r2"])
        elif m["early"]:
            third = ("early", "early")
        elif m["mid"]:
            third = ("mid", "mid")
        elif m["late"]:
            third = ("late", "late")
        t = t[m.end() :].lstrip(" ,")
    return t, approx, third


def _parse_one(t: str, ctx: _Ctx) -> _R | None:
    """One date expression, with its qualifiers; None when it is not one."""
    body, approx, third = _strip_qualifiers(t)
    if not body:
        return None
    r = _parse_body(body, ctx)
    if r is None:
        return None
    if third is not None and r.precision == "day":
        # "late Wednesday", "early on 6 July": the time of day, not an approximate date.
        return r._replace(approximate=r.approximate or approx)
    return _qualify(r, approx, third)


def _parse_body(t: str, ctx: _Ctx) -> _R | None:
    ascii_text = t.isascii()
    if ascii_text and (t[0].isdigit() or t.startswith("year ")):
        r = _parse_machine(t)
        if r is not None:
            return r
    t = _TIME_RE.sub("", t).strip(" ,") or t
    if ascii_text:
        r = _parse_numeric(t, ctx)
        if r is not None:
            return r
        r = _parse_decade(t)
        if r is not None:
            return r
        r = _parse_periods(t, ctx)
        if r is not None:
            return r
    elif t[0].isdigit():
        r = _parse_machine(t) or _parse_numeric(t, ctx)
        if r is not None:
            return r
    r = _parse_tokens(t, ctx)
    if r is not None:
        return r
    if not ascii_text:
        r = _parse_cjk(t, ctx)
        if r is not None:
            return r
    r = _parse_relative(t, ctx)
    if r is not None:
        return r
    r = _parse_anchored(t, ctx)
    if r is not None:
        return r
    if _VAGUE_RE.search(t):
        raise _vague(t)
    return None


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
    for prefix in ("between ", "from ", "spanning "):
        if body.startswith(prefix):
            body, between = body[len(prefix) :], prefix == "between "
            break
    for m in _RANGE_SEP_RE.finditer(body):
        sep = m.group().strip()
        if sep == "and" and not between:
            continue
        left, right = body[: m.start()].strip(" ,"), body[m.end() :].strip(" ,")
        if not left or not right:
            continue
        try:
            b = _parse_one(right, ctx)
            if b is None and right[0].isdigit() and left[-1:].isdigit():
                # "July 6-8, 2020": the second day borrows the month of the first.
                month_words = _LEADING_NUMBER_RE.sub("", left).strip()
                if month_words and not _has_year(left):
                    b = _parse_one(f"{month_words} {right}", ctx)
        except DateNormalizationError:
            continue
        if b is None:
            continue
        a = _complete_left(left, b, ctx)
        if a is None or a.start > b.end:
            continue
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
    if left.isdigit():
        value = int(left)
        if b.precision == "year" and len(left) == 4:
            return _R(_dt.date(value, 1, 1), _dt.date(value, 12, 31), "year")
        if b.precision == "day" and len(left) <= 2:
            d = _valid(b.start.year, b.start.month, value)
            return _R(d, d, "day") if d else None
        if len(left) != 4:
            return None
    try:
        a = _parse_one(left, ctx)
    except DateNormalizationError:
        a = None
    if a is None and not _has_year(left):
        try:
            a = _parse_one(f"{left} {b.end.year}", ctx)
            if a is not None and a.start > b.end:
                a = _parse_one(f"{left} {b.end.year - 1}", ctx)
        except DateNormalizationError:
            return None
    if a is not None and b.precision == "year" and a.precision == "year" and a.start > b.start:
        return None
    return a


_YEARISH_RE = re.compile(r"\d{4}|'\d{2}")


def _has_year(text: str) -> bool:
    return _YEARISH_RE.search(text) is not None


def _search_embedded(t: str, ctx: _Ctx) -> _R | None:
    """The one English long-form or ISO date inside a longer phrase, or None."""
    found = []
    for m in _EMBED_RE.finditer(t):
        r = _parse_one(m.group(), ctx)
        if r is not None and r not in found:
            found.append(r)
    if not found:
        return None
    if len(found) > 1:
        listed = ", ".join(r.start.isoformat() for r in found)
        raise DateNormalizationError(f"{t!r} names more than one date ({listed}); give one date or a range")
    return found[0]


# ---------------------------------------------------------------------------------------------
# dateparser, the general engine

_BASE_A = _dt.datetime(2001, 2, 3, 12, 0)
_BASE_B = _dt.datetime(2012, 11, 25, 12, 0)


@functools.lru_cache(maxsize=64)
def _dateparser(langs: tuple, order: str | None, base: _dt.datetime):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "current_period",
    }
    if order:
        settings["DATE_ORDER"] = order
    return DateDataParser(languages=list(langs), settings=settings)


# dateparser reads "hace 2 días" but not "hace dos días": give it digits for small counts.
# Position n holds the words for n + 1.
_FOREIGN_NUMBERS = {
    "es": "uno|una dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "pt": "um|uma dois|duas três quatro cinco seis sete oito nove dez onze doze",
    "fr": "un|une deux trois quatre cinq six sept huit neuf dix onze douze",
    "it": "uno|una|un due tre quattro cinque sei sette otto nove dieci undici dodici",
    "de": "einem|einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "nl": "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
    "ru": "один|одну два|две три четыре пять шесть семь восемь девять десять",
}
_FOREIGN_NUMBER_VALUES = {
    code: {word: value for value, words in enumerate(line.split(), start=1) for word in words.split("|")}
    for code, line in _FOREIGN_NUMBERS.items()
}
_WORD_RE = re.compile(r"[^\W\d_]+")


def _digits_for_number_words(s: str, langs: tuple) -> str:
    for code in langs:
        table = _FOREIGN_NUMBER_VALUES.get(code)
        if table:
            s = _WORD_RE.sub(lambda m, table=table: str(table.get(m[0].lower(), m[0])), s)
    return s


# A day number with 日/일 and no month: a day of the month unless 前/後/전/후 make it a count.
_CJK_BARE_DAY_RE = re.compile(
    r"^[^月월]*\d+\s*[日일](?!\s*(?:前|後|后|以前|以後|以后|之前|之後|之后|전|후|뒤))"
)


def _parse_with_dateparser(s: str, ctx: _Ctx) -> _R | None:
    if _CJK_BARE_DAY_RE.search(s):
        # dateparser reads "11日" as eleven days ago: silently wrong, so never ask it.
        return None
    langs = ctx.langs if "en" in ctx.langs else (*ctx.langs, "en")
    s = _digits_for_number_words(s, ctx.langs)
    if ctx.reference is not None:
        base = _dt.datetime.combine(ctx.reference, _dt.time(12))
        # A second base that differs in year, month, day and weekday shows what the text left out.
        bases = (base, base + _dt.timedelta(days=400))
    else:
        bases = (_BASE_A, _BASE_B)
    found = []
    for base in bases:
        try:
            data = _dateparser(langs, ctx.order, base).get_date_data(s)
        except (ValueError, OverflowError, TypeError):
            return None
        if data is None or data.date_obj is None:
            return None
        found.append(data)
    data = found[0]
    if found[0].date_obj.date() != found[1].date_obj.date():
        if ctx.reference is None:
            raise DateNormalizationError(
                f"{s!r} has no year or is relative; give the year or a reference date"
            )
        # dateparser fills what the text leaves out from the base: accept that only for relative
        # text ("вчера": year, month and day all computed) or a month and day with no year.
        parts = set(data.parts or ())
        if parts not in ({"year", "month", "day"}, {"month", "day"}) and not (
            parts == {"month"} and not any(c.isdigit() for c in s)
        ):
            return None
    d = data.date_obj.date()
    period = data.period
    if period in ("day", "time"):
        return _R(d, d, "day")
    if period in ("week", "month", "year"):
        return _R(*_period(d, period), period)
    return None


# ---------------------------------------------------------------------------------------------
# Public API


def _normalize(text: str, reference: _dt.date | None, languages, date_order) -> NormalizedDate:
    s = _clean(text)
    lowered = s.lower().replace("i\u0307", "i")
    if lowered in _NO_DATE or not _HAS_DATE_CHAR.search(lowered):
        raise DateNormalizationError(f"{text!r} names no date" if text.strip() else "the date text is empty")
    langs, implied, explicit = _resolve_languages(languages, s)
    ctx = _Ctx(reference, langs, date_order or implied, explicit)
    try:
        return _read(text, s, lowered, ctx)
    except DateNormalizationError as error:
        if len(lowered) != len(s):
            raise
        raise DateNormalizationError(_QUOTED_RE.sub(lambda m: _recase(m, s, lowered), error.reason)) from None


_OPEN_BOUND_RE = re.compile(
    r"(?:before|after|since|until|till|by|pre|post|no later than|not later than|no earlier than|"
    r"not before|not after|prior to|as early as|as late as|up to|from|starting|beginning|"
    r"sometime before|sometime after|some time before|some time after)\b"
)
_QUOTED_RE = re.compile(r"'([^']+)'")


def _recase(m: re.Match, s: str, lowered: str) -> str:
    at = lowered.find(m[1])
    return m[0] if at < 0 else f"'{s[at : at + len(m[1])]}'"


def _read(text: str, s: str, lowered: str, ctx: _Ctx) -> NormalizedDate:
    reference, explicit = ctx.reference, ctx.explicit_langs
    r = _parse_one(lowered, ctx)
    if r is None:
        r = _parse_range(lowered, ctx)
    if r is None and _OPEN_BOUND_RE.match(lowered):
        raise DateNormalizationError(
            f"{text!r} is an open-ended bound, not a date; enter the date itself, or the range"
        )
    if r is None:
        r = _search_embedded_strict(lowered, ctx)
    if r is None:
        r = _parse_with_dateparser(s, ctx)
    if r is None:
        if reference is None and _RELATIVE_CUE_RE.search(lowered):
            raise _need_reference(text)
        hint = ""
        if (not explicit and not lowered.isascii()) or re.search(r"[a-z]{3}", lowered):
            hint = "; if it is not English, give its language or jurisdiction" if not explicit else ""
        raise DateNormalizationError(f"could not read a date in {text!r}{hint}")
    if not 1 <= r.start.year <= 9999:
        raise DateNormalizationError(f"{text!r} is out of range")
    return NormalizedDate(text, *r)


def _search_embedded_strict(t: str, ctx: _Ctx) -> _R | None:
    """A single date inside a phrase ("announced on Monday, July 6, 2020"), unless the phrase
    around it could shift it ("the day after ... on Jan. 17, 2025" is handled as anchored)."""
    r = _search_embedded(t, ctx)
    if r is None:
        return None
    outside = _EMBED_RE.sub(" ", t)
    if _RELATIVE_CUE_RE.search(outside) or _VAGUE_RE.search(outside):
        raise DateNormalizationError(
            f"{t!r} puts the date {r.start.isoformat()} inside a phrase that may shift it; "
            "enter the date the event happened"
        )
    return r


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cached(text: str, reference, languages, date_order):
    try:
        return _normalize(text, reference, languages, date_order)
    except DateNormalizationError as error:
        return _Failure(error.reason)


def normalize_date(text, *, reference=None, languages=None, date_order=None) -> NormalizedDate:
    """Read ``text`` as a date range with its precision; see the module docstring for the rules.

    ``reference`` (a ``date``) resolves relative text and missing years; ``languages`` are ISO
    639-1 codes to read words in (English is always tried too); ``date_order`` ("DMY", "MDY",
    "YMD") orders numeric dates. Raises ``DateNormalizationError`` with a reason.
    """
    if text is None or not isinstance(text, str):
        raise DateNormalizationError("no date text was given", None)
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    elif isinstance(reference, str):
        try:
            reference = _dt.date.fromisoformat(reference.strip()) if reference.strip() else None
        except ValueError:
            raise DateNormalizationError(f"reference date {reference!r} is not YYYY-MM-DD", text) from None
    elif reference is not None and not isinstance(reference, _dt.date):
        raise DateNormalizationError(f"reference date {reference!r} is not a date", text)
    if date_order is not None:
        date_order = str(date_order).strip().upper() or None
        if date_order is not None and date_order not in DATE_ORDERS:
            raise DateNormalizationError(
                f"date order {date_order!r} is not one of {', '.join(DATE_ORDERS)}", text
            )
    if languages is not None:
        languages = (languages,) if isinstance(languages, str) else tuple(languages)
    result = _cached(text, reference, languages, date_order)
    if isinstance(result, _Failure):
        raise DateNormalizationError(result.reason, text)
    return result


def cache_clear() -> None:
    _cached.cache_clear()


def warm_up(languages=WARM_LANGUAGES) -> float:
    """Load dateparser and its data for ``languages`` so the first real rows are not slow.

    Call once per worker process at start-up; returns the seconds it took.
    """
    import time

    started = time.perf_counter()
    for code in languages:
        langs, _, _ = _resolve_languages([code], "")
        if not langs:
            continue
        _vocab(langs)
        ctx = _Ctx(_dt.date(2020, 7, 6), langs, None, True)
        for sample in ("7 July 2020", "not a date at all", "yesterday"):
            with contextlib.suppress(DateNormalizationError):
                _parse_with_dateparser(sample, ctx)
    for sample in ("Monday, July 6, 2020", "2020-07-06", "early July 2020", "Q3 2020"):
        normalize_date(sample)
    return time.perf_counter() - started
