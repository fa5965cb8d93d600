"""How long an event's date range is, in buckets, so that "events still running on a day" has an index.

"Events whose range reaches day X" (``date_end >= X``, the ``date_after`` filter) in timeline
order (``date_start``) has no index to seek with: the timeline index can only be walked from the
beginning of time until ranges start reaching X. Split in two, each part has one:

- events starting on X or later: the timeline index, from X;
- events that started before X and still run on X (they straddle X): their start lies within
  their own length before X. Ranges are not bounded by their precision ("June 30 - July 6, 2020"
  is a day-precision range of a week, "2019-2020" a year-precision range of two years), so each
  event stores the bucket of its length (``date_span_bound``, computed by the database), and the
  straddlers of a bucket are searched over a window of that bucket's length before X.
"""

import datetime

from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual

# Upper bounds, in days, of ``date_end - date_start``: an event's bucket is the first bound at
# least its length. Each bound about doubles the one before, so a bucket's window is at most about
# twice the ranges in it; the last covers the whole calendar.
SPAN_BOUNDS = (0, 1, 3, 7, 15, 31, 62, 92, 183, 366, 731, 1462, 3653, 7305, 36525, 3652058)


class DaysBetween(Func):
    """``end - start`` in whole days, for two date expressions (SQLite and PostgreSQL)."""

    output_field = IntegerField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )


def span_bound_expression():
    """The database expression of an event's ``date_span_bound``."""
    days = DaysBetween(F("date_end"), F("date_start"))
    return Case(
        *[When(LessThanOrEqual(days, bound), then=Value(bound)) for bound in SPAN_BOUNDS[:-1]],
        default=Value(SPAN_BOUNDS[-1]),
    )


def span_bound(start, end):
    """The bucket of a range, as the database computes it (for tests and checks)."""
    days = (end - start).days
    return next(bound for bound in SPAN_BOUNDS if days <= bound)


def straddling(day):
    """Events that started before ``day`` and still run on it, one index range per bucket."""
    windows = Q()
    for bound in SPAN_BOUNDS[1:]:
        try:
            earliest = day - datetime.timedelta(days=bound)
        except OverflowError:
            earliest = datetime.date.min
        windows |= Q(date_span_bound=bound, date_start__gte=earliest)
    return Q(date_start__lt=day, date_end__gte=day) & windows


def reached_day(query):
    """The latest ``day`` of the ``date_end >= day`` conditions that every row of ``query`` meets."""
    date_end = query.model._meta.get_field("date_end")

    def latest(node):
        if node.connector != "AND" or node.negated:
            return None
        days = []
        for child in node.children:
            if hasattr(child, "children"):
                days.append(latest(child))
            elif (
                isinstance(child, GreaterThanOrEqual)
                and getattr(child.lhs, "target", None) is date_end
                and getattr(child.lhs, "alias", None) == query.base_table
                and isinstance(child.rhs, datetime.date)
            ):
                days.append(child.rhs)
        return max((day for day in days if day is not None), default=None)

    return latest(query.where)
