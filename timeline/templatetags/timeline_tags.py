"""Template filters for events: dates at their precision, badges, and year/month grouping.

Dates are formatted by ``timeline.dates`` (the one place that knows what a precision means);
this module only adapts them to HTML.
"""

import datetime
import html
from dataclasses import dataclass, field

from django import template
from django.utils.safestring import mark_safe

from timeline import dates
from timeline.date_display_i18n import days_after_phrase
from timeline.dates import PRECISION_RANK

register = template.Library()


@register.filter
def event_date(event):
    """ "6 July 2020", "July 2020", "c. 2016": ``Event.date_display``, for templates."""
    return event.date_display


def _html_point(day, precision):
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return ""


HTML_PRECISION = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "year",
    "season": "year",
    "year": "year",
}
COARSER = {"day": "month", "week": "month", "month": "year", "year": None}


def html_datetime(start, end, precision):
    """A valid HTML ``<time datetime>`` value at the date's precision, or "" when none exists.

    HTML has day, week, month and year strings, nothing for a quarter, season or decade: those
    take their year when they lie within one. A range (30 June - 6 July 2020) takes the finest
    value that holds both ends ("2020"), and nothing when none does: never a false claim.
    """
    html_precision = HTML_PRECISION.get(precision)
    while html_precision:
        value = _html_point(start, html_precision)
        if value == _html_point(end, html_precision):
            return value
        html_precision = COARSER[html_precision]
    return ""


@register.filter
def event_datetime(event):
    return html_datetime(event.date_start, event.date_end, event.date_precision)


@dataclass
class Period:
    key: tuple
    label: str
    events: list = field(default_factory=list)


@dataclass
class YearGroup:
    key: tuple
    label: str
    periods: list = field(default_factory=list)


def period_of(event):
    """The (year heading, period heading) an event is listed under.

    Month and finer dates go under their month ("July 2020"); coarser dates under a heading
    of their own ("2020", "Q3 2020", "the 2010s") so that a year-precision event never appears
    to belong to January. A date coarser than a year (a decade, a century) is its own year
    heading: it does not belong to the year it starts in.
    """
    start, precision = event.date_start, event.date_precision
    if PRECISION_RANK[precision] < PRECISION_RANK["year"]:
        label = dates.format_display(event.date_start, event.date_end, precision, False)
        return (precision, start.year), label, (precision, start.year), label
    year = (("year", start.year), f"{start.year}")
    if precision in ("day", "week", "month"):
        month = datetime.date(start.year, start.month, 1)
        return *year, ("month", start.year, start.month), f"{month:%B} {start.year}"
    label = dates.format_display(event.date_start, event.date_end, precision, False)
    return *year, (precision, start.isoformat(), event.date_end.isoformat()), label


@register.filter
def group_by_period(events):
    """Consecutive events grouped under year and period headings, in the order given."""
    groups = []
    for event in events:
        year_key, year_label, period_key, period_label = period_of(event)
        if not groups or groups[-1].key != year_key:
            groups.append(YearGroup(year_key, year_label))
        periods = groups[-1].periods
        if not periods or periods[-1].key != period_key:
            periods.append(Period(period_key, period_label))
        periods[-1].events.append(event)
    return groups


@register.filter
def add_level(level, extra):
    """Heading level ``level + extra``, capped at 6."""
    return min(int(level) + int(extra), 6)


@register.filter
def days_phrase(response):
    """ "6 days", "1 to 31 days" or "the same day" after the law passed."""
    return days_after_phrase(response.days_from, response.days_to)


@register.filter
def http_url(url):
    """The URL when it is http(s), else "": a source link never runs ``javascript:``."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


@register.simple_tag
def options(choices, selected=""):
    """``<option>`` elements for (value, label) pairs, escaped; one string, fast for long lists.

    ``html.escape`` is what Django's ``escape`` calls: the same output as ``format_html`` gives,
    without its per-value checks, which made the organizations' list (thousands of them) the
    most expensive part of every timeline page.
    """
    selected = str(selected or "")
    escape = html.escape
    return mark_safe(  # noqa: S308 - every value and label is escaped just here
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )
