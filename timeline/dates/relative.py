"""Relative text against the reference date, and offsets from a date in the text."""

from __future__ import annotations

import datetime as _dt
import functools
import re

from . import embedded, reading
from .base import _R, _SEASON_START, DateNormalizationError, _Ctx
from .calendar_math import (
    _add_months,
    _last_day,
    _month,
    _period,
    _qualify,
    _quarter,
    _season,
    _week,
    _year_of_month_towards,
)
from .vocabulary import (
    _DIRECTION_WORDS,
    _EN_WEEKDAYS,
    _RELATIVE_FILLER,
    _SEASON_WORDS,
    _WD_ALT,
    _WEEKEND_PHRASES,
    _WORD_RE,
    _cldr,
    _digits_for_number_words,
    _language_info,
    _vocab,
    _year_phrases,
)

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2, "a single": 1,
    "just one": 1, "exactly one": 1, "one full": 1, "a full": 1,
}  # fmt: skip


_NUM = "(?P<n>" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r"|\d{1,3})"


_UNIT = r"(?P<unit>day|week|fortnight|month|year)(?P<pl>s)?"


_AGO_RE = re.compile(
    rf"(?:just |only |(?P<approx>nearly |almost |roughly |around |some |about ))?"
    rf"{_NUM}\s+{_UNIT}\s+(?P<or_so>or so\s+)?"
    r"(?P<dir>ago|earlier|before|prior|previously|back|later|after|afterwards?|on|from now|hence|"
    r"from then|afterward)"
)


# A count of units with no direction ("a week", "two years"): how long, not when.
_DURATION_RE = re.compile(
    rf"(?:for |over |about |some )?{_NUM}\s+{_UNIT}"
    # "a six-year high", "a 10-day strike", "a two day meeting"
    + rf"|(?:an? |the )?{_NUM}[- ]{_UNIT}(?:-old|-long)?".replace("?P<", "?P<length_")
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
    "tonight": 0, "now": 0, "right now": 0, "just now": 0, "currently": 0, "presently": 0,
    "these days": 0, "nowadays": 0,
    "same day": 0, "that day": 0, "the same day": 0, "on the same day": 0,
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
    r"late last|early last|the last|the prior|the latest|the most recent|latest|most recent)"
    r"\s+(?P<unit>week|month|quarter|year)"
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
    months = n * {"year": 12, "quarter": 3}.get(unit, 1)
    y, m = _add_months(r.start.year, r.start.month, months)
    if r.precision == "day":
        d = _dt.date(y, m, min(r.start.day, _last_day(y, m)))
        return r._replace(start=d, end=d)
    start = _dt.date(y, m, 1)
    end = _period(start, r.precision)[1] if not r.is_range else r.end
    return r._replace(start=start, end=end)


# "year-ago results", "the year-earlier level": a year before the reference.
_YEAR_AGO_ADJECTIVE = frozenset(("year-ago", "year-earlier", "year ago", "year earlier"))


def _parse_relative(t: str, ctx: _Ctx) -> _R | None:
    ref = ctx.reference
    if t in _YEAR_AGO_ADJECTIVE:
        t = "a year ago"
    elif t in ("the quarter", "quarter"):  # "the" is read as noise before this
        t = "the latest quarter"  # news reports on the quarter that has ended
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
        approximate = bool(m["approx"] or m["or_so"])
        if unit in ("day", "week", "fortnight"):
            return _shift(_R(ref, ref, "day", approximate), unit, sign * n)
        return _shift(_R(*_period(ref, unit), unit, approximate), unit, sign * n)
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
        elif m["w"] in (None, "on"):
            # An article dated Thursday that says "on Thursday" means that day.
            d = ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)
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
        elif unit == "quarter" and w.endswith(("latest", "recent")):
            n = -1  # the latest quarter reported: the last one that has ended
        elif w.endswith(("latest", "recent")):
            return None
        else:
            n = -1
        base = _R(*_period(ref, unit), unit)
        r = _shift(base, unit, n) if unit != "week" else _R(*_week(ref + _dt.timedelta(days=7 * n)), "week")
        if w.startswith("earlier"):
            # "earlier this month": from its start to the reference, approximate.
            r = r._replace(end=max(r.start, min(r.end, ref)), approximate=True)
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
    anchor = reading._parse_one(rest, ctx)
    if anchor is None:
        anchor = embedded._search_embedded(rest, ctx)
    if anchor is None:
        raise DateNormalizationError(
            f"{t!r} is relative to an event whose date the text does not give; "
            "enter that event's date instead"
        )
    shifted = _shift(anchor, m["unit"], sign * n)
    return shifted._replace(is_range=anchor.is_range)


