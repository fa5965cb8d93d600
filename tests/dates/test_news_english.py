"""English news wordings: the present, financial quarters, holidays, and dates in running text
read by their clause's tense, with the extent TimeML gives them."""

import datetime as dt

import pytest

from timeline.dates import DateNormalizationError, find_dates, normalize_date
from timeline.dates.clause import clause_tense
from timeline.dates.search import read_mention

WED = dt.date(2021, 11, 3)  # a Wednesday, in the fourth quarter
THU = dt.date(2024, 2, 15)  # a Thursday, in the first quarter


def read(text, reference=WED):
    r = normalize_date(text, reference=reference)
    return r.iso


def found(text, reference=WED, **kwargs):
    return [(m.text, m.value.iso) for m in find_dates(text, reference=reference, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The present is the reference day (TimeML's PRESENT_REF).
        ("currently", "2021-11-03"),
        ("right now", "2021-11-03"),
        ("presently", "2021-11-03"),
        ("nowadays", "2021-11-03"),
        # Possessives.
        ("Tuesday's", "2021-11-02"),
        ("yesterday's", "2021-11-02"),
        # Quarters named by their year.
        ("the 2017 second quarter", "2017-34"),
        ("2019's fourth quarter", "2019-36"),
        ("this year's first quarter", "2021-33"),
        ("next year's second quarter", "2022-34"),
        ("last year's third quarter", "2020-35"),
        ("the year-earlier second quarter", "2020-34"),
        ("the prior-year fourth quarter", "2020-36"),
        # The year-ago quarter: the last ended quarter (Q3 2021), a year before.
        ("last year's quarter", "2020-35"),
        ("the quarter", "2021-35"),
        ("the same quarter last year", "2020-35"),
        ("year-ago", "2020"),
        ("year-earlier", "2020"),
        # Approximate counts.
        ("almost three years ago", "2018~"),
        ("a month or so ago", "2021-10~"),
        ("a fortnight or so ago", "2021-10-20~"),
        # "earlier"/"later" before a day is a time of that day.
        ("Earlier Monday", "2021-11-01"),
        ("later yesterday", "2021-11-02"),
        # Holidays: with a year, that year's; without, the nearest; last/next strictly.
        ("Christmas 2016", "2016-12-25"),
        ("New Year's Eve 2019", "2019-12-31"),
        ("Easter 2019", "2019-04-21"),
        ("Good Friday 2024", "2024-03-29"),
        ("Thanksgiving 2021", "2021-11-25"),
        ("Thanksgiving", "2021-11-25"),
        ("last Thanksgiving", "2020-11-26"),
        ("next Easter", "2022-04-17"),
        ("Memorial Day 2018", "2018-05-28"),
        ("Labor Day 2018", "2018-09-03"),
        ("Election Day 2020", "2020-11-03"),
        ("Halloween", "2021-10-31"),
        # Days said as ordinal words beside a month.
        ("March eighth", "2021-03-08"),
        ("Sunday, March eighth", "2021-03-08"),
        ("the twenty-first of June", "2021-06-21"),
        ("July the thirty-first, 2019", "2019-07-31"),
        ("the second of May, 2021", "2021-05-02"),
        # Quarters counted within a year.
        ("the first two quarters of 2020", "2020-40"),
        ("the last two quarters of 2020", "2020-41"),
        ("the first three quarters of 2020", "2020-01/2020-09"),
    ],
)
def test_english_news_wordings(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "last Christmas 2019",  # its year twice
        "a six-year",  # a length
        "the three day",  # a length ("the three day summit")
        "nearly several years ago",
    ],
)
def test_what_still_names_no_date(text):
    with pytest.raises(DateNormalizationError):
        normalize_date(text, reference=WED)


