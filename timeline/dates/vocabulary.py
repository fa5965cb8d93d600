"""Month, weekday, filler and qualifier words per language, from dateparser's data."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .base import LETTER, _words

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "febr": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip


_EN_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_WD_ALT = "|".join(sorted(_EN_WEEKDAYS, key=len, reverse=True))


_EN_SKIP = frozenset(_words("of the on in at dated ad ce year"))


# Qualifier words inside non-English text (English ones are prefixes, handled separately).
# Reviewed, per language: words for "about" and for the early, middle and late part of a period.
_QUALIFIER_WORDS = {
    "de": ("etwa ca ungefähr gegen", "anfang beginn", "mitte", "ende"),
    "fr": ("environ vers", "début debut", "mi", "fin"),
    "es": (
        "cerca alrededor aproximadamente aprox",
        "principios principio inicios inicio comienzos comienzo",
        "mediados",
        "finales fines final",
    ),
    "pt": ("cerca aproximadamente", "início inicio princípio começo", "meados", "fim final fins"),
    "it": ("circa intorno", "inizio", "metà", "fine"),
    "ru": ("около примерно", "начале начала", "середине середины", "конце конца"),
    "uk": ("приблизно близько", "", "", ""),
    "tr": ("yaklaşık", "başı başında", "ortası ortasında", "sonu sonunda"),  # noqa: RUF001
    "ar": ("حوالي نحو", "أوائل بداية مطلع", "منتصف أواسط", "أواخر نهاية"),
}


# Reviewed, per language: the word for a quarter of the year and the ordinals first to fourth
# ("im ersten Quartal 2020", "au premier trimestre", "в первом квартале", "2020'nin ilk çeyreğinde").
_QUARTER_TERMS = {
    "de": (
        "quartal quartals",
        "erste ersten erstes",
        "zweite zweiten zweites",
        "dritte dritten drittes",
        "vierte vierten viertes",
    ),
    "fr": ("trimestre", "premier 1er", "deuxième second 2e", "troisième 3e", "quatrième 4e"),
    "es": ("trimestre", "primer primero", "segundo", "tercer tercero", "cuarto"),
    "pt": ("trimestre", "primeiro", "segundo", "terceiro", "quarto"),
    "it": ("trimestre", "primo", "secondo", "terzo", "quarto"),
    "ru": (
        "квартал квартале квартала",
        "первый первом первого",
        "второй втором второго",
        "третий третьем третьего",
        "четвертый четвертом четвертого четвёртый четвёртом четвёртого",
    ),
    "tr": ("çeyrek çeyreğinde çeyreği çeyreğin", "ilk birinci", "ikinci", "üçüncü", "dördüncü son"),
    "ar": ("الربع ربع", "الأول", "الثاني", "الثالث", "الرابع الأخير"),
    "nl": ("kwartaal", "eerste", "tweede", "derde", "vierde"),
}
_QUARTER_NOUNS = frozenset(w for terms in _QUARTER_TERMS.values() for w in terms[0].split())
_QUARTER_ORDINALS = {
    code: {w: n for n, line in enumerate(terms[1:], start=1) for w in line.split()}
    for code, terms in _QUARTER_TERMS.items()
}


_FOREIGN_APPROX = frozenset(w for approx, *_ in _QUALIFIER_WORDS.values() for w in approx.split())


_FOREIGN_THIRDS = {
    word: third
    for words in _QUALIFIER_WORDS.values()
    for third, line in zip(("early", "mid", "late"), words[1:], strict=True)
    for word in line.split()
}


_FOREIGN_SKIP = frozenset(
    _words("года год г гг року р du le la l de del em do da di il am den der des el à a no na dia día im")  # noqa: RUF001
)


# Reviewed: words news writes around a date that the data lacks, per language: "dated", "on
# the day", inflected "year"/"month" nouns and case endings after an apostrophe.
_EXTRA_SKIP = {
    "tr": "tarihinde tarihli tarihi günü gün ayında ayı ayının yılında yılı yılının de da te ta "  # noqa: RUF001
    "den dan ten tan e a ye ya nin nın nun nün in ın un ün",  # noqa: RUF001
    "ru": "от году числа число утром днём днем вечером ночью го",  # noqa: RUF001
    "uk": "від році числа",
    "ar": "يوم الموافق بتاريخ تاريخ من",
    "it": "nel nello nella del dello della lo ore al alla allo alle agli all dell nell",
    "de": "den dem des jahres",
    "fr": "courant en",
    "pt": "dia",
    "es": "día por",
}


# Reviewed: words that make a date an open bound ("before", "after", "since", "until", "by"), per
# language; a date after them (or, in Turkish, before them) is not when something happened.
_OPEN_BOUND_WORDS = {
    "fr": ("avant après depuis jusqu jusqu'au jusqu'à", ""),
    "de": ("bis vor nach seit spätestens", ""),
    "es": ("antes después desde hasta", ""),
    "it": ("prima dopo fino entro", ""),
    "pt": ("antes após depois desde até", ""),
    "nl": ("voor vóór na sinds tot", ""),
    "pl": ("do po przed", ""),
    "ru": ("до после к перед", ""),
    "uk": ("до після", ""),
    "ar": ("قبل بعد منذ حتى", ""),
    "tr": ("", "kadar beri sonra önce itibaren"),
}


# Reviewed: "the weekend" in other languages (Saturday and Sunday, as English "weekend" is read).
_WEEKEND_PHRASES = (
    "fin de semana", "fim de semana", "week-end", "weekend", "wochenende", "fine settimana",
    "выходные", "выходных", "hafta sonu", "hafta sonunda", "عطلة نهاية الأسبوع", "نهاية الأسبوع",
    "weekeinde", "weekendzie",
)  # fmt: skip


# Month names dateparser's data lacks: Levantine Arabic, Russian prepositional ("в апреле").
_EXTRA_MONTHS = {
    "ar": {
        "شباط": 2,
        "آذار": 3,
        "نيسان": 4,
        "أيار": 5,
        "حزيران": 6,
        "تموز": 7,
        "آب": 8,
        "أيلول": 9,
        "تشرين الأول": 10,
        "تشرين الثاني": 11,
        "كانون الأول": 12,
        "كانون الثاني": 1,
    },
    "ru": dict(
        zip(
            _words("январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"),
            range(1, 13),
            strict=True,
        )
    ),
}


_HAS_DIGIT_RE = re.compile(r"\d")

# Arabic short vowels and doubling marks ("حُدِّث"): the text is read without them, so names that
# carry them (Kashmiri "جُلایی") are known without them too.
ARABIC_MARKS_RE = re.compile("[\u064b-\u0652]")


# Between the words of a name: spaces, full stops, commas (Yangben "ɔnsúmbɔl, oóli ú kátátúɛ"),
# and the Tibetan syllable mark (tsheg).
_PHRASE_SPLIT_RE = re.compile("[ .,\u0f0b]+")


class _Vocab(NamedTuple):
    months: dict
    weekdays: dict
    skip: frozenset
    approx: frozenset
    thirds: dict
    # Month and weekday names of several words ("Meán Fómhair", "Mweri wa kanana"), longest first,
    # with the hyphenated form the word reader takes them in.
    phrases: tuple = ()


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


@functools.lru_cache(maxsize=128)
def _language_info(code: str) -> dict | None:
    import importlib

    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return None
    return module.info


@functools.lru_cache(maxsize=1)
def _cldr_data() -> dict:
    """The words of every language from dateparser's data and CLDR (see build_vocabulary)."""
    import json
    import pathlib

    return json.loads(pathlib.Path(__file__).with_name("vocabulary.json").read_text())["languages"]


