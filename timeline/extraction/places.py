"""Jurisdiction names in any language -> code, for the extractor.

``timeline.jurisdictions`` owns the names of jurisdictions: its ``name_index`` (every ISO 3166
and CLDR name in every language) is asked first. CLDR's territory names in the extractor's
languages with their short forms (香港 for 中国香港特别行政区, which the index lacks) answer what
it does not.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale

from ..jurisdictions import name_index
from ..matching import match_key
from .vocabulary import LANGUAGES

_NOT_WORD = re.compile(r"[\W_]+")


def _name_key(text: str) -> str:
    return re.sub(r"^the ", "", _NOT_WORD.sub(" ", match_key(text)).strip())


@cache
def jurisdiction_lookup():
    index, short_names = name_index(), _standard_names()
    return lambda name: index.code(name) or short_names.get(_name_key(name))


@cache
def _standard_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names.setdefault(country.alpha_2.lower(), country.alpha_2)
        names.setdefault(country.alpha_3.lower(), country.alpha_2)
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(_name_key(value), country.alpha_2)
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "XA", "XB", "QO"):
                names.setdefault(_name_key(name), code)
                short = re.split(r"\s+(?:SAR|S\.A\.R\.)|特別行政區|特别行政区|特別行政区|특별행정구", name)[0]
                names.setdefault(_name_key(short), code)
                if short != name and short.startswith(("中国", "中國")):  # 中国香港 -> 香港
                    names.setdefault(_name_key(short[2:]), code)
    names.setdefault(_name_key("European Union"), "EU")
    names.setdefault("eu", "EU")
    names.setdefault("uk", "GB")  # ISO 3166-1's exceptionally reserved code for the United Kingdom
    return names
