"""Relative phrases in every language: CLDR's patterns and phrases, counts written as words."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

WED = dt.date(2021, 6, 16)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("vor zwei Wochen", "de", "2021-06-02", "2021-06-02"),
        ("vor 3 Tagen", "de", "2021-06-13", "2021-06-13"),
        ("il y a trois jours", "fr", "2021-06-13", "2021-06-13"),
        ("le mois dernier", "fr", "2021-05-01", "2021-05-31"),
        ("hace tres días", "es", "2021-06-13", "2021-06-13"),
        ("el domingo pasado", "es", "2021-06-13", "2021-06-13"),
        ("há dois dias", "pt", "2021-06-14", "2021-06-14"),
        ("два дня назад", "ru", "2021-06-14", "2021-06-14"),
        ("8 месяцев назад", "ru", "2020-10-01", "2020-10-31"),
        ("в прошлом месяце", "ru", "2021-05-01", "2021-05-31"),
        ("3日前", "ja", "2021-06-13", "2021-06-13"),
        ("10 年前", "ja", "2011-01-01", "2011-12-31"),
        ("3일 전", "ko", "2021-06-13", "2021-06-13"),
        ("6개월 전", "ko", "2020-12-01", "2020-12-31"),
        ("5个月前", "zh", "2021-01-01", "2021-01-31"),
        ("قبل 9 أشهر", "ar", "2020-09-01", "2020-09-30"),
        ("πριν από 2 έτη", "el", "2019-01-01", "2019-12-31"),
        ("3 gün önce", "tr", "2021-06-13", "2021-06-13"),
        ("2 tygodnie temu", "pl", "2021-06-02", "2021-06-02"),
        ("in 6 years", "en", "2027-01-01", "2027-12-31"),
        ("over 2 maanden", "nl", "2021-08-01", "2021-08-31"),
    ],
)
def test_relative_phrases_of_other_languages(text, language, start, end):
    result = normalize_date(text, reference=WED, languages=[language])
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)


def test_they_need_the_reference():
    with pytest.raises(DateNormalizationError, match="reference date"):
        normalize_date("il y a trois jours", languages=["fr"])


@pytest.mark.parametrize("text", ["a week", "3 weeks", "two years"])
def test_a_count_without_a_direction_is_a_length_not_a_date(text):
    with pytest.raises(DateNormalizationError, match="length of time"):
        normalize_date(text, reference=WED)


@pytest.mark.parametrize(("text", "language"), [("يومين", "ar"), ("3 days", "en")])
def test_a_bare_count_in_any_language_is_not_read_as_ago(text, language):
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=WED, languages=[language])


def test_the_arabic_dual_says_two_days_from_now():
    assert normalize_date("خلال يومين", reference=WED, languages=["ar"]).start == dt.date(2021, 6, 18)
