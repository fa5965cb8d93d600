"""Dates as news in twelve languages writes them, read with the language given and without it.

Own examples of each class of issue 12 (function words and endings around a date, relative
phrases, CJK qualifiers and periods, ranges, times and time zones, a weekday with a day number,
qualifiers and seasons), against an article dated Wednesday 20 May 2020.
"""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

REF = dt.date(2020, 5, 20)  # a Wednesday
LAST_WEEK = ("2020-05-11", "2020-05-17")
LAST_MONTH = ("2020-04-01", "2020-04-30")
LAST_YEAR = ("2019-01-01", "2019-12-31")
MARCH = ("2020-03-01", "2020-03-31")


def day(iso):
    return (iso, iso)


# (language, text, (first day, last day))
READ = [
    # Function words and grammatical endings around a date
    ("de", "am 19.05.2020", day("2020-05-19")),
    ("de", "im Jahr 2019", LAST_YEAR),
    ("fr", "le 19/05/2020", day("2020-05-19")),
    ("fr", "en 2019", LAST_YEAR),
    ("es", "el 19/05/2020", day("2020-05-19")),
    ("es", "en marzo de 2020", MARCH),
    ("it", "nel marzo 2020", MARCH),
    ("it", "lo scorso 4 maggio", day("2020-05-04")),
    ("pt", "no dia 15 de março", day("2020-03-15")),
    ("ru", "от 4 мая 2020 года", day("2020-05-04")),
    ("ru", "в 2019 году", LAST_YEAR),
    ("tr", "4 Mayıs 2020 tarihinde", day("2020-05-04")),  # noqa: RUF001
    ("tr", "15 Mart'ta", day("2020-03-15")),
    ("tr", "Mayıs ayında", ("2020-05-01", "2020-05-31")),  # noqa: RUF001
    ("tr", "2019 yılında", LAST_YEAR),  # noqa: RUF001
    ("ar", "الثلاثاء 19 مايو", day("2020-05-19")),
    ("ar", "4 أيار/مايو 2020", day("2020-05-04")),  # two names of one month
    ("ar", "يوم الثلاثاء 19 مايو 2020", day("2020-05-19")),
    # Labels, times and time zones next to a date: the calendar date as written
    ("fr", "Publié le 4 mai 2020 à 10h15", day("2020-05-04")),
    ("fr", "Mis à jour le 04/05/2020 à 14h30", day("2020-05-04")),  # the label says French: DMY
    ("de", "Stand: 04.05.2020 14:30 Uhr", day("2020-05-04")),
    ("de", "Aktualisiert am 4. Mai 2020, 14:30 Uhr", day("2020-05-04")),
    ("es", "Actualizado: 04/05/2020 14:30 CEST", day("2020-05-04")),
    ("it", "Pubblicato il 4 maggio 2020 alle 14:30", day("2020-05-04")),
    ("pt", "Publicado em 04/05/2020 - 14h30", day("2020-05-04")),
    ("ru", "Опубликовано: 4 мая 2020, 14:30", day("2020-05-04")),
    ("ru", "4-го мая 2020 г.", day("2020-05-04")),  # noqa: RUF001
    ("ko", "입력 2020.05.04 14:30", day("2020-05-04")),
    ("ar", "نشر في 4 مايو 2020 - 14:30", day("2020-05-04")),
    ("ja", "20日未明", day("2020-05-20")),
    ("es", "el lunes por la noche", day("2020-05-18")),
    ("zh", "2020-05-04 14:30 北京时间", day("2020-05-04")),
    # Relative phrases
    ("de", "vergangene Woche", LAST_WEEK),
    ("de", "im vergangenen Jahr", LAST_YEAR),
    ("fr", "l'an dernier", LAST_YEAR),
    ("fr", "la semaine dernière", LAST_WEEK),
    ("fr", "du 13 au 15 mai", ("2020-05-13", "2020-05-15")),
    ("es", "el mes pasado", LAST_MONTH),
    ("it", "la settimana scorsa", LAST_WEEK),
    ("it", "lo scorso anno", LAST_YEAR),
    ("it", "l'anno scorso", LAST_YEAR),
    ("pt", "na semana passada", LAST_WEEK),
    ("pt", "no mês passado", LAST_MONTH),
    ("ru", "в прошлом месяце", LAST_MONTH),
    ("ar", "منذ ثلاثة أيام", day("2020-05-17")),
    ("ar", "قبل أسبوعين", day("2020-05-06")),
    ("ar", "العام الماضي", LAST_YEAR),
    ("tr", "dün", day("2020-05-19")),
    ("tr", "iki hafta önce", day("2020-05-06")),
    ("zh", "两周前", day("2020-05-06")),
    ("zh", "3天前", day("2020-05-17")),
    ("ko", "2주 전", day("2020-05-06")),
    # Weekdays said with last / this / next
    ("de", "am vergangenen Montag", day("2020-05-18")),
    ("fr", "lundi soir", day("2020-05-18")),
    ("es", "este lunes", day("2020-05-18")),
    ("es", "el pasado 4 de mayo", day("2020-05-04")),
    ("es", "el 4 de mayo pasado", day("2020-05-04")),
    ("fr", "le 4 mai dernier", day("2020-05-04")),
    ("pt", "no último sábado", day("2020-05-16")),
    ("pt", "nesta terça-feira", day("2020-05-19")),
    ("pt", "no próximo dia 25", day("2020-05-25")),
    ("ru", "в минувший понедельник", day("2020-05-18")),
    ("ar", "الاثنين الماضي", day("2020-05-18")),
    ("ar", "يوم الاثنين", day("2020-05-18")),
    ("tr", "Pazartesi günü", day("2020-05-18")),
    ("ko", "지난주 금요일", day("2020-05-15")),
    # CJK qualifiers, periods, particles, local time
    ("zh", "本月初", ("2020-05-01", "2020-05-10")),
    ("zh", "当地时间5月4日", day("2020-05-04")),
    ("zh", "自5月4日起", day("2020-05-04")),
    ("ja", "先月末", ("2020-04-21", "2020-04-30")),
    ("ja", "5月19日（火）", day("2020-05-19")),  # noqa: RUF001
    ("ja", "4日（月）", day("2020-05-04")),  # noqa: RUF001 (4 June is nearer, but a Thursday)
    ("ko", "지난 4일", day("2020-05-04")),
    ("ko", "오는 25일", day("2020-05-25")),
    ("ko", "지난 3월", MARCH),
    ("ko", "18일(현지시간)", day("2020-05-18")),
    ("ko", "19일 오전", day("2020-05-19")),
    # Quarters and relative periods with a qualifier
    ("de", "im ersten Quartal 2020", ("2020-01-01", "2020-03-31")),
    ("fr", "au premier trimestre 2020", ("2020-01-01", "2020-03-31")),
    ("es", "el primer trimestre de 2020", ("2020-01-01", "2020-03-31")),
    ("pt", "no primeiro trimestre de 2020", ("2020-01-01", "2020-03-31")),
    ("it", "nel primo trimestre 2020", ("2020-01-01", "2020-03-31")),
    ("ru", "в первом квартале 2020 года", ("2020-01-01", "2020-03-31")),
    ("tr", "2020'nin ilk çeyreğinde", ("2020-01-01", "2020-03-31")),
    ("ko", "지난해 4분기", ("2019-10-01", "2019-12-31")),
    ("de", "Ende letzten Jahres", ("2019-09-01", "2019-12-31")),
    ("ru", "в начале этого года", ("2020-01-01", "2020-04-30")),
    ("tr", "geçen yılın sonunda", ("2019-09-01", "2019-12-31")),  # noqa: RUF001
    ("ko", "지난달 말", ("2020-04-21", "2020-04-30")),
    ("ko", "이달 초", ("2020-05-01", "2020-05-10")),
    ("ko", "그제", day("2020-05-18")),
    ("zh", "上周末", ("2020-05-16", "2020-05-17")),
    ("es", "el pasado fin de semana", ("2020-05-16", "2020-05-17")),
    ("de", "am kommenden Wochenende", ("2020-05-23", "2020-05-24")),
    ("fr", "en mars", MARCH),  # not 1 March, as Swedish "en" (one) would have it
    # Qualifiers and seasons
    ("fr", "mi-mai", ("2020-05-11", "2020-05-20")),
    ("fr", "début 2020", ("2020-01-01", "2020-04-30")),
    ("de", "Ende April", ("2020-04-21", "2020-04-30")),
    ("fr", "au printemps 2021", ("2021-03-01", "2021-05-31")),
    ("fr", "à la fin de l'été", ("2019-08-01", "2019-08-31")),
    ("it", "nell'estate 2019", ("2019-06-01", "2019-08-31")),
    ("ru", "в конце лета", ("2019-08-01", "2019-08-31")),
    ("es", "en el verano de 2019", ("2019-06-01", "2019-08-31")),
    ("ru", "с 4 мая", day("2020-05-04")),  # a start with no end is the day it names  # noqa: RUF001
]


@pytest.mark.parametrize(("language", "text", "expected"), READ, ids=[f"{r[0]}:{r[1]}" for r in READ])
def test_news_dates_read_with_their_language(language, text, expected):
    result = normalize_date(text, reference=REF, languages=[language])
    assert (result.start.isoformat(), result.end.isoformat()) == expected
    assert not result.ambiguous


# Read the same without being told the language (a few need it: see the next test).
NEEDS_LANGUAGE = {"no próximo dia 25"}  # "no" is November in Jola-Fonyi: flagged, not guessed


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [r for r in READ if r[1] not in NEEDS_LANGUAGE],
    ids=[f"{r[0]}:{r[1]}" for r in READ if r[1] not in NEEDS_LANGUAGE],
)
def test_news_dates_read_without_their_language(language, text, expected):
    result = normalize_date(text, reference=REF)
    assert (result.start.isoformat(), result.end.isoformat()) == expected
    assert not result.ambiguous


@pytest.mark.parametrize("text", sorted(NEEDS_LANGUAGE))
def test_words_other_languages_read_as_another_date_are_flagged_not_guessed(text):
    result = normalize_date(text, reference=REF)
    assert result.ambiguous
    assert "give its language" in result.note


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "seit Anfang Mai"),
        ("fr", "depuis le 4 mai"),
        ("fr", "jusqu'au 4 mai"),
        ("es", "desde el 4 de mayo"),
        ("es", "hasta el 4 de mayo"),
        ("pt", "desde 4 de maio"),
        ("ru", "до 4 мая"),
        ("ar", "منذ 4 مايو"),
        ("fr", "après le 4 mai"),
        ("de", "bis 4. Mai"),
        ("de", "vor dem 4. Mai"),
        ("pt", "até 4 de maio"),
        ("nl", "na 3 mei"),  # "after" in Dutch, though Portuguese "na" is filler
        ("pl", "do 3 maja"),
        ("ru", "к 4 мая"),
        ("tr", "4 Mayıs'tan sonra"),  # noqa: RUF001
        ("tr", "4 Mayıs'a kadar"),  # noqa: RUF001
    ],
)
def test_open_bounds_in_other_languages_stay_errors(language, text):
    for languages in ([language], None):
        with pytest.raises(DateNormalizationError):
            normalize_date(text, reference=REF, languages=languages)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("05\u200f/09\u200f/1991", "ar"),  # directional marks between the numbers
        ("০৯ মে ২০০৬", "bn"),  # Bengali digits
        ("15 ਜੂਨ 2006", "pa"),  # a vowel sign inside the month
        ("5 มี.ค. 2032", "th"),  # a full stop inside the month
    ],
)
def test_other_scripts_are_never_read_as_another_month(text, language):
    for languages in ([language], None):
        try:
            result = normalize_date(text, languages=languages)
        except DateNormalizationError:
            continue
        expected = {"ar": (9, 5), "bn": (5, 9), "pa": (6, 15), "th": (3, 5)}[language]
        assert (result.start.month, result.start.day) == expected or result.ambiguous, text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "vor zwei Wochen", "2020-05-06"),
        ("ar", "منذ ثلاثة أيام", "2020-05-17"),
        ("tr", "3 gün önce", "2020-05-17"),
    ],
)
def test_the_same_words_before_a_count_mean_ago(language, text, expected):
    assert normalize_date(text, reference=REF, languages=[language]).start.isoformat() == expected


