"""Table-driven tests of timeline.dates: phrasing as news and official sources write dates."""

import datetime as dt

import pytest

from timeline import dates
from timeline.dates import DateNormalizationError, NormalizedDate, format_display, normalize_date

WED = dt.date(2020, 7, 8)  # a Wednesday: the reference for most relative cases
MON = dt.date(2020, 7, 6)  # a Monday
JAN3 = dt.date(2021, 1, 3)  # a Sunday, early in the year


def case(text, start, end=None, precision="day", approx=False, ambiguous=False, **kwargs):
    return pytest.param(
        text, kwargs, start, end or start, precision, approx, ambiguous, id=f"{text}|{kwargs or ''}"
    )


CASES = [
    # --- ISO and other machine formats -----------------------------------------------------
    case("2020", "2020-01-01", "2020-12-31", "year"),
    case("2020-07", "2020-07-01", "2020-07-31", "month"),
    case("2020-02", "2020-02-01", "2020-02-29", "month"),
    case("2021-02", "2021-02-01", "2021-02-28", "month"),
    case("2020-07-06", "2020-07-06"),
    case("20200630", "2020-06-30"),
    case("2020-W28", "2020-07-06", "2020-07-12", "week"),
    case("2020W28", "2020-07-06", "2020-07-12", "week"),
    case("2020-W01", "2019-12-30", "2020-01-05", "week"),
    case("2020-W53", "2020-12-28", "2021-01-03", "week"),
    case("2020-W28-1", "2020-07-06"),
    case("2020-07-06T23:30:00-04:00", "2020-07-06"),
    case("2020-07-06T00:15:00+08:00", "2020-07-06"),
    case("2020-07-06T23:59:59Z", "2020-07-06"),
    case("2020-07-06 14:05", "2020-07-06"),
    case("2020-07-06T14:05:09.123456", "2020-07-06"),
    case("20200630T120000Z", "2020-06-30"),
    case("2020/07/06", "2020-07-06"),
    case("2020.07.06", "2020-07-06"),
    case("2020/7/6", "2020-07-06"),
    case("2020-22", "2020-06-01", "2020-08-31", "season"),
    case("2020-24", "2020-12-01", "2021-02-28", "season"),
    case("2020-35", "2020-07-01", "2020-09-30", "quarter"),
    case("2021-40", "2021-01-01", "2021-06-30", "year"),
    case("199X", "1990-01-01", "1999-12-31", "decade"),
    case("  2020-07-06  ", "2020-07-06"),
    case("(2020)", "2020-01-01", "2020-12-31", "year"),
    # --- English long forms ------------------------------------------------------------------
    case("Monday, July 6, 2020", "2020-07-06"),
    case("Monday July 6 2020", "2020-07-06"),
    case("MONDAY, JULY 6, 2020", "2020-07-06"),
    case("6 July 2020", "2020-07-06"),
    case("July 6th, 2020", "2020-07-06"),
    case("July 6, 2020", "2020-07-06"),
    case("June 30, 2020", "2020-06-30"),
    case("Feb. 17, 2021", "2021-02-17"),
    case("Feb 17 2021", "2021-02-17"),
    case("Tuesday 12th January 2021", "2021-01-12"),
    case("Tuesday, 12 January, 2021", "2021-01-12"),
    case("Sept. 3, 2019", "2019-09-03"),
    case("Sep 3, 2019", "2019-09-03"),
    case("on 3 March 2021", "2021-03-03"),
    case("On Jan. 17, 2025", "2025-01-17"),
    case("the 1st of April 2019", "2019-04-01"),
    case("1st April 2019", "2019-04-01"),
    case("April 1st 2019", "2019-04-01"),
    case("22nd Sept 2018", "2018-09-22"),
    case("3rd of June, 2021", "2021-06-03"),
    case("Wed., Dec. 9, 2020", "2020-12-09"),
    case("Thurs, Nov 5th 2020", "2020-11-05"),
    case("Sat 29 Feb 2020", "2020-02-29"),
    case("29-Feb-2020", "2020-02-29"),
    case("06-Jul-2020", "2020-07-06"),
    case("6-Jul-20", "2020-07-06"),
    case("2020-Jul-06", "2020-07-06"),
    case("06 JUL 2020", "2020-07-06"),
    case("July 6, 2020 at 10:30 a.m. ET", "2020-07-06"),
    case("July 6, 2020, 9:41 PM EDT", "2020-07-06"),
    case("6 July 2020 14:00 BST", "2020-07-06"),
    case("Mon 6 Jul 2020 23:12 HKT", "2020-07-06"),
    case("July 6, 2020 11:59 p.m.", "2020-07-06"),
    case("Published: July 6, 2020", "2020-07-06"),
    case("Updated July 7, 2020 5:02 am UTC", "2020-07-07"),
    case("dated 30 June 2020", "2020-06-30"),
    case("as of 1 Jan 2021", "2021-01-01"),
    case("“July 6, 2020”", "2020-07-06"),
    case("Monday, July 7, 2020", "2020-07-07", ambiguous=True),  # 7 July 2020 was a Tuesday
    # --- numeric dates -----------------------------------------------------------------------
    case("05/07/2020", "2020-07-05", ambiguous=True),
    case("05/07/2020", "2020-07-05", date_order="DMY"),
    case("05/07/2020", "2020-05-07", date_order="MDY"),
    case("07/06/2020", "2020-07-06", date_order="MDY"),
    case("13/07/2020", "2020-07-13"),
    case("07/13/2020", "2020-07-13"),
    case("07/13/2020", "2020-07-13", ambiguous=True, date_order="DMY"),
    case("07/07/2020", "2020-07-07"),
    case("30/06/2020", "2020-06-30", date_order="MDY", ambiguous=True),
    case("1/7/2020", "2020-07-01", date_order="DMY"),
    case("7/1/2020", "2020-07-01", date_order="MDY"),
    case("17.02.2021", "2021-02-17"),
    case("17.02.2021", "2021-02-17", languages=["de"]),
    case("06.07.2020", "2020-07-06", languages=["de"]),
    # No CLDR locale writes a dotted date month first: day first, not flagged.
    case("06.07.2020", "2020-07-06"),
    case("12.25.2020", "2020-12-25", ambiguous=True),
    case("6-7-2020", "2020-07-06", date_order="DMY"),
    case("06.07.20", "2020-07-06", date_order="DMY"),
    case("07/06/20", "2020-07-06", date_order="MDY"),
    case("20/07/06", "2020-07-06", date_order="YMD"),
    case("31/12/99", "1999-12-31"),
    case("31/12/49", "2049-12-31"),
    case("1/2/50", "1950-02-01", date_order="DMY"),
    case("06/07/2020", "2020-07-06", languages=["en-GB"]),
    case("06/07/2020", "2020-06-07", languages=["en-US"]),
    case("05/07/2020", "2020-07-05", ambiguous=True, languages=["zh"]),
    case("2020:07:06", "2020-07-06"),
    case("2021. 8. 31.", "2021-08-31"),
    # --- months, years, quarters, halves, seasons, decades, weeks ------------------------------
    case("July 2020", "2020-07-01", "2020-07-31", "month"),
    case("Jul 2020", "2020-07-01", "2020-07-31", "month"),
    case("Jul. 2020", "2020-07-01", "2020-07-31", "month"),
    case("July, 2020", "2020-07-01", "2020-07-31", "month"),
    case("in July of 2020", "2020-07-01", "2020-07-31", "month"),
    case("February 2020", "2020-02-01", "2020-02-29", "month"),
    case("2020 July", "2020-07-01", "2020-07-31", "month"),
    case("in 2012", "2012-01-01", "2012-12-31", "year"),
    case("In 2012", "2012-01-01", "2012-12-31", "year"),
    case("the year 2012", "2012-01-01", "2012-12-31", "year"),
    case("during 2019", "2019-01-01", "2019-12-31", "year"),
    case("Q3 2020", "2020-07-01", "2020-09-30", "quarter"),
    case("Q1 2021", "2021-01-01", "2021-03-31", "quarter"),
    case("Q4/2019", "2019-10-01", "2019-12-31", "quarter"),
    case("Q2'20", "2020-04-01", "2020-06-30", "quarter"),
    case("2020 Q3", "2020-07-01", "2020-09-30", "quarter"),
    case("2020-Q3", "2020-07-01", "2020-09-30", "quarter"),
    case("third quarter of 2020", "2020-07-01", "2020-09-30", "quarter"),
    case("the fourth quarter of 2019", "2019-10-01", "2019-12-31", "quarter"),
    case("in the first quarter of 2021", "2021-01-01", "2021-03-31", "quarter"),
    case("2Q 2020", "2020-04-01", "2020-06-30", "quarter"),
    case("first half of 2021", "2021-01-01", "2021-06-30", "year"),
    case("the second half of 2020", "2020-07-01", "2020-12-31", "year"),
    case("H1 2021", "2021-01-01", "2021-06-30", "year"),
    case("H2 2019", "2019-07-01", "2019-12-31", "year"),
    case("1H 2021", "2021-01-01", "2021-06-30", "year"),
    case("summer 2020", "2020-06-01", "2020-08-31", "season"),
    case("Summer of 2020", "2020-06-01", "2020-08-31", "season"),
    case("spring 2019", "2019-03-01", "2019-05-31", "season"),
    case("autumn 2018", "2018-09-01", "2018-11-30", "season"),
    case("fall 2018", "2018-09-01", "2018-11-30", "season"),
    case("in the fall of 2021", "2021-09-01", "2021-11-30", "season"),
    case("winter 2020", "2020-12-01", "2021-02-28", "season"),
    case("winter 2019/20", "2019-12-01", "2020-02-29", "season"),
    case("winter 2019-2020", "2019-12-01", "2020-02-29", "season"),
    case("the 1990s", "1990-01-01", "1999-12-31", "decade"),
    case("1990s", "1990-01-01", "1999-12-31", "decade"),
    case("1990's", "1990-01-01", "1999-12-31", "decade"),
    case("the 2010s", "2010-01-01", "2019-12-31", "decade"),
    case("the '90s", "1990-01-01", "1999-12-31", "decade"),
    case("the nineties", "1990-01-01", "1999-12-31", "decade"),
    case("the 2000s", "2000-01-01", "2009-12-31", "decade"),
    case("week of July 6, 2020", "2020-07-06", "2020-07-12", "week"),
    case("the week of 8 July 2020", "2020-07-06", "2020-07-12", "week"),
    case("week 28 of 2020", "2020-07-06", "2020-07-12", "week"),
    case("week 28, 2020", "2020-07-06", "2020-07-12", "week"),
    case("the first week of July 2020", "2020-06-29", "2020-07-05", "week"),
    case("in the second week of July 2020", "2020-07-06", "2020-07-12", "week"),
    case("the last week of June 2020", "2020-06-29", "2020-07-05", "week"),
    case("Jan-2021", "2021-01-01", "2021-01-31", "month"),
    case("January '21", "2021-01-01", "2021-01-31", "month"),
    case("1/2021", "2021-01-01", "2021-01-31", "month"),
    case("4Q20", "2020-10-01", "2020-12-31", "quarter"),
    case("the mid 2020s", "2024-01-01", "2026-12-31", "decade", approx=True),
    # --- qualifiers ---------------------------------------------------------------------------
    case("mid-2019", "2019-05-01", "2019-08-31", "year", approx=True),
    case("mid 2019", "2019-05-01", "2019-08-31", "year", approx=True),
    case("late 2016", "2016-09-01", "2016-12-31", "year", approx=True),
    case("early 2021", "2021-01-01", "2021-04-30", "year", approx=True),
    case("Early 2021", "2021-01-01", "2021-04-30", "year", approx=True),
    case("in early 2021", "2021-01-01", "2021-04-30", "year", approx=True),
    case("c. 2016", "2016-01-01", "2016-12-31", "year", approx=True),
    case("c.2016", "2016-01-01", "2016-12-31", "year", approx=True),
    case("ca. 2016", "2016-01-01", "2016-12-31", "year", approx=True),
    case("circa 1999", "1999-01-01", "1999-12-31", "year", approx=True),
    case("around March 2020", "2020-03-01", "2020-03-31", "month", approx=True),
    case("about 2015", "2015-01-01", "2015-12-31", "year", approx=True),
    case("approximately June 2018", "2018-06-01", "2018-06-30", "month", approx=True),
    case("sometime in 2017", "2017-01-01", "2017-12-31", "year", approx=True),
    case("2016?", "2016-01-01", "2016-12-31", "year", approx=True),
    case("~2016", "2016-01-01", "2016-12-31", "year", approx=True),
    case("early July 2020", "2020-07-01", "2020-07-10", "month", approx=True),
    case("mid-July 2020", "2020-07-11", "2020-07-20", "month", approx=True),
    case("late July 2020", "2020-07-21", "2020-07-31", "month", approx=True),
    case("late February 2020", "2020-02-21", "2020-02-29", "month", approx=True),
    case("the end of June 2020", "2020-06-21", "2020-06-30", "month", approx=True),
    case("the beginning of 2020", "2020-01-01", "2020-04-30", "year", approx=True),
    case("end of 2020", "2020-09-01", "2020-12-31", "year", approx=True),
    case("mid-to-late 2019", "2019-05-01", "2019-12-31", "year", approx=True),
    case("early-to-mid 2019", "2019-01-01", "2019-08-31", "year", approx=True),
    case("the early 1990s", "1990-01-01", "1993-12-31", "decade", approx=True),
    case("the mid-1990s", "1994-01-01", "1996-12-31", "decade", approx=True),
    case("late 1990s", "1997-01-01", "1999-12-31", "decade", approx=True),
    case("late Q3 2020", "2020-09-01", "2020-09-30", "quarter", approx=True),
    case("early summer 2020", "2020-06-01", "2020-06-30", "season", approx=True),
    case("around July 6, 2020", "2020-07-06", approx=True),
    case("on or about July 6, 2020", "2020-07-06", approx=True),
    case("early-2021", "2021-01-01", "2021-04-30", "year", approx=True),
    case("end-2020", "2020-09-01", "2020-12-31", "year", approx=True),
    case("early on July 6, 2020", "2020-07-06"),  # the time of day: exact day
    case("late on 30 June 2020", "2020-06-30"),
    # --- relative to the reference ------------------------------------------------------------
    case("yesterday", "2020-07-07", reference=WED),
    case("Yesterday", "2020-07-07", reference=WED),
    case("today", "2020-07-08", reference=WED),
    case("earlier today", "2020-07-08", reference=WED),
    case("this morning", "2020-07-08", reference=WED),
    case("last night", "2020-07-07", reference=WED),
    case("tomorrow", "2020-07-09", reference=WED),
    case("the day before yesterday", "2020-07-06", reference=WED),
    case("last Monday", "2020-07-06", reference=WED),
    case("on Monday", "2020-07-06", reference=WED),
    case("Monday", "2020-07-06", reference=WED),
    case("Monday morning", "2020-07-06", reference=WED),
    # A bare weekday that is the reference's own weekday is the reference day; "last" is before.
    case("late Wednesday", "2020-07-08", reference=WED),
    case("Wednesday", "2020-07-08", reference=WED),
    case("on Wednesday", "2020-07-08", reference=WED),
    case("last Wednesday", "2020-07-01", reference=WED),
    case("on Tuesday", "2020-07-07", reference=WED),
    case("last Friday", "2020-07-03", reference=WED),
    case("Sunday", "2020-07-05", reference=MON),
    case("last Monday", "2020-06-29", reference=MON),
    case("on Monday", "2020-07-06", reference=MON),
    case("Monday", "2020-07-06", reference=MON),
    case("next Monday", "2020-07-13", reference=WED),
    case("on Thursday", "2020-07-02", reference=WED),
    case("a week ago", "2020-07-01", reference=WED),
    case("one week ago", "2020-07-01", reference=WED),
    case("two days earlier", "2020-07-06", reference=WED),
    case("3 days ago", "2020-07-05", reference=WED),
    case("three days ago", "2020-07-05", reference=WED),
    case("10 days ago", "2020-06-28", reference=WED),
    case("two weeks ago", "2020-06-24", reference=WED),
    case("a fortnight ago", "2020-06-24", reference=WED),
    case("a couple of days ago", "2020-07-06", reference=WED),
    case("a day later", "2020-07-09", reference=WED),
    case("two days later", "2020-07-10", reference=WED),
    case("the next day", "2020-07-09", reference=WED),
    case("the following day", "2020-07-09", reference=WED),
    case("the previous day", "2020-07-07", reference=WED),
    case("two months ago", "2020-05-01", "2020-05-31", "month", reference=WED),
    case("a year ago", "2019-01-01", "2019-12-31", "year", reference=WED),
    case("last week", "2020-06-29", "2020-07-05", "week", reference=WED),
    case("this week", "2020-07-06", "2020-07-12", "week", reference=WED),
    case("next week", "2020-07-13", "2020-07-19", "week", reference=WED),
    case("the previous week", "2020-06-29", "2020-07-05", "week", reference=WED),
    case("last month", "2020-06-01", "2020-06-30", "month", reference=WED),
    case("last month", "2020-12-01", "2020-12-31", "month", reference=JAN3),
    case("this month", "2020-07-01", "2020-07-31", "month", reference=WED),
    case("next month", "2020-08-01", "2020-08-31", "month", reference=WED),
    case("last year", "2019-01-01", "2019-12-31", "year", reference=WED),
    case("last year", "2020-01-01", "2020-12-31", "year", reference=JAN3),
    case("this year", "2020-01-01", "2020-12-31", "year", reference=WED),
    case("earlier this year", "2020-01-01", "2020-07-08", "year", approx=True, reference=WED),
    case("earlier this month", "2020-07-01", "2020-07-08", "month", approx=True, reference=WED),
    case("late last year", "2019-09-01", "2019-12-31", "year", approx=True, reference=WED),
    case("early next week", "2020-07-13", "2020-07-14", "week", approx=True, reference=WED),
    case("the end of last month", "2020-06-21", "2020-06-30", "month", approx=True, reference=WED),
    case("last weekend", "2020-07-04", "2020-07-05", reference=WED),
    case("over the weekend", "2020-07-04", "2020-07-05", reference=MON),
    case("July 6", "2020-07-06", reference=WED),
    case("on June 30", "2020-06-30", reference=WED),
    case("Dec. 28", "2020-12-28", reference=JAN3),
    case("Jan 2", "2021-01-02", reference=JAN3),
    case("in March", "2020-03-01", "2020-03-31", "month", reference=WED),
    case("in December", "2020-12-01", "2020-12-31", "month", reference=JAN3),
    case("mid-July", "2020-07-11", "2020-07-20", "month", approx=True, reference=WED),
    case("Monday, July 6", "2020-07-06", reference=WED),
    # --- text anchored on a date inside it ------------------------------------------------------
    case("a week after June 30, 2020", "2020-07-07"),
    case("one week after June 30, 2020", "2020-07-07"),
    case("the day after the Supreme Court upheld the law on Jan. 17, 2025", "2025-01-18"),
    case("two days before July 1, 2020", "2020-06-29"),
    case("the day before 1 July 2020", "2020-06-30"),
    case("three weeks after 2020-06-30", "2020-07-21"),
    case("a month after July 1, 2020", "2020-08-01"),
    case("a year after the law took effect on 1 July 2020", "2021-07-01"),
    case("a month after July 2020", "2020-08-01", "2020-08-31", "month"),
    case("the day after the vote on June 30, 2020", "2020-07-01"),
    case("two days after yesterday", "2020-07-09", reference=WED),
    case("Facebook announced on Monday, July 6, 2020", "2020-07-06"),
    case("Posted on July 6, 2020 by Staff", "2020-07-06"),
    case("HONG KONG (Reuters) - July 6, 2020", "2020-07-06"),
    case("Mon, 06 Jul 2020 14:30:00 +0800", "2020-07-06"),
    case("10:15 AM, July 6, 2020", "2020-07-06"),
    # --- ranges ---------------------------------------------------------------------------------
    case("June 30 - July 6, 2020", "2020-06-30", "2020-07-06"),
    case("June 30 \u2013 July 6, 2020", "2020-06-30", "2020-07-06"),
    case("June 30-July 6, 2020", "2020-06-30", "2020-07-06"),
    case("30 June to 6 July 2020", "2020-06-30", "2020-07-06"),
    case("6-8 July 2020", "2020-07-06", "2020-07-08"),
    case("July 6-8, 2020", "2020-07-06", "2020-07-08"),
    case("between June 30 and July 6, 2020", "2020-06-30", "2020-07-06"),
    case("from June 30 to July 6, 2020", "2020-06-30", "2020-07-06"),
    case("Dec 28 - Jan 3, 2021", "2020-12-28", "2021-01-03"),
    case("2020-06-30/2020-07-06", "2020-06-30", "2020-07-06"),
    case("2020-06-30 to 2020-07-06", "2020-06-30", "2020-07-06"),
    case("2019-2020", "2019-01-01", "2020-12-31", "year"),
    case("2019\u201320", "2019-01-01", "2020-12-31", "year"),
    case("1999-2001", "1999-01-01", "2001-12-31", "year"),
    case("from 2015 to 2018", "2015-01-01", "2018-12-31", "year"),
    case("June-July 2020", "2020-06-01", "2020-07-31", "month"),
    case("June to August 2020", "2020-06-01", "2020-08-31", "month"),
    case("May 2020 to July 2020", "2020-05-01", "2020-07-31", "month"),
    case("July 2020 - June 30, 2021", "2020-07-01", "2021-06-30", "month"),
    case("late 2019 to early 2020", "2019-09-01", "2020-04-30", "year", approx=True),
    # --- other languages --------------------------------------------------------------------------
    case("2020年6月30日", "2020-06-30"),
    case("2020年6月30日", "2020-06-30", languages=["zh"]),
    case("2020 年 6 月 30 日", "2020-06-30"),
    case("2020年6月30号", "2020-06-30"),
    case("2020年6月30日\uff08星期二\uff09", "2020-06-30"),
    case("二〇二〇年六月三十日", "2020-06-30"),
    case("6月30日", "2020-06-30", reference=WED),
    case("6月30日", "2020-06-30", reference=WED, languages=["zh", "en"]),
    case("2020年6月", "2020-06-01", "2020-06-30", "month"),
    case("2020年", "2020-01-01", "2020-12-31", "year"),
    case("2020年6月下旬", "2020-06-21", "2020-06-30", "month", approx=True),
    case("2020年7月上旬", "2020-07-01", "2020-07-10", "month", approx=True),
    case("2020年第三季度", "2020-07-01", "2020-09-30", "quarter"),
    case("2021年上半年", "2021-01-01", "2021-06-30", "year"),
    case("2020年夏天", "2020-06-01", "2020-08-31", "season"),
    case("90年代", "1990-01-01", "1999-12-31", "decade"),
    case("2020年6月30日左右", "2020-06-30", approx=True),
    case("2020年6月30日", "2020-06-30", languages=["ja"]),
    case("令和2年6月30日", "2020-06-30"),
    case("令和元年5月1日", "2019-05-01"),
    case("平成31年4月30日", "2019-04-30"),
    case("2020年6月30日(火)", "2020-06-30", languages=["ja"]),
    case("2021년 8월 31일", "2021-08-31"),
    case("2021년 8월 31일 (화)", "2021-08-31", languages=["ko"]),
    case("2021년 8월", "2021-08-01", "2021-08-31", "month"),
    case("13 апреля 2018 года", "2018-04-13"),
    case("13 апреля 2018 г.", "2018-04-13", languages=["ru"]),  # noqa: RUF001
    case("апрель 2018", "2018-04-01", "2018-04-30", "month"),
    case("в начале июля 2020 года", "2020-07-01", "2020-07-10", "month", approx=True),
    case("30. Juni 2017", "2017-06-30", languages=["de"]),
    case("Montag, 6. Juli 2020", "2020-07-06", languages=["de"]),
    case("Juli 2020", "2020-07-01", "2020-07-31", "month", languages=["de"]),
    case("Anfang Juli 2020", "2020-07-01", "2020-07-10", "month", approx=True, languages=["de"]),
    case("Mitte 2019", "2019-05-01", "2019-08-31", "year", approx=True, languages=["de"]),
    case("18 février 2021", "2021-02-18", languages=["fr"]),
    case("1er mars 2021", "2021-03-01", languages=["fr"]),
    case("le 1er mars 2021", "2021-03-01", languages=["fr"]),
    case("lundi 6 juillet 2020", "2020-07-06", languages=["fr"]),
    case("fin juin 2020", "2020-06-21", "2020-06-30", "month", approx=True, languages=["fr"]),
    case("6 de julio de 2020", "2020-07-06", languages=["es"]),
    case("lunes, 6 de julio de 2020", "2020-07-06", languages=["es"]),
    case("julio de 2020", "2020-07-01", "2020-07-31", "month", languages=["es"]),
    case("6 de julho de 2020", "2020-07-06", languages=["pt"]),
    case("1º de julho de 2020", "2020-07-01", languages=["pt"]),
    case("6 luglio 2020", "2020-07-06", languages=["it"]),
    case("6 Temmuz 2020", "2020-07-06", languages=["tr"]),
    case("6 Temmuz 2020 Pazartesi", "2020-07-06", languages=["tr"]),
    case("6 يوليو 2020", "2020-07-06"),
    case("6 يوليو 2020", "2020-07-06", languages=["ar"]),
    case("٦ يوليو ٢٠٢٠", "2020-07-06", languages=["ar"]),
    case("6 juli 2020", "2020-07-06", languages=["nl"]),
    case("vor 3 Tagen", "2020-07-05", languages=["de"], reference=WED),
    case("вчера", "2020-07-07", reference=WED),
    case("昨天", "2020-07-07", reference=WED),
    case("上周一", "2020-06-29", reference=WED, languages=["zh", "en"]),
    case("周一", "2020-07-06", reference=WED, languages=["zh", "en"]),
    case("去年", "2019-01-01", "2019-12-31", "year", reference=WED),
    case("先週金曜日", "2020-07-03", reference=WED, languages=["ja"]),
    case("지난 월요일", "2020-07-06", reference=WED, languages=["ko"]),
    case("2020年7月6日下午3时", "2020-07-06"),
    case("2020年6月30日晚", "2020-06-30"),
    case("民國109年7月6日", "2020-07-06", languages=["zh"]),
    case("в апреле 2018 года", "2018-04-01", "2018-04-30", "month", languages=["ru", "en"]),
    case("6 تموز 2020", "2020-07-06", languages=["ar"]),
    case("no dia 6 de julho de 2020", "2020-07-06", languages=["pt"]),
    case(
        "mediados de julio de 2020",
        "2020-07-11",
        "2020-07-20",
        "month",
        approx=True,
        languages=["es"],
    ),
    case("hace dos días", "2020-07-06", reference=WED, languages=["es"]),
    case("Monday last week", "2020-06-29", reference=WED),
    case("Friday of last week", "2020-07-03", reference=WED),
    case("July 6, 2020", "2020-07-06", languages=["zh", "en"], date_order="DMY"),
]


