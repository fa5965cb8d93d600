"""EDTF output reads back, with python-edtf, as exactly the range it came from."""

import datetime as dt

import pytest
from edtf import parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import PRECISIONS, edtf, normalize_date
from timeline.dates.calendar_math import _period


def edtf_range(value):
    parsed = parse_edtf(value)
    return dt.date(*parsed.lower_strict()[:3]), dt.date(*parsed.upper_strict()[:3])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 July 2020", "2020-07-06"),
        ("c. 6 July 2020", "2020-07-06~"),
        ("July 2020", "2020-07"),
        ("about July 2020", "2020-07~"),
        ("early July 2020", "2020-07-01~/2020-07-10~"),
        ("mid-July 2020", "2020-07-11~/2020-07-20~"),
        ("late February 2020", "2020-02-21~/2020-02-29~"),
        ("2020-W28", "2020-07-06/2020-07-12"),
        ("early in the week of 6 July 2020", "2020-07-06~/2020-07-07~"),
        ("Q3 2020", "2020-35"),
        ("c. Q3 2020", "2020-07~/2020-09~"),
        ("early Q3 2020", "2020-07~"),
        ("summer 2020", "2020-22"),
        ("around summer 2020", "2020-06~/2020-08~"),
        ("winter 2020", "2020-12/2021-02"),
        ("late winter 2020", "2021-02~"),
        ("H1 2021", "2021-40"),
        ("second half of 2021", "2021-41"),
        ("2016", "2016"),
        ("c. 2016", "2016~"),
        ("late 2016", "2016-09~/2016-12~"),
        ("mid-to-late 2019", "2019-05~/2019-12~"),
        ("the 1990s", "199X"),
        ("around the 1990s", "199X~"),
        ("the early 1990s", "1990~/1993~"),
        ("June 30 - July 6, 2020", "2020-06-30/2020-07-06"),
        ("2019-2020", "2019/2020"),
        ("late 2019 to early 2020", "2019-09~/2020-04~"),
        ("June - August 2020", "2020-06/2020-08"),
    ],
)
def test_every_precision_and_qualifier_reads_back_exactly(text, expected):
    result = normalize_date(text)
    assert result.iso == expected
    assert edtf_range(result.iso) == (result.start, result.end)
    assert edtf(result.start, result.end, result.precision, result.approximate) == result.iso
    # And the engine reads its own output back as the same range.
    assert (normalize_date(result.iso).start, normalize_date(result.iso).end) == (result.start, result.end)


@settings(max_examples=400, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2090, 12, 31)),
    st.sampled_from(PRECISIONS),
    st.booleans(),
    st.sampled_from([None, "early", "mid", "late", "early to mid", "mid to late"]),
)
def test_any_stored_date_reads_back_exactly(day, precision, approximate, qualifier):
    start, end = _period(day, precision)  # what a stored date of that precision spans
    if qualifier is not None and precision != "day":
        # The stored range of "early July 2020", "mid-to-late 2019", "late in the week of ...".
        named = {"week": f"the week of {start.isoformat()}", "season": None}.get(precision, start.isoformat())
        if named is not None and precision in ("week", "month", "year"):
            text = {"week": named, "month": f"{start:%B %Y}", "year": str(start.year)}[precision]
            narrowed = normalize_date(f"{qualifier.replace(' ', '-')} {text}")
            start, end = narrowed.start, narrowed.end
    value = edtf(start, end, precision, approximate)
    assert edtf_range(value) == (start, end), value
    assert value.endswith("~") is approximate