def test_holidays_need_a_reference_without_a_year():
    with pytest.raises(DateNormalizationError, match="reference"):
        normalize_date("Thanksgiving")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Future tense: the coming weekday (the reference's own weekday stays that day).
        ("The board will meet Friday to vote.", [("Friday", "2021-11-05")]),
        ("Talks are expected to resume on Monday in Geneva.", [("Monday", "2021-11-08")]),
        ("He'll fly to Lagos Tuesday morning.", [("Tuesday morning", "2021-11-09")]),
        ("The vote is scheduled for Wednesday.", [("Wednesday", "2021-11-03")]),
        # Past tense or no marker: the latest one on or before the reference.
        ("The board met Friday to vote.", [("Friday", "2021-10-29")]),
        ("On Monday, the minister resigned.", [("Monday", "2021-11-01")]),
        # A month with no year: the past one in a past-tense clause when the nearest is ahead...
        ("The company was founded in March.", [("March", "2021-03")]),
        ("Shares rose in March, the company said.", [("March", "2021-03")]),
        # ...the coming one in a future-tense clause when the nearest is behind...
        ("The plant will reopen in June.", [("June", "2022-06")]),
        ("The dividend is payable Aug. 2.", [("Aug. 2", "2022-08-02")]),
        # ...and the no-year rule otherwise (the tense moves a date three months or more away).
        ("The plant will reopen in January.", [("January", "2022-01")]),
        ("Sales fell in October.", [("October", "2021-10")]),
        ("Aid would follow the Oct. 12 floods, they said.", [("Oct. 12", "2021-10-12")]),
        # A date naming an event is one that has happened, whatever the verb after it says.
        ("Lawyers will appeal Tuesday's ruling.", [("Tuesday", "2021-11-02")]),
        ("Lawyers will appeal the ruling on Tuesday.", [("Tuesday", "2021-11-09")]),
        ("Insurers would pay for June's storm.", [("June", "2021-06")]),
        ("Insurers would pay for the storm in June.", [("June", "2022-06")]),
        # A date with its year or a relative word is what it says.
        ("The company was founded in February 2022.", [("February 2022", "2022-02")]),
        ("The plant will reopen next June.", [("next June", "2022-06")]),
    ],
)
def test_bare_weekdays_and_months_follow_the_tense_of_their_clause(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a sentence about a quarter, "a year earlier" is the year-ago quarter (Q3 2020).
        (
            "Third-quarter profit rose 8% from a year earlier.",
            [("Third-quarter", "2021-35"), ("a year earlier", "2020-35")],
        ),
        (
            "Net income fell in the quarter, against a gain in the year-ago period.",
            [("the quarter", "2021-35"), ("the year-ago period", "2020-35")],
        ),
        (
            "The latest period's sales beat the quarter's forecast.",
            [("The latest period", "2021-35"), ("the quarter", "2021-35")],
        ),
        (
            "Third-quarter sales rose 8%. A year earlier, the company lost money.",
            [("Third-quarter", "2021-35"), ("A year earlier", "2020-35")],
        ),
        # "the latest period", "the year-earlier period": the quarter the text has named.
        (
            "Acme's third-quarter profit doubled.\n\nShipments grew.\n\nThe latest period had no charges, "
            "unlike the year-earlier period.",
            [
                ("third-quarter", "2021-35"),
                ("The latest period", "2021-35"),
                ("the year-earlier period", "2020-35"),
            ],
        ),
        # A quarter or period of a named year, beside a quarter: that quarter in that year...
        (
            "Sales for the quarter ended Sept. 30 beat the 2019 quarter.",
            [("the quarter", "2021-35"), ("Sept. 30", "2021-09-30"), ("the 2019 quarter", "2019-35")],
        ),
        (
            "Third-quarter sales rose. In the 2020 period, it lost money.",
            [("Third-quarter", "2021-35"), ("the 2020 period", "2020-35")],
        ),
        # ...but after nine months, the period is those months, not a quarter.
        (
            "Third-quarter sales rose. Nine-month sales beat the 2020 period.",
            [("Third-quarter", "2021-35"), ("2020", "2020")],
        ),
        # "year-earlier" with its hyphen; "by year-end" is the end of the year.
        ("Year-earlier results were restated.", [("Year-earlier", "2020")]),
        ("It expects to close the deal by year-end.", [("year-end", "2021-09~/2021-12~")]),
        # Elsewhere a year earlier is the year, and "the latest period" names no quarter.
        ("The mill closed a year earlier.", [("a year earlier", "2020")]),
        ("It was the worst in the latest period of his career.", []),
    ],
)  # fmt: skip
def test_financial_news_compares_quarters(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The start word and the article of an adjectival date are not part of the date.
        ("Prices rose from March 30, 2020 on.", [("March 30, 2020", "2020-03-30")]),
        ("The rule applies effective Jan. 1, 2022.", [("Jan. 1, 2022", "2022-01-01")]),
        ("Beginning of May 2020, it rained.", [("Beginning of May 2020", "2020-05-01~/2020-05-10~")]),
        ("It posted a third-quarter loss.", [("third-quarter", "2021-35")]),
        ("Since the Oct. 23, 2019 raid, nothing.", [("Oct. 23, 2019", "2019-10-23")]),
        ("It was the 2008 crash.", [("2008", "2008")]),
        ("The 1990s were calm.", [("The 1990s", "199X")]),
        ("In the third quarter of 2019 it grew.", [("the third quarter of 2019", "2019-35")]),
        # "nearly", "almost" belong to the count they qualify.
        ("The mill shut nearly four years ago.", [("nearly four years ago", "2017~")]),
        # The time of day belongs to the date; a possessive does not.
        ("Protests began Sunday night in the capital.", [("Sunday night", "2021-10-31")]),
        ("Tuesday's vote was close.", [("Tuesday", "2021-11-02")]),
        # A full stop after a day ends the sentence before a capital that is no date.
        ("It was set on Aug. 26. A year later it fell.", [("Aug. 26", "2021-08-26")]),
        # The present.
        ("Inflation is now 5%, and currently rising.", [("now", "2021-11-03"), ("currently", "2021-11-03")]),
        # Holidays in running text.
        ("He came home on Thanksgiving Day.", [("Thanksgiving Day", "2021-11-25")]),
        ("They met on Christmas Eve 2015 in Rome.", [("Christmas Eve 2015", "2015-12-24")]),
    ],
)  # fmt: skip
def test_extent_as_timeml_marks_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell about 1.9% to 2681.76.",
        "The index closed at 2082.1, up 3.5.",
        "It hit a six-year high after a 10-day strike.",
        "Sun Microsystems and Jan Smit said prices fall.",
        "a 30-year-old man",
        "A quarter of the vote went to him.",
        # Lengths with a space, counts before a unit, ages and a march's name.
        "A two day meeting opened.",
        "The ruins stood for two thousand years.",
        "The pilot was in his 40s; she is in her early thirties.",
        "Thousands joined the March for Peace and the March of Dimes.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In running news text "the year" is the reference's year...
        ("Shares hit a high for the year, then fell in June.", [("the year", "2021"), ("June", "2021-06")]),
        ("For the full year, sales grew 4%.", [("the full year", "2021")]),
        # ...but not a fiscal year, the year before or after another, or a year of something.
        ("Sales for the year ended June 30 rose.", [("June 30", "2021-06-30")]),
        ("It lost money the year before.", []),
        ("He was named player of the year of the league.", []),
        ("The year was 1990.", [("1990", "1990")]),
        ("She was named Person of the Year.", []),
        # "by year end", "a week or so ago" as news writes them.
        ("Jobs will be cut by year end.", [("year end", "2021-09~/2021-12~")]),
        ("It fell a week or so ago.", [("a week or so ago", "2021-10-27~")]),
    ],
)
def test_the_year_in_running_text(text, expected):
    assert found(text) == expected