def _cldr(code: str) -> dict | None:
    return _cldr_data().get(code)


@functools.lru_cache(maxsize=256)
def _vocab(langs: tuple) -> _Vocab:
    """Month and weekday words for ``langs`` (earlier languages win a clash), then English."""
    months: dict = {}
    weekdays: dict = {}
    skip = set(_EN_SKIP)
    foreign = False
    for code in langs:
        if code == "en":
            continue
        info = _language_info(code)
        if info is None:
            continue
        foreign = True
        for word, index in _EXTRA_MONTHS.get(code, {}).items():
            months.setdefault(word, index)
        skip.update(_EXTRA_SKIP.get(code, "").split())
        # "im Jahr 2019", "el año 2019": the word for "year" beside a year.
        skip.update(w.lower() for w in info.get("year", ()) if len(w) >= 3 and w.isalpha())
        for index, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, ()):
                months.setdefault(word.lower().rstrip("."), index)
        for index, key in enumerate(_WEEKDAY_KEYS):
            for word in info.get(key, ()):
                weekdays.setdefault(word.lower().rstrip("."), index)
        for word in info.get("skip", ()):
            word = word.lower().strip()
            if word.isalpha() and word not in _FOREIGN_APPROX:
                skip.add(word)
        cldr = _cldr(code)
        if cldr is not None:
            for word, index in cldr["months"].items():
                months.setdefault(word, index)
            for word, index in cldr["weekdays"].items():
                weekdays.setdefault(word, index)
            skip.update(word for word in cldr["skip"] if word not in _FOREIGN_APPROX)
    for word, index in _EN_MONTHS.items():
        months.setdefault(word, index)
    for word, index in _EN_WEEKDAYS.items():
        weekdays.setdefault(word, index)
    if foreign:
        skip |= _FOREIGN_SKIP
    for table in (months, weekdays):
        for name in [n for n in table if ARABIC_MARKS_RE.search(n)]:
            table.setdefault(ARABIC_MARKS_RE.sub("", name), table[name])
        # Names ending with an apostrophe (Kalenjin "koaeng'", Teso "okwamg'"): the word reader
        # does not take a closing apostrophe.
        for name in [n for n in table if n.endswith("'")]:
            table.setdefault(name.rstrip("'"), table[name])
    phrases = []
    for table in (months, weekdays):
        # Names of several words, or with a full stop or tsheg inside ("มี.ค", Thai for March).
        for name in [n for n in table if _PHRASE_SPLIT_RE.search(n) and not any(c.isdigit() for c in n)]:
            joined = "-".join(part for part in _PHRASE_SPLIT_RE.split(name) if part).strip("'")
            table.setdefault(joined, table[name])
            phrases.append((name, joined))
    # Names written with a number ("M3" in Rombo, "10th month" in Mongolian and Tibetan): read
    # as the English name of that month (always known), so the number is not taken for a day.
    for table, names in ((months, _MONTH_KEYS), (weekdays, _WEEKDAY_KEYS)):
        for name in [n for n in table if _HAS_DIGIT_RE.search(n) and _WORD_RE.search(n)]:
            phrases.append((name, f" {names[table[name] - (table is months)]} "))
    phrases.sort(key=lambda p: -len(p[0]))
    return _Vocab(
        months,
        weekdays,
        frozenset(skip),
        _FOREIGN_APPROX if foreign else frozenset(),
        _FOREIGN_THIRDS if foreign else {},
        tuple(phrases),
    )