@pytest.mark.parametrize(("text", "kwargs", "start", "end", "precision", "approx", "ambiguous"), CASES)
def test_normalizes(text, kwargs, start, end, precision, approx, ambiguous):
    result = normalize_date(text, **kwargs)
    assert (result.start.isoformat(), result.end.isoformat(), result.precision) == (
        start,
        end,
        precision,
    )
    assert result.approximate is approx
    assert result.ambiguous is ambiguous
    assert result.text == text


ERRORS = [
    ("N/A", {}, "names no date"),
    ("TBD", {}, "names no date"),
    ("unknown", {}, "names no date"),
    ("Unknown", {}, "names no date"),
    ("to", {}, "names no date"),
    ("", {}, "empty"),
    ("   ", {}, "empty"),
    ("-", {}, "names no date"),
    ("?", {}, "names no date"),
    ("n.d.", {}, "names no date"),
    ("TBA", {}, "names no date"),
    ("not yet", {}, "names no date"),
    ("NaN", {}, "names no date"),
    ("no date given", {}, "names no date"),
    ("31", {"reference": WED}, "could not read a date"),
    ("1st", {"reference": WED}, "could not read a date"),
    ("the 1990s and 2000s", {"reference": WED}, "could not read a date"),
    ("10:30", {"reference": WED}, "could not read a date"),
    ("before July 6, 2020", {}, "open-ended bound"),
    ("since July 2020", {}, "open-ended bound"),
    ("pre-2019", {}, "open-ended bound"),
    ("by the end of 2019", {}, "open-ended bound"),
    ("24 hours later", {"reference": WED}, "too vague"),
    ("last Monday", {}, "needs a reference date"),
    ("yesterday", {}, "needs a reference date"),
    ("a week ago", {}, "needs a reference date"),
    ("last week", {}, "needs a reference date"),
    ("on Monday", {}, "needs a reference date"),
    ("two days earlier", {}, "needs a reference date"),
    ("July 6", {}, "give the year or a reference date"),
    ("6月30日", {}, "give the year or a reference date"),
    ("February 30, 2021", {}, "not a valid calendar date"),
    ("2021-02-29", {}, "not a valid calendar date"),
    ("31/31/2020", {}, "not a valid calendar date"),
    ("2020-W54", {}, "not a valid ISO week"),
    (
        "a week after the Chinese parliament passed the national security act",
        {"reference": WED},
        "does not give",
    ),
    ("a few days ago", {"reference": WED}, "too vague"),
    ("days after the vote", {"reference": WED}, "too vague"),
    ("Q3 FY2020", {}, "fiscal"),
    ("fiscal 2021", {}, "fiscal"),
    ("banana", {}, "could not read a date"),
    ("the law passed", {}, "could not read a date"),
    ("between June 30 and July 6, 2020 and again on 1 August 2020", {}, "more than one date"),
    ("6 Xyzzy 2020", {}, "give its language"),
    ("2020-07-06", {"date_order": "DYM"}, "date order"),
    ("2020-07-06", {"reference": "yesterday"}, "reference date"),
    (None, {}, "no date text"),
]


