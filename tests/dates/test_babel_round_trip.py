"""Any date Babel (CLDR) writes in a news language reads back as that day, with or without the
language (the whole table for every language is bench/dates_roundtrip.py's)."""

import datetime as dt

import babel.dates
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import normalize_date

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
