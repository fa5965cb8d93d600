"""The world's jurisdictions as ISO 3166 (via pycountry) and CLDR (via Babel) describe them.

``standard_jurisdictions()`` lists every ISO 3166-1 country or territory, every ISO 3166-2
subdivision (its parent is the subdivision above it or the country) and the supranational bodies
of ``bodies.py``, each with the languages and numeric date order CLDR gives it:

- languages: the territory's official and de facto official languages, most spoken first
  (``babel.languages.get_official_languages``), as ISO 639 codes without script;
- date order: where day, month and year stand in the short date pattern of the territory's main
  locale, the one CLDR's likely subtags give for it (``und_US`` -> ``en_US`` ``M/d/yy`` -> MDY,
  ``und_HK`` -> ``zh_Hant_HK`` ``d/M/y`` -> DMY, ``und_JP`` -> ``ja_JP`` ``y/MM/dd`` -> YMD).

CLDR has no language or date data for subdivisions, so they leave both blank and inherit from
their country. ISO 3166-2 codes that name a territory with its own ISO 3166-1 code (CN-HK, CN-MO,
US-PR, NL-AW...) are not rows of their own: ``ALIASES`` sends them to that territory.
"""

import gettext
import os
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from django.db.models import TextChoices

from ..matching import match_key
from .bodies import BODIES


class JurisdictionKind(TextChoices):
    COUNTRY = "country", "country or territory (ISO 3166-1)"
    SUBDIVISION = "subdivision", "subdivision (ISO 3166-2)"
    SUPRANATIONAL = "supranational", "supranational or international body"


@dataclass(frozen=True)
class Standard:
    code: str
    name: str
    kind: str
    parent: str | None
    date_order: str  # "" = ask the parent
    languages: tuple


def order_of_pattern(pattern):
    """ "M/d/yy" -> "MDY": the order of year, month and day fields in a CLDR date pattern."""
    positions = {}
    quoted = False
    for index, char in enumerate(pattern):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "yMLd" and char.replace("L", "M") not in positions:
            positions[char.replace("L", "M")] = index
    if set(positions) != {"y", "M", "d"}:
        return ""
    return "".join(sorted(positions, key=positions.get)).upper()


def order_of_locale(locale):
    return order_of_pattern(locale.date_formats["short"].pattern)


def _base_languages(tags):
    codes = []
    for tag in tags:
        code = tag.split("_")[0]
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def main_locale(territory, languages=()):
    """CLDR's likely locale for ``territory`` (``und_XX``), else its first language's locale there."""
    for tag in (f"und_{territory}", *(f"{language}_{territory}" for language in languages)):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def country_conventions(territory):
    """(date order, languages) of an ISO 3166-1 territory, from CLDR."""
    languages = _base_languages(get_official_languages(territory, de_facto=True))
    locale = main_locale(territory, languages)
    if locale is not None and not languages:
        languages = (locale.language,)
    return (order_of_locale(locale) if locale is not None else ""), languages


def english_territory_name(code):
    return Locale("en").territories.get(code)


@cache
def subdivision_translations(language):
    """The pycountry (iso-codes) catalog of ISO 3166-2 names in ``language``, or None."""
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return None


def subdivision_languages():
    return sorted(
        name
        for name in os.listdir(pycountry.LOCALES_DIR)
        if os.path.exists(os.path.join(pycountry.LOCALES_DIR, name, "LC_MESSAGES", "iso3166-2.mo"))
    )


def _country_name_keys(country):
    names = {country.name, getattr(country, "common_name", ""), english_territory_name(country.alpha_2) or ""}
    return {match_key(name) for name in names if name}


@cache
def aliases():
    """ISO 3166-2 codes of territories that have their own ISO 3166-1 code: {"CN-HK": "HK", ...}.

    A subdivision XX-YY is such an alias when YY is another ISO 3166-1 territory without
    subdivisions of its own and the subdivision is called by its name ("Hong Kong SAR" for HK;
    GN-ML, the prefecture of Mali in Guinea, is not the country Mali, which has regions).
    """
    divided = {subdivision.country_code for subdivision in pycountry.subdivisions}
    found = {}
    for subdivision in pycountry.subdivisions:
        country_code, own_code = subdivision.code.split("-")
        country = pycountry.countries.get(alpha_2=own_code)
        if country is None or own_code == country_code or own_code in divided:
            continue
        key = match_key(subdivision.name)
        if any(key == name or key.startswith(name + " ") for name in _country_name_keys(country)):
            found[subdivision.code] = country.alpha_2
    return found


@cache
def standard_jurisdictions():
    """Every jurisdiction the standards know, parents before children: a tuple of ``Standard``."""
    found = []
    english = subdivision_translations("en")
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        date_order, languages = country_conventions(country.alpha_2)
        name = english_territory_name(country.alpha_2) or getattr(country, "common_name", country.name)
        found.append(Standard(country.alpha_2, name, JurisdictionKind.COUNTRY, None, date_order, languages))
    for body in BODIES:
        found.append(
            Standard(
                body.code,
                body.name,
                JurisdictionKind.SUPRANATIONAL,
                None,
                order_of_locale(Locale.parse(body.locale)),
                tuple(body.languages),
            )
        )
    alias_codes = aliases()
    subdivisions = [s for s in pycountry.subdivisions if s.code not in alias_codes]
    codes = {s.code for s in subdivisions}
    depth = {}

    def depth_of(subdivision):
        if subdivision.code not in depth:
            parent = subdivision.parent_code if subdivision.parent_code in codes else None
            depth[subdivision.code] = (
                0 if parent is None else 1 + depth_of(pycountry.subdivisions.get(code=parent))
            )
        return depth[subdivision.code]

    for subdivision in sorted(subdivisions, key=lambda s: (depth_of(s), s.code)):
        parent = subdivision.parent_code if subdivision.parent_code in codes else subdivision.country_code
        name = english.gettext(subdivision.name) if english else subdivision.name
        found.append(Standard(subdivision.code, name, JurisdictionKind.SUBDIVISION, parent, "", ()))
    return tuple(found)


@cache
def standards_by_code():
    return {standard.code: standard for standard in standard_jurisdictions()}
