"""Ranges, times, weekday with day, open starts and foreign qualifiers (classes 6-8, 10-12)."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

THU = dt.date(2020, 5, 7)  # a Thursday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Ranges in other languages and with times
        ("zwischen dem 3. und 5. Mai 2019", "2019-05-03", "2019-05-05"),
        ("vom 3. bis 5. Mai 2019", "2019-05-03", "2019-05-05"),
        ("del 3 al 5 de mayo", "2020-05-03", "2020-05-05"),
        ("du 3 au 5 mai", "2020-05-03", "2020-05-05"),
        ("dal 3 al 5 maggio", "2020-05-03", "2020-05-05"),
        ("entre el 3 y el 5 de mayo", "2020-05-03", "2020-05-05"),
        ("from 9 am March 3 to 6 pm March 5", "2020-03-03", "2020-03-05"),
        # Times and time zones: the calendar date as written, nothing converted
        ("4:30 p.m. EDT on Tuesday, May 5", "2020-05-05", "2020-05-05"),
        ("Tuesday, 5 May 2020 14:30 GMT+8", "2020-05-05", "2020-05-05"),
        ("2020-05-05 14:30 HKT", "2020-05-05", "2020-05-05"),
        ("2020-05-05T23:30:00-04:00", "2020-05-05", "2020-05-05"),
        # A weekday with a day number: the nearest date that is both
        ("on Friday (8 May)", "2020-05-08", "2020-05-08"),
        ("na sexta-feira (8)", "2020-05-08", "2020-05-08"),
        ("Friday the 8th", "2020-05-08", "2020-05-08"),
        ("Monday the 13th", "2020-04-13", "2020-04-13"),
        # A start with no end is the day it names
        ("from 1 May 2020", "2020-05-01", "2020-05-01"),
        ("starting Monday", "2020-05-04", "2020-05-04"),
        ("effective June 1", "2020-06-01", "2020-06-01"),
        ("beginning May 3", "2020-05-03", "2020-05-03"),
        ("ab dem 1. Mai 2020", "2020-05-01", "2020-05-01"),
        ("à partir du 3 mai", "2020-05-03", "2020-05-03"),
        # Elided years, qualifiers and seasons in other languages
        ("'58", "1958-01-01", "1958-12-31"),
        ("a principios de mayo", "2020-05-01", "2020-05-10"),
        ("im Frühjahr 2021", "2021-03-01", "2021-05-31"),
        ("à la fin de l'été", "2019-08-01", "2019-08-31"),
        ("Ende Mai 2020", "2020-05-21", "2020-05-31"),
    ],
)
def test_reads(text, start, end):
    result = normalize_date(text, reference=THU)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)
    assert not result.ambiguous


def test_a_weekday_that_disagrees_with_the_day_is_ambiguous():
    result = normalize_date("on Friday (9 May)", reference=THU)
    assert result.ambiguous
    assert "Saturday" in result.note


@pytest.mark.parametrize(
    "text", ["since May 3", "until June 1", "by June 1", "before May 3", "no later than 2021"]
)
def test_deadlines_and_open_bounds_stay_errors(text):
    with pytest.raises(DateNormalizationError, match="open-ended bound"):
        normalize_date(text, reference=THU)


@pytest.mark.parametrize(
    ("text", "languages", "start", "end"),
    [
        ("June 30 - July 6, 2020", None, "2020-06-30", "2020-07-06"),
        ("30 June to 6 July 2020", None, "2020-06-30", "2020-07-06"),
        ("between June 30 and July 6, 2020", None, "2020-06-30", "2020-07-06"),
        ("June-July 2020", None, "2020-06-01", "2020-07-31"),
        ("28 December 2019 to 3 January 2020", None, "2019-12-28", "2020-01-03"),
        ("28 December to 3 January 2020", None, "2019-12-28", "2020-01-03"),
        ("du 30 juin au 6 juillet 2020", ["fr"], "2020-06-30", "2020-07-06"),
    ],
)
@pytest.mark.parametrize("reference", [dt.date(2003, 6, 10), dt.date(2020, 7, 8), dt.date(2028, 1, 31)])
def test_a_range_takes_its_missing_year_from_its_end_whatever_the_reference(
    text, languages, start, end, reference
):
    # An article of 2028 looking back at 2020 (or an old one quoted with a wrong reference)
    # must not move the range's first day to the year of the reference.
    result = normalize_date(text, reference=reference, languages=languages)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)