def test_a_dotted_numeric_date_is_day_first_in_every_language():
    # No CLDR locale writes a dotted date month first.
    assert normalize_date("4. 7. 2011").start == dt.date(2011, 7, 4)
    assert not normalize_date("08.12.2014").ambiguous


# Dates inside datelines, court and gazette headers and bylines (against Thursday 11 March 2021)
REF_2021 = dt.date(2021, 3, 11)
INSIDE = [
    ("fr", "LYON, 2 mars (AFP) -", day("2021-03-02")),
    ("fr", "arrêt du 12 janvier 2021", day("2021-01-12")),
    ("fr", "Publié le 09/03/2021 à 10h00, mis à jour le 10/03/2021 à 08h05", day("2021-03-09")),
    ("de", "Urteil vom 3. Februar 2021 - II ZR 84/20", day("2021-02-03")),
    ("de", "Pressemitteilung Nr. 7/2021 vom 2. März 2021", day("2021-03-02")),
    ("es", "sentencia de 2 de febrero de 2021", day("2021-02-02")),
    ("es", "BOE núm. 40, de 16 de febrero de 2021", day("2021-02-16")),
    ("pt", "acórdão de 3 de fevereiro de 2021", day("2021-02-03")),
    ("it", "Gazzetta Ufficiale n. 40 del 17 febbraio 2021", day("2021-02-17")),
    ("ru", "Постановление от 2 марта 2021 года № 45", day("2021-03-02")),
    ("tr", "3 Şubat 2021 tarihli karar", day("2021-02-03")),
    ("ar", "الرياض، 2 مارس (رويترز) -", day("2021-03-02")),
    ("ar", "الثلاثاء 18 رجب 1442 هـ الموافق 2 مارس 2021 م", day("2021-03-02")),
    ("zh", "新华社上海3月2日电", day("2021-03-02")),
    ("ja", "令和3年2月3日判決", day("2021-02-03")),
]
# Ordinal signs, vowel marks, two-word month names, relative phrases with a time, eras
FORMS = [
    ("es", "1.º de febrero de 2021", day("2021-02-01")),
    ("pt", "1.º de fevereiro", day("2021-02-01")),
    ("ar", "حُدِّث في 9 مارس 2021", day("2021-03-09")),
    ("ar", "تشرين الثاني/نوفمبر 2020", ("2020-11-01", "2020-11-30")),
    ("ar", "منذ أسبوعين", day("2021-02-25")),
    ("ru", "вчера, 09:15", day("2021-03-10")),
    ("ja", "平成31年(2019年)4月1日", day("2019-04-01")),
    ("ja", "2020年7~9月期", ("2020-07-01", "2020-09-30")),
    ("ko", "대법원 2021. 2. 4. 선고 2020다12345 판결", day("2021-02-04")),
    ("en", "Last modified on Tue 9 Mar 2021 11.40 GMT", day("2021-03-09")),
    ("it", "alla fine del 2020", ("2020-09-01", "2020-12-31")),
    ("it", "all'inizio del 2021", ("2021-01-01", "2021-04-30")),
    ("ar", "في نهاية عام 2020", ("2020-09-01", "2020-12-31")),
    ("ar", "بداية 2021", ("2021-01-01", "2021-04-30")),
    ("ar", "الربع الثالث من 2020", ("2020-07-01", "2020-09-30")),
    ("ar", "من 3 إلى 5 مارس 2021", ("2021-03-03", "2021-03-05")),
]
# The day before yesterday and yesterday as news writes them (a reviewed table)
DAYS_BEFORE = [
    ("tr", "evvelki gün", day("2021-03-09")),
    ("es", "antier", day("2021-03-09")),
    ("es", "antes de ayer", day("2021-03-09")),  # not "before yesterday", an open bound
    ("pt", "antes de ontem", day("2021-03-09")),
    ("it", "ieri l'altro", day("2021-03-09")),
    ("fr", "avant hier", day("2021-03-09")),
    ("ar", "أول من أمس", day("2021-03-09")),
    ("ar", "البارحة", day("2021-03-10")),
]
# Yesterday with a time of day, native Korean counts, Turkish "geçtiğimiz", more qualifiers
DAY_PARTS = [
    ("it", "ieri sera", day("2021-03-10")),
    ("ru", "вчера вечером", day("2021-03-10")),
    ("tr", "dün akşam", day("2021-03-10")),
    ("fr", "hier soir", day("2021-03-10")),
    ("zh", "昨晚", day("2021-03-10")),
    ("ja", "昨夜", day("2021-03-10")),
    ("ko", "어젯밤", day("2021-03-10")),
    ("ko", "이틀 전", day("2021-03-09")),
    ("ko", "열흘 전", day("2021-03-01")),
    ("tr", "geçtiğimiz salı", day("2021-03-09")),  # noqa: RUF001
    ("pt", "no começo de março", ("2021-03-01", "2021-03-10")),
    ("es", "a comienzos de marzo", ("2021-03-01", "2021-03-10")),
    ("fr", "JORF n°0058 du 9 mars 2021", day("2021-03-09")),
    ("ru", "Определение от 2 марта 2021 г. № 305-ЭС21-1234", day("2021-03-02")),  # noqa: RUF001
    ("pt", "RIO DE JANEIRO, 2 mar (Reuters) -", day("2021-03-02")),  # not 2 January: a comma divides
    ("fr", "Conseil d'État, 3 mars 2021, n° 440001", day("2021-03-03")),
    ("ja", "2020年4~6月期", ("2020-04-01", "2020-06-30")),
    ("ja", "2020年11月~2月", ("2020-11-01", "2021-02-28")),
]
# Not dates, or not dates to guess: refused
REFUSED = [
    ("pt", "Processo nº 0001234-56.2021.8.26.0100"),
    ("ru", "№ 45-ФЗ"),
    ("en", "Case No. 20-1199"),
    ("ja", "2021年度"),
    ("zh", "2021年度"),
    ("ja", "令和3年(2020年)2月3日"),  # the era year and the year beside it disagree
    ("ar", "18 رجب 1442 هـ"),  # Hijri dates are not read
    ("de", "Urteil vom 3. Februar 2021 und vom 4. März 2021"),
    ("fr", "trois jours après l'arrêt du 12 janvier 2021"),
    ("es", "Ley 7/2021"),  # law 7 of 2021, no range from a day to a year
    ("en", "3.5%"),  # was 5 March
    ("en", "No 5"),  # was 5 November (Jola-Fonyi "No")
    ("en", "2 of 3"),  # was 3 February
    ("ru", "на 3,5%"),  # was 3 May
    ("ja", "2021年3月期"),  # the fiscal year ending in March 2021
    ("ja", "令和3年(行ウ)第45号"),  # a case number with its era year
]


