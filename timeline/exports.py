"""Downloads of what the timeline shows, with its query parameters: CSV, JSON, TimelineJS JSON.

- CSV and JSON stream every matching public event (no size limit), in the page's order.
- CSV cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) are prefixed with ``'`` (OWASP "CSV injection").
- TimelineJS JSON holds at most ``TIMELINEJS_LIMIT`` events (TimelineJS itself advises about 20
  and slows past a few hundred); its ``start_date`` carries only the parts the precision has
  (a month-precision date has no ``day``), ``display_date`` is set when the date is approximate
  or when the parts alone would mislead (week, quarter, season, decade), ``group`` is the action
  type (``?group=actor`` or ``none`` otherwise) and ``media`` the event's picture. TimelineJS
  renders ``headline``/``text`` as HTML and ``group`` as HTML after stripping markup, so they are
  escaped for it (``group`` twice, since stripping decodes entities once).
"""

import csv
import json

from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.utils.html import escape

from . import selectors

CHUNK = 500
TIMELINEJS_LIMIT = 500
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")

CSV_COLUMNS = [
    "id",
    "url",
    "date",
    "date_display",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "date_text",
    "action_type",
    "title",
    "summary",
    "actor",
    "actor_parent",
    "organizations",
    "jurisdiction",
    "law",
    "responds_to",
    "source_urls",
    "source_outlets",
    "quotes",
]


def export_events():
    return selectors.public_events().with_relations()


def bad_request(error):
    return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")


def filtered(request):
    return selectors.events_for_params(request.GET, export_events())


