"""The database side of "from an article to events": what is known, what is already on the
timeline, and accepting a candidate as an event.

The extraction itself (``timeline.extraction``) reads no database; this module gives it the
organizations and laws the tracker knows, marks candidates that match an existing event (same
actor, same action type, overlapping dates) and writes accepted candidates through
``services.save_event``: the editorial rules, history and sources of every other write.
"""

from __future__ import annotations

import csv
import json
import os

from django.db import transaction
from django.db.models import Q

from . import services
from .extraction import Article, ArticleError, Extraction, Knowledge, KnownLaw, KnownOrganization, extract
from .extraction.article import check_size, read_article
from .extraction.rows import HEADER, import_rows
from .extraction.vocabulary import LAW_ACTIONS
from .importing.resolve import Resolver
from .matching import match_key, normalize_url
from .models import Event, EventStatus, Law, Organization, OrganizationKind, OrganizationName


def knowledge() -> Knowledge:
    """Every organization (with its other names and parent) and law, in two or three queries."""
    other_names: dict[int, list[str]] = {}
    for organization_id, name in OrganizationName.objects.values_list("organization_id", "name"):
        other_names.setdefault(organization_id, []).append(name)
    organizations = tuple(
        KnownOrganization(name, kind, parent or "", tuple(other_names.get(pk, ())), pk)
        for pk, name, kind, parent in Organization.objects.values_list("pk", "name", "kind", "parent__name")
    )
    laws = tuple(
        KnownLaw(title, short_title, code or "", pk)
        for pk, title, short_title, code in Law.objects.values_list(
            "pk", "title", "short_title", "jurisdiction__code"
        )
    )
    return Knowledge(organizations=organizations, laws=laws)


def extract_known(article: Article) -> Extraction:
    return extract(article, knowledge())


def existing_events(extraction: Extraction) -> dict[str, Event]:
    """Candidates (by key) already on the timeline: same actor, action type and overlapping dates;
    for a known law's milestone (passed, signed, in force, struck down), the same law is enough
    ("the Chinese parliament" passed what the tracker has as the Standing Committee's act)."""
    wanted = [c for c in extraction.candidates if c.date is not None and (c.actor_known or _milestone(c))]
    if not wanted:
        return {}
    condition = Q()
    for candidate in wanted:
        who = Q(law__match_key=match_key(candidate.law)) if _milestone(candidate) else Q()
        if candidate.actor_known:
            who |= Q(actor__match_key=match_key(candidate.actor))
        condition |= who & Q(
            action_type=candidate.action_type,
            date_start__lte=candidate.date.end,
            date_end__gte=candidate.date.start,
        )
    events = list(Event.objects.filter(condition).select_related("actor", "law").order_by("date_start", "pk"))
    found = {}
    for candidate in wanted:
        for event in events:
            same_who = (candidate.actor_known and event.actor.match_key == match_key(candidate.actor)) or (
                _milestone(candidate)
                and event.law is not None
                and event.law.match_key == match_key(candidate.law)
            )
            if (
                same_who
                and event.action_type == candidate.action_type
                and event.date_start <= candidate.date.end
                and event.date_end >= candidate.date.start
            ):
                found[candidate.key] = event
                break
    return found


def _milestone(candidate) -> bool:
    return candidate.law_known and candidate.action_type in LAW_ACTIONS


def source_values(article: Article, *, quote: str = "", speaker: str = "") -> dict:
    return {
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "quote": quote,
        "speaker": speaker,
    }


