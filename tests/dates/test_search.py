"""find_dates: every date expression in running text, with its span and value."""

import datetime as dt

import pytest

from timeline.dates import DateMention, find_dates
from timeline.dates.search import read_mention

FRI = dt.date(2013, 3, 22)  # a Friday


def found(text, **kwargs):
    return [(m.text, m.value.iso) for m in find_dates(text, **kwargs)]


def test_spans_point_at_the_text_they_read():
    text = "Google followed on 7 July 2020 and Twitter in early July 2020."
    mentions = list(find_dates(text))
    assert all(isinstance(m, DateMention) for m in mentions)
    assert [text[m.span[0] : m.span[1]] for m in mentions] == ["7 July 2020", "early July 2020"]
    assert [m.text for m in mentions] == ["7 July 2020", "early July 2020"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On July 6, 2020, Facebook said it would pause. You may go.",
            [("July 6, 2020", "2020-07-06")],
        ),
        (
            "Monday, July 6, 2020, and on Feb. 17, 2021. Sales fell 5.2% in 2012.",
            [("Monday, July 6, 2020", "2020-07-06"), ("Feb. 17, 2021", "2021-02-17"), ("2012", "2012")],
        ),
        (
            "The law took effect on 30 June 2020 at 11 pm, a week after the vote.",
            [("30 June 2020", "2020-06-30")],
        ),
        (
            "Talks ran from 3 to 5 May 2019 and between 2019 and 2020.",
            [("from 3 to 5 May 2019", "2019-05-03/2019-05-05"), ("between 2019 and 2020", "2019/2020")],
        ),
        (
            "Deaths were reported in the last week, Dr. Jhung said Friday. The pandemic of 2009-2010.",
            [
                ("the last week", "2013-03-11/2013-03-17"),
                ("Friday", "2013-03-22"),
                ("2009-2010", "2009/2010"),
            ],
        ),
        (
            "Three years ago it made 1,500 units; in March it sold 2,000. Q3 2020 was better.",
            [("Three years ago", "2010"), ("March", "2013-03"), ("Q3 2020", "2020-35")],
        ),
        (
            "2020年5月4日付の記事によると、11日に発表された。",
            [("2020年5月4日", "2020-05-04"), ("11日", "2013-03-11")],
        ),
    ],
)
def test_finds_each_date_in_running_text(text, expected):
    assert found(text, reference=FRI) == expected


def test_relative_dates_need_the_reference():
    assert found("Deaths were reported yesterday and on 3 May 2019.") == [("3 May 2019", "2019-05-03")]
    assert found("Deaths were reported yesterday.", reference=FRI) == [("yesterday", "2013-03-21")]


def test_open_bounds_yield_the_date_inside_them():
    assert found("The ban lasts until June 2020; it was in force since 2019.") == [
        ("June 2020", "2020-06"),
        ("2019", "2019"),
    ]


def test_numbers_and_durations_are_not_dates():
    text = "About 1,500 people, 5.2 percent, 12 of them for a week, two years in a row, 17 times."
    assert found(text, reference=FRI) == []


def test_a_lowercase_month_word_that_is_also_a_verb_is_not_a_date():
    assert found("You may march on.", reference=FRI) == []
    assert found("Elections are held in May.", reference=FRI) == [("May", "2013-05")]


def test_other_languages_with_their_hint():
    assert found("Am 3. Mai 2019 und im Juni.", reference=FRI, languages=["de"]) == [
        ("3. Mai 2019", "2019-05-03"),
        ("Juni", "2013-06"),
    ]


def test_empty_text_yields_nothing():
    assert found("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today's hearing", [("today", "2013-03-22")]),
        ("last month's report", [("last month", "2013-02")]),
        ("in the nineties we", [("the nineties", "199X")]),
        ("nineteen ninety-six was hard", [("nineteen ninety-six", "1996")]),
        ("we had two of them", []),
    ],
)
def test_possessives_decades_and_years_in_words(text, expected):
    assert found(text, reference=FRI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the following/previous <unit>" counts from the latest date told, not from the reference.
        (
            "The mine opened on 4 June 2001, and the following year it flooded.",
            [("4 June 2001", "2001-06-04"), ("the following year", "2002")],
        ),
        (
            "She moved to Lyon in March 2010.\n\nThe previous month she had resigned.",
            [("March 2010", "2010-03"), ("The previous month", "2010-02")],
        ),
        (
            "The ferry sank on 2 May 2016. The next day divers found the hull.",
            [("2 May 2016", "2016-05-02"), ("The next day", "2016-05-03")],
        ),
        # "that <unit>", "the same <unit>": the period of the date told, one of its unit first.
        (
            "Exports reached $4 billion in 2014, a record for that year.",
            [("2014", "2014"), ("that year", "2014")],
        ),
        (
            "The strike began on 9 October 2018. Earlier that day, talks had failed.",
            [("9 October 2018", "2018-10-09"), ("Earlier that day", "2018-10-09")],
        ),
        (
            "Profit rose in the first quarter of 2017; on 3 April 2017 it said sales that quarter were flat.",
            [
                ("the first quarter of 2017", "2017-33"),
                ("3 April 2017", "2017-04-03"),
                ("that quarter", "2017-33"),
            ],
        ),
        # With no date told before it (in its paragraph or the one before), it is not guessed.
        ("The following year the mine flooded.", []),
        ("It was 2014.\n\nAnother story.\n\nThat year the mine flooded.", [("2014", "2014")]),
        # "the next week/month/year" looks ahead from the reference.
        (
            "It opened in 2001. Sales will grow in the next year.",
            [("2001", "2001"), ("the next year", "2014")],
        ),
    ],
)
def test_anaphora_counts_from_the_date_the_text_told(text, expected):
    assert found(text, reference=FRI) == expected


def test_read_mention_reads_anaphora_from_the_text_before_it():
    text = "The mine opened on 4 June 2001, and the following year it flooded."
    at = text.index("the following year")
    mention = read_mention(text, at, at + len("the following year"), reference=FRI)
    assert mention.value.iso == "2002"
    text = "The ferry sank on 2 May 2016. The next morning divers found the hull."
    at = text.index("The next morning")
    assert read_mention(text, at, at + len("The next morning"), reference=FRI).value.iso == "2016-05-03"
    assert read_mention("The following year it flooded.", 0, 18, reference=FRI) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number with thousands separators is one number, not a day.
        ("By the close on Friday, 3,250,000 shares had changed hands.", [("Friday", "2013-03-22")]),
        ("The stock fell 3/8 Tuesday to 45 1/4.", [("Tuesday", "2013-03-19")]),
        # A month goes with the day or year after it, never read alone.
        ("Talks went on past the Sept. 9 deadline.", [("Sept. 9", "2012-09-09")]),
        ("He was charged last year in the May 2009 fire.", [("last year", "2012"), ("May 2009", "2009-05")]),
    ],
)
def test_numbers_and_months_keep_together(text, expected):
    assert found(text, reference=FRI) == expected