@pytest.mark.parametrize(("language", "text", "expected"), INSIDE + FORMS + DAYS_BEFORE + DAY_PARTS)
def test_news_headers_and_forms_read_with_their_language(language, text, expected):
    result = normalize_date(text, reference=REF_2021, languages=[language])
    assert (result.start.isoformat(), result.end.isoformat()) == expected


@pytest.mark.parametrize(("language", "text"), REFUSED)
def test_non_dates_and_unread_calendars_are_refused(language, text):
    for languages in ([language], None):
        with pytest.raises(DateNormalizationError):
            normalize_date(text, reference=REF_2021, languages=languages)


@pytest.mark.parametrize("text", ["dia 5", "no dia 5", "no último dia 5"])
def test_a_weekday_or_month_word_that_is_a_common_word_elsewhere_is_flagged(text):
    # "dia" is Thursday in Scottish Gaelic and "day" in Portuguese; "no" November in Jola-Fonyi.
    result = normalize_date(text, reference=REF_2021)
    assert result.ambiguous


@pytest.mark.parametrize("text", ["Paru le 10.03.2021", "10.03.2021"])
def test_a_dotted_date_is_day_first_whatever_language_its_words_suggest(text):
    result = normalize_date(text, reference=REF_2021)
    assert (result.start, result.ambiguous) == (dt.date(2021, 3, 10), False)