# Counts written as words ("hace dos días", "vor zwei Wochen") read as digits; CLDR's relative
# patterns and dateparser take digits. A reviewed table: small counts are what news writes.
# Position n holds the words for n + 1.
_FOREIGN_NUMBERS = {
    "es": "uno|una dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "pt": "um|uma dois|duas três quatro cinco seis sete oito nove dez onze doze",
    "fr": "un|une deux trois quatre cinq six sept huit neuf dix onze douze",
    "it": "uno|una|un due tre quattro cinque sei sette otto nove dieci undici dodici",
    "de": "einem|einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "nl": "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
    "ru": "один|одну два|две три четыре пять шесть семь восемь девять десять",
    "tr": "bir iki üç dört beş altı yedi sekiz dokuz on",  # noqa: RUF001
    "ar": "واحد|واحدة اثنين|اثنان|اثنتين ثلاثة|ثلاث أربعة|أربع خمسة|خمس ستة|ست سبعة|سبع ثمانية|ثماني "
    "تسعة|تسع عشرة|عشر",
}


_FOREIGN_NUMBER_VALUES = {
    code: {word: value for value, words in enumerate(line.split(), start=1) for word in words.split("|")}
    for code, line in _FOREIGN_NUMBERS.items()
}


_WORD_RE = re.compile(f"{LETTER}+")


