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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("去年3月", "2020-03-01", "2020-03-31"),
        ("今年3月", "2021-03-01", "2021-03-31"),
        ("작년 3월", "2020-03-01", "2020-03-31"),
        ("올해 3월", "2021-03-01", "2021-03-31"),
        ("去年12月下旬", "2020-12-21", "2020-12-31"),
        ("今年上半年", "2021-01-01", "2021-06-30"),
        ("下半年", "2021-07-01", "2021-12-31"),
        ("去年年底", "2020-09-01", "2020-12-31"),
        ("올해 초", "2021-01-01", "2021-04-30"),
        ("지난해 말", "2020-09-01", "2020-12-31"),
        ("2020年5月4日付", "2020-05-04", "2020-05-04"),
        ("5월 4일에", "2021-05-04", "2021-05-04"),
        ("5月3日から", "2021-05-03", "2021-05-03"),  # a start with no end: the day it names
        ("5月4日午後3時ごろ", "2021-05-04", "2021-05-04"),
        ("5月3日から5日まで", "2021-05-03", "2021-05-05"),
        ("3〜5日", "2021-06-03", "2021-06-05"),
        ("2020年5月3日至6月1日", "2020-05-03", "2020-06-01"),
        ("5월 3일부터 5일까지", "2021-05-03", "2021-05-05"),
    ],
)
def test_cjk_relative_years_qualifiers_particles_and_ranges(text, start, end):
    result = normalize_date(text, reference=dt.date(2021, 6, 16))
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["5月3日まで", "5월 3일까지"])
def test_cjk_until_is_an_open_bound(text):
    with pytest.raises(DateNormalizationError, match="open-ended bound"):
        normalize_date(text, reference=MAR20)


@pytest.mark.parametrize(
    ("text", "expected", "flagged"),
    [
        ("10/14(月) 18:02", dt.date(2019, 10, 14), False),  # month/day with its weekday
        ("10/13(月)", dt.date(2019, 10, 13), True),  # the 13th was a Sunday
        ("2019年10月13日(月)", dt.date(2019, 10, 13), True),
        ("10月14日(月)", dt.date(2019, 10, 14), False),
        ("2019년 10월 13일 (월)", dt.date(2019, 10, 13), True),
    ],
)
def test_a_written_weekday_is_checked_against_a_cjk_date(text, expected, flagged):
    result = normalize_date(text, reference=dt.date(2019, 10, 15), languages=["ja", "ko"])
    assert (result.start, result.end, result.ambiguous) == (expected, expected, flagged)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明治45年7月30日", dt.date(1912, 7, 30)),  # was 2045: the era was not known
        ("民國109年5月4日", dt.date(2020, 5, 4)),
        ("단기 4354년 3월 1일", dt.date(2021, 3, 1)),  # Korean Dangi era, 2333 BCE
    ],
)
def test_era_years(text, expected):
    assert normalize_date(text).start == expected
