"""Which languages a text is read in: the caller's, or those its script implies."""

from __future__ import annotations

import functools
import re

from .base import LETTER, _words
from .vocabulary import (
    _EXTRA_MONTHS,
    _EXTRA_SKIP,
    _QUALIFIER_WORDS,
    _QUARTER_TERMS,
    ARABIC_MARKS_RE,
    _cldr_data,
    _language_info,
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


_WORD_RE = re.compile(f"{LETTER}+")
# English words that stand around dates.
_EN_WORDS = frozenset(
    _words(
        "a an the in on at of by to from and or last next this that early mid late end "
        "beginning start middle year years month months week weeks day days about around circa"
    )
)


@functools.lru_cache(maxsize=1)
def _word_languages() -> dict[str, frozenset]:
    """Every month, weekday, relative and skippable word of every language, with the languages
    using it."""
    index: dict[str, set] = {}
    for code, data in _cldr_data().items():
        words = [*data["months"], *data["weekdays"], *data["phrases"], *data["skip"]]
        words += [pattern.replace("\\s*", " ").replace("(\\d+)", " ") for pattern in data["counted"]]
        words += [*_EXTRA_SKIP.get(code, "").split(), *_EXTRA_MONTHS.get(code, ())]
        words += " ".join((*_QUALIFIER_WORDS.get(code, ()), *_QUARTER_TERMS.get(code, ()))).split()
        for text in words:
            for word in _WORD_RE.findall(ARABIC_MARKS_RE.sub("", text)):
                index.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in index.items()}


@functools.lru_cache(maxsize=1)
def _phrase_languages() -> dict[str, frozenset]:
    """Every relative phrase without a count ("yesterday", "le mois dernier"), with its languages."""
    index: dict[str, set] = {}
    for code, data in _cldr_data().items():
        for phrase in data["phrases"]:
            index.setdefault(phrase, set()).add(code)
    return {phrase: frozenset(codes) for phrase, codes in index.items()}


@functools.lru_cache(maxsize=1)
def _name_languages() -> dict[str, frozenset]:
    """Month and weekday names only, with their languages: the strong evidence of a language
    (function words such as "de" or "la" are shared by many)."""
    index: dict[str, set] = {}
    skipped: dict[str, set] = {}
    for code, data in _cldr_data().items():
        for word in data["skip"]:
            skipped.setdefault(word, set()).add(code)
    for code, data in _cldr_data().items():
        names = [set(_WORD_RE.findall(text)) for text in (*data["months"], *data["weekdays"])]
        uses: dict[str, int] = {}
        for words in names:
            for word in words:
                uses[word] = uses.get(word, 0) + 1
        for words in names:
            for word in words:
                # A word in several names of one language is its article or preposition
                # (Catalan "de gener", "de febrer"; Maltese "il-Ħadd", "il-Ħamis"), not a name.
                # A name that is another language's filler (Jola-Fonyi "de", December; Spanish
                # "de", of) is no evidence either.
                if (len(words) == 1 or uses[word] < 3) and not skipped.get(word, set()) - {code}:
                    index.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in index.items()}


@functools.lru_cache(maxsize=1)
def _language_rank() -> dict[str, int]:
    from dateparser.data import languages_info

    rank = {code: i for i, code in enumerate(languages_info.language_order)}
    rank["en"] = -1
    return rank


def _detect_languages(lowered: str, exclude=()) -> list[list[str]]:
    """Candidate languages of the text from its own words, in tiers to read in turn: first those
    covering the most of its month and weekday names (then of all its date words) and those
    covering the most of all its words (function words such as "de" or "la" are shared by many
    languages; names tell them apart), then the next best; English and the most used languages
    first within a tier. Deterministic: from the words alone, no statistics."""
    whole = _phrase_languages().get(lowered)
    if whole:
        # "dün", "hier", "вчера": a whole relative phrase of these languages, however short.
        rank = _language_rank()
        return [sorted((c for c in whole if c not in exclude), key=lambda c: (rank.get(c, 999), c))]
    index = _word_languages()
    # English was read first: its words ("ago", "may", "a") are no evidence of another language.
    digits = any(c.isdigit() for c in lowered)
    found = _WORD_RE.findall(lowered)
    # A short word alone ("are", "die": weekday abbreviations somewhere) is too weak.
    alone = not digits and len(found) == 1
    words = [
        w for w in dict.fromkeys(found) if w in index and w not in _EN_WORDS and not (alone and len(w) < 4)
    ]
    names = _name_languages()
    sets = [index[w] for w in words if "en" not in index[w]]
    strong = [names[w] for w in words if w in names and "en" not in index[w]]
    if not sets and digits:
        # "2 ago 1992", "31 Ago 2006": a number beside a word that is English too, but not as a
        # date word English reads ("ago" is August in Spanish, Italian and Swahili).
        sets = [index[w] for w in words]
        strong = [names[w] for w in words if w in names]
    if not sets:
        return []
    # First the languages covering the most of the month and weekday names (then of all words),
    # with those covering the most of all words (then of the names): a name shared with another
    # language's filler cannot win alone. Then the next best, and so on.
    score = {
        code: (sum(code in c for c in strong), sum(code in c for c in sets))
        for code in frozenset.union(*sets)
        if code not in exclude
    }
    if not score:
        return []
    by_names = max(score.values())
    by_words = max(score.values(), key=lambda n: (n[1], n[0]))
    rank = _language_rank()
    ordered = sorted(score, key=lambda c: (rank.get(c, 999), c))
    # Within the first tier, those covering the most of the words first ("en 2 dis": Romansh).
    first = sorted((c for c in ordered if score[c] in (by_names, by_words)), key=lambda c: -score[c][1])
    rest = sorted({score[c] for c in ordered if c not in first}, reverse=True)[: _TIERS - 1]
    return [first, *([c for c in ordered if score[c] == key and c not in first] for key in rest)]


_TIERS = 3
