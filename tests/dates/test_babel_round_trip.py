"""Any date Babel (CLDR) writes in a news language reads back as that day, with or without the
language (the whole table for every language is bench/dates_roundtrip.py's)."""

import datetime as dt

import babel.dates
import babel.localedata
from dateparser.data import languages_info
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateNormalizationError, normalize_date

LANGUAGES = [
    "en", "fr", "de", "es", "pt", "it", "ru", "uk", "zh", "ja", "ko", "ar", "tr", "nl", "pl", "sv",
    "vi", "id", "el", "he", "fa", "hi", "th",
]  # fmt: skip
days = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, st.sampled_from(LANGUAGES), st.sampled_from(["full", "long"]), st.booleans())
def test_babel_full_and_long_dates_read_back(day, language, width, hinted):
    text = babel.dates.format_date(day, width, locale=language)
    result = normalize_date(text, languages=[language] if hinted else None)
    if not hinted and result.ambiguous:
        # Without a language, a month word two languages read differently is flagged, never
        # guessed ("1 listopada 2000": November in Polish, October in Croatian).
        assert "give its language" in result.note, text
        return
    assert (result.start, result.end) == (day, day), text
    assert not result.ambiguous, text


@settings(max_examples=200, deadline=None)
@given(days, st.sampled_from(LANGUAGES))
def test_babel_year_and_month_read_back_as_the_month(day, language):
    text = babel.dates.format_skeleton("yMMMM", day, locale=language)
    result = normalize_date(text, languages=[language])
    assert (result.start, result.precision) == (day.replace(day=1), "month"), text


def _languages_of_both():
    known = set(babel.localedata.locale_identifiers())
    return sorted(code for code in languages_info.language_order if "-" not in code and code in known)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(days, st.sampled_from(_languages_of_both()), st.sampled_from(["full", "long", "medium"]))
def test_every_language_reads_its_cldr_dates_back_with_its_language(day, language, width):
    # All 189 languages dateparser and Babel share (bench/dates_roundtrip.py measures 100%).
    text = babel.dates.format_date(day, width, locale=language)
    result = normalize_date(text, languages=[language])
    assert (result.start, result.end, result.ambiguous) == (day, day, False), text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(days, st.sampled_from(_languages_of_both()), st.sampled_from(["full", "long", "medium"]))
def test_without_its_language_a_cldr_date_is_read_right_or_flagged_never_wrong(day, language, width):
    text = babel.dates.format_date(day, width, locale=language)
    try:
        result = normalize_date(text)
    except DateNormalizationError:
        return  # refused: safe
    if result.ambiguous:
        return  # flagged for review: safe
    # Read as another date only where English reads the abbreviation first, by design ("28 may
    # 2034" is 28 October in Duala, "14 Mar 2011" May in Teso).
    english = {w.rstrip(",.") for w in text.lower().split()} & {"may", "mar"}
    assert (result.start, result.end) == (day, day) or english, text
