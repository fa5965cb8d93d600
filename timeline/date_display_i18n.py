"""An event's date in the reader's language, at the precision its source had.

English is ``dates.format_display`` (the one definition of how a stored date reads). Other
languages take CLDR's patterns through Babel: "2020年7月6日", "2020年7月", "2020年第3季",
ranges as CLDR's intervals ("2020年6月30日至7月6日"), and the words CLDR has no pattern for
(early, mid, late, circa, week of, seasons, decades) from the translation catalogue.
"""

import calendar
import datetime

from babel.dates import format_interval, format_skeleton, get_month_names
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import dates

SKELETONS = {"day": "yMMMMd", "week": "yMMMMd", "month": "yMMMM", "quarter": "yQQQ", "year": "y"}
SEASON_STARTS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def is_english(language):
    return (language or "en").split("-")[0] == "en"


def babel_locale(language):
    return translation.to_locale(language)


def whole_period(day, precision):
    """The first and last day of the period of ``precision`` holding ``day``."""
    year, month = day.year, day.month
    if precision == "day":
        return day, day
    if precision == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return monday, monday + datetime.timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(year, month)[1])
    if precision == "quarter":
        first = (month - 1) // 3 * 3 + 1
        return datetime.date(year, first, 1), datetime.date(
            year, first + 2, calendar.monthrange(year, first + 2)[1]
        )
    if precision == "season":
        start_year, first = (year - 1, 12) if month < 3 else (year, month // 3 * 3)
        last_year, last = (start_year + 1, 2) if first == 12 else (start_year, first + 2)
        return datetime.date(start_year, first, 1), datetime.date(
            last_year, last, calendar.monthrange(last_year, last)[1]
        )
    if precision == "decade":
        first = year // 10 * 10
        return datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def period_label(day, precision, locale):
    if precision == "week":
        monday = whole_period(day, "week")[0]
        return _("week of %(date)s") % {"date": format_skeleton("yMMMMd", monday, locale=locale)}
    if precision == "season":
        start = whole_period(day, "season")[0]
        names = {"spring": _("spring"), "summer": _("summer"), "autumn": _("autumn"), "winter": _("winter")}
        return _("%(season)s %(year)s") % {"season": names[SEASON_STARTS[start.month]], "year": start.year}
    if precision == "decade":
        return _("%(decade)ss") % {"decade": day.year // 10 * 10}
    return format_skeleton(SKELETONS.get(precision, "yMMMMd"), day, locale=locale)


def thirds(first, last):
    """Early, mid and late parts of a month or year (as ``dates`` reads those words)."""
    if first.month == last.month and first.year == last.year:
        return [
            (first, first.replace(day=10)),
            (first.replace(day=11), first.replace(day=20)),
            (first.replace(day=21), last),
        ]
    year = first.year
    return [
        (datetime.date(year, 1, 1), datetime.date(year, 4, 30)),
        (datetime.date(year, 5, 1), datetime.date(year, 8, 31)),
        (datetime.date(year, 9, 1), datetime.date(year, 12, 31)),
    ]


def qualified(start, end, precision, locale):
    """ "early July 2020" in the reader's words when [start, end] is a third of its period."""
    if precision not in ("month", "year"):
        return None
    first, last = whole_period(start, precision)
    if end > last:
        return None
    parts = thirds(first, last)
    label = period_label(start, precision, locale)
    if precision == "month":
        words = [_("early %(month)s"), _("mid-%(month)s"), _("late %(month)s")]
    else:
        words = [_("early %(year)s"), _("mid-%(year)s"), _("late %(year)s")]
    for (part_start, part_end), word in zip(parts, words, strict=True):
        if (start, end) == (part_start, part_end):
            return word % {precision: label}
    return None


def display_date(start, end, precision, approximate=False, language=None):
    """The date as the reader's language writes it, never more precise than ``precision``."""
    language = language or translation.get_language()
    if is_english(language):
        return dates.format_display(start, end, precision, approximate)
    if start is None:
        return ""
    end = end or start
    locale = babel_locale(language)
    if (start, end) == whole_period(start, precision):
        text = period_label(start, precision, locale)
    else:
        # As in English, a qualifier word already says the date is approximate.
        text = qualified(start, end, precision, locale)
        if text is not None:
            return text
        text = format_interval(start, end, SKELETONS.get(precision, "y"), locale=locale)
    return _("c. %(date)s") % {"date": text} if approximate else text


def month_name(month, language=None):
    """The month's name standing alone in the reader's language: "July", "7月"."""
    language = language or translation.get_language()
    return get_month_names("wide", "stand-alone", locale=babel_locale(language))[month]


def month_heading(year, month, language=None):
    """A month heading: "July 2020", "2020年7月"."""
    language = language or translation.get_language()
    return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=babel_locale(language))


def days_after_phrase(start, end):
    """ "6 days after", "1 to 31 days after", "the same day", "2 days before" a law passed, for a
    response that came ``start`` to ``end`` days after it; "" when unknown (None)."""
    if start is None:
        return ""

    def one(days):
        if days == 0:
            return _("the same day")
        if days > 0:
            return ngettext("%(n)s day after", "%(n)s days after", days) % {"n": days}
        return ngettext("%(n)s day before", "%(n)s days before", -days) % {"n": -days}

    if start == end:
        return one(start)
    if start >= 0:
        return _("%(first)s to %(last)s days after") % {"first": start, "last": end}
    return _("%(first)s to %(last)s") % {"first": one(start), "last": one(end)}
