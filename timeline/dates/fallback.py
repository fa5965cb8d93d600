"""dateparser as the general engine, with its guesses refused."""

from __future__ import annotations

import datetime as _dt
import functools
import re

from .base import _FOUR_DIGIT_YEAR_RE, _R, _Ctx, _NotRead
from .calendar_math import _period
from .vocabulary import _QUARTER_NOUNS, _WORD_RE, _digits_for_number_words, _language_info, _vocab

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


# A day number with 日/일 and no month: a day of the month unless 前/後/전/후 make it a count.
_CJK_BARE_DAY_RE = re.compile(
    r"^[^月월]*\d+\s*[日일](?!\s*(?:前|後|后|以前|以後|以后|之前|之後|之后|전|후|뒤))"
)


_NUMBER_RE = re.compile(r"\d+")


def _components_written(s: str, langs: tuple) -> int:
    """How many of year, month and day the text can give: its numbers and a month word."""
    return len(_NUMBER_RE.findall(s)) + _month_word(s, langs)


def _month_word(s: str, langs: tuple) -> bool:
    vocab = _vocab(langs)
    lowered = s.lower()
    # By substring too: in Brahmic and other scripts vowel signs split a word for \w.
    return any(word in vocab.months for word in _WORD_RE.findall(lowered)) or any(
        len(month) >= 3 and not month.isascii() and month in lowered for month in vocab.months
    )


def _only_month_words(s: str, langs: tuple) -> bool:
    vocab = _vocab(langs)
    return all(w in vocab.months or w in vocab.skip for w in _WORD_RE.findall(s.lower()))


def _says_when(s: str, langs: tuple) -> bool:
    """Whether relative text has a word for "ago" or "in", or is one of the language's relative
    words ("вчера", "yesterday"): a bare count of days says how long, not when."""
    lowered = s.lower()
    for code in langs:
        info = _language_info(code) or {}
        if any(w and w.lower() in lowered for w in (*info.get("ago", ()), *info.get("in", ()))):
            return True
        for meaning, texts in info.get("relative-type", {}).items():
            if (meaning.startswith("in ") or meaning.endswith("ago")) and lowered in (
                t.lower() for t in texts
            ):
                return True
    return not any(c.isdigit() for c in s) and not _bare_count(lowered, langs)


def _bare_count(lowered: str, langs: tuple) -> bool:
    for code in langs:
        for meaning, texts in (_language_info(code) or {}).get("relative-type", {}).items():
            if not (meaning.startswith("in ") or meaning.endswith("ago")) and lowered in (
                t.lower() for t in texts
            ):
                return True
    return False


# Quarters and halves of a year, which dateparser does not know.
_PERIOD_NOUNS = _QUARTER_NOUNS | frozenset(["semestre", "halbjahr", "halbjahres", "полугодие", "полугодии"])
_DAY_MONTH_NUMBERS_RE = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}")
_TILDE_SPAN_RE = re.compile(r"\d\s*[~\u301c]\s*\d")


def _parse_with_dateparser(s: str, ctx: _Ctx) -> _R | None:
    if _PERIOD_NOUNS & set(_WORD_RE.findall(s.lower())):
        return None  # "II trimestre 2020": dateparser drops the quarter and reads February
    if _CJK_BARE_DAY_RE.search(s) or _TILDE_SPAN_RE.search(s):
        # dateparser reads "11日" as eleven days ago and "2020年10~12月" as 10 December: silently
        # wrong, so never ask it.
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
            # _NotRead: the languages the text's words belong to may still read it whole.
            raise _NotRead(f"{s!r} has no year or is relative; give the year or a reference date")
        # dateparser fills what the text leaves out from the base: accept that only for relative
        # text ("вчера": year, month and day all computed) or a month and day with no year.
        parts = set(data.parts or ())
        if parts not in ({"year", "month", "day"}, {"month", "day"}) and not (
            parts == {"month"} and not any(c.isdigit() for c in s)
        ):
            return None
        if parts == {"year", "month", "day"} and not _says_when(s, langs):
            return None  # "يومين" (two days) read as two days ago: a length, not a date
        if parts == {"month"} and not _only_month_words(s, langs):
            return None  # "mi-mai" read as May: a word dateparser passed over (mid) is lost
        if parts == {"month", "day"} and not any(c.isdigit() for c in s):
            return None  # Swedish "en mars" (in French "in March") read as 1 March: a day not written
        if parts == {"month", "day"} and not _month_word(s, langs) and not _DAY_MONTH_NUMBERS_RE.search(s):
            return None  # "2 of 3" read as 3 February: two numbers and a word are no month and day
    elif "month" in (data.parts or ()) and not _month_word(s, langs) and len(_NUMBER_RE.findall(s)) < 3:
        return None  # "6 set 1993" read as June: the month from a number the text gives as a day
    elif len(data.parts or ()) > _components_written(s, langs) or (
        "year" in (data.parts or ()) and not _FOUR_DIGIT_YEAR_RE.search(s) and s.isascii()
    ):
        # "a 1971" read as January 1971, "June 2020 a" as 1 June: parts the text does not give.
        return None
    d = data.date_obj.date()
    period = data.period
    if period in ("day", "time"):
        return _R(d, d, "day")
    if period in ("week", "month", "year"):
        return _R(*_period(d, period), period)
    return None