def accept(
    values: dict,
    *,
    article: Article,
    user,
    responds_to: Event | None = None,
    event: Event | None = None,
    resolver: Resolver | None = None,
):
    """Create the event an editor accepted (or add the article as a source of ``event``).

    ``values`` holds the reviewed fields: actor, actor_kind, parent, action_type, title, summary,
    date_text, jurisdiction (code), law (title), quote, quote_speaker, status. Raises
    ``django.core.exceptions.ValidationError`` as ``services.save_event`` does. Give one
    ``resolver`` to several calls to look the jurisdictions up once.
    """
    source = source_values(article, quote=values.get("quote", ""), speaker=values.get("quote_speaker", ""))
    if event is not None:
        current = [
            {
                "url": citation.source.url,
                "outlet": citation.source.outlet,
                "title": citation.source.title,
                "published": citation.source.published,
                "quote": citation.quote,
                "speaker": citation.speaker,
            }
            for citation in event.citations.select_related("source")
        ]
        if not any(_same_url(item["url"], article.url) for item in current):
            current.append(source)
        return services.save_event(event, values={"sources": current}, user=user)
    with transaction.atomic():  # an event refused by the rules leaves no new organization or law
        return _create(
            values,
            article=article,
            user=user,
            responds_to=responds_to,
            source=source,
            resolver=resolver or Resolver(),
        )


def _same_url(a: str, b: str) -> bool:
    try:
        return normalize_url(a) == normalize_url(b)
    except ValueError:
        return False


def _create(values, *, article, user, responds_to, source, resolver):
    parent = resolver.organization(values["parent"]) if values.get("parent") else None
    kind = values.get("actor_kind") or OrganizationKind.OTHER
    actor = resolver.organization(values["actor"], kind=kind, parent=parent)
    jurisdiction = resolver.jurisdiction(values.get("jurisdiction") or "")
    law = resolver.law(values["law"], jurisdiction=jurisdiction) if values.get("law") else None
    status = values.get("status") or EventStatus.DRAFT
    return services.save_event(
        values={
            "actor": actor,
            "action_type": values["action_type"],
            "title": values.get("title") or values.get("summary", "")[:300],
            "summary": values.get("summary", ""),
            "date_text": values["date_text"],
            "date_reference": article.published,
            "jurisdiction": jurisdiction,
            "law": law,
            "responds_to": responds_to,
            "status": status,
            "sources": [source],
        },
        language=values.get("language") or None,
        user=user,
    )


# --- files: the extract_events command and its Celery task ---

ARTICLE_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


def read_article_file(path: str, *, published=None, url: str = "", language: str = "") -> Article:
    """The article in the file at ``path``; ``ArticleError`` (before reading it) when it is too large."""
    name = os.path.basename(path)
    check_size(os.path.getsize(path), name=name)
    with open(path, "rb") as handle:
        data = handle.read()
    return read_article(data, name=name, published=published, url=url, language=language)


def file_rows(
    path: str, *, published=None, url: str = "", language: str = "", known: Knowledge | None = None
):
    """(import rows, None) for the article in ``path``, or ([], the reason it was refused)."""
    try:
        article = read_article_file(path, published=published, url=url, language=language)
    except ArticleError as error:
        return [], str(error)
    except OSError as error:
        return [], f"{path}: cannot open the file: {error.strerror}"
    if article.published is None:
        return [], (
            f"{path}: no publication date (none given, none in the page): relative dates cannot be "
            "read without it; give --published YYYY-MM-DD"
        )
    return import_rows(extract(article, known if known is not None else knowledge())), None


def write_rows_part(paths, part_path, *, published=None, url="", language=""):
    """Extract the articles of ``paths`` into the CSV ``part_path`` (no header) and their refusals into
    ``part_path + ".errors"``; both appear at once, complete (the command waits for them)."""
    known = knowledge()
    errors = []
    temporary = f"{part_path}.{os.getpid()}.tmp"
    with open(temporary, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        for path in paths:
            rows, error = file_rows(path, published=published, url=url, language=language, known=known)
            writer.writerows(rows)
            if error:
                errors.append(error)
    with open(f"{temporary}.errors", "w", encoding="utf-8") as handle:
        json.dump(errors, handle)
    os.replace(f"{temporary}.errors", f"{part_path}.errors")
    os.replace(temporary, part_path)