def test_a_dotted_date_against_a_month_first_order_is_day_first_and_flagged():
    result = normalize_date("10.03.2021", date_order="MDY")
    assert (result.start, result.ambiguous) == (dt.date(2021, 3, 10), True)


def test_kashmiri_month_names_with_vowel_marks_still_read():
    # The text is read without Arabic vowel marks; names that carry them are known without them.
    result = normalize_date("جُلایی 23, 2029", languages=["ks"])
    assert result.start == dt.date(2029, 7, 23)


def test_a_month_among_unknown_words_is_not_read_around_them():
    # "la deuxième quinzaine" (the second fortnight) is in no table: March alone would drop it.
    with pytest.raises(DateNormalizationError):
        normalize_date("au tout début de la deuxième quinzaine de mars", reference=REF_2021, languages=["fr"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEW YORK, March 2 (Reuters) -", dt.date(2021, 3, 2)),
        ("Filed: 02/26/2021", dt.date(2021, 2, 26)),
        ("Urteil vom 03.02.2021 - 5 AZR 123/20", dt.date(2021, 2, 3)),
        ("julgado em 02/03/2021", dt.date(2021, 3, 2)),  # its words say Portuguese: day first
    ],
)
def test_dates_inside_phrases_without_a_language(text, expected):
    result = normalize_date(text, reference=REF_2021)
    assert (result.start, result.ambiguous) == (expected, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07/06/2023 alle 16:15", dt.date(2023, 6, 7)),  # Italian "alle": day first
        ("am 05/07/2020", dt.date(2020, 7, 5)),  # German "am"
    ],
)
def test_a_numeric_date_is_settled_by_the_language_of_its_other_words(text, expected):
    result = normalize_date(text)
    assert (result.start, result.ambiguous) == (expected, False)


