"""The language of a date comes from its own words when no one says it."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

REF = dt.date(2021, 6, 16)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3 mars 2021", "2021-03-03", "2021-03-03"),
        ("5. Mai 2019", "2019-05-05", "2019-05-05"),
        ("el 2 de abril", "2021-04-02", "2021-04-02"),
        ("3 Ocak 2020", "2020-01-03", "2020-01-03"),
        ("17 września 2020", "2020-09-17", "2020-09-17"),
        ("2020. gada 9. marts", "2020-03-09", "2020-03-09"),
        ("15 de junho de 2019", "2019-06-15", "2019-06-15"),
        ("czerwiec 2020", "2020-06-01", "2020-06-30"),
        ("il y a trois jours", "2021-06-13", "2021-06-13"),
        ("vor zwei Wochen", "2021-06-02", "2021-06-02"),
        ("Anfang Mai", "2021-05-01", "2021-05-10"),
        ("fin mai", "2021-05-21", "2021-05-31"),
        ("inizio maggio", "2021-05-01", "2021-05-10"),
        ("4 Mayıs 2020'de", "2020-05-04", "2020-05-04"),  # noqa: RUF001
        ("في 4 مايو", "2021-05-04", "2021-05-04"),
        ("23 серпня 2020", "2020-08-23", "2020-08-23"),  # Ukrainian, in Cyrillic like Russian
    ],
)
def test_read_without_a_language(text, start, end):
    result = normalize_date(text, reference=REF)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)
    assert not result.ambiguous


def test_a_jurisdiction_language_that_does_not_fit_gives_way_to_the_words():
    # A French article about an Australian event: the row says English.
    assert normalize_date("3 mars 2021", languages=["en"]).start == dt.date(2021, 3, 3)


def test_the_given_language_wins_when_it_reads_the_text():
    # "mar" is March in English and Tuesday's abbreviation in Spanish.
    assert normalize_date("3 mar 2021", languages=["en"]).start == dt.date(2021, 3, 3)


def test_languages_that_read_different_dates_make_it_ambiguous():
    # "listopad" is November in Czech and Polish, October in Croatian.
    result = normalize_date("1. listopad 2020")
    assert result.ambiguous
    assert "give its language" in result.note


def test_words_of_no_language_are_refused_with_the_hint():
    with pytest.raises(DateNormalizationError, match="give its language"):
        normalize_date("6 Xyzzy 2020")


@pytest.mark.parametrize("text", ["ago", "a 1971", "June 2020 a", "36 on May 26"])
def test_english_words_are_no_evidence_of_another_language_and_guesses_are_refused(text):
    # "ago" is Spanish for August, "a" a month letter in some calendars: English text that does
    # not read as a date is not read in another language on the strength of such a word.
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=REF)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2 ago 1992", "1992-08-02"), ("31 Ago 2006", "2006-08-31"), ("6 set 1993", "1993-09-06")],
)
def test_a_word_english_knows_otherwise_is_a_month_beside_numbers(text, day):
    # "ago" is August in Spanish, Italian and Swahili; "set" September in Italian and Portuguese
    # (and no number may stand in for a month the text names).
    assert normalize_date(text).start.isoformat() == day


def test_thai_years_of_the_buddhist_era_are_converted():
    assert normalize_date("7 พฤษภาคม 2563").start == dt.date(2020, 5, 7)


@pytest.mark.parametrize("text", ["am Donnerstag", "le jeudi", "jueves"])
def test_a_weekday_alone_in_another_language_is_the_latest_on_or_before_the_reference(text):
    assert normalize_date(text, reference=dt.date(2020, 5, 21)).start == dt.date(2020, 5, 21)
    assert normalize_date(text, reference=dt.date(2020, 5, 20)).start == dt.date(2020, 5, 14)


@pytest.mark.parametrize("text", ["are", "die", "held"])
def test_a_short_word_alone_is_no_evidence_of_a_language(text):
    # "are" and "die" are weekday abbreviations in some language: alone, they are no date.
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=REF)


@pytest.mark.parametrize(
    ("text", "language"),
    [("28 בנוב\u05f3 1991", "he"), ("วันพฤหัสบดีที่ 28 พฤศจิกายน ค.ศ. 1991", "th")],
)
def test_cldr_spellings_attached_to_the_month_or_era_read(text, language):
    # Hebrew writes the preposition onto the abbreviated month; Thai marks the Christian era.
    assert normalize_date(text, languages=[language]).start == dt.date(1991, 11, 28)


def test_a_number_is_not_taken_for_the_month_of_an_unknown_word():
    # English cannot read "Mart"; dateparser read "1 Mart 2000" as January 2000 (Hypothesis).
    assert normalize_date("1 Mart 2000").start == dt.date(2000, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 1 dag", dt.date(2021, 3, 12)),  # Dutch; "dag" is no Luo month here
        ("för 1 dag sedan", dt.date(2021, 3, 10)),
        ("tra 2 settimane", dt.date(2021, 3, 25)),  # Italian; "tra" is no Croatian April here
        ("30 Du 2000", dt.date(2000, 11, 30)),  # Breton November with its year: not flagged
    ],
)
def test_relative_phrases_and_dated_short_months_are_not_taken_for_dates_inside_phrases(text, expected):
    result = normalize_date(text, reference=dt.date(2021, 3, 11))
    assert (result.start, result.ambiguous) == (expected, False)


def test_two_readings_sharing_a_day_keep_the_one_that_writes_its_year():
    # Breton "Meurzh" is Tuesday and March: "Meurzh 11" and "11 Genver 2033" share the 11.
    result = normalize_date("Meurzh 11 Genver 2033", languages=["br"])
    assert (result.start, result.ambiguous) == (dt.date(2033, 1, 11), False)


def test_a_two_letter_month_that_is_a_weekday_in_another_candidate_is_flagged():
    # Italian "3 su 10" (3 out of 10): June 2010 in Jola-Fonyi, "su" Sunday in Finnish.
    assert normalize_date("3 su 10", reference=dt.date(2019, 10, 15)).ambiguous
