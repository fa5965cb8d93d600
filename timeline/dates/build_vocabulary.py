"""Build ``vocabulary.json``: the date words of every language dateparser and Babel (CLDR) know.

    python -m timeline.dates.build_vocabulary

Run it after upgrading dateparser or Babel (a test fails while the recorded versions differ).
The reader loads the file in milliseconds instead of importing every locale at run time. Per
language: month and weekday names (dateparser's data, then CLDR's format and stand-alone forms,
wide and abbreviated), skippable words (dateparser's ``skip`` tokens, the literal words of the
CLDR date patterns, such as Spanish "de" or Lithuanian "m." and "d.", and CLDR's names of times
of day, "soir", "abends"), relative phrases with a
count (CLDR's "{0} months ago" in every plural form and width, dateparser's
``relative-type-regex``) and without one (CLDR's "last month", "yesterday", "next Monday";
dateparser's ``relative-type``).
"""

from __future__ import annotations

import importlib
import itertools
import json
import pathlib
import re
import unicodedata

from .base import LETTER

PATH = pathlib.Path(__file__).with_name("vocabulary.json")
MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLDR_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
UNITS = ("day", "week", "month", "year")
_WORD_RE = re.compile(f"{LETTER}+")
_DIGIT_RE = re.compile(r"(?![0-9])\d")
_FIXED_COUNTS = {"one": 1, "two": 2}
_DATEPARSER_RELATIVE_RE = re.compile(r"(in )?(\\1|\d+) (day|week|month|year)( ago)?")


# Reviewed: the day before yesterday and yesterday as news writes them where the data lacks
# the wording (Turkish "evvelki gün" beside CLDR's "evvelsi gün", Levantine "البارحة").
_EXTRA_PHRASES = {
    "tr": {"evvelki gün": ["day", -2]},
    "es": {"antier": ["day", -2], "antes de ayer": ["day", -2]},
    "pt": {"antes de ontem": ["day", -2]},
    "it": {"avantieri": ["day", -2], "ieri l'altro": ["day", -2]},
    "fr": {"avant hier": ["day", -2]},
    "ar": {"أول من أمس": ["day", -2], "البارحة": ["day", -1]},
}


def versions() -> dict:
    import babel
    import dateparser

    return {"dateparser": dateparser.__version__, "babel": babel.__version__}


def languages() -> list[str]:
    import babel.localedata
    from dateparser.data import languages_info

    known = set(babel.localedata.locale_identifiers())
    return [code for code in languages_info.language_order if "-" not in code and code in known]


def _word(text: str) -> str:
    # Abbreviations end with a full stop, or in Hebrew with a geresh (U+05F3).
    # The Devanagari abbreviation sign (U+0970) is a full stop: "अक्टू॰" is "Oct.".
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ").replace("\u0970", ".")
    text = text.replace("\u2019", "'")  # the reader sees "l'an dernier" with a plain apostrophe
    # and digits as ASCII digits (Tibetan "ཟླ་༡༡" is "ཟླ་11" to the reader)
    text = _DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m[0])), text)
    return " ".join(text.split()).rstrip(".\u05f3")


def _pattern(text: str) -> str:
    """A CLDR pattern with {0} as a regular expression taking the count."""
    text = _word(text.replace("{0}", "\x00"))
    parts = [re.escape(part) for part in text.split("\x00")]
    return r"(\d+)".join(parts).replace(r"\ ", r"\s*")


def _attached_prefixes(locale, months: dict) -> None:
    """Month names with the letters CLDR's patterns write onto them (Hebrew "d בMMM y")."""
    from babel.dates import tokenize_pattern

    for width in ("full", "long", "medium"):
        tokens = tokenize_pattern(locale.date_formats[width].pattern)
        for before, after in itertools.pairwise(tokens):
            if before[0] == "chars" and after[0] == "field" and after[1][0] in "ML" and after[1][1] >= 3:
                prefix = _WORD_RE.findall(before[1] + "\x00")
                if before[1][-1:].isalpha() and prefix:
                    kind = "wide" if after[1][1] == 4 else "abbreviated"
                    for index, name in locale.months["format"][kind].items():
                        months.setdefault(_word(prefix[-1] + name), index)


def _attached_suffixes(locale, months: dict) -> None:
    """Month names with the letters CLDR's patterns write after them (Basque "MMMM'ren'":
    "martxoaren", Mongolian "MMMM'ын'", Central Kurdish "MMMMی", Tibetan "MMMMའི་")."""
    from babel.dates import tokenize_pattern

    for width in ("full", "long", "medium"):
        tokens = tokenize_pattern(locale.date_formats[width].pattern)
        for before, after in itertools.pairwise(tokens):
            if before[0] == "field" and before[1][0] in "ML" and before[1][1] >= 3 and after[0] == "chars":
                suffix = _WORD_RE.match(after[1])
                if suffix is not None:
                    kind = "wide" if before[1][1] == 4 else "abbreviated"
                    for index, name in locale.months["format"][kind].items():
                        months.setdefault(_word(name + suffix[0]), index)


