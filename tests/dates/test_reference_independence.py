"""A date that reads without a reference reads the same against any reference.

The reference only places relative text and fills missing years; the importer relies on this to
read each distinct absolute date text once, whatever each row's publication date.
"""

import datetime as dt

import babel.dates
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateNormalizationError, normalize_date

LANGUAGES = ["en", "fr", "de", "es", "pt", "it", "ru", "zh", "ja", "ko", "ar", "tr", "nl", "pl"]
days = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))
references = st.dates(dt.date(1980, 1, 1), dt.date(2045, 12, 31))

WRITTEN = [
    "2020-07-06", "20200706", "July 2020", "2020", "Q3 2020", "summer 2019", "mid-2020",
    "the 2010s", "c. 2015", "early July 2020", "week of July 6, 2020", "Monday, July 6, 2020",
    "about July 6, 2020", "June 30 - July 6, 2020", "28 December to 3 January 2020",
    "between June 30 and July 6, 2020", "June-July 2020", "2019-20", "the 20th century",
    "am 3. Mai 2019", "le 4 mai 2020", "el 4 de mayo de 2020", "2020年6月30日", "2020년 5월 4일",
    "4 Mayıs 2020'de", "от 4 мая 2020 года", "the end of 2019", "in the 2019 calendar year",  # noqa: RUF001
]  # fmt: skip


def _reading(text, reference=None, languages=None):
    try:
        result = normalize_date(text, reference=reference, languages=languages)
    except DateNormalizationError as error:
        return ("refused", error.reason)
    return (result.start, result.end, result.precision, result.approximate, result.ambiguous)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.sampled_from(WRITTEN), references)
def test_written_dates_read_the_same_against_any_reference(text, reference):
    alone = _reading(text)
    assert alone[0] != "refused", alone
    assert _reading(text, reference) == alone, (text, reference)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(days, references, st.sampled_from(LANGUAGES), st.sampled_from(["full", "long", "medium", "yMMMM"]))
def test_cldr_dates_read_the_same_against_any_reference(day, reference, language, width):
    if width == "yMMMM":
        text = babel.dates.format_skeleton(width, day, locale=language)
    else:
        text = babel.dates.format_date(day, width, locale=language)
    alone = _reading(text, languages=[language])
    if alone[0] == "refused":
        return
    assert _reading(text, reference, [language]) == alone, (text, reference)
