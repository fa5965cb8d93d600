"""The order in which text is read, the cache, and the public entry points."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import functools
import re

from .base import (
    _FOUR_DIGIT_YEAR_RE,
    _MONTH_NAMES,
    _R,
    DATE_ORDERS,
    DateNormalizationError,
    _Ctx,
    _Failure,
    _NotRead,
)
from .calendar_math import _qualify
from .cjk import _parse_cjk
from .cleaning import (
    _HAS_DATE_CHAR,
    _LEADING_TIME_RE,
    _NO_DATE,
    _NUMBERED_RE,
    _PERCENT_RE,
    _TIME_RE,
    _clean,
    _spoken_days,
    _spoken_years,
    _strip_label,
)
from .embedded import _EMBED_RE, _search_embedded
from .fallback import _parse_with_dateparser
from .holidays import _parse_holiday
from .inside import search_inside
from .languages import (
    _detect_languages,
    _name_languages,
    _phrase_languages,
    _resolve_languages,
    _word_languages,
)
from .machine import _parse_century, _parse_decade, _parse_edtf_interval, _parse_machine, _parse_numeric
from .periods import _parse_periods
from .qualifiers import _strip_qualifiers
from .ranges import _parse_range
from .relative import (
    _DURATION_RE,
    _RELATIVE_CUE_RE,
    _VAGUE_RE,
    _need_reference,
    _parse_anchored,
    _parse_cldr_relative,
    _parse_named_relative,
    _parse_relative,
    _parse_this_period,
    _vague,
)
from .result import NormalizedDate
from .vocabulary import _OPEN_BOUND_WORDS, _WORD_RE, _cldr, _vocab
from .words import _parse_tokens

WARM_LANGUAGES = ("en", "zh", "ja", "ko", "ru", "de", "fr", "es", "pt", "it", "tr", "ar")


_CACHE_SIZE = 8192


class _OpenBound(DateNormalizationError):
    """The text is an open bound ("before 4 May"), not a date, in the language read."""


_LEADING_WORDS_RE = re.compile(r"(?:[^\W\d_]+\s+)+(?=\d)")


def _parse_one(t: str, ctx: _Ctx) -> _R | None:
    """One date expression, with its qualifiers; None when it is not one."""
    body, approx, third = _strip_qualifiers(t)
    r = _parse_body(body, ctx) if body else None
    if r is None and body:
        r = _parse_this_period(body, ctx, approx or third is not None)
    if r is None:
        # Relative phrases of other languages, read whole ("in 6 years", "il y a 3 jours").
        return _parse_relative_whole(t, ctx)
    if third is not None and r.precision == "day":
        # "late Wednesday", "early on 6 July": the time of day, not an approximate date.
        return r._replace(approximate=r.approximate or approx)
    return _qualify(r, approx, third)


def _parse_relative_whole(t: str, ctx: _Ctx) -> _R | None:
    """CLDR's relative phrases, also with a time or a time of day after them ("вчера, 14:32",
    "dün akşam") and Arabic "منذ" (since) before a count, which is "قبل" (ago): "منذ أسبوعين"."""
    r = _parse_cldr_relative(t, ctx)
    bare = _TIME_RE.sub("", t).strip(" ,")
    if r is None and bare and bare != t:
        r = _parse_cldr_relative(bare, ctx)
    if r is None and t.startswith("منذ "):
        r = _parse_cldr_relative("قبل " + t[4:], ctx)
    words = t.split()
    if r is None and len(words) > 1 and words[-1] in _vocab(ctx.langs).skip:
        r = _parse_relative_whole(" ".join(words[:-1]), ctx)  # "ieri sera", "вчера вечером"
    return r


def _parse_body(t: str, ctx: _Ctx) -> _R | None:
    lead = _LEADING_WORDS_RE.match(t)
    if lead is not None and all(_filler_only(w, _vocab(ctx.langs)) for w in lead.group().split()):
        t = t[lead.end() :]  # "am 19.05.2020", "el 19/05/2020": the language's filler words
    ascii_text = t.isascii()
    if ascii_text and (t[0].isdigit() or t[0] == "'" or t.startswith("year ")):
        r = _parse_machine(t) or _parse_edtf_interval(t)
        if r is not None:
            return r
    t = _TIME_RE.sub("", t).strip(" ,") or t
    t = _LEADING_TIME_RE.sub("", t) or t
    if ascii_text:
        r = _parse_numeric(t, ctx)
        if r is not None:
            return r
        r = _parse_decade(t) or _parse_century(t)
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
    r = _parse_relative(t, ctx) or _parse_named_relative(t, ctx) or _parse_holiday(t, ctx)
    if r is not None:
        return r
    r = _parse_anchored(t, ctx)
    if r is not None:
        return r
    if _VAGUE_RE.search(t):
        raise _vague(t)
    return None


def _filler_only(word: str, vocab) -> bool:
    """A filler word that is no month or weekday (Breton "Du" is November, French "du" filler)."""
    return word in vocab.skip and word not in vocab.months and word not in vocab.weekdays


def _normalize(text: str, reference: _dt.date | None, languages, date_order, whole=True) -> NormalizedDate:
    s, labelled = _strip_label(_clean(text))
    lowered = s.lower().replace("i\u0307", "i")
    if lowered in _NO_DATE or not _HAS_DATE_CHAR.search(lowered):
        raise DateNormalizationError(f"{text!r} names no date" if text.strip() else "the date text is empty")
    if _NUMBERED_RE.fullmatch(lowered):
        raise DateNormalizationError(f"{text!r} is a number, not a date")  # "No 5" is no 5 November
    if _PERCENT_RE.search(lowered):
        raise DateNormalizationError(f"{text!r} is a percentage, not a date")  # "3.5%" is no 3 May
    if labelled and not languages:
        languages = (labelled,)  # "Mis à jour le 04/05/2020": the label's language is the text's
    langs, implied, explicit = _resolve_languages(languages, s)
    ctx = _Ctx(reference, langs, date_order or implied, explicit)
    if "en" in langs and lowered.isascii():
        lowered = _POSSESSIVE_RE.sub("", _spoken_days(_spoken_years(lowered)))
    elif _THAI_RE.search(lowered):
        s, lowered = _thai_years(s), _thai_years(lowered)
    try:
        result = _read(text, s, lowered, ctx, whole)
    except _NotRead as error:
        found = _read_in_detected_languages(text, s, lowered, ctx, whole)
        if found is not None:
            return found
        raise _recased(error, s, lowered) from None
    except DateNormalizationError as error:
        raise _recased(error, s, lowered) from None
    if result.ambiguous and not explicit and ctx.langs == ("en",):
        return _settled_by_its_words(text, s, lowered, ctx, whole) or result
    return result


def _settled_by_its_words(text, s, lowered, ctx: _Ctx, whole: bool) -> NormalizedDate | None:
    """The unflagged reading in the language of the other words of a text English reads only
    ambiguously ("07/06/2023 às 16h15": Portuguese, so day first), or None."""
    try:
        found = _read_in_detected_languages(text, s, lowered, ctx, whole)
    except DateNormalizationError:
        return None
    return found if found is not None and not found.ambiguous else None


def _recased(error: DateNormalizationError, s: str, lowered: str) -> DateNormalizationError:
    if len(lowered) != len(s):
        return error
    return DateNormalizationError(_QUOTED_RE.sub(lambda m: _recase(m, s, lowered), error.reason))


_MAX_CANDIDATES = 8


def _read_in_detected_languages(text, s, lowered, ctx: _Ctx, whole: bool) -> NormalizedDate | None:
    """The text read in the languages its own words belong to (the ones given failed), tier by
    tier: the first reading in order of preference, flagged ambiguous when other candidates of
    its tier read another date."""
    tiers = _detect_languages(lowered, exclude=ctx.langs)
    for code in {code for tier in tiers for code in tier} & set(_OPEN_BOUND_WORDS):
        if _foreign_open_bound(lowered, ctx._replace(langs=(code,))):
            # "na 3 mei": "after" in Dutch, whatever "na" is in the language that reads it
            raise _OpenBound(
                f"{text!r} is an open-ended bound, not a date; enter the date itself, or the range"
            )

    def candidate_ctx(code: str) -> _Ctx:
        _, implied, _ = _resolve_languages([code], "")
        return ctx._replace(langs=(code,), order=ctx.order or implied, explicit_langs=True)

    for tier in tiers:
        readings: list[tuple[str, NormalizedDate]] = []
        for code in tier[:_MAX_CANDIDATES]:
            candidate = candidate_ctx(code)
            try:
                readings.append((code, _read(text, s, lowered, candidate, whole)))
            except _OpenBound:
                raise  # an open bound in one candidate language is never a date in another
            except DateNormalizationError:
                continue
        if not readings:
            continue
        code, first = readings[0]
        others = {(r.start, r.end) for _, r in readings} - {(first.start, first.end)}
        if not others:
            other_months = _other_months(lowered, code, tier)
            filler = _weekday_filler_elsewhere(
                lowered, candidate_ctx(code), [*ctx.langs, *(c for t in tiers for c in t)]
            )
            if filler is not None:
                return dataclasses.replace(
                    first,
                    ambiguous=True,
                    note=f"{text!r}: read in {code}; its month or weekday word is a common word in {filler}; "
                    "give its language",
                )
            if not other_months:
                return first
            named = ", ".join(f"{_MONTH_NAMES[m]} in {c}" for c, m in other_months)
            return dataclasses.replace(
                first,
                ambiguous=True,
                note=f"{text!r}: read in {code}; its month word is {named}; give its language",
            )
        listed = "; ".join(f"{r.start.isoformat()}..{r.end.isoformat()} in {c}" for c, r in readings)
        return dataclasses.replace(
            first,
            ambiguous=True,
            note=f"{text!r} reads differently by language ({listed}); give its language",
        )
    return None


def _weekday_filler_elsewhere(lowered: str, ctx: _Ctx, candidates) -> str | None:
    """A candidate language in which the weekday word of the reading in ``ctx``'s language (with
    no month word) or its two-letter month word (with no year) is a common word ("dia 5": Thursday
    the 5th in Scottish Gaelic, "day 5" in Portuguese; "no dia 5": "no" is November in
    Jola-Fonyi, "on the" in Portuguese). Relative phrases ("over 1 dag") are read as such."""
    code = ctx.langs[0]
    vocab = _vocab((code,))
    words = _WORD_RE.findall(lowered)
    months = [w for w in words if w in vocab.months]
    if months:
        names = [] if _FOUR_DIGIT_YEAR_RE.search(lowered) else [w for w in months if len(w) <= 2]
    else:
        names = [w for w in words if w in vocab.weekdays]
    if not names or _parse_relative_whole(lowered, ctx) is not None:
        return None
    for word in names:
        for other in candidates:
            theirs = _vocab((other,))
            if other in (code, "en"):
                continue
            if word in theirs.skip or (months and word in theirs.weekdays):
                return other  # "3 su 10": June in Jola-Fonyi, Sunday in Finnish, "out of" in Italian
    return None


def _foreign_open_bound(lowered: str, ctx: _Ctx) -> bool:
    """ "après le 4 mai", "do 3 maja", "4 Mayis'tan sonra": a date after (in Turkish before) a
    language's word for before, after, since, until or by. A count is no date: "vor zwei Wochen"
    and "منذ ثلاثة أيام" are "ago"."""
    if lowered in _phrase_languages():
        return False  # "antes de ayer" is the day before yesterday
    first, _, rest = lowered.partition(" ")
    head, _, last = lowered.rpartition(" ")
    for code in ctx.langs:
        before, after = _OPEN_BOUND_WORDS.get(code, ("", ""))
        for word, remainder in ((first, rest), (last, head)):
            if remainder and word in (before if word is first else after).split():
                try:
                    if _parse_one(remainder.strip(" ,'"), ctx) is not None:
                        return True
                except DateNormalizationError:
                    continue
    return False


def _other_months(lowered: str, code: str, tier: list[str]) -> list[tuple[str, int]]:
    """Languages of the tier (beyond those read) for which the month word of ``code``'s reading
    names another month ("10 mac, 2013": March in Malay, February in Basaa)."""
    months = (_cldr(code) or {}).get("months", {})
    words = [w for w in _WORD_RE.findall(lowered) if w in months]
    found = []
    for other in tier:
        theirs = (_cldr(other) or {}).get("months", {})
        for word in words:
            if word in theirs and theirs[word] != months[word]:
                found.append((other, theirs[word]))
                break
    return found


# A start with no end is the day it names ("from 1 May 2020", "effective June 1", "ab dem 3. Mai").
_START_RE = re.compile(
    r"(?:from|starting(?: on| from)?|beginning(?: on)?(?! of)|commencing(?: on)?|as from|"
    r"with effect from|effective(?: from| on)?|ab(?: dem)?|à partir du|à partir de|"
    r"a partir del|a partir de|a partire dal|a partire da|dal|vom|с|со|начиная с)\s+(?P<rest>.+)"  # noqa: RUF001
)
_OPEN_BOUND_RE = re.compile(
    r"(?:before|after|since|until|till|by|pre|post|no later than|not later than|no earlier than|"
    r"not before|not after|prior to|as early as|as late as|up to|"
    r"sometime before|sometime after|some time before|some time after)\b"
)


_WS_RE = re.compile(r"\s+")


def _thai_years(text: str) -> str:
    """Thai dates count years in the Buddhist era (พ.ศ.): 2563 is 2020; ค.ศ. marks the Christian."""
    text = _BUDDHIST_YEAR_RE.sub(lambda m: str(int(m[0]) - 543), text)
    return _WS_RE.sub(" ", text.replace("ค.ศ.", " ").replace("พ.ศ.", " ")).strip()


# An English possessive on a date word: "Friday's vote", "this year's third quarter".
_POSSESSIVE_RE = re.compile(r"(?<=[a-z])'s\b")
_THAI_RE = re.compile("[\u0e00-\u0e7f]")
_BUDDHIST_YEAR_RE = re.compile(r"(?<!\d)2[45]\d\d(?!\d)")
_QUOTED_RE = re.compile(r"'([^']+)'")


def _recase(m: re.Match, s: str, lowered: str) -> str:
    at = lowered.find(m[1])
    return m[0] if at < 0 else f"'{s[at : at + len(m[1])]}'"


def _read(text: str, s: str, lowered: str, ctx: _Ctx, whole: bool = True) -> NormalizedDate:
    """``whole``: the text is all the caller has, so one date inside a phrase is looked for too;
    ``find_dates`` reads pieces of running text and finds the date inside itself."""
    reference, explicit = ctx.reference, ctx.explicit_langs
    if _foreign_open_bound(lowered, ctx):
        raise _OpenBound(f"{text!r} is an open-ended bound, not a date; enter the date itself, or the range")
    r = _parse_one(lowered, ctx)
    if r is None:
        r = _parse_range(lowered, ctx)
    if r is None:
        m = _START_RE.fullmatch(lowered)
        if m is not None:
            r = _parse_one(m["rest"], ctx)
    if r is None and _OPEN_BOUND_RE.match(lowered):
        raise _OpenBound(f"{text!r} is an open-ended bound, not a date; enter the date itself, or the range")
    if r is None and whole:
        r = _search_embedded_strict(lowered, ctx)
    if r is None and _DURATION_RE.fullmatch(lowered):
        # dateparser reads "a week" as a week ago.
        raise DateNormalizationError(
            f"{text!r} is a length of time, not a date; give the date it starts or ends"
        )
    if r is None:
        r = _parse_with_dateparser(s, ctx)
    if r is None:
        if reference is None and _RELATIVE_CUE_RE.search(lowered):
            raise _NotRead(_need_reference(text).reason)  # unless another language reads it
        hint = ""
        if (not explicit and not lowered.isascii()) or re.search(r"[a-z]{3}", lowered):
            hint = "; if it is not English, give its language or jurisdiction" if not explicit else ""
        raise _NotRead(f"could not read a date in {text!r}{hint}")
    if not 1 <= r.start.year <= 9999:
        raise DateNormalizationError(f"{text!r} is out of range")
    return NormalizedDate(text, *r)


def _search_embedded_strict(t: str, ctx: _Ctx) -> _R | None:
    """A single date inside a phrase ("announced on Monday, July 6, 2020"), unless the phrase
    around it could shift it ("the day after ... on Jan. 17, 2025" is handled as anchored)."""
    r = _search_embedded(t, ctx)
    if r is None:
        return search_inside(t, ctx)  # other languages, datelines, headers
    outside = _EMBED_RE.sub(" ", t)
    if _RELATIVE_CUE_RE.search(outside) or _VAGUE_RE.search(outside):
        raise DateNormalizationError(
            f"{t!r} puts the date {r.start.isoformat()} inside a phrase that may shift it; "
            "enter the date the event happened"
        )
    return r


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cached(text: str, reference, languages, date_order, whole=True):
    try:
        return _normalize(text, reference, languages, date_order, whole)
    except DateNormalizationError as error:
        return _Failure(error.reason)


def normalize_date(text, *, reference=None, languages=None, date_order=None) -> NormalizedDate:
    """Read ``text`` as a date range with its precision; see the module docstring for the rules.

    ``reference`` (a ``date``) resolves relative text and missing years; ``languages`` are ISO
    639-1 codes to read words in (English is always tried too); ``date_order`` ("DMY", "MDY",
    "YMD") orders numeric dates. Raises ``DateNormalizationError`` with a reason.
    """
    return _normalize_checked(text, reference, languages, date_order, True)


def _normalize_checked(text, reference, languages, date_order, whole: bool) -> NormalizedDate:
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
    result = _cached(text, reference, languages, date_order, whole)
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
    _word_languages()  # the indexes that find a text's language from its words
    _name_languages()
    _phrase_languages()
    for sample in ("Monday, July 6, 2020", "2020-07-06", "early July 2020", "Q3 2020"):
        normalize_date(sample)
    return time.perf_counter() - started
