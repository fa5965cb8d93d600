"""The import reads each distinct date once: what its cache keys leave out must not change a reading.

An ISO calendar date is read once whatever the row's languages, date order and reference
(``rows.normalize``); the engine must read it the same in every one of them.
"""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateNormalizationError, normalize_date
from timeline.importing import rows

LANGUAGES = ["en", "fr", "de", "es", "pt", "zh", "ja", "ko", "ar", "ru", "tr", "hi", "th", "fa", "he"]
ORDERS = [None, "DMY", "MDY", "YMD"]


def _reading(text, **context):
    try:
        result = normalize_date(text, **context)
    except DateNormalizationError as error:
        return ("refused", error.reason)
    return (result.start, result.end, result.precision, result.approximate, result.ambiguous)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.lists(st.sampled_from(LANGUAGES), max_size=3, unique=True),
    st.sampled_from(ORDERS),
)
def test_an_iso_day_reads_the_same_in_any_context(day, reference, languages, order):
    text = day.isoformat()
    alone = _reading(text)
    assert alone == (day, day, "day", False, False)
    assert _reading(text, reference=reference, languages=languages or None, date_order=order) == alone


def test_the_importer_reads_an_iso_day_once_for_every_context():
    rows._normalize.cache_clear()
    for languages, order in [((), None), (("de", "en"), "DMY"), (("en",), "MDY"), (("zh", "en"), "YMD")]:
        result, reason = rows.normalize("2020-07-06", dt.date(2020, 7, 9), languages, order)
        assert reason is None and (result.start, result.precision) == (dt.date(2020, 7, 6), "day")
    assert rows._normalize.cache_info().misses == 1


def test_a_day_not_in_iso_form_is_read_in_its_context():
    day_first, _ = rows.normalize("05/07/2020", None, ("en",), "DMY")
    month_first, _ = rows.normalize("05/07/2020", None, ("en",), "MDY")
    assert (day_first.start, month_first.start) == (dt.date(2020, 7, 5), dt.date(2020, 5, 7))