def test_a_numeric_date_with_only_english_words_stays_flagged():
    assert normalize_date("07/06/2023 at 4 pm").ambiguous


def test_a_unit_of_time_around_a_date_is_not_read_as_the_day():
    # "semaine du 1er mars" is the week of 1 March: refused, or flagged where "du" is a weekday.
    for languages in (["fr"], None):
        try:
            result = normalize_date("semaine du 1er mars", reference=REF_2021, languages=languages)
        except DateNormalizationError:
            continue
        assert result.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("II trimestre 2020", ("2020-04-01", "2020-06-30")),  # was February 2020 (Hungarian II)
        ("IV. Quartal 2020", ("2020-10-01", "2020-12-31")),  # was April 2020
        ("II квартал 2020 года", ("2020-04-01", "2020-06-30")),
    ],
)
def test_roman_numeral_quarters_with_and_without_their_language(text, expected):
    for languages in (["it", "de", "ru"], None):
        result = normalize_date(text, languages=languages)
        assert ((result.start.isoformat(), result.end.isoformat()), result.precision) == (expected, "quarter")


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "14-15 octobre"), ("en", "October 14-15"), ("ru", "14-15 октября"), ("tr", "14-15 Ekim")],
)
def test_two_days_of_a_month_are_a_range_not_a_day_and_a_two_digit_year(language, text):
    result = normalize_date(text, reference=dt.date(2019, 10, 15), languages=[language])
    assert (result.start, result.end) == (dt.date(2019, 10, 14), dt.date(2019, 10, 15))


@pytest.mark.parametrize("text", ["am 14. und 15. Oktober", "el 14 y 15 de octubre", "il 14 e 15 ottobre"])
def test_two_days_joined_by_and_are_not_a_day_of_2015(text):
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=dt.date(2019, 10, 15), languages=["de", "es", "it"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mardi 15 octobre, 8h", dt.date(2019, 10, 15)), ("am 15. Oktober um 8 Uhr", dt.date(2019, 10, 15))],
)
def test_an_hour_without_minutes_is_a_time(text, expected):
    assert normalize_date(text, reference=dt.date(2019, 10, 15), languages=["fr", "de"]).start == expected


def test_a_one_letter_weekday_with_a_number_is_no_date():
    # "15 h" is fifteen hours; Hungarian writes Monday "H" (it was Monday 15 July).
    with pytest.raises(DateNormalizationError):
        normalize_date("15 h", reference=dt.date(2019, 10, 15))
