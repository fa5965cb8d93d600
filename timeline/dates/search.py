"""Dates in running text: ``find_dates``."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import NamedTuple

from . import reading
from .base import _R, DateNormalizationError, _words
from .calendar_math import _last_day, _month, _period, _week
from .cjk import _CJK_MARK_RE
from .clause import clause_tense
from .holidays import HOLIDAY_WORDS
from .languages import _resolve_languages
from .relative import _shift
from .result import NormalizedDate
from .vocabulary import _WORD_RE, _vocab


class DateMention(NamedTuple):
    """A date expression found in running text: ``text[span[0]:span[1]]`` read as ``value``."""

    span: tuple[int, int]
    text: str
    value: NormalizedDate


_NUMBER_TOKEN = r"'\d{2}s?\b|\d+(?:[-/.:]\d+)*[^\W_]*\.?"  # noqa: S105
_CJK_DIGIT = "0-9〇零一二三四五六七八九十两兩"  # noqa: RUF001
_DASHES = ",-/~\u2013\u2014"
# A CJK date: era or year, month, day (any present), with the suffixes and qualifiers the reader
# knows; or a relative word; Korean puts spaces between the parts.
_CJK_SPAN = (
    rf"(?:(?:令和|平成|昭和|大正|民國|民国)[{_CJK_DIGIT}]{{1,3}}年|元年|[{_CJK_DIGIT}]{{2,4}}\s?[年년]"
    r"|今年|去年|明年|前年|本年|昨年|올해|작년|지난해|내년)?\s?"
    rf"(?:[{_CJK_DIGIT}]{{1,3}}\s?[月월](?:份)?\s?(?:[{_CJK_DIGIT}]{{1,3}}\s?[日号號일])?"
    rf"|[{_CJK_DIGIT}]{{1,3}}\s?[日号號일](?:\s?[前后後전후])?"
    r"|第?[1-4一二三四]\s?(?:季度|四半期|분기)|[上下]半年|[上下]半期|상반기|하반기"
    rf"|[{_CJK_DIGIT}]{{2,4}}年代|[春夏秋冬](?:天|季)?)?"
    r"(?:上旬|中旬|下旬|초순|중순|하순|初|底|末|年初|年末|年底|초|말|ごろ|頃|左右|前後)?"
)
_CJK_RELATIVE_SPAN = (
    r"今天|今日|昨天|昨日|前天|一昨日|明天|明日|上个月|上個月|上月|本月|先月|今月|上周|上週|"
    r"上星期|本周|这周|下周|先週|今週|来週|어제|오늘|그저께|지난달|이번달|지난주|이번주|다음주"
)
_SCAN_RE = re.compile(
    rf"(?P<cjk>{_CJK_SPAN})|(?P<num>{_NUMBER_TOKEN})|(?P<word>[^\W\d_][^\W_]*(?:'s\b)?\.?)"
    rf"|(?P<punct>[{_DASHES}])"
)
# English words that join the parts of a date expression without naming a date themselves.
_JOINERS = frozenset(
    _words(
        "of the on in at and to from between through until till early mid late middle end start that "
        "beginning about around circa c ca approximately roughly last next this past previous "
        "coming following preceding prior same ago earlier later before after day days week weeks month "
        "months year years quarter quarters half weekend fortnight a an one two three four five "
        "six seven eight nine ten eleven twelve first second third fourth final calendar fiscal "
        "fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth "
        "seventeenth eighteenth nineteenth twentieth thirtieth "
        "morning afternoon evening night spring summer autumn fall winter q1 q2 q3 q4 h1 h2 "
        "latest recent most current corresponding comparable full entire whole so nearly almost "
        "ad bc ce bce by since or and am pm a.m p.m gmt utc hundred oh ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen twenty thirty forty fifty sixty seventy eighty ninety"
    )
)
# Words that name a date (or a date relative to the reference) on their own.
_EN_ANCHORS = frozenset(
    _words(
        "today yesterday tomorrow tonight now currently presently nowadays ago weekend period "
        "spring summer autumn fall winter quarter "
        "q1 q2 q3 q4 h1 h2 day week month year decade century fortnight twenties thirties "
        "forties fifties sixties seventies eighties nineties noughties nineteen thousand"
    )
)
# Month and weekday words that are also common English words: a date only beside a number or
# written with a capital.
_COMMON_WORDS = frozenset(_words("may march mar sun sat wed jan dec fri mon"))
_ABBREVIATED_NAMES = frozenset(_words("mar sun sat wed jan dec fri mon"))
_NUMBER_AFTER_RE = re.compile(r",?\s*\d")
# "the March for Life", "the March of Dimes": a march, named.
_NAME_AFTER_RE = re.compile(r" (?:for|of|of the) [A-Z]")
_NUMBER_BEFORE_RE = re.compile(r"\d\s*$")
# "the fall", "last fall", "fall 2020": the season; "prices fall" is a verb.
_SEASON_BEFORE_RE = re.compile(r"\b(?:the|this|last|next|early|late|mid|of|in|during|past|coming)\s+$", re.I)
_YEAR_TOKEN_RE = re.compile(r"(?:1[0-9]|20|21)\d\d(?:s)?", re.ASCII)
_DAY_TOKEN_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th|er|e|º|°|a|o)?\.?", re.ASCII)
_DECIMAL_RE = re.compile(r"\d+\.\d+", re.ASCII)
_THOUSANDS_AFTER_RE = re.compile(r",\d{3}(?!\d)", re.ASCII)
_THOUSANDS_BEFORE_RE = re.compile(r"\d,$", re.ASCII)
_DAY_MONTH_DOT_RE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.", re.ASCII)  # "am 17.02."
_UNIT_RE = re.compile(r"(?:day|week|month|year|quarter|fortnight|decade|century)s?")


def find_dates(text: str, *, reference=None, languages=None, date_order=None):
    """Yield a ``DateMention`` for every date expression in ``text`` that reads as a date.

    Candidates are runs of date words (months, weekdays, years, day numbers, relative and
    qualifier words from the same vocabulary ``normalize_date`` reads) and CJK date forms; each
    run is read longest first, so "from 3 to 5 May 2020" is one range and "in May 2020 and
    June 2021" two months. Expressions that do not resolve (relative text with no
    ``reference``, open bounds such as "until June") are not yielded; "until June 2020" yields
    "June 2020".
    """
    if not text:
        return
    langs, _, _ = _resolve_languages(languages, "" if languages else text[:2000])
    vocab = _vocab(langs)
    tokens = _scan(text, vocab)
    found: list[DateMention] = []
    for run in _runs(text, tokens):
        for mention in _read_run(
            text, run, vocab, reference, languages or (langs if langs != ("en",) else None), date_order, found
        ):
            found.append(mention)
            yield mention


def read_mention(text: str, start: int, end: int, *, reference=None, languages=None, date_order=None):
    """The date at ``text[start:end]`` read as ``find_dates`` reads it in its sentence (the
    clause's tense for a bare weekday or month, the quarter a financial sentence speaks of), as a
    ``DateMention``; None when the piece does not read as a date."""
    piece = text[start:end]
    anaphora = _anaphora(piece)
    if anaphora is not None:
        window = _previous_paragraph_start(text, start)
        earlier = list(
            find_dates(text[window:start], reference=reference, languages=languages, date_order=date_order)
        )
        value = _from_anchor(anaphora, piece, earlier)
        return None if value is None else DateMention((start, end), piece, value)
    value = _in_context(text, start, end, piece, reference)
    if value is None:
        try:
            value = reading._normalize_checked(piece, reference, languages, date_order, True)
        except DateNormalizationError:
            return None
    langs, _, _ = _resolve_languages(languages, "" if languages else piece)
    return _by_tense(text, DateMention((start, end), piece, value), _vocab(langs), reference)


class _Token(NamedTuple):
    start: int
    end: int
    kind: str  # "anchor", "joiner"
    cjk: bool


def _scan(text: str, vocab) -> list[_Token]:
    tokens = []
    for m in _SCAN_RE.finditer(text):
        if m.start() == m.end():
            continue
        value = m.group()
        if m["cjk"]:
            if not _CJK_MARK_RE.search(value) and not re.fullmatch(_CJK_RELATIVE_SPAN, value):
                continue
            tokens.append(_Token(m.start(), m.end(), "anchor", True))
        elif m["num"]:
            digits = value.rstrip(".")
            if _DECIMAL_RE.fullmatch(digits) and not _DAY_MONTH_DOT_RE.fullmatch(value):
                kind = "other"  # "1.9%", "2082.1 points": a decimal number, not a day and month
            elif _THOUSANDS_AFTER_RE.match(text, m.end()) or _THOUSANDS_BEFORE_RE.search(text, 0, m.start()):
                kind = "other"  # "5,745,188 shares": one number, not a day
            elif _is_price_fraction(digits):
                kind = "other"  # "the stock fell 7/8 Thursday": a price, not 8 July
            elif _YEAR_TOKEN_RE.fullmatch(digits) or (
                not digits.isdigit() and not _DAY_TOKEN_RE.fullmatch(digits)
            ):
                kind = "anchor"
            else:
                kind = "joiner"
            tokens.append(_Token(m.start(), m.end(), kind, False))
        elif m["word"]:
            word = value.lower().rstrip(".").removesuffix("'s")
            if word in vocab.months or word in vocab.weekdays:
                common = word in _COMMON_WORDS and (
                    not value[0].isupper() or _NAME_AFTER_RE.match(text, m.end()) is not None
                )
                if word in _ABBREVIATED_NAMES and not value.endswith("."):
                    # "Sun Microsystems", "Jan Smit": an abbreviation is a date with its full
                    # stop or beside a number ("Sun 5 May", "5 Jan 2020")
                    common = not (
                        _NUMBER_AFTER_RE.match(text, m.end()) or _NUMBER_BEFORE_RE.search(text, 0, m.start())
                    )
                tokens.append(_Token(m.start(), m.end(), "joiner" if common else "anchor", False))
            elif word == "fall" and not _SEASON_BEFORE_RE.search(text, 0, m.start()):
                tokens.append(_Token(m.start(), m.end(), "joiner", False))  # "prices fall"
            elif word in _EN_ANCHORS or (
                word in HOLIDAY_WORDS and value[0].isupper() and word not in _JOINERS
            ):
                tokens.append(_Token(m.start(), m.end(), "anchor", False))
            elif (
                word in _JOINERS
                or word in vocab.skip
                or word in vocab.approx
                or word in vocab.thirds
                or _UNIT_RE.fullmatch(word)
            ):
                tokens.append(_Token(m.start(), m.end(), "joiner", False))
            else:
                tokens.append(_Token(m.start(), m.end(), "other", False))
        else:
            tokens.append(_Token(m.start(), m.end(), "joiner", False))
    for m in re.finditer(_CJK_RELATIVE_SPAN, text):
        tokens.append(_Token(m.start(), m.end(), "anchor", True))
    tokens.sort()
    return tokens


_FRACTION_RE = re.compile(r"(\d{1,2})/(\d{1,2})", re.ASCII)


def _is_price_fraction(digits: str) -> bool:
    """A proper fraction in halves, quarters, eighths... ("7/8", "1/4"), as share prices are
    written; a day and month with no year would rarely be written so in running text."""
    m = _FRACTION_RE.fullmatch(digits)
    if m is None:
        return False
    numerator, denominator = int(m[1]), int(m[2])
    return numerator < denominator and denominator in (2, 4, 8, 16, 32)


def _runs(text: str, tokens: list[_Token]):
    """Maximal runs of date tokens separated only by spaces, holding at least one anchor; a
    sentence's full stop ends a run, and so does a comma followed by a word that is not a date
    word ("30 June 2020, a week after")."""
    run: list[_Token] = []
    for token in tokens:
        if token.kind == "other" or (run and _breaks(text, run[-1], token)):
            if any(t.kind == "anchor" for t in run):
                yield run
            run = []
            if token.kind == "other":
                continue
        run.append(token)
    if any(t.kind == "anchor" for t in run):
        yield run


def _breaks(text: str, last: _Token, token: _Token) -> bool:
    if token.start < last.end or text[last.end : token.start].strip():
        return True
    if text[last.start : last.end] == "," and token.kind == "joiner" and not _is_number(text, token):
        return True
    return _ends_sentence(text, last, token)


def _is_number(text: str, token: _Token) -> bool:
    return text[token.start].isdigit()


_ABBREVIATIONS = frozenset(_words("c ca approx est a.m p.m st no"))


def _ends_sentence(text: str, last: _Token, following: _Token) -> bool:
    word = text[last.start : last.end]
    if not word.endswith(".") or not text[following.start].isupper():
        return False
    stem = word[:-1].lower()
    if stem in _ABBREVIATIONS or (len(stem) <= 4 and stem.isalpha()):
        return False  # "Feb. 17", "Tue. Feb. 17", "c. 1990"
    # "am 3. Mai" goes on; "in 2019. The" and "on Aug. 26. A year" end.
    return not stem.isdigit() or len(stem) > 2 or following.kind != "anchor"


def _read_run(text: str, run: list[_Token], vocab, reference, languages, date_order, earlier):
    i = 0
    while i < len(run):
        found = None
        if run[i].kind == "anchor" or any(t.kind == "anchor" for t in run[i:]):
            for j in range(len(run) - 1, i - 1, -1):
                if not any(t.kind == "anchor" for t in run[i : j + 1]):
                    break
                start, end = run[i].start, run[j].end
                if text[end - 1] == ".":
                    end -= 1
                if text.endswith("'s", 0, end):
                    end -= 2  # "today's hearing": the date is "today"
                piece = text[start:end]
                if _not_a_date_here(text, start, end) or _month_parted_from_its_number(text, run, j, vocab):
                    continue
                anaphora = _anaphora(piece)
                if anaphora is not None:
                    window = _previous_paragraph_start(text, start)
                    value = _from_anchor(anaphora, piece, [m for m in earlier if m.span[0] >= window])
                else:
                    value = _in_context(text, start, end, piece, reference) or _read_piece(
                        piece, run[i], run[j], vocab, reference, languages, date_order
                    )
                if value is not None:
                    found = (j, DateMention((start, end), piece, value))
                    break
        if found is None:
            i += 1
            continue
        j, mention = found
        yield _by_tense(text, _trimmed(text, mention, vocab), vocab, reference)
        i = j + 1


# "more than two thousand years": a count; "in his late 30s": an age.
_UNIT_AFTER_RE = re.compile(r"\s+(?:days|weeks|months|years|decades|centuries)\b")
_AGE_BEFORE_RE = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[- ]?)?$", re.I)
_AGE_PIECE_RE = re.compile(
    r"(?:(?:early|mid|late)[- ]?)?"
    r"(?:'?[1-9]0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
)


# "March eighth." is a day; "In May second prize went to...": the ordinal belongs to what follows.
_AFTER_SPOKEN_DAY_RE = re.compile(r"\s*(?:[.,;:!?)\"']|$)|,?\s+\d{4}\b")


def _month_parted_from_its_number(text: str, run: list[_Token], j: int, vocab) -> bool:
    """ "past the Nov. 1 deadline", "in the October 1998 shooting": a piece ending on a month
    whose day or year comes next is not that month read alone ("past the Nov" was last November)."""
    if j + 1 >= len(run) or not _is_number(text, run[j + 1]):
        return False
    word = text[run[j].start : run[j].end].lower().rstrip(".")
    return word in vocab.months


def _not_a_date_here(text: str, start: int, end: int) -> bool:
    """A count ("two thousand years"), an age ("in his 40s") or an ordinal that is not a day."""
    piece = text[start:end].lower()
    last = piece.split()[-1]
    if _UNIT_AFTER_RE.match(text, end) and (piece[-1].isdigit() or last in _COUNT_WORDS):
        return True
    if last.rpartition("-")[2] in _ORDINAL_WORDS and not _AFTER_SPOKEN_DAY_RE.match(text, end):
        return True
    return _AGE_PIECE_RE.fullmatch(piece) is not None and _AGE_BEFORE_RE.search(text, 0, start) is not None


_COUNT_WORDS = frozenset(_words("hundred thousand million two three four five six seven eight nine ten"))


# Words that tie a weekday or month to the reference some other way ("last May", "Monday next
# week", "May of this year"): the reading already says which one.
_RELATIVE_WORDS = frozenset(
    _words(
        "last next this coming past previous following prior ago earlier later before after "
        "year years week weeks month months today yesterday tomorrow"
    )
)
_MONTHS_AHEAD_FOR_PAST = 90  # days: a month this far ahead, in a past-tense clause, is the last one


# What TimeML leaves out of a date's extent: the word that makes it a start ("from March 30", a
# signal, not the date), and the article of a date used as an adjective ("a third-quarter loss",
# "the Oct. 23 slaying", "the 1987 crash"); "the third quarter", "the 1990s" keep theirs.
_START_WORDS = frozenset(_words("from starting beginning effective"))
_UNIT_LAST_RE = re.compile(r"\d(?:'s)? (?:[a-z]+ )?(?:quarter|period|half)$")
_ARTICLE_BEFORE_DATE_RE = re.compile(r"(?:a|an|the) (?=\d+(?!\d*'?s\b)|[^\W\d_]+\.? \d|[^\W\d_]+-[^\W\d_]+$)")


def _trimmed(text: str, mention: DateMention, vocab) -> DateMention:
    start, end = mention.span
    lowered = mention.text.lower()
    first = lowered.split(maxsplit=1)[0]
    if first in _START_WORDS and not mention.value.is_range and " " in lowered:
        if lowered[len(first) + 1 :].startswith("of "):
            return mention  # "beginning of May": a qualifier, part of the date
        start += len(first) + 1
    else:
        m = _ARTICLE_BEFORE_DATE_RE.match(lowered)
        if m is None or _UNIT_LAST_RE.search(lowered):
            return mention  # "the 1988 quarter": the article of a date's own noun
        rest = lowered[m.end() :]
        head = rest.split(maxsplit=1)[0].rstrip(".")
        if not (head[0].isdigit() or head in vocab.months or "-" in rest):
            return mention
        start += m.end()
    return mention._replace(span=(start, end), text=text[start:end])


# Financial news compares a quarter with the same quarter a year before: "net income rose 20% from
# a year earlier" in a sentence about the quarter (or right after one) means the year-ago
# quarter; "the quarter" and "the latest period" there are the last quarter that has ended.
_YEAR_AGO_PIECE_RE = re.compile(
    r"(?:the )?(?:(?:a|one) year (?:ago|earlier)|year[- ](?:ago|earlier)(?: period)?"
    r"|(?:comparable|corresponding|same) period(?: a year (?:ago|earlier)| last year| of last year))"
)
_LATEST_QUARTER_PIECE_RE = re.compile(r"the (?:latest |most recent )?(?P<unit>quarter|period)")
# "the 1988 quarter", "the 1989 period": the quarter spoken of, in that year.
_YEAR_PERIOD_PIECE_RE = re.compile(r"the (?P<year>(?:19|20)\d\d) (?P<unit>quarter|period)", re.ASCII)
_QUARTER_TALK_RE = re.compile(r"\bquarter")
_MONTHS_TALK_RE = re.compile(r"\b(?:\d+|three|six|nine|twelve)[- ]months?\b")


def _in_context(text: str, start: int, end: int, piece: str, reference) -> NormalizedDate | None:
    if reference is None:
        return None
    lowered = piece.lower()
    first, _, rest = lowered.partition(" ")
    if first in _START_WORDS and rest:
        lowered = rest  # "from a year earlier"
    if _THE_YEAR_PIECE_RE.fullmatch(lowered):
        return _this_year(text, end, piece, reference)
    ago = _YEAR_AGO_PIECE_RE.fullmatch(lowered)
    latest = _LATEST_QUARTER_PIECE_RE.fullmatch(lowered) if ago is None else None
    of_year = _YEAR_PERIOD_PIECE_RE.fullmatch(lowered) if ago is None and latest is None else None
    if ago is None and latest is None and of_year is None:
        return None
    if not _speaks_of_a_quarter(text, start, end, lowered, ago is None and of_year is None):
        return None
    said = "the year-ago quarter" if ago is not None else "the latest quarter"
    value = reading._normalize_checked(said, reference, None, None, False)
    if of_year is not None:
        year = int(of_year["year"])
        value = dataclasses.replace(
            value, start=value.start.replace(year=year), end=value.end.replace(year=year)
        )
    return dataclasses.replace(value, text=piece)


# "For the year, volume was flat", "a high for the year", "the full year": in news, the year
# of the reference; "the year ended June 30" is a fiscal year and "the year before" another.
_THE_YEAR_PIECE_RE = re.compile(r"the (?:full |entire |whole )?year")
_NOT_THIS_YEAR_AFTER_RE = re.compile(
    r"[\s,]+(?:ended|ending|to|before|after|earlier|later|since|that|when|in|of|ago|\d"
    r"|(?:was|is)\s+(?:\w+\s+)?\d)",  # "the year was 1990"
    re.I,
)


def _this_year(text: str, end: int, piece: str, reference) -> NormalizedDate | None:
    if _NOT_THIS_YEAR_AFTER_RE.match(text, end) or (piece.endswith("Year") and piece[0].islower()):
        return None  # ... or a title: "Person of the Year"
    start, stop = _period(reference, "year")
    return NormalizedDate(piece, start, stop, "year")


def _speaks_of_a_quarter(text: str, start: int, end: int, lowered: str, latest: bool) -> bool:
    """Whether the piece, in its place, means a quarter: "the quarter" and "the 1988 quarter" say
    so; "the latest period", "the year-earlier period" point back at a quarter the text has named;
    "a year earlier" and "the 1989 period" must be said beside one ("the 1988 period" after
    "nine months" is those months)."""
    if lowered.endswith("quarter") and (latest or _YEAR_PERIOD_PIECE_RE.fullmatch(lowered)):
        return True
    of_year = _YEAR_PERIOD_PIECE_RE.fullmatch(lowered) is not None
    sentence_start = 0 if "period" in lowered and not of_year else _previous_sentence_start(text, start)
    sentence = text[sentence_start : _sentence_end(text, end)].lower()
    if of_year and _MONTHS_TALK_RE.search(sentence):
        return False
    return _QUARTER_TALK_RE.search(sentence) is not None


# A sentence ends at a full stop before a capital ("Sept. 29" and "U.S. officials" go on) or at
# a new line.
_SENTENCE_END_RE = re.compile("[.!?][\"'\u201d\u2019]*\\s+(?=[A-Z\"\u201c`'])|\n")


def _previous_sentence_start(text: str, at: int) -> int:
    """Where the sentence before the one holding ``text[at]`` starts."""
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, at - 2000), at)]
    return ends[-2] if len(ends) >= 2 else max(0, at - 2000) if ends else 0


def _sentence_end(text: str, at: int) -> int:
    m = _SENTENCE_END_RE.search(text, at)
    return m.start() if m else len(text)


_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*")


def _previous_paragraph_start(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``text[at]`` starts."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK_RE.finditer(text, 0, at)]
    return breaks[-2] if len(breaks) >= 2 else 0


# "the following year", "that day", "earlier that day", "the previous week": a time told from the
# date the text has just given ("On May 22, 1995, he was promoted, and the following year he..."),
# not from the reference. "the next week/month/year" looks ahead from the reference and stays so.
_ANAPHORA_RE = re.compile(
    r"(?:(?:the )?(?P<step>following|previous|preceding|prior|next)|(?:earlier |later )?(?:that|the same))"
    r" (?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year)"
)
_STEPS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
_PARTS_OF_DAY = frozenset(_words("morning afternoon evening night"))
# The precisions an anchor may have to tell a unit from: a finer or the same period.
_ANCHOR_PRECISIONS = {
    "day": frozenset(("day",)),
    "week": frozenset(("day", "week")),
    "month": frozenset(("day", "week", "month")),
    "quarter": frozenset(("day", "month", "quarter")),
    "year": frozenset(("day", "week", "month", "quarter", "season", "year")),
}


def _anaphora(piece: str) -> re.Match | None:
    m = _ANAPHORA_RE.fullmatch(piece.lower())
    if m is None or (m["step"] == "next" and m["unit"] not in _PARTS_OF_DAY and m["unit"] != "day"):
        return None
    return m


def _from_anchor(anaphora: re.Match, piece: str, earlier: list[DateMention]) -> NormalizedDate | None:
    """The period ``anaphora`` names from the latest date before it (in its paragraph or the one
    before) of its unit, or else finer; None when there is none: the reference would guess."""
    unit = "day" if anaphora["unit"] in _PARTS_OF_DAY else anaphora["unit"]
    allowed = [
        m.value for m in earlier if m.value.precision in _ANCHOR_PRECISIONS[unit] and not m.value.is_range
    ]
    if not allowed:
        return None
    step = _STEPS.get(anaphora["step"], 0)
    # "that quarter" points back at a quarter said, not at a day said since; "the following
    # year" counts from the latest time told.
    same = [value for value in allowed if value.precision == unit] if step == 0 else []
    anchor = (same or allowed)[-1]
    if unit == "week":
        start, end = _week(anchor.start + _dt.timedelta(days=7 * step))
    else:
        moved = _shift(_R(*_period(anchor.start, unit), unit), unit, step)
        start, end = moved.start, moved.end
    return NormalizedDate(piece, start, end, unit)


def _by_tense(text: str, mention: DateMention, vocab, reference) -> DateMention:
    """A bare weekday or a month with no year, resolved by the tense of its clause: "will meet
    on Thursday" is the coming Thursday; "was founded in March" said in October is the March
    before. Without a tense marker (or with one that agrees) the fixed rules stand."""
    value = mention.value
    if reference is None or value.is_range or value.precision not in ("day", "month"):
        return mention
    if any(c.isdigit() for c in mention.text) and re.search(r"\d{3}|'\d", mention.text):
        return mention
    words = _WORD_RE.findall(mention.text.lower())
    if any(w in _RELATIVE_WORDS for w in words):
        return mention
    weekday = any(w in vocab.weekdays for w in words)
    month = any(w in vocab.months for w in words)
    if weekday == month:
        return mention  # neither, or a weekday with its month and day: the date is said
    tense = clause_tense(text, *mention.span)
    if tense == "future" and _names_an_event(text, *mention.span):
        tense = None  # "will appeal Tuesday's ruling": the verb is about what follows the event
    start, end = value.start, value.end
    if weekday and tense == "future" and start < reference:
        start = end = start + _dt.timedelta(days=7)
    elif month and tense == "past" and (start - reference).days > _MONTHS_AHEAD_FOR_PAST:
        start, end = _year_moved(value, -1)
    elif month and tense == "future" and (reference - end).days > _MONTHS_AHEAD_FOR_PAST:
        start, end = _year_moved(value, 1)
    else:
        return mention
    return mention._replace(value=dataclasses.replace(value, start=start, end=end))


_ADJECTIVE_DATE_BEFORE_RE = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def _names_an_event(text: str, start: int, end: int) -> bool:
    """ "Wednesday's ruling", "the Aug. 7 blasts": a date naming an event, which news names once
    it has happened; a future verb is about what follows it ("to get around Wednesday's ruling")."""
    return text.startswith("'s", end) or bool(
        _ADJECTIVE_DATE_BEFORE_RE.search(text, max(0, start - 6), start)
    )


def _year_moved(value: NormalizedDate, years: int) -> tuple[_dt.date, _dt.date]:
    year = value.start.year + years
    if value.precision == "month":
        return _month(year, value.start.month)
    day = min(value.start.day, _last_day(year, value.start.month))
    moved = _dt.date(year, value.start.month, day)
    return moved, moved


# "in", "on" add nothing and "until", "since", "by" make a bound: a piece starting with one is
# found without it; a piece ending on a joining word is found without that word.
_LEADING_NOT = frozenset(_words("and or to of in on at by since until till before after as"))


# "a six-year high", "a 10-day strike": a length, not a date.
_LENGTH_ADJECTIVE_RE = re.compile(
    r"(?:^|\s)(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)-"
    r"(?:day|week|month|year|decade)s?(?:-old|-long)?$"
)
_NUMERIC_PIECE_RE = re.compile(r"[\d\s,./:-]+")
_FULL_NUMERIC_RE = re.compile(r".*(?<!\d)\d{4}(?!\d).*|\d{1,2}[-/.]\d{1,2}[-/.]\d{2}")


_PRESENT_WORDS = frozenset(_words("now currently presently nowadays"))
_LAST_WORD_RE = re.compile(r"[^\W\d_]+$")
# "a year earlier": a count of units before the reference, said as news says it; "Wednesday
# night": the time of day belongs to the date.
_AGO_PIECE_RE = re.compile(
    r"\b(?:day|week|month|year|quarter)s?[- ]earlier$|\b(?:morning|afternoon|evening|night)$"
    r"|\byear(?:'s)?[- ]end$"  # "by year-end": the end of the reference's year
)
# Ordinal words end a day said in words ("March eighth").
_ORDINAL_WORDS = frozenset(
    _words(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth"
    )
)
# Numbers said in words end a year said in words ("nineteen ninety-six").
_NUMBER_WORDS = frozenset(_words("one two three four five six seven eight nine"))


def _read_piece(piece: str, first: _Token, last: _Token, vocab, reference, languages, date_order):
    words = piece.lower().split()
    if (words[0] in _PRESENT_WORDS and len(words) > 1) or words == ["quarter"]:
        return None  # "now 5%": the present takes no number; "a quarter of the vote"
    if words[0] in _LEADING_NOT or (words[0] in vocab.skip and words[0] not in ("the", "year")):
        return None
    last_word = _LAST_WORD_RE.search(piece)
    if (
        last.kind != "anchor"
        and not piece[-1].isdigit()
        and not _AGO_PIECE_RE.search(piece.lower())
        and not (last_word and (last_word[0] in _NUMBER_WORDS or last_word[0] in _ORDINAL_WORDS))
    ):
        return None
    if piece[-1] in _DASHES or piece[0] in _DASHES or _LENGTH_ADJECTIVE_RE.search(piece.lower()):
        return None
    if _NUMERIC_PIECE_RE.fullmatch(piece) and not any(
        _FULL_NUMERIC_RE.fullmatch(p) for p in re.split(r"[\s,]+", piece)
    ):
        return None  # "5.2", "17": numbers, not dates, unless a year or a whole numeric date is there
    try:
        return reading._normalize_checked(piece, reference, languages, date_order, False)
    except DateNormalizationError:
        return None