def _vague(t: str) -> DateNormalizationError:
    return DateNormalizationError(f"{t!r} is too vague to date; give the date the source means")


@functools.lru_cache(maxsize=256)
def _cldr_relative(code: str) -> tuple[dict, list]:
    """(phrase -> (unit, offset), [(compiled pattern, unit, sign)]) of one language."""
    data = _cldr(code)
    if data is None:
        return {}, []
    counted = [(re.compile(pattern), unit, sign) for pattern, (unit, sign) in data["counted"].items()]
    return {phrase: tuple(value) for phrase, value in data["phrases"].items()}, counted


def _parse_cldr_relative(t: str, ctx: _Ctx) -> _R | None:
    """Relative text in the words of any language CLDR and dateparser know: "il y a 3 jours",
    "8 месяцев назад", "le mois dernier", "el domingo pasado", "in 6 years"."""
    for code in ctx.langs:
        r = _cldr_relative_in(t, ctx, code)
        if r is None:
            # "na semana passada", "la settimana scorsa", "в прошлом месяце": the phrase after
            # the language's prepositions and articles.
            words = t.split()
            skip = _vocab((code,)).skip | _RELATIVE_FILLER
            while len(words) > 1 and words[0] in skip and r is None:
                words = words[1:]
                r = _cldr_relative_in(" ".join(words), ctx, code)
        if r is None:
            r = _parse_foreign_weekend(t, ctx, code) or _parse_direction_unit(t, ctx, code)
        if r is not None:
            return r
    return None


_UNITS = ("day", "week", "month", "year")


@functools.lru_cache(maxsize=256)
def _unit_words(code: str) -> dict[str, str]:
    """The words of a language for day, week, month and year, in their inflections (dateparser's
    data: "Woche", "Wochen", "settimana", "году", "عام"), of two letters or more."""
    info = _language_info(code) or {}
    words = {w.lower(): unit for unit in _UNITS for w in info.get(unit, ()) if len(w) >= 2 and w.isalpha()}
    return {**_EXTRA_UNITS.get(code, {}), **words}


# Reviewed: genitive forms of "year" and "month" the data lacks ("Ende letzten Jahres").
_EXTRA_UNITS = {
    "de": {"jahres": "year", "monats": "month"},
    "ru": {"года": "year", "месяца": "month", "недели": "week"},
    "tr": {"yılın": "year", "ayın": "month", "haftanın": "week"},  # noqa: RUF001
}


def _parse_direction_unit(t: str, ctx: _Ctx, code: str) -> _R | None:
    """ "vergangene Woche", "lo scorso anno", "العام الماضي": a direction word and a unit, in any
    order, among the language's filler words (CLDR writes only one wording of each)."""
    units = _unit_words(code)
    vocab = _vocab((code,))
    skip = vocab.skip | _RELATIVE_FILLER
    unit = direction = third = None
    for word in _WORD_RE.findall(t):
        if word.startswith("ال") and word not in units and word[2:] in units:
            word = word[2:]  # the Arabic article
        if word in units and unit is None:
            unit = units[word]
        elif word in _DIRECTION_WORDS and direction is None:
            direction = _DIRECTION_WORDS[word]
        elif word in vocab.thirds and third is None:
            third = vocab.thirds[word]  # "Ende letzten Jahres", "в начале этого года"
        elif word not in skip:
            return None
    if unit is None or direction is None or unit == "day":
        return None
    r = _resolve_cldr(t, ctx, unit, direction, counted=False)
    return _qualify(r, True, (third, third)) if third else r


