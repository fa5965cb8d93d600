"""The one date inside a longer phrase in any language: datelines ("PARIS, 4 mars (Reuters) -"),
court and gazette headers ("Urteil vom 4. Mai 2020 - VI ZR 123/19", "BOE núm. 55, de 5 de marzo
de 2021", "令和2年5月4日判決"), bylines with a publication and an update date.

A date is anchored on a month name of the languages read, a numeric date with its year
(``10.03.2021``, ``2021.03.10``, Korean ``2020. 5. 4.``) or a CJK ``年月日`` run; around the anchor
the longest run of words that reads as one date is taken. The phrase is refused when it names
several dates (unless the later ones follow an update label: the first is the publication date)
or has a word that could shift the date (before, after, since, ago, ...).
"""

from __future__ import annotations

import functools
import re

from . import reading
from .base import _FOUR_DIGIT_YEAR_RE, _R, DateNormalizationError, _Ctx
from .embedded import _the_one_date
from .relative import _RELATIVE_CUE_RE, _VAGUE_RE
from .vocabulary import _FOREIGN_APPROX, _FOREIGN_THIRDS, _OPEN_BOUND_WORDS, _WORD_RE, _cldr_data, _vocab

_MAX_WORDS = 6

_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d./-])(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?"
    r"|\d{4}\.\s\d{1,2}\.\s\d{1,2}\.)(?![\d/-]|\.\d)"
)

# A CJK date run starts at a digit, a numeral or an era and ends at 年, 月 or 日 (or 일, 월, 년).
_CJK_DATE_CHARS = "年月日년월일"
_CJK_START_RE = re.compile(r"令和|平成|昭和|大正|明治|民國|民国|[0-9〇零一二三四五六七八九十]")  # noqa: RUF001

# Reviewed: what a later date in a byline follows when it is the update, not the publication.
_UPDATE_LABEL_RE = re.compile(
    r"[,;|(]?\s*(?:mis à jour|modifié|actualisé|mise à jour|aktualisiert|geändert|actualizado|"
    r"modificado|atualizado|aggiornato|modifica|обновлено|изменено|güncelleme|güncellendi|"
    r"تحديث|آخر تحديث|최종수정|수정|업데이트|更新|修改|updated|last updated|last modified)\b"
)

# In other languages, words around a date that can shift it (English cues come from relative).
_FOREIGN_SHIFT_WORDS = frozenset(
    word for before, after in _OPEN_BOUND_WORDS.values() for word in f"{before} {after}".split()
)
# CJK words around a date that can shift it or bound it ("5月4日以前", "4일 전").
_CJK_SHIFT_RE = re.compile(r"前|後|后|以来|まで|以降|까지|이후|이전|(?:^|\s)[전후](?:\s|$)")
_QUALIFIERS = frozenset(_FOREIGN_THIRDS) | _FOREIGN_APPROX
_TOKEN_RE = re.compile(r"\S+")
_SEPARATORS = ",;:|()[]-/"
_DAY_WITH_LETTERS_RE = re.compile(r"\d{1,2}[^\W\d_]+")
# Reviewed: number signs ("No. 19-1392", "nº 14.010", "№ 123-ФЗ" is "No" once tidied), a month
# name in some language, never the anchor of a date.
_NUMBER_SIGNS = frozenset(["no", "nos", "nr", "nro", "n", "nº", "n°", "núm", "num", "numéro", "nummer"])
# Inside a date only plain numbers: a case number ("19-1392", "123-ФЗ", "56.2020.8") is no part.
_PLAIN_NUMBER_RE = re.compile(r"[(\[]?\d{1,4}(?:er|re|e|º|ª|°|\.)?[)\],.;:]?")
# Hijri years (1442 هـ) are not read: a piece holding one is no Gregorian date.
_HIJRI_RE = re.compile(r"\d\s*هـ")
_EDGE_PUNCTUATION = " ,;:()[]|-"