def _digits_for_number_words(s: str, langs: tuple) -> str:
    for code in langs:
        table = _FOREIGN_NUMBER_VALUES.get(code)
        if table:
            s = _WORD_RE.sub(lambda m, table=table: str(table.get(m[0].lower(), m[0])), s)
    return s


# Reviewed: season words (northern-hemisphere meteorological seasons start in these months).
_SEASON_WORDS = {
    **dict.fromkeys(
        _words(
            "spring frühjahr frühling printemps primavera весна весной весну весны ilkbahar bahar lente "
            "voorjaar wiosna wiosną"
        ),
        3,
    ),
    **dict.fromkeys(
        _words("summer sommer été ete verano estate verão verao лето летом лета yaz yazın zomer lato latem"),  # noqa: RUF001
        6,
    ),
    **dict.fromkeys(
        _words(
            "autumn fall herbst automne otoño otono autunno outono осень осенью осени sonbahar güz herfst "
            "najaar jesień jesienią"
        ),
        9,
    ),
    **dict.fromkeys(_words("winter hiver invierno inverno зима зимой зиму зимы kış kışın zima zimą"), 12),  # noqa: RUF001
}
# Reviewed: words that place a named month or season before (-1), in (0) or after (+1) the
# reference's, as they stand beside it ("last May", "im vergangenen März", "mars dernier").
_DIRECTION_WORDS = {
    **dict.fromkeys(
        _words(
            "last past previous vergangenen letzten vorigen vergangenes letztes vergangene vergangener "
            "letzte letzter vorige voriger dernier dernière "
            "passé passée pasado pasada scorso scorsa passado passada geçen прошлом прошлого "
            "прошлой прошлым vorige zeszłym ubiegłym último última ultimo ultima минувший минувшую "
            "минувшее минувшем минувшей прошлый прошлую прошлое الماضي الماضية geçtiğimiz"
        ),
        -1,
    ),
    "this past": -1,
    **dict.fromkeys(
        _words(
            "this current diesen dieses diesem ce cette este esta questo questa bu этом этого этой "
            "nesta neste этот эту это"
        ),
        0,
    ),
    **dict.fromkeys(
        _words(
            "next coming nächsten kommenden prochain prochaine próximo próxima prossimo prossima "
            "gelecek следующем следующего volgende przyszłym önümüzdeki ближайший ближайшую "
            "المقبل المقبلة القادم القادمة"
        ),
        1,
    ),
    "this coming": 1,
}
# Words that stand between a month and its relative words without changing them.
_RELATIVE_FILLER = frozenset(_words("of in the during im en el la le il em no na a à w в"))


@functools.lru_cache(maxsize=256)
def _year_phrases(langs: tuple) -> dict:
    """ "last year", "l'année dernière", "去年" of ``langs`` and English -> the year's offset, their
    words joined by single spaces (CLDR's relative year phrases)."""
    found: dict = {}
    for code in (*langs, "en"):
        data = _cldr(code)
        for phrase, (unit, offset, *_) in (data or {}).get("phrases", {}).items():
            if unit == "year":
                found.setdefault(" ".join(_WORD_RE.findall(phrase)), offset)
    return found