def _parse_foreign_weekend(t: str, ctx: _Ctx, code: str) -> _R | None:
    """ "el pasado fin de semana", "am Wochenende", "ce week-end": a weekend named in a language
    and placed by its direction words, as "last weekend" / "the weekend" are in English."""
    for phrase in _WEEKEND_PHRASES:
        if phrase in t:
            rest = t.replace(phrase, " ")
            break
    else:
        return None
    skip = _vocab((code,)).skip | _RELATIVE_FILLER
    direction = None
    for word in _WORD_RE.findall(rest):
        if word in _DIRECTION_WORDS and direction is None:
            direction = _DIRECTION_WORDS[word]
        elif word not in skip:
            return None
    which = {None: "the", -1: "last", 0: "this", 1: "next"}[direction]
    return _parse_relative(f"{which} weekend", ctx)


def _cldr_relative_in(t: str, ctx: _Ctx, code: str) -> _R | None:
    phrases, counted = _cldr_relative(code)
    found = phrases.get(t)
    if found is not None:
        return _resolve_cldr(t, ctx, found[0], found[1], counted=len(found) > 2)
    if not t[:1].isdigit():
        t = _digits_for_number_words(t, (code,))
    for pattern, unit, sign in counted:
        m = pattern.fullmatch(t)
        if m:
            return _resolve_cldr(t, ctx, unit, sign * int(m[1]), counted=True)
    return None


def _resolve_cldr(t: str, ctx: _Ctx, unit: str, n: int, counted: bool) -> _R:
    ref = ctx.reference
    if ref is None:
        raise _need_reference(t)
    if unit.startswith("weekday"):
        wd = int(unit[-1])
        if n < 0:
            d = ref - _dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        else:
            d = ref + _dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        return _R(d, d, "day")
    if unit == "day" or (unit == "week" and counted):
        d = ref + _dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _R(d, d, "day")
    if unit == "week":
        return _R(*_week(ref + _dt.timedelta(days=7 * n)), "week")
    return _shift(_R(*_period(ref, unit), unit), unit, n)


_YEAR_AGO_QUARTER_RE = re.compile(
    r"(?:the )?(?:comparable |corresponding )?(?:year-ago|year-earlier|year ago|year earlier|"
    r"prior-year|previous year|last year)(?:'s)? quarter"
    r"|(?:the )?(?:comparable |corresponding |same )?quarter (?:a year (?:ago|earlier)|last year)"
)
# A numbered quarter of the reference's own, previous or next year: "this year's third quarter".
_YEAR_QUARTER_RE = re.compile(
    r"(?:the )?(?:(?P<rel>this|last|previous|next|the current|the previous|the next|the coming|"
    r"the past) year(?:'s)?|(?P<ago>year-ago|year-earlier|prior-year)) "
    r"(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
)
_YEAR_OFFSET = {"this": 0, "the current": 0, "last": -1, "previous": -1, "the previous": -1, "the past": -1}


