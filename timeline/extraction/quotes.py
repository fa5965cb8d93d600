"""Quotations in an article and who said them.

A quotation is text between typographic or straight quotes in any of the common styles
(“…”, "…", «…», „…“, 「…」, 『…』) of at least three words (or six CJK characters): shorter
quoted text is a name or a term ("so-called “national security” law"), not something said.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_QUOTE = re.compile(r"“([^”“]+)”|\"([^\"\n]+)\"|«\s?([^»]+?)\s?»|„([^“”\n]+)[“”]|「([^」]+)」|『([^』]+)』")
# Roles that speak for an organization; the speaker is then "<organization> <role>".
_ROLES = re.compile(
    r"\b(spokes(?:person|man|woman)|representative|official|chief executive|CEO|minister|president|"
    r"director|chair(?:man|woman|person)?|founder|head of [a-z ]+|general counsel|lawyer|attorney|"
    r"sprecher(?:in)?|porte-parole|portavoz|portavoce|porta-voz|представитель)\b",
    re.IGNORECASE,
)


class Quote(NamedTuple):
    start: int
    end: int
    text: str


def find_quotes(text: str) -> list[Quote]:
    found = []
    for match in _QUOTE.finditer(text):
        inner = next(group for group in match.groups() if group is not None).strip()
        cjk = sum(1 for ch in inner if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
        if len(inner.split()) >= 3 or cjk >= 6:
            found.append(Quote(match.start(), match.end(), inner.strip(" ,")))
    return found


def is_role(name: str) -> bool:
    """ "Sprecher des Verbands", "Spokesperson": a role, not an organization of its own."""
    return _ROLES.match(name) is not None


def role_after(text: str, position: int) -> bool:
    """Whether a role follows ``position`` ("Meta's president of global affairs said")."""
    match = _ROLES.search(text, position, position + 40)
    return match is not None and not text[position : match.start()].strip(" ’'s").count(" ") > 1


def speaker(sentence: str, actor: str) -> str:
    """Who speaks in ``sentence`` for ``actor``: "<actor> <role>" when a role is named, else the actor."""
    role = _ROLES.search(sentence)
    if role is None:
        return actor
    word = role.group(1).lower()
    return f"{actor} {word}"
