"""Jurisdictions and the date conventions that come with them.

``DEFAULT_JURISDICTIONS`` seeds the table (see migration 0002) and is the fallback when a code
is not in the database yet. ``date_context`` tells the date normalizer which languages and which
numeric order to expect for text from a jurisdiction.
"""

from dataclasses import dataclass

# code, name, parent code, numeric date order, languages (most used first)
DEFAULT_JURISDICTIONS = [
    ("AE", "United Arab Emirates", None, "DMY", ["ar", "en"]),
    ("AR", "Argentina", None, "DMY", ["es"]),
    ("AT", "Austria", None, "DMY", ["de"]),
    ("AU", "Australia", None, "DMY", ["en"]),
    ("BE", "Belgium", None, "DMY", ["nl", "fr", "de"]),
    ("BR", "Brazil", None, "DMY", ["pt"]),
    ("CA", "Canada", None, "YMD", ["en", "fr"]),
    ("CH", "Switzerland", None, "DMY", ["de", "fr", "it"]),
    ("CL", "Chile", None, "DMY", ["es"]),
    ("CN", "China", None, "YMD", ["zh"]),
    ("CO", "Colombia", None, "DMY", ["es"]),
    ("DE", "Germany", None, "DMY", ["de"]),
    ("DK", "Denmark", None, "DMY", ["da"]),
    ("EG", "Egypt", None, "DMY", ["ar"]),
    ("ES", "Spain", None, "DMY", ["es"]),
    ("EU", "European Union", None, "DMY", ["en", "fr", "de"]),
    ("FI", "Finland", None, "DMY", ["fi", "sv"]),
    ("FR", "France", None, "DMY", ["fr"]),
    ("GB", "United Kingdom", None, "DMY", ["en"]),
    ("HK", "Hong Kong", "CN", "DMY", ["zh", "en"]),
    ("ID", "Indonesia", None, "DMY", ["id"]),
    ("IE", "Ireland", None, "DMY", ["en"]),
    ("IL", "Israel", None, "DMY", ["he", "en"]),
    ("IN", "India", None, "DMY", ["en", "hi"]),
    ("IR", "Iran", None, "YMD", ["fa"]),
    ("IT", "Italy", None, "DMY", ["it"]),
    ("JP", "Japan", None, "YMD", ["ja"]),
    ("KR", "South Korea", None, "YMD", ["ko"]),
    ("MO", "Macao", "CN", "DMY", ["zh", "pt"]),
    ("MX", "Mexico", None, "DMY", ["es"]),
    ("MY", "Malaysia", None, "DMY", ["ms", "en"]),
    ("NG", "Nigeria", None, "DMY", ["en"]),
    ("NL", "Netherlands", None, "DMY", ["nl"]),
    ("NO", "Norway", None, "DMY", ["nb"]),
    ("NZ", "New Zealand", None, "DMY", ["en"]),
    ("PH", "Philippines", None, "MDY", ["en", "tl"]),
    ("PK", "Pakistan", None, "DMY", ["en", "ur"]),
    ("PL", "Poland", None, "DMY", ["pl"]),
    ("PT", "Portugal", None, "DMY", ["pt"]),
    ("RU", "Russia", None, "DMY", ["ru"]),
    ("SA", "Saudi Arabia", None, "DMY", ["ar"]),
    ("SE", "Sweden", None, "YMD", ["sv"]),
    ("SG", "Singapore", None, "DMY", ["en", "zh"]),
    ("TH", "Thailand", None, "DMY", ["th"]),
    ("TR", "Turkey", None, "DMY", ["tr"]),
    ("TW", "Taiwan", None, "YMD", ["zh"]),
    ("UA", "Ukraine", None, "DMY", ["uk", "ru"]),
    ("US", "United States", None, "MDY", ["en"]),
    ("US-CA", "California", "US", "", []),
    ("US-MT", "Montana", "US", "", []),
    ("US-TX", "Texas", "US", "", []),
    ("VN", "Vietnam", None, "DMY", ["vi"]),
    ("ZA", "South Africa", None, "YMD", ["en"]),
]

_DEFAULTS_BY_CODE = {row[0]: row for row in DEFAULT_JURISDICTIONS}


@dataclass(frozen=True)
class DateContext:
    languages: list | None = None
    date_order: str | None = None


def _from_defaults(code):
    languages, date_order = [], ""
    while code and code in _DEFAULTS_BY_CODE and not (languages and date_order):
        _, _, parent, order, langs = _DEFAULTS_BY_CODE[code]
        languages = languages or list(langs)
        date_order = date_order or order
        code = parent
    return languages, date_order


def _from_database(code):
    from django.db import DatabaseError

    from .models import Jurisdiction

    try:
        jurisdiction = Jurisdiction.objects.filter(code=code).select_related("parent__parent").first()
    except DatabaseError:  # not migrated yet: the built-in table still knows the conventions
        return None
    if jurisdiction is None:
        return None
    languages, date_order = [], ""
    seen = 0
    while jurisdiction is not None and not (languages and date_order) and seen < 10:
        languages = languages or list(jurisdiction.languages or [])
        date_order = date_order or jurisdiction.date_order
        jurisdiction, seen = jurisdiction.parent, seen + 1
    return languages, date_order


def date_context(code=None, language=None):
    """Languages and numeric date order for text about ``code``; ``language`` goes first.

    Looks the jurisdiction up in the database, walking to its parents for what it leaves blank,
    and falls back to ``DEFAULT_JURISDICTIONS``. An unknown or empty code gives no order.
    """
    code = (code or "").strip().upper()
    languages, date_order = [], ""
    if code:
        found = _from_database(code)
        languages, date_order = found if found is not None else _from_defaults(code)
    if language:
        language = language.strip().lower()
        languages = [language, *[lang for lang in languages if lang != language]]
    if languages and "en" not in languages:
        # News about any place is often written in English; keep it as the last resort.
        languages.append("en")
    return DateContext(languages=languages or None, date_order=date_order or None)
