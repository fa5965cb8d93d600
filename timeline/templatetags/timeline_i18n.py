"""Template filters that show dates, headings and numbers in the reader's language.

English goes through ``timeline.dates`` and ``timeline_tags`` unchanged; other languages through
``timeline.date_display_i18n`` (CLDR via Babel).
"""

import datetime

from babel.numbers import format_decimal
from django import template
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from timeline import date_display_i18n
from timeline.templatetags.timeline_tags import group_by_period

register = template.Library()


@register.filter
def local_date(event):
    """ "6 July 2020" / "2020年7月6日": never more precise than the source was."""
    return event.date_display


@register.filter
def number(value):
    """1,204 / 1,204 as the reader's language groups digits."""
    return format_decimal(value or 0, locale=translation.to_locale(translation.get_language() or "en"))


def relabel(key):
    """A heading of ``group_by_period`` (its key says what it stands for) in the reader's language."""
    kind = key[0]
    if kind == "year":
        return date_display_i18n.display_date(
            datetime.date(key[1], 1, 1), datetime.date(key[1], 12, 31), "year"
        )
    if kind == "month":
        return date_display_i18n.month_heading(key[1], key[2])
    if kind == "decade":
        return _("%(decade)ss") % {"decade": key[1]}
    start, end = datetime.date.fromisoformat(key[1]), datetime.date.fromisoformat(key[2])
    return date_display_i18n.display_date(start, end, kind)


@register.filter
def local_groups(events):
    """``group_by_period`` with its headings in the reader's language."""
    groups = group_by_period(events)
    if date_display_i18n.is_english(translation.get_language()):
        return groups
    for year in groups:
        year.label = relabel(year.key)
        for period in year.periods:
            period.label = relabel(period.key)
    return groups


@register.filter
def local_day(value):
    """A calendar day (a date, or an aware datetime's local day) in the reader's language."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return date_display_i18n.display_date(value, value, "day")


@register.filter
def local_days_phrase(response):
    """ "6 days after", "1 to 31 days after", "the same day" in the reader's language."""
    return date_display_i18n.days_after_phrase(response.days_from, response.days_to)
