"""Every name and code of every jurisdiction, in every language, to its code.

``name_index()`` builds the index once for a given pycountry, Babel and rules version (about 5 s)
and stores it under ``VAR_DIR``; a process reads the stored copy once (about 0.6 s; the loaded
index keeps about 18 MB). It is made from:

- codes: ISO 3166-1 alpha-2 and alpha-3, ISO 3166-2, the bodies' codes, ISO 3166-2 aliases;
- country names: ISO's (pycountry: short, official and common names) and CLDR's territory
  names in every base locale Babel carries (``Deutschland``, ``Allemagne``, ``德国``, ``ドイツ``);
- bodies' names (``bodies.py``; CLDR's for EU and UN);
- subdivision names: ISO 3166-2's and their translations in every language of iso-codes.

Keys are case-, accent-, punctuation- and spacing-insensitive. When a key names several
jurisdictions a code beats a name, and a name beats a subdivision's name in a language not its
country's; among names the one more sources agree on wins ("Georgia" is GE in many locales, US-GA
only in English). A true tie ("Punjab": IN-PB or PK-PB) resolves to nothing and is offered as
suggestions instead.
"""

import difflib
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from functools import cache
from importlib.metadata import version
from pathlib import Path

import babel
import pycountry
from babel import Locale, localedata
from babel.languages import get_official_languages
from django.conf import settings

from ..matching import match_key
from .bodies import BODIES
from .standards import (
    JurisdictionKind,
    aliases,
    standard_jurisdictions,
    subdivision_languages,
    subdivision_translations,
)

_NOT_WORD = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^the ")
_ALTERNATIVES = re.compile(r"[\[\];]| / ")
_FORMAT = "4"  # part of the stored index's name: change it when the rules here change

# Evidence ranks, best first.
CODE, ALIAS_CODE, NAME, OTHER_NAME = range(4)
# A subdivision's name in its country's own language counts as this many sources of a country's
# name: "England" is GB-ENG although one CLDR locale (Walser) calls the United Kingdom so.
OWN_NAME_WEIGHT = 2


def name_key(text):
    """Case-, accent-, punctuation- and spacing-insensitive: "Côte d'Ivoire" == "cote d ivoire"."""
    key = _NOT_WORD.sub(" ", match_key(text)).strip()
    return _LEADING_ARTICLE.sub("", key)


def base_locales():
    """Babel's locales without a territory (``de``, ``zh_Hant``): they carry the names."""
    found = []
    for identifier in localedata.locale_identifiers():
        parts = identifier.split("_")
        if len(parts) == 1 or (len(parts) == 2 and len(parts[1]) == 4):
            found.append(identifier)
    return found


def _entries():
    """(code, rank, name) for every name the standards give."""
    codes = {standard.code for standard in standard_jurisdictions()}
    for standard in standard_jurisdictions():
        yield standard.code, CODE, standard.code
        rank = OTHER_NAME if standard.kind == JurisdictionKind.SUBDIVISION else NAME
        yield standard.code, rank, standard.name
    for alias, code in aliases().items():
        yield code, ALIAS_CODE, alias
    for country in pycountry.countries:
        yield country.alpha_2, ALIAS_CODE, country.alpha_3
        for attribute in ("name", "official_name", "common_name"):
            if getattr(country, attribute, None):
                yield country.alpha_2, NAME, getattr(country, attribute)
    for identifier in base_locales():
        for territory, name in Locale.parse(identifier).territories.items():
            if territory in codes and not territory.isdigit():
                yield territory, NAME, name
    for body in BODIES:
        for name in body.other_names:
            yield body.code, NAME, name
    yield from _subdivision_entries()


def _subdivision_entries():
    """Subdivision names: in a language of their country (its CLDR official languages) they are
    better evidence than in any other. "Montana" is US-MT in English; BG-12's ISO name is the
    same romanization, but in Bulgarian it is "Монтана". "Punjab" stays shared by IN and PK."""
    languages = subdivision_languages()
    catalogs = {language: subdivision_translations(language) for language in languages}
    official = {}
    for subdivision in pycountry.subdivisions:
        country = subdivision.country_code
        if country not in official:
            tags = get_official_languages(country, regional=True, de_facto=True)
            official[country] = {tag.split("_")[0] for tag in tags}
        code = aliases().get(subdivision.code, subdivision.code)
        other_rank = NAME if code != subdivision.code else OTHER_NAME
        own_names = set()
        for language, catalog in catalogs.items():
            if catalog is None:
                continue
            translated = catalog.gettext(subdivision.name)
            if language.split("_")[0] in official[country]:
                own_names.update(name_variants(translated))
            elif translated != subdivision.name:
                for name in name_variants(translated):
                    yield code, other_rank, name
        for name in own_names:
            yield code, NAME, name, OWN_NAME_WEIGHT
        for name in name_variants(subdivision.name) - own_names:
            yield code, other_rank, name


def name_variants(name):
    """ISO 3166-2 writes a second form in brackets or after a slash or semicolon:
    "Catalunya [Cataluña]" is also "Catalunya" and "Cataluña"."""
    parts = {part.strip() for part in _ALTERNATIVES.split(name)}
    return {name, *(part for part in parts if part)}


def build_codes(entries):
    """{key: code, or a sorted list of codes when several tie} from (code, rank, name[, weight])."""
    evidence = Counter()
    for code, rank, name, *weight in entries:
        key = name_key(name)
        if key:
            evidence[key, rank, code] += weight[0] if weight else 1
    best = {}
    for (key, rank, code), count in evidence.items():
        best_rank, counts = best.get(key, (rank, {}))
        if rank < best_rank:
            best_rank, counts = rank, {}
        if rank == best_rank:
            counts[code] = count
        best[key] = (best_rank, counts)
    codes = {}
    for key, (_, counts) in best.items():
        top = max(counts.values())
        tied = sorted(code for code, count in counts.items() if count == top)
        codes[key] = tied[0] if len(tied) == 1 else tied
    return codes


class NameIndex:
    def __init__(self, codes):
        self._codes = codes
        self._by_initial = defaultdict(list)  # close matches are sought among keys alike at the start
        for key in codes:
            self._by_initial[key[0]].append(key)

    def __len__(self):
        return len(self._codes)

    def code(self, text):
        """The code ``text`` names, or None (unknown, or shared by several jurisdictions)."""
        found = self._codes.get(name_key(text or ""))
        return found if isinstance(found, str) else None

    def candidates(self, text, limit=5):
        """Codes ``text`` may have meant, closest first: the ties it names, then similar names."""
        key = name_key(text or "")
        if not key:
            return []
        found = []
        exact = self._codes.get(key)
        if isinstance(exact, list):
            found.extend(exact)
        for close in difflib.get_close_matches(key, self._by_initial[key[0]], n=limit * 3, cutoff=0.75):
            codes = self._codes[close]
            found.extend([codes] if isinstance(codes, str) else codes)
        return list(dict.fromkeys(found))[:limit]


def _fingerprint():
    parts = [_FORMAT, version("pycountry"), babel.__version__]
    parts.append(repr(BODIES))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _stored_path():
    return Path(settings.VAR_DIR) / f"jurisdiction-names-{_fingerprint()}.json"


@cache
def name_index():
    """The index, read from the file an earlier process wrote for these package versions, or
    built (about 5 s and 120 MB passing through Babel's locale data) and written for the next."""
    path = _stored_path()
    try:
        return NameIndex(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    codes = build_codes(_entries())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(codes, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:  # a read-only var dir only costs the next process the build
        pass
    return NameIndex(codes)