def _parse_named_relative(t: str, ctx: _Ctx) -> _R | None:
    """A month, season or quarter named relative to the reference: "last May", "June last year",
    "in March of last year", "this summer", "im vergangenen März", "en mars dernier",
    "el pasado marzo", "aprile scorso", "geçen mart", "the third quarter" (no year: the latest one
    that has begun, as financial news means it), "the year-ago quarter"."""
    if any(c.isdigit() for c in t):
        return _parse_quarter_named(t, ctx)
    vocab = _vocab(ctx.langs)
    words = _WORD_RE.findall(t)
    named = [w for w in words if w in vocab.months or w in _SEASON_WORDS]
    if len(named) != 1:
        return _parse_quarter_named(t, ctx)
    name = named[0]
    # English "year" is skippable beside a date ("the year 2020") but here it says which year.
    rest = " ".join(
        w for w in words if w != name and (w == "year" or w not in vocab.skip) and w not in _RELATIVE_FILLER
    )
    if not rest:
        return None
    ref = ctx.reference
    offset = _year_phrases(ctx.langs).get(rest)
    direction = _DIRECTION_WORDS.get(rest)
    if offset is None and direction is None:
        return None
    if ref is None:
        raise _need_reference(t)
    if name in vocab.months:
        month = vocab.months[name]
        year = ref.year + offset if offset is not None else _year_of_month_towards(ref, month, direction)
        return _R(*_month(year, month), "month")
    start_month = _SEASON_WORDS[name]
    if offset is not None:
        return _R(*_season(ref.year + offset, start_month), "season")
    current = _period(ref, "season")[0]
    if direction == 0:  # this winter: the one holding January and February of the reference year
        year = ref.year - 1 if start_month == 12 and ref.month <= 2 else ref.year
    elif direction < 0:  # the latest one that began before the current season
        year = current.year if _dt.date(current.year, start_month, 1) < current else current.year - 1
    else:
        year = current.year if _dt.date(current.year, start_month, 1) > current else current.year + 1
    return _R(*_season(year, start_month), "season")


_QUARTER_WORD_RE = re.compile(
    r"(?:the |its |a )?(?:fiscal[- ])?(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
    r"|q(?P<n>[1-4])|(?P<n2>[1-4])q"
)


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _parse_quarter_named(t: str, ctx: _Ctx) -> _R | None:
    m = _YEAR_QUARTER_RE.fullmatch(t)
    if m is not None:
        if ctx.reference is None:
            raise _need_reference(t)
        q = _QUARTER_WORDS.get(m["w"]) or int(m["w"][0])
        offset = -1 if m["ago"] else _YEAR_OFFSET.get(m["rel"], 1)
        return _R(*_quarter(ctx.reference.year + offset, q), "quarter")
    m = _QUARTER_WORD_RE.fullmatch(t)
    ago = _YEAR_AGO_QUARTER_RE.fullmatch(t)
    if m is None and ago is None:
        return None
    if "fiscal" in t:
        return None
    ref = ctx.reference
    if ref is None:
        raise _need_reference(t)
    current = _period(ref, "quarter")[0]
    if ago is not None:
        latest = _R(*_period(current - _dt.timedelta(days=1), "quarter"), "quarter")
        return _shift(latest, "year", -1)
    q = (
        int(m["n"] or m["n2"] or 0)
        or {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["w"])
        or int(m["w"][0])
    )
    year = ref.year if 3 * q - 2 <= ref.month else ref.year - 1
    return _R(*_quarter(year, q), "quarter")


_THIS_PERIOD = {
    "year": "year", "the year": "year", "the month": "month", "month": "month", "the week": "week",
    "week": "week", "year-end": "year", "year end": "year", "year's end": "year",
    "the year's end": "year", "the year-end": "year",
}  # fmt: skip


def _parse_this_period(t: str, ctx: _Ctx, qualified: bool) -> _R | None:
    """ "the end of the year", "earlier in the month", "year-end": the reference's own period,
    read only with a qualifier (a bare "the year" names no date); "during the spring", "the
    summer": the latest such season begun by the reference."""
    ref = ctx.reference
    unit = _THIS_PERIOD.get(t)
    if unit is not None and (qualified or t.endswith("end")):
        if ref is None:
            raise _need_reference(t)
        r = _R(*_period(ref, unit), unit)
        return _qualify(r, True, ("late", "late")) if t.endswith("end") else r
    name = t.removeprefix("the ")
    if name in _SEASON_START and ref is not None:
        current = _period(ref, "season")[0]
        start = _SEASON_START[name]
        year = current.year if _dt.date(current.year, start, 1) <= current else current.year - 1
        return _R(*_season(year, start), "season")
    return None
