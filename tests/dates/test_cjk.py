"""Chinese, Japanese and Korean dates: a day of the month alone is a day, never a count."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, normalize_date

MAR20 = dt.date(2021, 3, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11日", "2021-03-11"),  # not nine days before the reference
        ("11일", "2021-03-11"),
        ("11号", "2021-03-11"),
        ("11號", "2021-03-11"),
        ("十一日", "2021-03-11"),
        ("25日", "2021-03-25"),  # nearer than 25 February
        ("4日", "2021-04-04"),  # 4 April is 15 days away, 4 March 16: the nearer wins
        ("6日", "2021-03-06"),
        ("31日", "2021-03-31"),
        ("3日前", "2021-03-17"),  # with 前 it is a count
        ("3일 전", "2021-03-17"),
    ],
)
def test_a_day_number_alone_is_the_nearest_day_of_that_number(text, expected):
    assert normalize_date(text, reference=MAR20).start.isoformat() == expected


def test_day_of_month_in_a_short_month_skips_to_a_month_that_has_it():
    # 30 February does not exist: 30 January (28 days before) and 30 March (31 after) remain.
    assert normalize_date("30日", reference=dt.date(2021, 2, 27)).start == dt.date(2021, 1, 30)


@pytest.mark.parametrize("text", ["0日", "32日", "45일"])
def test_an_impossible_day_of_month_is_refused(text):
    with pytest.raises(DateNormalizationError, match="not a valid day of the month"):
        normalize_date(text, reference=MAR20)


def test_a_day_of_month_needs_a_reference():
    with pytest.raises(DateNormalizationError, match="reference date"):
        normalize_date("11日")
