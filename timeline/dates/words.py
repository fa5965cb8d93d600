"""Dates written with words: day, month name, year and weekday in any order."""

from __future__ import annotations

import datetime as _dt
import re

from .base import _MONTH_NAMES, _R, LETTER, DateNormalizationError, _Ctx
from .calendar_math import (
    _add_months,
    _date_without_year,
    _last_day,
    _make_day,
    _month,
    _period,
    _qualify,
    _quarter,
    _season,
    _two_digit_year,
)
from .vocabulary import (
    _DIRECTION_WORDS,
    _FOREIGN_SKIP,
    _QUARTER_NOUNS,
    _QUARTER_ORDINALS,
    _SEASON_WORDS,
    _WEEKDAY_KEYS,
    _vocab,
)

_SEASON_FILLER = frozenset(("au", "aux", "à", "nel", "nella", "en", "no", "na", "во", "в"))


# English direction words are read by the relative readers, with their own rules.
_EN_DIRECTION = frozenset(("last", "past", "previous", "this", "current", "next", "coming"))

_TOKEN_RE = re.compile(rf"\d+{LETTER}*\.?|{LETTER}+(?:['-]{LETTER}+)*\.?|'\d{{2}}\b")
_SUFFIXED_NUMBER_RE = re.compile(rf"(\d+)({LETTER}+)\.?")


_ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|e|o|a|°|\.)?")


_NUMBER_SPAN_RE = re.compile(r"\d\s*[~〜]\s*\d+\s*[月日]")
_JA_WEEKDAY_MARK_RE = re.compile(r"\([月火水木金土日]\)")
# Two days of one month ("14-15 octobre", "October 14-15", "am 14. und 15. Oktober"): the second is
# no two-digit year (it was 2015); the range reader reads the ones it can.
_DAY_PAIR_RE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})\.?\s*(?:-|/|\s(?:und|y|e|et|and|и|ve|و)\s)\s*(\d{1,2})\.?(?![\d/-]|\.\d)"
)


def _two_days(t: str) -> bool:
    m = _DAY_PAIR_RE.search(t)
    return m is not None and int(m[1]) < int(m[2]) <= 31


