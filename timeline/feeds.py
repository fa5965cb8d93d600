"""Subscriptions: an Atom feed (django.contrib.syndication) and an iCalendar file (RFC 5545).

Both take the timeline's query parameters, so a filtered view can be subscribed to as it is.

iCalendar: only day-precision events are written, each as an all-day VEVENT
(``DTSTART;VALUE=DATE`` and the exclusive ``DTEND`` the day after). Events known only to the
week, month, quarter, season, year or decade are LEFT OUT: a calendar entry would claim a day
the source never gave. An approximate day ("c. 6 July 2020") is kept, its summary starting
with "c." and its description saying the date is approximate. The calendar's description says
that coarser events are left out.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from . import selectors

FEED_SIZE = 50
ICAL_CHUNK = 500


def feed_events():
    # Feeds show neither citations nor the other organizations: no prefetch queries for them.
    return selectors.public_events().with_relations(citations=False, organizations=False)


def filter_description(params):
    parts = [f"{name}={params[name]}" for name in selectors.FILTER_PARAMS if params.get(name)]
    return "; ".join(parts)


class AtomFeed(Feed):
    feed_type = Atom1Feed
    subtitle = "How technology companies and governments act around laws: dated, sourced events."

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except selectors.FilterError as error:
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs):
        params = request.GET.copy()
        params["order"] = selectors.ORDER_NEWEST
        return {
            "events": selectors.events_for_params(params, feed_events()).head(FEED_SIZE),
            "query": request.GET.urlencode(),
            "description": filter_description(request.GET),
        }

    def link(self, obj):
        query = obj["query"]
        return reverse("timeline:timeline") + (f"?{query}" if query else "")

    def feed_url(self, obj):
        query = obj["query"]
        return reverse("timeline:feed_atom") + (f"?{query}" if query else "")

    def title(self, obj):
        if obj["description"]:
            return f"Policy Timeline ({obj['description']})"
        return "Policy Timeline"

    def items(self, obj):
        return obj["events"]

    def item_title(self, item):
        return f"{item.date_display}: {item.title}"

    def item_description(self, item):
        # Atom summaries are HTML for readers: the text is escaped, never interpreted.
        return escape(item.summary or item.title)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.actor.name

    def item_categories(self, item):
        return [item.get_action_type_display()]


# --- iCalendar (RFC 5545), written by hand ---


def ical_text(value):
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line + "\r\n"
    parts, current, limit = [], b"", 75
    for char in line:
        octets = char.encode()
        if len(current) + len(octets) > limit:
            parts.append(current.decode())
            current, limit = b"", 74  # continuation lines start with one space
        current += octets
    parts.append(current.decode())
    return "\r\n ".join(parts) + "\r\n"


def ical_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(event, base):
    summary = event.title if not event.date_approximate else f"c. {event.title}"
    description = event.summary or event.title
    if event.date_approximate:
        description += "\n(The date is approximate.)"
    description += f"\nActor: {event.actor.name}"
    if event.law:
        description += f"\nLaw: {event.law}"
    host = base.split("://", 1)[-1].split(":")[0]
    url = f"{base}{event.get_absolute_url()}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{ical_stamp(event.updated_at)}",
        f"DTSTART;VALUE=DATE:{event.date_start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.date_start + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ical_text(summary)}",
        f"DESCRIPTION:{ical_text(description)}",
        f"CATEGORIES:{ical_text(event.get_action_type_display())}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    if event.jurisdiction:
        lines.insert(-1, f"LOCATION:{ical_text(event.jurisdiction.name)}")
    return "".join(fold(line) for line in lines)


def ical_lines(events, params, base):
    name = "Policy Timeline"
    if described := filter_description(params):
        name += f" ({described})"
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Policy Timeline//Public timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_text(name)}",
        "X-WR-CALDESC:"
        + ical_text(
            "Day-precision events as all-day events. Events dated only to a week, month or "
            "coarser are left out; see the timeline for them."
        ),
    ]
    yield "".join(fold(line) for line in header)
    for event in events.iterator(chunk_size=ICAL_CHUNK):
        yield vevent(event, base)
    yield fold("END:VCALENDAR")


def ical_feed(request):
    try:
        events = selectors.events_for_params(request.GET, feed_events()).filter(date_precision="day")
    except selectors.FilterError as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(
        ical_lines(events, request.GET, f"{request.scheme}://{request.get_host()}"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="policy-timeline.ics"'
    return response
