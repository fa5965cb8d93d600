"""The language an article is written in, when no one said: from its script, else from which
language's function words (``vocabulary.FUNCTION_WORDS``) it uses most. Deterministic; an
article with no clear winner reads as English, the language of most news about the world."""

from __future__ import annotations

import re
from collections import Counter

from .vocabulary import FUNCTION_WORDS, LANGUAGES

_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
)
_WORD = re.compile(r"[^\W\d_]+")
_DISTINCT = {
    language: frozenset(FUNCTION_WORDS[language].split())
    - frozenset(
        word for other, words in FUNCTION_WORDS.items() if other != language for word in words.split()
    )
    for language in FUNCTION_WORDS
}
_TURKISH = re.compile(r"[ğışİŞĞ]")


def detect(text: str, given: str = "") -> str:
    given = (given or "").strip().lower()[:2]
    if given in LANGUAGES:
        return given
    sample = text[:20000]
    letters = max(len(_WORD.findall(sample)), 1)
    for language, script in _SCRIPTS:
        if len(script.findall(sample)) > letters * 0.3 or (language == "ja" and script.search(sample)):
            return language
    if len(_TURKISH.findall(sample)) > 1:
        return "tr"
    counts = Counter()
    for word in _WORD.findall(sample.lower()):
        for language, words in _DISTINCT.items():
            if word in words:
                counts[language] += 1
    if not counts:
        return "en"
    best, count = counts.most_common(1)[0]
    return best if count >= 2 else "en"