def search_inside(t: str, ctx: _Ctx) -> _R | None:
    """The one date inside ``t`` (lowered and cleaned), or None when no anchored date reads."""
    hijri, corresponding, gregorian = t.partition("الموافق")
    if corresponding and _HIJRI_RE.search(hijri):
        t = gregorian  # "27 رجب 1442 هـ الموافق 11 مارس 2021 م": the Gregorian date it corresponds to
    first, rest = _split_at_update(t)
    if rest is not None and _dates_in(first, ctx):
        t = first  # "Publié le 10/03/2021, mis à jour le 11/03/2021": the publication date
    spans = _dates_in(t, ctx)
    the_date = _the_one_date(t, [r for _, _, r in spans])
    if the_date is None:
        return None
    outside = _outside(t, spans)
    if _words_of(outside) & (_QUALIFIERS | _unit_words_of(ctx.langs)):
        # "Ende April": a qualifier these languages do not read with the date; "semaine du 7
        # octobre": a unit of time around it (the week of 7 October, not the day).
        return None
    if any(_stray_number(t, start, end) for start, end, _ in spans):
        return None  # "36 on May 26": a number beside the date that it does not read
    if _may_shift(outside):
        raise DateNormalizationError(
            f"{t!r} puts the date {the_date.start.isoformat()} inside a phrase that may shift it; "
            "enter the date the event happened"
        )
    if the_date.ambiguous and not ctx.explicit_langs and ctx.langs == ("en",):
        return None  # "julgado em 02/10/2019": the words around it may say whose order it is
    return the_date


def _split_at_update(t: str) -> tuple[str, str | None]:
    m = _UPDATE_LABEL_RE.search(t, 1)
    return (t[: m.start()], t[m.end() :]) if m else (t, None)


def _dates_in(t: str, ctx: _Ctx) -> list[tuple[int, int, _R]]:
    """(start, end, reading) of each anchored date in ``t``, longest first, not overlapping."""
    spans = []
    for m in _NUMERIC_DATE_RE.finditer(t):
        r = _read_piece(m.group(), ctx)
        if r is not None:
            spans.append((m.start(), m.end(), r))
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(t)]
    vocab = _vocab(ctx.langs)
    for index, (start, end) in enumerate(tokens):
        if _overlaps(spans, start, end):
            continue
        word = t[start:end].strip(_EDGE_PUNCTUATION + ".'").lower()
        if word in vocab.months and word not in _NUMBER_SIGNS and _strong_anchor(word):
            span = _longest_window(t, tokens, index, ctx)
        elif any(c in word for c in _CJK_DATE_CHARS):
            span = _longest_cjk_run(t, start, end, ctx)
        else:
            continue
        if span is not None:
            spans = _with_span(t, spans, span)
    return spans


def _with_span(t: str, spans: list, span: tuple) -> list:
    """``spans`` with ``span`` added. Two dates that share words ("RIO DE JANEIRO, 8 jun": January
    8 or 8 June) keep the one whose words no comma divides; otherwise they are two dates."""
    clashing = [s for s in spans if s[0] < span[1] and span[0] < s[1]]
    if not clashing:
        return [*spans, span]
    if all(s[2] == span[2] for s in clashing):
        return spans
    if len(clashing) == 1:
        other = clashing[0]
        for better in (lambda s: _writes_year(t, s), lambda s: not _comma_inside(t, s)):
            # "Meurzh 11 Genver 2033" (Breton Tuesday or March): the one with its year.
            if better(span) != better(other):
                keep = span if better(span) else other
                return [s for s in spans if s is not other] + [keep]
    return [*spans, span]  # read as two dates: refused


def _writes_year(t: str, span: tuple) -> bool:
    return bool(_FOUR_DIGIT_YEAR_RE.search(t[span[0] : span[1]]))


def _comma_inside(t: str, span: tuple) -> bool:
    return "," in t[span[0] : span[1]].rstrip(" ,")


def _strong_anchor(word: str) -> bool:
    """Two-letter month abbreviations ("no", "de", "ma") are function words in other languages,
    and a word of a relative phrase ("over 1 dag", "tra 2 settimane") is that phrase's."""
    return (len(word) >= 3 or not word.isascii()) and word not in _count_phrase_words()


@functools.lru_cache(maxsize=256)
def _unit_words_of(langs: tuple) -> frozenset:
    """The words for day, week, month and year in ``langs`` ("semaine", "Woche", "hafta")."""
    from .relative import _unit_words

    return frozenset(word for code in langs for word in _unit_words(code))


@functools.lru_cache(maxsize=1)
def _count_phrase_words() -> frozenset:
    """The words of every language's relative phrases with a count (CLDR, dateparser)."""
    words = set()
    for data in _cldr_data().values():
        for pattern in data["counted"]:
            words.update(_WORD_RE.findall(pattern.replace("\\s*", " ").replace("(\\d+)", " ")))
    return frozenset(words)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(start < b and a < end for a, b, _ in spans)


