"""Subscriptions: an Atom feed (django.contrib.syndication) and an iCalendar file (RFC 5545).

Both take the timeline's query parameters, so a filtered view can be subscribed to as it is.

Entry ids (Atom) and UIDs (iCalendar) are built on ``settings.SITE_DOMAIN``, not on the host of
the request: the same event keeps one identity however the site was reached.

iCalendar: only day-precision events are written, each as an all-day VEVENT from its first to
its last day (``DTSTART;VALUE=DATE`` and the exclusive ``DTEND`` the day after its last day).
Events known only to the week, month, quarter, season, year or decade are LEFT OUT: a calendar
entry would claim a day the source never gave. An approximate day ("c. 6 July 2020") is kept,
its summary starting with "c." and its description saying the date is approximate. The
calendar's description says that coarser events are left out.
"""

import datetime

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from . import selectors
from .control_characters import strip_control_characters

FEED_SIZE = 50


def tag_uri(specific):
    """A tag: URI (RFC 4151) names an entry for good; 2020 is the year the project's story began."""
    return f"tag:{settings.SITE_DOMAIN},2020:{specific}"


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

    def feed_guid(self, obj):
        query = obj["query"]
        return tag_uri("timeline" + (f"?{query}" if query else ""))

    def item_title(self, item):
        return strip_control_characters(f"{item.date_display}: {item.title}")

    def item_description(self, item):
        # Atom summaries are HTML for readers: the text is escaped, never interpreted.
        return strip_control_characters(escape(item.summary or item.title))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return tag_uri(f"events/{item.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return strip_control_characters(item.actor.name)

    def item_categories(self, item):
        return [item.get_action_type_display()]


# --- iCalendar (RFC 5545), written by the icalendar library ---


def event_uid(event):
    """The same UID whatever host served the calendar, so subscribers never see an event twice."""
    return f"event-{event.pk}@{settings.SITE_DOMAIN}"


def vevent(event, base):
    summary = event.title if not event.date_approximate else f"c. {event.title}"
    description = event.summary or event.title
    if event.date_approximate:
        description += "\n(The date is approximate.)"
    description += f"\nActor: {event.actor.name}"
    if event.law:
        description += f"\nLaw: {event.law}"
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", event.updated_at)
    entry.add("dtstart", event.date_start)
    # All-day events end on the day after their last day (DTEND is exclusive).
    entry.add("dtend", event.date_end + datetime.timedelta(days=1))
    entry.add("summary", strip_control_characters(summary))
    entry.add("description", strip_control_characters(description))
    entry.add("categories", [str(event.get_action_type_display())])
    entry.add("url", f"{base}{event.get_absolute_url()}", parameters={"VALUE": "URI"})
    entry.add("transp", "TRANSPARENT")
    if event.jurisdiction:
        entry.add("location", event.jurisdiction.name)
    return entry.to_ical().decode()


def ical_lines(events, params, base):
    name = "Policy Timeline"
    if described := filter_description(params):
        name += f" ({described})"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Policy Timeline//Public timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add(
        "x-wr-caldesc",
        "Day-precision events as all-day events. Events dated only to a week, month or "
        "coarser are left out; see the timeline for them.",
    )
    # The calendar is streamed: its head, each event as the library writes it, its end.
    head, end = calendar.to_ical().decode().rsplit("END:VCALENDAR", 1)
    yield head
    for event in events.iterator(chunk_size=ICAL_CHUNK):
        yield vevent(event, base)
    yield "END:VCALENDAR" + end


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
