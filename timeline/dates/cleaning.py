"""Tidying raw text before reading: dashes, spaces, quotes, digits, no-date words, times."""

from __future__ import annotations

import re
import unicodedata

from .base import _words
from .vocabulary import ARABIC_MARKS_RE

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
        **dict.fromkeys("\xa0\u2007\u202f\u3000\u200b", " "),
        **dict.fromkeys("\u2018\u2019\u2032`", "'"),
        **dict.fromkeys("\u201c\u201d", '"'),
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u060c": ",",
        "\u0970": ".",  # the Devanagari abbreviation sign: "अक्टू॰" is "Oct."
        # Directional marks that right-to-left text carries between a date's numbers.
        **dict.fromkeys("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
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


_OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")

# A number after a number sign ("No 5", "nº 12", "№ 3" which NFKC makes "No 3"): never a date.
_NUMBERED_RE = re.compile(r"(?:no|nos|nr|nro|n°|nº|núm|num)\.?\s*\d+")
# A number with a percent or per-mille sign ("3.5%", "на 3,5%", "10.5%"): never a date.
_PERCENT_RE = re.compile(r"\d\s*[%‰]")


_HAS_DATE_CHAR = re.compile(r"[0-9]|[^\W\d_]{2,}|[年月日]")


# An ordinal sign after a day ("1º de maio", "1.º de mayo", "1° marzo"), before NFKC makes it "o".
_ORDINAL_SIGN_RE = re.compile(r"(?<=\d)\.?[ºª°](?!\w)")


def _clean(text: str) -> str:
    s = text
    if not s.isascii():
        s = ARABIC_MARKS_RE.sub("", _ORDINAL_SIGN_RE.sub("", s))
        s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE)
        if _OTHER_DIGIT_RE.search(s):
            # Digits of every script (Bengali, Devanagari, Tibetan...) as ASCII digits.
            s = _OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m[0])), s)
    s = _WS.sub(" ", s).strip()
    while len(s) > 1 and s[0] + s[-1] in ('""', "''", "()", "[]", "{}"):
        s = s[1:-1].strip()
    return s.rstrip(" ,;:").rstrip(".") if not s.lower().endswith(("n.d.", "s.d.")) else s


