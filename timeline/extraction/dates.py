"""Date expressions in running text: the one place the extractor asks the date engine.

``dates_in`` follows the contract of ``timeline.dates.find_dates(text, *, reference, languages)``
(a span, the text as written and the normalized value of every date expression) and uses it
when the date engine has it, adding the CJK dates written inside a run of characters that it
does not yet find. Until it lands on main, a stand-in builds on ``normalize_date``: runs of date
words (month and weekday names of the languages in CLDR via Babel, years, day numbers, relative
and qualifier words) are read whole, then shortened until they read as a date.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError

from .. import dates as date_engine


class DateMention(NamedTuple):
    span: tuple[int, int]
    text: str
    value: date_engine.NormalizedDate


def dates_in(text: str, reference: _dt.date | None, languages: list[str] | None) -> list[DateMention]:
    find_dates = getattr(date_engine, "find_dates", None)
    if find_dates is None:
        return list(_scan(text, reference, tuple(languages or ("en",))))
    found = [
        DateMention(tuple(m.span), m.text, m.value)
        for m in find_dates(text, reference=reference, languages=languages or None)
    ]
    # The dates branch's find_dates (as of its commit 8ae037f) reads a CJK run with its digits as one
    # word, so "委员会2020年6月30日表决" yields nothing: the CJK dates are read here until it does.
    cjk = [m for m in _cjk_dates(text, reference, tuple(languages or ())) if not _overlaps(m, found)]
    return sorted([*found, *cjk])


def _overlaps(mention: DateMention, others: list[DateMention]) -> bool:
    return any(o.span[0] < mention.span[1] and mention.span[0] < o.span[1] for o in others)


# --- Until find_dates lands: a reader of date runs on top of normalize_date ---

_EN_WORDS = (
    "today yesterday tomorrow ago last this next past previous early mid late end beginning start "
    "week weeks month months year years day days weekend spring summer autumn fall winter quarter"
)
_JOINERS = frozenset(
    [
        "of",
        "the",
        "on",
        "in",
        "at",
        ",",
        "de",
        "del",
        "el",
        "le",
        "la",
        "am",
        "im",
        "den",
        "der",
        "di",
        "du",
        "da",
        "em",
        "у",
        "в",
        "от",
        "года",
        "г.",
        "года",
    ]
)
_TOKEN = re.compile(r"\d{1,4}(?:[-/.]\d{1,2}(?:[-/.]\d{2,4})?)?(?:st|nd|rd|th|er|e|\.)?|[^\W\d_]+\.?|,")
_CJK_DATE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九十]{2,4})\s?[年년](?:\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日号일])?)?"
    r"|\d{1,2}\s?[月월]\s?\d{1,2}\s?[日号일]"
)


@cache
def _words(languages: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    anchors, joiners = set(_EN_WORDS.split()), set(_JOINERS)
    for code in {*languages, "en"}:
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for names in (locale.months[context][width], locale.days[context][width]):
                    anchors.update(name.lower().rstrip(".") for name in names.values())
    return frozenset(anchors), frozenset(joiners)


def _cjk_dates(text: str, reference, languages):
    for match in _CJK_DATE.finditer(text):
        value = _read(match.group(), reference, languages)
        if value is not None:
            yield DateMention(match.span(), match.group(), value)


def _scan(text: str, reference, languages):
    anchors, joiners = _words(languages)
    cjk = list(_cjk_dates(text, reference, languages))
    found = sorted(
        [
            *cjk,
            *(
                m
                for m in _scan_words(text, reference, languages, anchors, joiners)
                if not any(c.span[0] < m.span[1] and m.span[0] < c.span[1] for c in cjk)
            ),
        ]
    )
    yield from found


def _scan_words(text, reference, languages, anchors, joiners):
    run: list[re.Match] = []
    for token in [*_TOKEN.finditer(text), None]:
        word = token.group().lower().rstrip(".") if token else ""
        dateish = token is not None and (
            word in anchors or word in joiners or (word[:1].isdigit() and not word.isalpha())
        )
        if dateish and (not run or text[run[-1].end() : token.start()] in ("", " ", "  ")):
            run.append(token)
            continue
        yield from _read_run(text, run, anchors, reference, languages)
        run = [token] if dateish else []


def _read_run(text, run, anchors, reference, languages):
    while run and not _anchor(run[0].group(), anchors) and not run[0].group()[:1].isdigit():
        run = run[1:]
    while run:
        if not any(_anchor(t.group(), anchors) for t in run):
            return
        for end in range(len(run), 0, -1):
            pieces = run[:end]
            last = pieces[-1].group()
            if not _anchor(last, anchors) and not last[:1].isdigit():
                continue
            start, stop = pieces[0].start(), pieces[-1].end()
            last = pieces[-1].group()
            if text[stop - 1] == "." and (last[:-1].isdigit() or len(last) > 5):
                stop -= 1  # the sentence's full stop, not an abbreviation ("Sept.")
            value = _read(text[start:stop], reference, languages)
            if value is not None:
                yield DateMention((start, stop), text[start:stop], value)
                run = run[end:]
                break
        else:
            run = run[1:]


def _anchor(token: str, anchors) -> bool:
    word = token.lower().rstrip(".")
    if len(word) < 2:  # 月, 日: weekday abbreviations in CJK locales, but mostly parts of dates
        return False
    return (word in anchors and word not in {"of", "the"}) or bool(re.fullmatch(r"(?:1[5-9]|20)\d\d", word))


def _read(phrase, reference, languages):
    try:
        return date_engine.normalize_date(phrase, reference=reference, languages=list(languages))
    except date_engine.DateNormalizationError:
        return None
