"""How to cite an event's permalink: plain text, BibTeX and CSL-JSON (the format citeproc reads).

The event's date goes in at its precision (CSL ``date-parts`` of one, two or three parts; a
range as two; ``circa`` when approximate), the access date is today's calendar date here.
"""

import json

from django.utils import timezone
from django.utils.translation import gettext as _

from . import date_display_i18n

PUBLISHER = "Policy Timeline"
PARTS = {"day": 3, "week": 3, "month": 2}
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in str(text))


def date_parts(day, precision):
    return [day.year, day.month, day.day][: PARTS.get(precision, 1)]


def csl_issued(event):
    start = date_parts(event.date_start, event.date_precision)
    end = date_parts(event.date_end, event.date_precision)
    issued = {"date-parts": [start] if start == end else [start, end]}
    if event.date_approximate:
        issued["circa"] = True
    return issued


def csl_json(event, permalink, accessed):
    item = {
        "id": f"policy-timeline-event-{event.pk}",
        "type": "webpage",
        "title": event.title,
        "container-title": PUBLISHER,
        "publisher": PUBLISHER,
        "URL": permalink,
        "issued": csl_issued(event),
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
    }
    if event.summary:
        item["abstract"] = event.summary
    return json.dumps([item], ensure_ascii=False, indent=2)


def bibtex(event, permalink, accessed):
    fields = [
        ("title", bibtex_escape(event.title)),
        ("author", "{" + PUBLISHER + "}"),
        ("year", str(event.date_start.year)),
        ("howpublished", r"\url{" + permalink.replace("}", "%7D") + "}"),
        ("url", permalink.replace("}", "%7D")),
        ("urldate", accessed.isoformat()),
        ("note", bibtex_escape(f"Event dated {event.date_display_in('en')}")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{policytimeline{event.pk},\n{body}\n}}"


def plain(event, permalink, accessed):
    return _("%(actor)s: “%(title)s” (%(date)s). %(publisher)s, %(url)s (accessed %(accessed)s).") % {
        "actor": event.actor.name,
        "title": event.title,
        "date": event.date_display,
        "publisher": PUBLISHER,
        "url": permalink,
        "accessed": date_display_i18n.display_date(accessed, accessed, "day"),
    }


def formats(event, permalink, accessed=None):
    accessed = accessed or timezone.localdate()
    return {
        "plain": plain(event, permalink, accessed),
        "bibtex": bibtex(event, permalink, accessed),
        "csl_json": csl_json(event, permalink, accessed),
        "accessed": accessed,
    }