def _longest_window(t: str, tokens, anchor: int, ctx: _Ctx):
    """The longest run of at most ``_MAX_WORDS`` words around the anchor that reads as a date."""
    windows = [
        (first, last)
        for first in range(max(0, anchor - _MAX_WORDS + 1), anchor + 1)
        for last in range(anchor, min(len(tokens), first + _MAX_WORDS))
    ]
    windows.sort(key=lambda w: (w[0] - w[1], w[0]))
    for first, last in windows:
        start, end = tokens[first][0], tokens[last][1]
        if not _plain_numbers_only(t[start:end]) or not all(
            _wordlike(t, tokens[i]) for i in range(first, last + 1)
        ):
            continue
        r = _read_piece(t[start:end], ctx)
        if r is not None and r.precision != "day":
            # A month or year among words read only around it ("no começo de outubro") may have
            # lost a qualifier this language's table lacks; a day has none that narrows it.
            return None
        if r is not None:
            neighbours = [t[a:b] for a, b in tokens[max(0, first - 1) : first] + tokens[last + 1 : last + 2]]
            if any(_number_with_letters(word) for word in neighbours):
                # "1טן יוני 2000" (Yiddish): the day is written in a way these languages do not read  # noqa: RUF003
                return None
            return start, end, r
    return None


def _wordlike(t: str, token) -> bool:
    return bool(t[token[0] : token[1]].strip(_EDGE_PUNCTUATION + "."))


def _number_with_letters(word: str) -> bool:
    """A day with letters written onto it (Yiddish "1st"), not a sign before a number ("n°0238")."""
    return bool(_DAY_WITH_LETTERS_RE.fullmatch(word.strip(_EDGE_PUNCTUATION + ".")))


def _longest_cjk_run(t: str, start: int, end: int, ctx: _Ctx):
    """The longest piece of a CJK word (no spaces) from a digit or an era to 年/月/日 that reads."""
    word = t[start:end]
    starts = [m.start() for m in _CJK_START_RE.finditer(word)]
    ends = [i + 1 for i, c in enumerate(word) if c in _CJK_DATE_CHARS]
    pieces = sorted(((a, b) for a in starts for b in ends if b > a), key=lambda p: (p[0] - p[1], p[0]))
    for a, b in pieces:
        if word[b : b + 1] == "度":
            continue  # "2020年度": a fiscal year, which differs per organization
        r = _read_piece(word[a:b], ctx)
        if r is not None and r.precision != "day":
            return None  # "令和5年(行ウ)第123号": a year in a case number, not a date
        if r is not None:
            return start + a, start + b, r
    return None


def _plain_numbers_only(piece: str) -> bool:
    return all(_PLAIN_NUMBER_RE.fullmatch(w) for w in piece.split() if any(c.isdigit() for c in w))


def _read_piece(piece: str, ctx: _Ctx) -> _R | None:
    piece = piece.strip(_EDGE_PUNCTUATION).rstrip(".")  # as the whole text is tidied: "2020. 5. 4."
    if not piece or _HIJRI_RE.search(piece) or len(_FOUR_DIGIT_YEAR_RE.findall(piece)) > 1:
        return None
    try:
        return reading._parse_one(piece, ctx)
    except DateNormalizationError:
        return None


def _outside(t: str, spans) -> str:
    for start, end, _ in sorted(spans, reverse=True):
        t = f"{t[:start]} {t[end:]}"
    return t


def _stray_number(t: str, start: int, end: int) -> bool:
    """A bare number beside the date, before any separating punctuation, not after a number sign."""
    before, span, after = t[:start].split(), t[start:end].split(), t[end:].split()
    words = [*before, *span, *after]
    near = []
    for index in range(len(before) - 1, -1, -1):
        if before[index][-1] in _SEPARATORS:
            break
        near.append(index)
    if span and span[-1][-1] in _SEPARATORS:
        after = []  # "31 mai 2023, n° 462345": the comma closes the date
    for offset, word in enumerate(after):
        if word[0] in _SEPARATORS:
            break
        near.append(len(before) + len(span) + offset)
        if word[-1] in _SEPARATORS:
            break
    return any(
        words[i].strip(".").isdigit() and (i == 0 or words[i - 1].strip(".") not in _NUMBER_SIGNS)
        for i in near
    )


def _words_of(text: str) -> set[str]:
    return {w.strip(_EDGE_PUNCTUATION + ".'") for w in text.split()}


def _may_shift(outside: str) -> bool:
    if _RELATIVE_CUE_RE.search(outside) or _VAGUE_RE.search(outside) or _CJK_SHIFT_RE.search(outside):
        return True
    return bool(_words_of(outside) & _FOREIGN_SHIFT_WORDS)