@pytest.mark.parametrize(("text", "kwargs", "reason"), ERRORS, ids=[repr(e[0]) for e in ERRORS])
def test_rejects_with_a_reason(text, kwargs, reason):
    with pytest.raises(DateNormalizationError) as caught:
        normalize_date(text, **kwargs)
    assert reason in caught.value.reason
    assert str(caught.value) == caught.value.reason
    assert isinstance(caught.value, ValueError)


def test_error_quotes_the_text_as_written():
    with pytest.raises(DateNormalizationError, match="'Last Monday' needs a reference date"):
        normalize_date("Last Monday")


def test_ambiguous_numeric_date_explains_both_readings():
    result = normalize_date("05/07/2020")
    assert result.ambiguous
    assert "5 July" in result.note and "7 May" in result.note


@pytest.mark.parametrize(
    ("text", "kwargs", "iso"),
    [
        ("2020", {}, "2020"),
        ("July 2020", {}, "2020-07"),
        ("6 July 2020", {}, "2020-07-06"),
        ("2020-W28", {}, "2020-07-06/2020-07-12"),  # EDTF has no weeks: a day interval
        ("summer 2020", {}, "2020-22"),
        ("winter 2020", {}, "2020-12/2021-02"),  # EDTF parsers read 2020-24 as December
        ("Q3 2020", {}, "2020-35"),
        ("H1 2021", {}, "2021-40"),
        ("H2 2021", {}, "2021-41"),
        ("the 1990s", {}, "199X"),
        ("c. 2016", {}, "2016~"),
        ("late 2016", {}, "2016-09~/2016-12~"),
        ("early July 2020", {}, "2020-07-01~/2020-07-10~"),
        ("July 2020?", {}, "2020-07~"),
        ("c. Q3 2020", {}, "2020-07~/2020-09~"),
        ("around the 1990s", {}, "199X~"),
        ("June 30 - July 6, 2020", {}, "2020-06-30/2020-07-06"),
        ("2019-2020", {}, "2019/2020"),
        ("last week", {"reference": WED}, "2020-06-29/2020-07-05"),
    ],
)
def test_iso_is_edtf_at_the_stated_precision(text, kwargs, iso):
    assert normalize_date(text, **kwargs).iso == iso


