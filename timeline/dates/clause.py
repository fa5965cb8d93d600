"""The tense of the clause around a date in running English text, for ``find_dates``.

A bare weekday or a month without a year is read against the reference by a fixed rule (the
most recent weekday on or before it, the month's past-leaning occurrence). In running news text
the clause's verb says more: "will meet on Thursday" is the coming Thursday, "the company was
founded in March", said in October, is the March before. ``clause_tense`` finds the tense marker
nearest before the date in its clause (or, when the clause starts with the date or with "until"
and the date, the nearest after it): a modal or a word of schedule ("will", "would", "is
expected to", "scheduled", "planning", "payable", "until") is the future; an auxiliary or a
past-tense verb ("was", "had", "said", "rose", "-ed", but not a passive's participle: "will be
named") is the past. No marker: None, and the fixed rule stands.
"""

from __future__ import annotations

import re

from .base import _words

# Where a clause starts: a sentence's end, a semicolon or colon, a quotation mark, a new line.
_CLAUSE_START_RE = re.compile(r"[.!?]\s|[;:\n\"“”]|``|''")
_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WINDOW = 12  # words looked at before the date; after it, half as many

_FUTURE_WORDS = frozenset(
    _words(
        "will shall would wo won't upcoming scheduled slated planning payable until till postponed "
        "expire expires effective"
    )
)
# Two-word markers of the future ("expected to", "set for", "as soon as").
_FUTURE_PAIRS = frozenset(
    tuple(pair.split())
    for pair in [
        "going to",
        "expected to",
        "expects to",
        "expect to",
        "set to",
        "set for",
        "plans to",
        "plan to",
        "planned for",
        "intends to",
        "intend to",
        "is to",
        "are to",
        "is due",
        "are due",
        "soon as",
        "early as",
    ]
)
_PAST_WORDS = frozenset(
    _words(
        "was were had did said told rose fell came went took made met won lost began sold bought "
        "paid left held gave saw got found ran struck hit led grew fought spoke wrote chose "
        "became brought thought sent spent built ago"
    )
)
# Words ending in -ed that are not a past tense here: they speak of what is to come.
_NOT_PAST = frozenset(
    _words(
        "scheduled expected planned proposed slated anticipated intended red bed need indeed hundred united"
    )
)


# A past participle after these is a passive ("will be named", "is being sold"): the auxiliary
# before it gives the tense ("has been named" stays past).
_PASSIVE_AUXILIARIES = frozenset(_words("be being"))


def _marker(words: list[str], i: int) -> str | None:
    word = words[i]
    if (
        word in _FUTURE_WORDS
        or word.endswith("'ll")
        or (i + 1 < len(words) and (word, words[i + 1]) in _FUTURE_PAIRS)
    ):
        return "future"
    if word in _PAST_WORDS:
        return "past"
    if word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST:
        return "past" if i == 0 or words[i - 1] not in _PASSIVE_AUXILIARIES else None
    return None


def clause_tense(text: str, start: int, end: int) -> str | None:
    """ "past", "future" or None: the tense of the clause holding ``text[start:end]``."""
    before = text[max(0, start - 200) : start]
    starts = list(_CLAUSE_START_RE.finditer(before))
    if starts:
        before = before[starts[-1].end() :]
    words = _TOKEN_RE.findall(before.lower())[-_WINDOW:]
    # "Until Monday, they had not...": the clause starts with the date, so its verb says more.
    opens_with_until = words in (["until"], ["till"])
    if opens_with_until:
        words = []
    for i in range(len(words) - 1, -1, -1):
        found = _marker(words, i)
        if found is not None:
            return found
    after = text[end : end + 120]
    stop = _CLAUSE_START_RE.search(after)
    if stop is not None:
        after = after[: stop.start()]
    words = _TOKEN_RE.findall(after.lower())[: _WINDOW // 2]
    for i in range(len(words)):
        found = _marker(words, i)
        if found is not None:
            return found
    return "future" if opens_with_until else None