def test_the_year_alone_names_no_date():
    with pytest.raises(DateNormalizationError):
        normalize_date("the year", reference=WED)


def test_an_ordinal_word_after_a_month_is_a_day_only_where_a_day_ends():
    assert found("The rally is on March eighth. In June first prizes went out.") == [
        ("March eighth", "2021-03-08"),
        ("June", "2021-06"),
    ]
    assert found("It rained on June twenty-first, 2019 and the fifth of May.") == [
        ("June twenty-first, 2019", "2019-06-21"),
        ("the fifth of May", "2021-05-05"),
    ]


def test_abbreviated_names_with_a_number_or_full_stop_are_dates():
    assert found("It opened Sun 7 Nov 2021.") == [("Sun 7 Nov 2021", "2021-11-07")]
    assert found("It opened Wed., Jan. 5.", reference=WED) == [("Wed., Jan. 5", "2022-01-05")]
    assert found("They met last fall and in the fall of 2019.", reference=THU) == [
        ("last fall", "2023-23"),
        ("the fall of 2019", "2019-23"),
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("The committee will meet on ", " to decide.", "future"),
        ("Officials said they would decide by ", ".", "future"),
        ("The firm expects to close the deal ", ".", "future"),
        ("The bank raised rates on ", ".", "past"),
        ("The minister spoke on ", ".", "past"),
        ("Rates are high. The bank will act; it raised rates on ", ".", "past"),
        ("On ", ", the bank raised rates.", "past"),
        ("On ", ", the bank will raise rates.", "future"),
        ("The meeting on ", " is important.", None),
        ("Farmers were planning to block the bridge on ", ".", "future"),
        ("Until ", ", the police had no suspect.", "past"),
        ("Until ", ", the museum stays shut.", "future"),
        ("The road stays closed until ", ", officials said.", "future"),
        # A passive takes the tense of its auxiliary.
        ("The winner will be announced on ", ".", "future"),
        ("The winner was announced on ", ".", "past"),
        ("The winner has been announced since ", ".", "past"),
    ],
)
def test_clause_tense(before, after, expected):
    text = before + "Monday" + after
    assert clause_tense(text, len(before), len(before) + len("Monday")) == expected


