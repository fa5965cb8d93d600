"""English wordings news uses around dates (class 9 of issue 12)."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

OCT30 = dt.date(1989, 10, 30)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "approx"),
    [
        ("at the end of 2019", "2019-09-01", "2019-12-31", "year", True),
        ("the end of the year", "1989-09-01", "1989-12-31", "year", True),
        ("year-end", "1989-09-01", "1989-12-31", "year", True),
        ("the end of the month", "1989-10-21", "1989-10-31", "month", True),
        ("during the spring", "1989-03-01", "1989-05-31", "season", False),
        ("the summer", "1989-06-01", "1989-08-31", "season", False),
        ("in the 2019 calendar year", "2019-01-01", "2019-12-31", "year", False),
        ("earlier this month", "1989-10-01", "1989-10-30", "month", True),
        ("March of last year", "1988-03-01", "1988-03-31", "month", False),
        ("May this year", "1989-05-01", "1989-05-31", "month", False),
    ],
)
def test_english_wordings(text, start, end, precision, approx):
    result = normalize_date(text, reference=OCT30)
    assert (result.start.isoformat(), result.end.isoformat(), result.precision) == (start, end, precision)
    assert result.approximate is approx


@pytest.mark.parametrize("text", ["the year", "the month", "the week"])
def test_a_bare_period_names_no_date(text):
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=OCT30)


@pytest.mark.parametrize(
    ("text", "start", "end", "iso", "shown"),
    [
        ("the 20th century", "1900-01-01", "1999-12-31", "19XX", "20th century"),
        ("nineteenth century", "1800-01-01", "1899-12-31", "18XX", "19th century"),
        ("21st-century", "2000-01-01", "2099-12-31", "20XX", "21st century"),
        ("early 20th century", "1900-01-01", "1932-12-31", "1900~/1932~", "early 20th century"),
    ],
)
def test_centuries_have_their_own_precision(text, start, end, iso, shown):
    result = normalize_date(text)
    assert (result.start.isoformat(), result.end.isoformat(), result.precision) == (start, end, "century")
    assert (result.iso, result.display) == (iso, shown)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("nineteen ninety-six", "1996-01-01", "1996-12-31"),
        ("January nineteen ninety-seven", "1997-01-01", "1997-01-31"),
        ("the year two thousand", "2000-01-01", "2000-12-31"),
        ("two thousand and one", "2001-01-01", "2001-12-31"),
        ("nineteen oh five", "1905-01-01", "1905-12-31"),
    ],
)
def test_years_said_in_words(text, start, end):
    result = normalize_date(text)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)


def test_a_number_in_words_is_not_a_year():
    with pytest.raises(DateNormalizationError):
        normalize_date("twenty one")
