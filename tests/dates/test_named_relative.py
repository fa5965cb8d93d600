"""Months, seasons and quarters named relative to the reference (classes 4, 9, 11 of issue 12)."""

import datetime as dt

import pytest

from timeline.dates import normalize_date

MAR1 = dt.date(1998, 3, 1)
JUL10 = dt.date(1998, 7, 10)
NOV2 = dt.date(1989, 11, 2)


@pytest.mark.parametrize(
    ("text", "kwargs", "start", "end"),
    [
        ("last May", {"reference": MAR1}, "1997-05-01", "1997-05-31"),
        ("last February", {"reference": MAR1}, "1998-02-01", "1998-02-28"),  # the one just past
        ("last March", {"reference": MAR1}, "1997-03-01", "1997-03-31"),  # not the current month
        ("this September", {"reference": MAR1}, "1998-09-01", "1998-09-30"),
        ("next March", {"reference": MAR1}, "1999-03-01", "1999-03-31"),
        ("June last year", {"reference": MAR1}, "1997-06-01", "1997-06-30"),
        ("in March of last year", {"reference": MAR1}, "1997-03-01", "1997-03-31"),
        ("January this year", {"reference": MAR1}, "1998-01-01", "1998-01-31"),
        ("late last July", {"reference": MAR1}, "1997-07-21", "1997-07-31"),
        ("this summer", {"reference": MAR1}, "1998-06-01", "1998-08-31"),
        ("last summer", {"reference": JUL10}, "1997-06-01", "1997-08-31"),
        ("last winter", {"reference": MAR1}, "1997-12-01", "1998-02-28"),
        ("this past spring", {"reference": JUL10}, "1998-03-01", "1998-05-31"),
        ("im vergangenen März", {"reference": MAR1, "languages": ["de"]}, "1997-03-01", "1997-03-31"),
        ("en mars dernier", {"reference": MAR1}, "1997-03-01", "1997-03-31"),
        ("el pasado marzo", {"reference": MAR1}, "1997-03-01", "1997-03-31"),
        ("aprile scorso", {"reference": MAR1}, "1997-04-01", "1997-04-30"),
        ("geçen mart", {"reference": MAR1}, "1997-03-01", "1997-03-31"),
        # Financial news: a quarter with no year is the latest one that has begun.
        ("the third quarter", {"reference": NOV2}, "1989-07-01", "1989-09-30"),
        ("third-quarter", {"reference": NOV2}, "1989-07-01", "1989-09-30"),
        ("the fourth quarter", {"reference": NOV2}, "1989-10-01", "1989-12-31"),
        ("the fourth quarter", {"reference": MAR1}, "1997-10-01", "1997-12-31"),
        ("the year-ago quarter", {"reference": NOV2}, "1988-07-01", "1988-09-30"),
        ("the latest quarter", {"reference": NOV2}, "1989-07-01", "1989-09-30"),
        ("this quarter", {"reference": NOV2}, "1989-10-01", "1989-12-31"),
    ],
)
def test_named_relative(text, kwargs, start, end):
    result = normalize_date(text, **kwargs)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)
