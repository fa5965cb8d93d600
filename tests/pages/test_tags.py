import datetime
from types import SimpleNamespace

import pytest

from timeline import charts, selectors
from timeline.templatetags import timeline_tags as tags

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2020, 7, 6), D(2020, 7, 6), "day", "2020-07-06"),
        (D(2020, 7, 1), D(2020, 7, 31), "month", "2020-07"),
        (D(2020, 7, 1), D(2020, 7, 10), "month", "2020-07"),  # early July
        (D(2020, 7, 6), D(2020, 7, 12), "week", "2020-W28"),
        (D(2020, 7, 1), D(2020, 9, 30), "quarter", "2020"),
        (D(2020, 12, 1), D(2021, 2, 28), "season", ""),  # winter 2020-21: no honest value
        (D(2016, 1, 1), D(2016, 12, 31), "year", "2016"),
        (D(1990, 1, 1), D(1999, 12, 31), "decade", ""),
        (D(2020, 6, 30), D(2020, 7, 6), "day", "2020"),  # a range: the finest value holding both
        (D(2020, 7, 1), D(2020, 7, 6), "day", "2020-07"),
    ],
)
def test_html_datetime_never_claims_more_than_the_date(start, end, precision, expected):
    assert tags.html_datetime(start, end, precision) == expected


def event(start, end, precision, pk=1):
    return SimpleNamespace(date_start=start, date_end=end, date_precision=precision, pk=pk)


def test_group_by_period_keeps_coarse_dates_out_of_january():
    groups = tags.group_by_period(
        [
            event(D(2020, 7, 6), D(2020, 7, 6), "day"),
            event(D(2020, 7, 1), D(2020, 7, 31), "month"),
            event(D(2020, 1, 1), D(2020, 1, 1), "day"),
            event(D(2020, 1, 1), D(2020, 12, 31), "year"),
            event(D(2010, 1, 1), D(2019, 12, 31), "decade"),
            event(D(1900, 1, 1), D(1999, 12, 31), "century"),
            event(D(1901, 1, 1), D(1901, 12, 31), "year"),
        ]
    )
    assert [(g.label, [p.label for p in g.periods]) for g in groups] == [
        ("2020", ["July 2020", "January 2020", "2020"]),
        ("2010s", ["2010s"]),
        ("20th century", ["20th century"]),
        ("1901", ["1901"]),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(6, 6, "6 days after"), (1, 1, "1 day after"), (0, 0, "the same day"), (1, 31, "1 to 31 days after")],
)
def test_days_phrase(start, end, expected):
    assert tags.days_phrase(SimpleNamespace(days_from=start, days_to=end)) == expected


def test_chart_handles_a_response_before_the_law_passed():
    actor = SimpleNamespace(name="Early & Co")
    story = selectors.LawStory(
        law="A <law>",
        milestones=[],
        passed=SimpleNamespace(date_start=D(2020, 6, 30)),
        responses=[
            selectors.LawResponse(SimpleNamespace(actor=actor, title="Before"), -3, -3),
            selectors.LawResponse(SimpleNamespace(actor=actor, title="After"), 10, 40),
        ],
        truncated=False,
    )
    svg = str(charts.response_chart(story))
    assert svg.startswith("<svg") and "A &lt;law&gt;" in svg and "Early &amp; Co" in svg
    assert svg.count("<circle") == 1 and svg.count("<rect") == 1
    # the passed line (day 0) sits right of the left edge when a response came before it
    assert '<line class="passed" x1="220.0"' not in svg


def test_options_escape_labels():
    html = str(tags.options([("a", "<b>"), ("b", "B")], "b"))
    assert html == '<option value="a">&lt;b&gt;</option><option value="b" selected>B</option>'


def test_options_escape_values_and_quotes():
    html = str(tags.options([('a"><script>', "O'Brien & Co")], 'a"><script>'))
    assert html == '<option value="a&quot;&gt;&lt;script&gt;" selected>O&#x27;Brien &amp; Co</option>'