def test_as_dict_is_the_api_shape():
    assert normalize_date("early July 2020").as_dict() == {
        "date": "2020-07-01~/2020-07-10~",
        "precision": "month",
        "start": "2020-07-01",
        "end": "2020-07-10",
        "approximate": True,
        "ambiguous": False,
    }


@pytest.mark.parametrize(
    ("start", "end", "precision", "approx", "shown"),
    [
        ("2020-07-06", "2020-07-06", "day", False, "6 July 2020"),
        ("2020-07-01", "2020-07-31", "month", False, "July 2020"),
        ("2016-01-01", "2016-12-31", "year", True, "c. 2016"),
        ("2020-07-01", "2020-09-30", "quarter", False, "Q3 2020"),
        ("2020-06-01", "2020-08-31", "season", False, "summer 2020"),
        ("2020-12-01", "2021-02-28", "season", False, "winter 2020\u201321"),
        ("1990-01-01", "1999-12-31", "decade", False, "1990s"),
        ("2020-07-06", "2020-07-12", "week", False, "week of 6 July 2020"),
        ("2020-07-01", "2020-07-10", "month", True, "early July 2020"),
        ("2020-07-11", "2020-07-20", "month", True, "mid-July 2020"),
        ("2016-09-01", "2016-12-31", "year", True, "late 2016"),
        ("2019-05-01", "2019-08-31", "year", True, "mid-2019"),
        ("2021-01-01", "2021-06-30", "year", False, "first half of 2021"),
        ("1990-01-01", "1993-12-31", "decade", True, "early 1990s"),
        ("2020-06-30", "2020-07-06", "day", False, "30 June \u2013 6 July 2020"),
        ("2020-07-06", "2020-07-08", "day", False, "6\u20138 July 2020"),
        ("2019-01-01", "2020-12-31", "year", False, "2019\u20132020"),
        ("2020-06-01", "2020-07-31", "month", False, "June\u2013July 2020"),
    ],
)
def test_format_display(start, end, precision, approx, shown):
    start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    assert format_display(start, end, precision, approx) == shown