# Reviewed: the labels news pages put before their own dates ("Publié le", "Stand:", "입력"), and
# their language (English ones are read as qualifiers, except "Last modified on": "last" is no
# relative word there).
_LABELS = {
    "en": "last modified|last updated",
    "fr": "publié|mis à jour|modifié|actualisé",
    "de": "veröffentlicht|aktualisiert|zuletzt aktualisiert|stand",
    "es": "publicado|actualizado",
    "pt": "atualizado|publicado",
    "it": "pubblicato|aggiornato",
    "ru": "опубликовано|обновлено",
    "tr": "yayınlanma|güncelleme|güncellendi",  # noqa: RUF001
    "ar": "نشر|تحديث|آخر تحديث",
    "ko": "입력|수정|업데이트",
    "zh": "发布|發佈|更新",
    "ja": "公開|更新日",
}
_LABEL_LANGUAGE = {label: code for code, labels in _LABELS.items() for label in labels.split("|")}
_LABEL_RE = re.compile(
    "^(?P<label>" + "|".join(sorted(_LABEL_LANGUAGE, key=len, reverse=True)) + ")"
    r"(?P<article>\s+(?:le|am|em|el|il|à|في|on))?\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)


def _strip_label(s: str) -> tuple[str, str | None]:
    """The text after a label, when an article, a colon or a number shows it is one, and the
    label's language."""
    m = _LABEL_RE.match(s)
    if m is None or m.end() >= len(s) or not (m["article"] or m["colon"] or s[m.end()].isdigit()):
        return s, None
    return s[m.end() :], _LABEL_LANGUAGE.get(m["label"].lower())


_TIME_RE = re.compile(
    r"(?:(?:,|\s)\s*(?:at|@|um|à|a las|alle|às|-)?\s*"
    r"(?:\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\d{1,2}(?:\.\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}\s?h(?!\w)|\d{1,2}\s+uhr\b|noon|midnight)"
    r"(?:\s*\(?(?:utc|gmt)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
    r"|\s*[+-]\d{2}:?\d{2}|\s*\(?\b(?:[a-z]{1,3}[sd]?t|msk|z|local time|local|uhr|hrs|h)\b\)?)?)"
)


# A time before the date ("4:30 p.m. EDT on Tuesday, May 5"): the date is what stays.
_LEADING_TIME_RE = re.compile(
    r"^(?:\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}:\d{2}|noon|midnight)"
    r"(?:\s*\(?(?:[a-z]{1,4}t|gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?,?\s+(?:on\s+)?"
)


# English years said in words, as broadcast transcripts write them: "nineteen ninety-six",
# "the year two thousand", "two thousand and one", "twenty twenty".
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_VALUE = {
    **{w: i for i, w in enumerate(_UNITS, 1)},
    **{w: i for i, w in enumerate(_TEENS, 10)},
    **{w: 10 * i for i, w in enumerate(_TENS, 2)},
}
_ONE_DIGIT = "|".join(_UNITS)
_TWO_DIGITS = rf"(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[- ](?:{_ONE_DIGIT}))?|oh[- ](?:{_ONE_DIGIT}))"
_SPOKEN_YEAR_RE = re.compile(
    rf"\b(?P<c>{'|'.join(_TEENS[1:])}|twenty)[- ](?:hundred(?: and)?[- ]?)?(?P<y>{_TWO_DIGITS})\b"
    rf"|\btwo thousand(?:(?: and)?[- ](?P<z>{_TWO_DIGITS}|{'|'.join(_UNITS)}))?\b"
)


def _two_digits(words: str) -> int:
    return sum(_NUMBER_VALUE.get(w, 0) for w in re.split(r"[- ]", words) if w != "oh")


def _spoken_years(lowered: str) -> str:
    """The text with English years said in words as digits."""
    if "thousand" not in lowered and not any(w in lowered for w in (*_TEENS[1:], "twenty")):
        return lowered

    def year(m: re.Match) -> str:
        if m["c"]:
            return str(_NUMBER_VALUE[m["c"]] * 100 + _two_digits(m["y"]))
        return str(2000 + (_two_digits(m["z"]) if m["z"] else 0))

    return _SPOKEN_YEAR_RE.sub(year, lowered)


# English days said as ordinal words beside a month, as transcripts write them: "March eighth",
# "the twenty-first of June".
_ORDINAL_UNITS = _words("first second third fourth fifth sixth seventh eighth ninth")
_ORDINAL_TEENS = _words(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORDINAL_DAYS = {
    **{w: i for i, w in enumerate(_ORDINAL_UNITS, 1)},
    **{w: i for i, w in enumerate(_ORDINAL_TEENS, 10)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty{sep}{w}": 20 + i for i, w in enumerate(_ORDINAL_UNITS, 1) for sep in ("-", " ")},
    "thirty-first": 31,
    "thirty first": 31,
}
_ORDINAL = "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True))
_ORDINAL_WORDS = frozenset((*_ORDINAL_UNITS, *_ORDINAL_TEENS, "twentieth", "thirtieth"))
_WORD_SPLIT_RE = re.compile(r"[\s,.-]+")
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SPOKEN_DAY_RE = re.compile(
    rf"\b(?P<m1>{_EN_MONTH})\s+(?:the\s+)?(?P<o1>{_ORDINAL})\b"
    rf"|\b(?:the\s+)?(?P<o2>{_ORDINAL})\s+(?:day\s+)?of\s+(?P<m2>{_EN_MONTH})(?![a-z])"
)


def _spoken_days(lowered: str) -> str:
    """The text with English days said as ordinal words beside a month as digits."""
    if _ORDINAL_WORDS.isdisjoint(_WORD_SPLIT_RE.split(lowered)):
        return lowered

    def day(m: re.Match) -> str:
        if m["m1"]:
            return f"{m['m1']} {_ORDINAL_DAYS[m['o1']]}"
        return f"{_ORDINAL_DAYS[m['o2']]} {m['m2']}"

    return _SPOKEN_DAY_RE.sub(day, lowered)