def test_tense_never_moves_a_date_without_a_reference():
    assert found("The board will meet Friday, 5 November 2021.", reference=None) == [
        ("Friday, 5 November 2021", "2021-11-05")
    ]
    assert found("The board will meet Friday.", reference=None) == []


def test_read_mention_reads_a_span_in_its_sentence():
    text = "The board will meet Friday. Profit rose in the quarter from a year earlier."
    friday = text.index("Friday")
    mention = read_mention(text, friday, friday + len("Friday"), reference=WED)
    assert (mention.text, mention.value.iso) == ("Friday", "2021-11-05")
    at = text.index("a year earlier")
    assert read_mention(text, at, at + len("a year earlier"), reference=WED).value.iso == "2020-35"
    assert read_mention(text, 0, len("The board"), reference=WED) is None


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # No year: the next one when it is at most four months ahead...
        ("January", WED, "2022-01"),
        ("March", WED, "2022-03"),
        ("March 3", WED, "2022-03-03"),
        ("Nov. 20", WED, "2021-11-20"),
        ("Feb. 29", THU, "2024-02-29"),
        ("June", THU, "2024-06"),
        # ...otherwise the latest one on or before the reference.
        ("March 4", WED, "2021-03-04"),
        ("April", WED, "2021-04"),
        ("mid-June", WED, "2021-06-11~/2021-06-20~"),
        ("Nov. 1", WED, "2021-11-01"),
        ("November", WED, "2021-11"),
        ("July", THU, "2023-07"),
        ("Dec 28", dt.date(2021, 1, 3), "2020-12-28"),
    ],
)
def test_a_date_without_its_year_leans_to_the_past(text, reference, expected):
    assert read(text, reference) == expected