def test_format_display_of_nothing_is_empty():
    assert format_display(None, None, "day", False) == ""


def test_precisions_are_ordered_coarse_to_fine():
    assert dates.PRECISIONS == ("century", "decade", "year", "season", "quarter", "month", "week", "day")
    assert [dates.PRECISION_RANK[p] for p in dates.PRECISIONS] == list(range(8))


def test_result_is_frozen_and_cached():
    first = normalize_date("Monday, July 6, 2020")
    assert isinstance(first, NormalizedDate)
    with pytest.raises(AttributeError):
        first.start = dt.date(2000, 1, 1)
    assert normalize_date("Monday, July 6, 2020") is first


def test_reference_may_be_a_datetime():
    moment = dt.datetime(2020, 7, 8, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    assert normalize_date("yesterday", reference=moment).start == dt.date(2020, 7, 7)


def test_languages_may_be_a_tuple_or_a_string_and_unknown_codes_are_ignored():
    assert normalize_date("6 luglio 2020", languages=("it",)).start == dt.date(2020, 7, 6)
    assert normalize_date("6 luglio 2020", languages="it").start == dt.date(2020, 7, 6)
    assert normalize_date("July 6, 2020", languages=["xx", "en"]).start == dt.date(2020, 7, 6)


def test_warm_up_primes_the_languages():
    assert dates.warm_up(("en", "de")) >= 0
    assert normalize_date("6. Juli 2020", languages=["de"]).start == dt.date(2020, 7, 6)


def test_the_case_count_is_kept_up():
    assert len(CASES) + len(ERRORS) >= 200


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "ambiguous"),
    [
        ("2020-21", "2020-01-01", "2021-12-31", "year", True),  # or EDTF spring 2020
        ("2021/22", "2021-01-01", "2022-12-31", "year", False),
        ("2020-22", "2020-06-01", "2020-08-31", "season", False),
        ("01/2021", "2021-01-01", "2021-01-31", "month", False),
        ("2019-12", "2019-12-01", "2019-12-31", "month", False),
    ],
)
def test_year_pairs_and_edtf_codes(text, start, end, precision, ambiguous):
    result = normalize_date(text)
    assert (result.start.isoformat(), result.end.isoformat(), result.precision) == (
        start,
        end,
        precision,
    )
    assert result.ambiguous is ambiguous


@pytest.mark.parametrize(
    "text",
    ["6 July 2020", "early July 2020", "H1 2021", "June 30 - July 6, 2020", "late 2019 to early 2020",
     "winter 2020", "the 1990s", "2020-W28", "c. 2016"],
)  # fmt: skip
def test_edtf_of_stored_fields_matches_iso(text):
    result = normalize_date(text)
    assert dates.edtf(result.start, result.end, result.precision, result.approximate) == result.iso