def build_language(code: str) -> dict:
    from babel import Locale
    from babel.dates import tokenize_pattern

    info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
    locale = Locale.parse(code)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for index, key in enumerate(MONTH_KEYS, start=1):
        for word in info.get(key, ()):
            months.setdefault(_word(word), index)
    for index, key in enumerate(WEEKDAY_KEYS):
        for word in info.get(key, ()):
            weekdays.setdefault(_word(word), index)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for index, name in locale.months[context][width].items():
                months.setdefault(_word(name), index)
            for index, name in locale.days[context][width].items():
                weekdays.setdefault(_word(name), index)
    _attached_prefixes(locale, months)
    _attached_suffixes(locale, months)
    skip = {_word(w) for w in info.get("skip", ()) if _WORD_RE.fullmatch(_word(w) or "-")}
    for width in ("full", "long", "medium"):
        for kind, value in tokenize_pattern(locale.date_formats[width].pattern):
            if kind == "chars":
                skip.update(w.lower() for w in _WORD_RE.findall(value))
    for skeleton in ("yMMMM", "yMMMd", "yMMMEd", "MMMd", "MMMEd"):
        pattern = locale.datetime_skeletons.get(skeleton)
        if pattern is not None:
            for kind, value in tokenize_pattern(pattern.pattern):
                if kind == "chars":
                    skip.update(w.lower() for w in _WORD_RE.findall(value))
    # Times of day beside a date ("lundi soir", "am Dienstag abends"): CLDR's day-period names of
    # one word and three letters or more ("AM" and "م" stay out, and "après" of "après-midi",
    # which alone means "after"), unless the word is a relative phrase too (Spanish "mañana" is
    # also "tomorrow").
    day_periods = set()
    for context in locale.day_periods.values():
        for names in context.values():
            for name in names.values():
                if _WORD_RE.fullmatch(_word(name)) and len(_word(name)) >= 3:
                    day_periods.add(_word(name))
    counted: dict[str, list] = {}
    phrases: dict[str, list] = {}
    fields = locale._data["date_fields"]
    for unit in UNITS:
        for width in ("", "-short", "-narrow"):
            field = fields.get(unit + width)
            if field is None:
                continue
            for direction, sign in (("past", -1), ("future", 1)):
                for plural, text in dict(field.get(direction, {})).items():
                    if "{0}" in text:
                        counted.setdefault(_pattern(text), [unit, sign])
                    elif plural in _FIXED_COUNTS:  # Arabic "خلال يومين": the dual, no number
                        # A count (the third item): two weeks ago is a day, as "2 weeks ago" is.
                        phrases.setdefault(_word(text), [unit, sign * _FIXED_COUNTS[plural], 1])
            for offset, text in dict(field.get("relative", {})).items():
                phrases.setdefault(_word(text), [unit, int(offset)])
    for index, key in enumerate(CLDR_WEEKDAYS):
        for width in ("", "-short", "-narrow"):
            field = fields.get(key + width)
            if field is None:
                continue
            for offset, text in dict(field.get("relative", {})).items():
                if int(offset) != 0:  # "this Monday" is before or after the reference
                    phrases.setdefault(_word(text), [f"weekday{index}", int(offset)])
    for meaning, texts in info.get("relative-type-regex", {}).items():
        m = _DATEPARSER_RELATIVE_RE.fullmatch(meaning)
        if m is None:
            continue
        sign = -1 if m[4] else 1
        for text in texts:
            regex = text.replace(r"(\d++[.,]?\d*+)", "(NUMBER)").replace("(\\d+[.,]?\\d*)", "(NUMBER)")
            if "(NUMBER)" not in regex or "\\" in regex.replace("(NUMBER)", ""):
                continue
            counted.setdefault(_pattern(regex.replace("(NUMBER)", "{0}")), [m[3], sign])
    for meaning, texts in info.get("relative-type", {}).items():
        m = _DATEPARSER_RELATIVE_RE.fullmatch(meaning)
        if m is None:
            continue
        if not (m[1] or m[4]):
            continue  # "2 day": a length of time, not a date
        n = int(m[2]) * (-1 if m[4] else 1)
        for text in texts:
            phrases.setdefault(_word(text), [m[3], n])
    for text, value in _EXTRA_PHRASES.get(code, {}).items():
        phrases.setdefault(_word(text), value)
    skip |= day_periods - set(phrases)
    return {
        "months": months,
        "weekdays": weekdays,
        "skip": sorted(skip - set(months) - set(weekdays)),
        "counted": counted,
        "phrases": phrases,
        "date_order": info.get("date_order"),
    }


def build() -> dict:
    return {"versions": versions(), "languages": {code: build_language(code) for code in languages()}}


def main() -> None:
    data = build()
    PATH.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"wrote {PATH} ({len(data['languages'])} languages, {PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
