"""Who and what an article names: organizations (known, or proposed from capitalized names and
bodies such as "the Chinese parliament"), laws (known, law-like names, references such as "the
new law") and jurisdictions (by name in any language).

What is known comes in a ``Knowledge`` (the database adapter fills it; tests build it by hand).
Known names are matched with the importer's ``match_key`` (case, accents and spacing do not
matter): every run of one to six words that starts with a capital is looked up, and in CJK text
every run of two to twelve characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from ..matching import match_key
from . import vocabulary
from .places import jurisdiction_lookup


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    kind: str = ""
    parent: str = ""
    other_names: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class KnownLaw:
    title: str
    short_title: str = ""
    jurisdiction: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Knowledge:
    organizations: tuple[KnownOrganization, ...] = ()
    laws: tuple[KnownLaw, ...] = ()
    jurisdiction_code: Callable[[str], str | None] | None = field(default=None, compare=False)

    @cached_property
    def organization_keys(self) -> dict[str, KnownOrganization]:
        keys = {}
        for organization in self.organizations:
            for name in (organization.name, *organization.other_names):
                keys.setdefault(_key(name), organization)
        return keys

    @cached_property
    def law_keys(self) -> dict[str, KnownLaw]:
        keys = {}
        for law in self.laws:
            for name in (law.title, law.short_title):
                if name:
                    keys.setdefault(_key(name), law)
        return keys

    @cached_property
    def law_words(self) -> list[tuple[frozenset, KnownLaw]]:
        return [(_law_words(law.title), law) for law in self.laws]

    def code_of(self, name: str) -> str | None:
        lookup = self.jurisdiction_code or jurisdiction_lookup()
        return lookup(name)


class Mention(NamedTuple):
    start: int
    end: int
    kind: str  # organization | law | jurisdiction
    name: str  # the name to record: the known name, or the text as written
    known: bool
    detail: str = ""  # organization kind, law jurisdiction or jurisdiction code
    possessive: bool = False


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_TOKEN = re.compile(r"[^\W_](?:[\w&]|[.-](?=\w)|['’](?=\w\w))*")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,}")
_LAW_NOUNS = frozenset(
    [
        "law",
        "laws",
        "act",
        "bill",
        "legislation",
        "ordinance",
        "regulation",
        "code",
        "decree",
        "statute",
        "directive",
    ]
)
_GENERIC_LAW_WORDS = _LAW_NOUNS | frozenset(
    [
        "the",
        "new",
        "a",
        "an",
        "this",
        "that",
        "of",
        "on",
        "for",
        "and",
        "to",
        "its",
        "controversial",
        "proposed",
    ]
)
# Last words of names that are organizations, not people: "Digital Rights Watch", "Acme Group".
_ORGANIZATION_ENDINGS = frozenset(
    [
        "inc",
        "ltd",
        "llc",
        "plc",
        "corp",
        "corporation",
        "company",
        "co",
        "group",
        "holdings",
        "watch",
        "foundation",
        "network",
        "international",
        "institute",
        "association",
        "council",
        "committee",
        "union",
        "party",
        "agency",
        "commission",
        "office",
        "ministry",
        "court",
        "times",
        "post",
        "news",
        "media",
        "rights",
        "labs",
        "technologies",
        "bank",
        "alliance",
        "coalition",
        "center",
        "centre",
        "project",
        "initiative",
        "society",
        "forum",
        "federation",
        "league",
        "trust",
        "fund",
        "service",
        "services",
        "systems",
        "platforms",
        "communications",
        "telecom",
        "parliament",
        "congress",
        "senate",
        "assembly",
        "government",
        "authority",
        "police",
        "board",
        "bureau",
        "department",
    ]
)


def _key(name: str) -> str:
    return match_key(name.translate(_APOSTROPHES))


def _law_words(title: str) -> frozenset:
    return frozenset(word for word in re.findall(r"\w+", _key(title)) if word not in _GENERIC_LAW_WORDS)


def _capitalized(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() is False and any(ch.isupper() for ch in token[1:3]))


def _possessive(text: str, end: int) -> bool:
    return bool(re.match(r"[’']s?\b", text[end : end + 2]))


def find_organizations(text: str, knowledge: Knowledge, language: str) -> list[Mention]:
    found: list[Mention] = []
    keys = knowledge.organization_keys
    covered = bytearray(len(text) + 1)
    if keys:
        for start, end in _candidate_spans(text, language, 6):
            if covered[start]:
                continue
            organization = keys.get(_key(text[start:end]))
            if organization is not None:
                covered[start:end] = b"\x01" * (end - start)
                found.append(
                    Mention(
                        start,
                        end,
                        "organization",
                        organization.name,
                        True,
                        organization.kind,
                        _possessive(text, end),
                    )
                )
    return sorted(found)


def _candidate_spans(text: str, language: str, longest: int):
    """(start, end) of word runs to look names up with, longest first at each position."""
    if language in vocabulary.SPACELESS:
        for run in _CJK_RUN.finditer(text):
            chars = run.group()
            for i in range(len(chars)):
                for length in range(min(12, len(chars) - i), 1, -1):
                    yield run.start() + i, run.start() + i + length
    tokens = list(_TOKEN.finditer(text))
    cased = language not in ("ar",)
    for i, token in enumerate(tokens):
        if cased and not _capitalized(token.group()):
            continue
        for j in range(min(len(tokens), i + longest), i, -1):
            if "\n" in text[token.start() : tokens[j - 1].end()]:
                continue
            yield token.start(), tokens[j - 1].end()


def propose_organizations(text: str, taken: list[Mention], language: str) -> list[Mention]:
    """Capitalized names and bodies not already known: candidates for new organizations."""
    found: list[Mention] = []
    occupied = coverage(text, taken)

    def free(start, end):
        return not any(occupied[start:end])

    function_words = vocabulary.function_words(language)
    for pattern, kind in vocabulary.bodies(language):
        for match in pattern.finditer(text):
            qualifier = _qualifier_before(text, match.start(), function_words)
            if qualifier is None or not free(qualifier, match.end()):
                continue
            name = text[qualifier : match.end()]
            found.append(
                Mention(
                    qualifier, match.end(), "organization", name, False, kind, _possessive(text, match.end())
                )
            )
            occupied[qualifier : match.end()] = b"\x01" * (match.end() - qualifier)
    if language in vocabulary.SPACELESS:
        for match in vocabulary.cjk_bodies(language).finditer(text):
            start, end = match.span("name")
            if free(start, end):
                found.append(
                    Mention(start, end, "organization", match.group("name"), False, match.lastgroup or "")
                )
                occupied[start:end] = b"\x01" * (end - start)
    if language in vocabulary.SPACELESS or language == "ar":
        return sorted(found)
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = token.group()
        elided = _ELISION.match(word) if language in ("fr", "it") else None
        if elided:
            word = word[elided.end() :]
        if not _capitalized(word) or word.lower() in function_words:
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end() : tokens[j].start()]
            nxt = tokens[j].group()
            if gap not in (" ", "-") or not (_capitalized(nxt) or nxt.lower() in _NAME_JOINERS):
                break
            j += 1
        while j > i + 1 and not _capitalized(tokens[j - 1].group()):
            j -= 1
        words = [t.group() for t in tokens[i:j]]
        if any(w.lower() in ("and", "et", "und", "y", "e", "ve", "и") for w in words) and (
            words[-1].lower() not in _INSTITUTION_WORDS | _ORGANIZATION_ENDINGS
        ):
            j = i + next(
                k for k, w in enumerate(words) if w.lower() in ("and", "et", "und", "y", "e", "ve", "и")
            )
            while j > i + 1 and not _capitalized(tokens[j - 1].group()):
                j -= 1
            words = [t.group() for t in tokens[i:j]]
        if (
            language in ("fr", "es", "it", "pt")
            and j < len(tokens)
            and words[-1].lower() in _INSTITUTION_WORDS
            and text[tokens[j - 1].end() : tokens[j].start()] == " "
            and _ROMANCE_ADJECTIVE.search(tokens[j].group())
            and tokens[j].group().islower()
        ):
            j += 1
            words.append(tokens[j - 1].group())
        start, end = token.start() + (elided.end() if elided else 0), tokens[j - 1].end()
        if (
            free(start, end)
            and not _looks_like_person(words)
            and not _adjective(words, text, end, language)
            and not _common_noun(words, text, start, language)
        ):
            found.append(
                Mention(start, end, "organization", text[start:end], False, "", _possessive(text, end))
            )
        i = j
    return sorted(found)


def coverage(text: str, mentions) -> bytearray:
    """One byte per character of ``text``: 1 where one of ``mentions`` is."""
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    return covered


def _qualifier_before(text: str, position: int, function_words) -> int | None:
    """Start of the capitalized words ("Chinese", "Hong Kong", "China's") just before a body noun."""
    start = None
    for token in reversed(list(_TOKEN.finditer(text[max(0, position - 80) : position]))):
        offset = max(0, position - 80)
        word = token.group()
        tail = text[offset + token.end() : position if start is None else start]
        if tail.strip(" ’'s") or not _capitalized(word) or word.lower() in function_words:
            break
        start = offset + token.start()
    return start


_GERMAN_ARTICLE = re.compile(
    r"(?:^|\s)(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+$", re.IGNORECASE
)
_GERMAN_INSTITUTION = re.compile(
    r"(?:amt|behörde|gericht|gerichtshof|tag|rat|kommission|agentur|ministerium|regierung|partei|verband|"
    r"bank|konzern|bund|polizei|parlament|senat|kammer|stiftung|gesellschaft|AG|GmbH|SE)$"
)


def _common_noun(words: list[str], text: str, start: int, language: str) -> bool:
    """German writes every noun with a capital: "das Urteil" is a noun, "die Bundesnetzagentur" a body."""
    if language != "de" or len(words) != 1 or _GERMAN_INSTITUTION.search(words[0]):
        return False
    return bool(_GERMAN_ARTICLE.search(text[max(0, start - 8) : start]))


def _adjective(words: list[str], text: str, end: int, language: str) -> bool:
    """ "American" in "the American tech giant": a nationality, not a name."""
    return (
        language == "en"
        and len(words) == 1
        and bool(_DEMONYM.search(words[0]))
        and bool(re.match(r" [a-z]", text[end : end + 2]))
    )


_DEMONYM = re.compile(r"(?:an|ese|ish|ian|ic|i)s?$")


# Words that make a name an institution in the languages of the vocabulary: "Corte Suprema".
_INSTITUTION_WORDS = frozenset(
    [
        "corte",
        "tribunal",
        "tribunale",
        "ministerio",
        "ministère",
        "ministero",
        "ministério",
        "conseil",
        "cour",
        "consiglio",
        "conselho",
        "consejo",
        "comisión",
        "commissione",
        "comissão",
        "autorité",
        "autoridad",
        "autorità",
        "autoridade",
        "agence",
        "agencia",
        "agenzia",
        "agência",
        "gericht",
        "bundesgericht",
        "regierung",
        "ministerium",
        "parlament",
        "parlement",
        "parlamento",
        "senado",
        "sénat",
        "senato",
        "assemblée",
        "asamblea",
        "congreso",
        "congresso",
        "governo",
        "gobierno",
        "gouvernement",
        "garante",
        "polizia",
        "policía",
        "polícia",
        "supreme",
        "federal",
        "national",
        "state",
        "european",
        "supremo",
        "suprema",
        "superior",
        "constitutional",
        "constitutionnel",
        "bundestag",
        "bundesrat",
        "bundesverfassungsgericht",
        "verband",
        "kurumu",
        "kurulu",
        "bakanlığı",
        "mahkemesi",
        "meclisi",
        "başkanlığı",
        "governor",
        "president",
        "minister",
        "chancellor",
        "senator",
        "mayor",
        "judge",
        "prosecutor",
        "attorney-general",
        "premier",
        "gouverneur",
        "président",
        "ministre",
        "präsident",
        "minister",
        "kanzler",
        "bundeskanzler",
        "gobernador",
        "presidente",
        "ministro",
        "governatore",
        "sindaco",
        "prefeito",
        "alcalde",
        "maire",
        "bürgermeister",
    ]
)
# Words that join the parts of an institution's name, never two names: "Bilgi Teknolojileri ve
# İletişim Kurumu", but "Facebook and WhatsApp" are two.
_NAME_JOINERS = frozenset(
    ["of", "for", "&", "de", "du", "des", "der", "für", "and", "et", "und", "y", "e", "ve", "и"]
)
_ELISION = re.compile(r"^(?:[lLdD]|[qQ]u)['’]")
# Lower-case adjectives that end a Romance institution's name: "Assemblée nationale", "Corte suprema".
_ROMANCE_ADJECTIVE = re.compile(
    r"(?:ale|ales|al|aux|ique|ico|ica|iche|ien|ienne|ano|ana|ese|esa|ês|ois|oise|ivo|iva|if|ive)$"
)


def _looks_like_person(words: list[str]) -> bool:
    if not 2 <= len(words) <= 3 or _GERMAN_INSTITUTION.search(words[-1].lower()):
        return False
    lowered = {word.lower().rstrip(".") for word in words}
    if words[-1].lower().rstrip(".") in _ORGANIZATION_ENDINGS or lowered & _INSTITUTION_WORDS:
        return False
    return all(word[:1].isupper() and word[1:].islower() and word.isalpha() for word in words)


def find_laws(text: str, knowledge: Knowledge, language: str) -> list[Mention]:
    found: list[Mention] = []
    keys = knowledge.law_keys
    for match in vocabulary.law_names(language).finditer(text):
        start, end = _trim_law(text, match.start(), match.end(), language)
        if end - start < 4 or any(m.start < end and start < m.end for m in found):
            continue
        name = text[start:end].strip(" 《》「」")
        law = keys.get(_key(name)) or _law_by_words(name, knowledge)
        if law is None and language == "en" and name[:1].islower() and len(_law_words(name)) == 0:
            continue
        if law is not None:
            found.append(Mention(start, end, "law", law.title, True, law.jurisdiction))
        else:
            found.append(Mention(start, end, "law", name, False))
    return sorted(found)


def _trim_law(text, start, end, language):
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "》」":
        end -= 1
    if language in vocabulary.SPACELESS:
        # "…日表决通过香港国安法": the name starts after the last action or date mark inside the match.
        inside = text[start:end]
        cuts = [m.end() for action in vocabulary.actions(language) for m in action.pattern.finditer(inside)]
        cuts += [m.end() for m in re.finditer(r"[日月年\d]", inside)]
        if cuts and max(cuts) < len(inside) - 1:
            start += max(cuts)
        return start, end
    function_words = vocabulary.function_words(language)
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and (
        words[-1].group().lower() in function_words or not words[-1].group()[0].isalpha()
    ):
        words.pop()
        end = start + words[-1].end()
    if language == "en":
        words = text[start:end].split()
        while words and words[0].lower() in _GENERIC_LAW_WORDS - _LAW_NOUNS | {"new"}:
            start += len(words[0]) + 1
            words = words[1:]
    return start, end


def _law_by_words(name: str, knowledge: Knowledge) -> KnownLaw | None:
    words = _law_words(name)
    if not words:
        return None
    matches = [law for title_words, law in knowledge.law_words if words <= title_words]
    return matches[0] if len(matches) == 1 else None


def law_references(text: str, language: str) -> list[tuple[int, int]]:
    return [m.span() for m in vocabulary.law_references(language).finditer(text)]


def law_group_key(name: str) -> frozenset:
    return _law_words(name)


def find_jurisdictions(text: str, knowledge: Knowledge, language: str, taken: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    function_words = vocabulary.function_words(language)
    covered = bytearray(len(text) + 1)  # characters inside a law's name or a place already found
    for m in taken:
        if m.kind == "law":
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for start, end in _candidate_spans(text, language, 4):
        if covered[start]:
            continue
        phrase = text[start:end]
        first = phrase.split()[0].lower() if language not in vocabulary.SPACELESS else ""
        if first in function_words:
            continue
        # A code is a place only in capitals after "the" ("the US", "the UK"); "In", "IT" are words.
        if (
            len(phrase) <= 3
            and phrase.isascii()
            and (not phrase.isupper() or not re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I))
        ):
            continue
        code = knowledge.code_of(phrase)
        if code:
            found.append(Mention(start, end, "jurisdiction", phrase, True, code, _possessive(text, end)))
            covered[start:end] = b"\x01" * (end - start)
    return sorted(found)