def _parse_tokens(t: str, ctx: _Ctx) -> _R | None:
    """Day / month name / year in any order, with weekdays, ordinals and filler words."""
    if _NUMBER_SPAN_RE.search(t) or _JA_WEEKDAY_MARK_RE.search(t) or _two_days(t):
        # "2020年10~12月": a range, not 10 December; "10月13日(月)": a Japanese weekday, which the
        # CJK reader checks against the date.
        return None
    vocab = _vocab(ctx.langs)
    month = weekday = day = year = None
    weekday_word = ""
    approx = False
    third = None
    numbers = []
    saw_month_first = False
    season = None
    direction = None
    fillers = 0
    quarter = None
    for name, joined in vocab.phrases:
        if name in t:
            t = t.replace(name, joined)
    tokens = _TOKEN_RE.findall(t)
    # The season table is of many languages: with a season word, their filler words are filler.
    # ("au printemps 2021", "au premier trimestre": French "au" is filler only there, "du 13 au 15
    # mai" is a range).
    seasonal = any(w.rstrip(".") in _SEASON_WORDS or w.rstrip(".") in _QUARTER_NOUNS for w in tokens)
    filler = vocab.skip | _FOREIGN_SKIP | _SEASON_FILLER if seasonal else vocab.skip
    quarterly = any(w.rstrip(".") in _QUARTER_NOUNS for w in tokens)
    ordinals = _quarter_ordinals(ctx.langs) if quarterly else {}
    for token in _split_hyphenated(tokens, vocab, filler):
        if token[0] == "'":
            numbers.append(("yy", int(token[1:]), len(numbers)))
            continue
        if token[0].isdigit():
            m = _ORDINAL_RE.fullmatch(token)
            if m is None:
                # "2mh" (Scottish Gaelic), Yiddish and Kurdish ordinals: a number with the letters
                # CLDR's date pattern writes onto it.
                m = _SUFFIXED_NUMBER_RE.fullmatch(token)
                if m is None or m[2] not in filler:
                    return None
            numbers.append((m[1], int(m[1]), month is not None))
            continue
        word = token.rstrip(".")
        if quarterly and word in _ROMAN_QUARTERS:
            quarter = _ROMAN_QUARTERS[word]  # "II trimestre 2020", "II квартал": no month II
        elif word in vocab.months:
            if month is not None and month != vocab.months[word]:
                return None  # "4 أيار/مايو 2020": two names of one month are one month
            month = vocab.months[word]
            saw_month_first = not numbers
        elif word in vocab.weekdays:
            if weekday is not None:
                return None
            weekday, weekday_word = vocab.weekdays[word], word
        elif word in filler:
            fillers += 1
            continue
        elif word in _QUARTER_NOUNS or word in ordinals:
            # "im ersten Quartal 2020", "au 1er trimestre": a quarter (read below)
            quarter = ordinals.get(word, quarter)
        elif word in _DIRECTION_WORDS and word not in _EN_DIRECTION and direction is None:
            # "el pasado 4 de mayo", "le 4 mai dernier", "am vergangenen Montag"
            direction = _DIRECTION_WORDS[word]
        elif word in vocab.approx:
            approx = True
        elif word in vocab.thirds:
            third = (vocab.thirds[word],) * 2
        elif word in _SEASON_WORDS and season is None:
            season = _SEASON_WORDS[word]
        elif "-" in word and all(part in vocab.skip or part in vocab.weekdays for part in word.split("-")):
            # "sexta-feira": a weekday written with its hyphenated noun
            found = [vocab.weekdays[part] for part in word.split("-") if part in vocab.weekdays]
            if weekday is not None or len(found) != 1:
                return None
            weekday = found[0]
        else:
            return None
    if quarterly:
        # A quarter noun is never dropped: "II trimestre 2020" in Hungarian is no February.
        if month is not None or weekday is not None or season is not None:
            return None
        return _quarter_of(quarter, numbers, approx, third, ctx, t)
    if month is None and season is not None:
        return _season_of(numbers, season, approx, third, ctx, t)
    if month is None and weekday is not None and not numbers and third is None:
        # "am Donnerstag", "le jeudi", "este lunes": the most recent such day on or before the
        # reference; "am vergangenen Montag" strictly before it, "el próximo lunes" after it.
        if ctx.reference is None:
            raise DateNormalizationError(
                f"relative date {t!r} needs a reference date (the source's publication date)"
            )
        ref = ctx.reference
        if direction is not None and direction > 0:
            d = ref + _dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        elif direction is not None and direction < 0:
            d = ref - _dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
        else:
            d = ref - _dt.timedelta(days=(ref.weekday() - weekday) % 7)
        return _R(d, d, "day", approx)
    if month is None and weekday is not None and len(numbers) == 1 and numbers[0][1] <= 31:
        if len(weekday_word) < 2 and weekday_word.isascii():
            return None  # "15 h" (15 hours): Hungarian narrow Monday, not "Monday the 15th"
        # "na sexta-feira (8)", "Friday the 8th": the nearest date with that weekday and day.
        return _weekday_and_day(weekday, numbers[0][1], ctx, t)
    if month is None:
        if (
            (third or approx or fillers)
            and len(numbers) == 1
            and len(numbers[0][0]) == 4
            and weekday is None
            and direction is None
        ):
            # "Mitte 2019", "fin 2020", "конце 2019 года", "en 2019", "в 2019 году"
            year = numbers[0][1]
            return _qualify(_R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year"), approx, third)
        if direction is not None and weekday is None and len(numbers) == 1 and len(numbers[0][0]) <= 2:
            # "no próximo dia 25", "el pasado día 4": that day of the month after or before.
            return _day_of_month_towards(numbers[0][1], direction, ctx, t)
        return None
    for digits, value, after_month in numbers:
        if digits == "yy":
            if year is not None:
                return None
            year = _two_digit_year(value)
        elif len(digits) == 4:
            if year is not None:
                return None
            year = value
        elif value > 31:
            return None  # "36 on May 26": not a day, and not a year written in full
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
            if direction is not None or weekday is not None:
                return None  # "im vergangenen März": a month named relative to the reference
            start = _date_without_year(ctx.reference, month, None)
            return _qualify(_R(*_month(start.year, month), "month"), approx, third)
        d = _date_without_year(ctx.reference, month, day)
        if direction is not None and (d - ctx.reference).days * direction < 0:
            # "el pasado 4 de mayo": the last one on or before the reference; "next": after it.
            d = _make_day(d.year + direction, month, day, t) if not (month == 2 and day == 29) else d
        r = _R(d, d, "day")
    elif day is None:
        if weekday is not None:
            return None  # a weekday and a month with no day ("mi-mai" in German is Wednesday-May)
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


def _split_hyphenated(tokens: list[str], vocab, filler) -> list[str]:
    """ "mi-mai", "sexta-feira", Turkish "Mart'ta": a token whose parts are all date words is its parts;
    "d'abril", "dell'agosto": an elided article before a month or weekday is dropped."""
    out = []
    for token in tokens:
        word = token.rstrip(".")
        if word not in vocab.months and word not in vocab.weekdays and _weekday_compound(word, vocab, filler):
            out.append(_weekday_compound(word, vocab, filler))
            continue
        if ("-" in word or "'" in word) and word not in vocab.months and word not in vocab.weekdays:
            parts = _PARTS_RE.split(word)
            if all(
                p in vocab.months
                or p in vocab.weekdays
                or p in filler
                or p in vocab.thirds
                or p in vocab.approx
                or p in _SEASON_WORDS
                for p in parts
            ):
                out.extend(parts)
                continue
            head, _, last = word.rpartition("'")
            if (
                head
                and len(head) <= 4
                and (last in vocab.months or last in vocab.weekdays or last in _SEASON_WORDS)
            ):
                out.append(last)
                continue
        out.append(token)
    return out


_PARTS_RE = re.compile("[-']")


def _weekday_compound(word: str, vocab, filler) -> str | None:
    """ "Montagabend", "dinsdagavond": a weekday and a time of day written as one word."""
    for name in vocab.weekdays:
        if len(name) > 3 and word.startswith(name) and word[len(name) :] in filler:
            return name
    return None


def _day_of_month_towards(day: int, direction: int, ctx: _Ctx, t: str) -> _R | None:
    """A day of the month said with "last"/"next" and no month: the latest one on or before the
    reference, or the first one on or after it."""
    ref = ctx.reference
    if ref is None:
        raise DateNormalizationError(f"{t!r} has no month or year; give a reference date")
    for n in range(3):
        y, m = _add_months(ref.year, ref.month, n if direction > 0 else -n)
        if 1 <= day <= _last_day(y, m):
            d = _dt.date(y, m, day)
            if (d - ref).days * direction >= 0 or (direction == 0 and n == 0):
                return _R(d, d, "day")
    return None


_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter_ordinals(langs: tuple) -> dict:
    found: dict = {}
    for code in langs:
        found.update(_QUARTER_ORDINALS.get(code, {}))
    return found


def _quarter_of(quarter, numbers, approx: bool, third, ctx: _Ctx, t: str) -> _R | None:
    """A quarter said in words with its year, or with none the latest begun by the reference."""
    years = [value for digits, value, _ in numbers if len(digits) == 4]
    small = [value for digits, value, _ in numbers if len(digits) == 1 and 1 <= value <= 4]
    if quarter is None and len(small) == 1:
        quarter = small[0]  # "1er trimestre", "1. Quartal"
    if quarter is None or len(years) > 1 or len(numbers) - len(years) > (quarter in small):
        return None
    if years:
        year = years[0]
    elif ctx.reference is None:
        raise DateNormalizationError(f"{t!r} has no year; give the year or a reference date")
    else:
        ref = ctx.reference
        year = ref.year if 3 * quarter - 2 <= ref.month else ref.year - 1
    return _qualify(_R(*_quarter(year, quarter), "quarter"), approx, third)


def _season_of(numbers, start_month: int, approx: bool, third, ctx: _Ctx, t: str) -> _R | None:
    """ "im Frühjahr 2021", "à la fin de l'été": a season of the year given, or with no year the
    latest one begun by the reference."""
    if len(numbers) > 1 or (numbers and len(numbers[0][0]) != 4):
        return None
    if numbers:
        year = numbers[0][1]
    elif ctx.reference is None:
        raise DateNormalizationError(f"{t!r} has no year; give the year or a reference date")
    else:
        current = _period(ctx.reference, "season")[0]
        year = current.year if _dt.date(current.year, start_month, 1) <= current else current.year - 1
    return _qualify(_R(*_season(year, start_month), "season"), approx, third)


def _weekday_and_day(weekday: int, day: int, ctx: _Ctx, t: str) -> _R | None:
    ref = ctx.reference
    if ref is None:
        raise DateNormalizationError(f"{t!r} has no month or year; give a reference date")
    candidates = []
    for n in range(-13, 14):
        y, m = _add_months(ref.year, ref.month, n)
        if day <= _last_day(y, m) and _dt.date(y, m, day).weekday() == weekday:
            candidates.append(_dt.date(y, m, day))
    if not candidates:
        return None
    d = min(candidates, key=lambda c: (abs((c - ref).days), c > ref))
    return _R(d, d, "day")