def attachment(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def streamed_download(request, chunks, content_type, name):
    """Every public event the query asks for, streamed as ``chunks(events, base URL)`` gives
    them; a bad filter is a 400 naming it."""
    try:
        events = filtered(request)
    except selectors.FilterError as error:
        return bad_request(error)
    base = f"{request.scheme}://{request.get_host()}"
    return attachment(StreamingHttpResponse(chunks(events, base), content_type=content_type), name)


# --- CSV ---


def csv_cell(value):
    """A CSV cell a spreadsheet shows as text: formula-like text gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_row(event, base):
    citations = list(event.citations.all())
    values = [
        event.pk,
        base + event.get_absolute_url(),
        event.date_edtf,
        event.date_display,
        event.date_start.isoformat(),
        event.date_end.isoformat(),
        event.date_precision,
        event.date_approximate,
        event.date_text,
        event.action_type,
        event.title,
        event.summary,
        event.actor.name,
        event.actor.parent.name if event.actor.parent else "",
        " | ".join(org.name for org in event.organizations.all()),
        event.jurisdiction.code if event.jurisdiction else "",
        str(event.law) if event.law else "",
        event.responds_to_id or "",
        " | ".join(c.source.url for c in citations),
        " | ".join(c.source.outlet for c in citations),
        " | ".join(c.quote for c in citations if c.quote),
    ]
    return [csv_cell(value) for value in values]


class Echo:
    def write(self, value):
        return value


def csv_rows(events, base):
    writer = csv.writer(Echo())
    yield "\ufeff"  # a BOM, so spreadsheets read the file as UTF-8
    yield writer.writerow(CSV_COLUMNS)
    for event in events.iterator(chunk_size=CHUNK):
        yield writer.writerow(csv_row(event, base))


def csv_export(request):
    return streamed_download(request, csv_rows, "text/csv; charset=utf-8", "policy-timeline.csv")


# --- JSON ---


def event_json(event, base):
    actor = event.actor
    return {
        "id": event.pk,
        "url": base + event.get_absolute_url(),
        "title": event.title,
        "summary": event.summary,
        "action_type": event.action_type,
        "date": event.date_edtf,
        "date_display": event.date_display,
        "date_precision": event.date_precision,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "date_approximate": event.date_approximate,
        "date_text": event.date_text,
        "actor": {
            "name": actor.name,
            "slug": actor.slug,
            "kind": actor.kind,
            "parent": {"name": actor.parent.name, "slug": actor.parent.slug} if actor.parent else None,
        },
        "organizations": [{"name": org.name, "slug": org.slug} for org in event.organizations.all()],
        "jurisdiction": (
            {"code": event.jurisdiction.code, "name": event.jurisdiction.name} if event.jurisdiction else None
        ),
        "law": {"title": event.law.title, "slug": event.law.slug} if event.law else None,
        "responds_to": event.responds_to_id,
        "image": image_json(event, base),
        "sources": [
            {
                "url": c.source.url,
                "outlet": c.source.outlet,
                "title": c.source.title,
                "published": c.source.published.isoformat() if c.source.published else None,
                "quote": c.quote,
                "speaker": c.speaker,
            }
            for c in event.citations.all()
        ],
    }


def json_chunks(events, base):
    yield '{"events": ['
    first = True
    for event in events.iterator(chunk_size=CHUNK):
        yield ("" if first else ",\n") + json.dumps(event_json(event, base), ensure_ascii=False)
        first = False
    yield "]}\n"


def json_export(request):
    return streamed_download(request, json_chunks, "application/json", "policy-timeline.json")


# --- TimelineJS ---

TIMELINEJS_PARTS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
}
DISPLAY_DATE_PRECISIONS = {"week", "quarter", "season", "decade"}
# ``group``: TimelineJS draws one row per group and its navigator grows with them; a handful of
# action types keeps it on screen, one row per actor (dozens) pushes it off. "none": no rows.
TIMELINEJS_GROUPS = ("action_type", "actor", "none")


def timelinejs_group(event, group_by):
    if group_by == "action_type":
        return str(event.get_action_type_display()).capitalize()
    if group_by == "actor":
        return event.actor.name
    return ""


def timelinejs_date(day, precision):
    """Only the parts the precision has: a month is {year, month}, a quarter just {year}."""
    return {part: getattr(day, part) for part in TIMELINEJS_PARTS.get(precision, ("year",))}


def image_json(event, base):
    """The event's picture with its alt text, credit and caption, or None."""
    src = event.image_src
    if not src:
        return None
    url = src if src.lower().startswith(("http://", "https://")) else base + src
    return {"url": url, "alt": event.image_alt, "credit": event.image_credit, "caption": event.image_caption}


def timelinejs_event(event, base="", group_by=None):
    start = timelinejs_date(event.date_start, event.date_precision)
    end = timelinejs_date(event.date_end, event.date_precision)
    item = {
        "unique_id": f"event-{event.pk}",
        "start_date": start,
        "text": {
            "headline": escape(event.title),
            "text": "<p>" + escape(event.summary) + "</p>",
        },
    }
    group = timelinejs_group(event, group_by)
    if group:
        item["group"] = escape(escape(group))
    if image := image_json(event, base):
        item["media"] = {
            "url": image["url"],
            "alt": image["alt"],
            "caption": escape(image["caption"]),
            "credit": escape(image["credit"]),
        }
    if end != start:
        item["end_date"] = end
    if event.date_approximate or event.date_precision in DISPLAY_DATE_PRECISIONS or end != start:
        display = event.date_display
        start["display_date"] = display
        item["display_date"] = display
    return item


def timelinejs_export(request):
    try:
        events = filtered(request)
    except selectors.FilterError as error:
        return bad_request(error)
    group_by = request.GET.get("group", "action_type")
    if group_by not in TIMELINEJS_GROUPS:
        names = ", ".join(TIMELINEJS_GROUPS)
        return bad_request(selectors.FilterError("group", f"group: {group_by!r} is not one of {names}"))
    base = f"{request.scheme}://{request.get_host()}"
    rows = events.head(TIMELINEJS_LIMIT)
    data = {
        "title": {
            "text": {
                "headline": "Policy Timeline",
                "text": "<p>How technology companies and governments act around laws.</p>",
            }
        },
        "events": [timelinejs_event(event, base, group_by) for event in rows],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return attachment(response, "policy-timeline-timelinejs.json")
