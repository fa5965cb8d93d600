"""Reading and validating one staged row: its values, its date, and what a person must fix.

Nothing here writes: a row becomes an ``Item`` that carries the canonical values, the resolved
date, the messages for the person and whether the row needs review or failed.
"""

import functools
import re
from dataclasses import dataclass, field

from .. import dates, matching
from ..jurisdictions import DateContext
from ..jurisdictions.lookup import suggest_jurisdictions
from ..models import ActionType, EventStatus, ImportRowStatus, OrganizationKind
from ..services import ambiguous_date_message, normalize_with
from .columns import EXTRA_KEY, UNPARSED_KEY, canonical_values

# The longest value each column may hold (the model's max_length); a longer one needs review.
LIMITS = {
    "id": 200,
    "actor": 200,
    "parent": 200,
    "law": 300,
    "title": 300,
    "raw_date": 200,
    "source_url": 1000,
    "source_outlet": 200,
    "source_title": 500,
    "quote_speaker": 200,
    "responds_to": 200,
}

_WORD = re.compile(r"[\s\-]+")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


# Files repeat the same few action types, kinds and statuses: each is folded once per process.
@functools.lru_cache(maxsize=4096)
def _token(text):
    return _WORD.sub("_", text.strip().casefold())


ACTION_TYPES = {_token(value): value for value in ActionType.values} | {
    _token(str(label)): value for value, label in ActionType.choices
}
KINDS = {_token(value): value for value in OrganizationKind.values} | {
    _token(str(label)): value for value, label in OrganizationKind.choices
}
STATUSES = {value: value for value in EventStatus.values}


def normalize(text, reference, languages, date_order):
    """The date read in its context (``services.normalize_with``); returns (result, error reason).

    A text that reads without a reference ("2020-07-06", "6 July 2020") reads the same against any
    reference (the reference only places relative text and missing years), so it is read once per
    distinct text, whatever each row's reference: imports repeat the same dates with many
    different publication dates. Relative text is read once per distinct (text, reference).
    An ISO calendar date ("2020-07-06", what every reference date is) names its day in any
    language and date order, so it is read once whatever the row's context, too: a file about
    twelve jurisdictions would otherwise read each of its days twelve times.
    """
    if _ISO_DAY.fullmatch(text):
        languages = date_order = reference = None
    if reference is not None:
        absolute = _normalize(text, None, languages, date_order)
        if absolute[1] is None:
            return absolute
    return _normalize(text, reference, languages, date_order)


@functools.lru_cache(maxsize=50_000)
def _normalize(text, reference, languages, date_order):
    context = DateContext(languages=list(languages) if languages else None, date_order=date_order)
    try:
        return normalize_with(context, text, reference=reference), None
    except dates.DateNormalizationError as error:
        return None, getattr(error, "reason", None) or str(error)


# A file names the same few pages over and over (a million-row file a hundred thousand).
normalize_url = functools.lru_cache(maxsize=100_000)(matching.normalize_url)


def message(level, text, field=None, code=None):
    note = {"level": level, "text": text}
    if field:
        note["field"] = field
    if code:
        note["code"] = code
    return note


@dataclass(eq=False)
class Item:
    """One row on its way through a chunk: ``row`` is the staged ImportRow's plain values."""

    row: object
    values: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)
    review: bool = False
    failure: str = ""
    jurisdiction: object = None
    action_type: str = ""
    kind: str = ""
    status: str = ""
    language: str = ""
    normalized_url: str = ""
    reference: object = None
    date: object = None
    actor: object = None
    law: object = None
    source: object = None
    key: tuple = ()
    fields: dict = field(default_factory=dict)
    event: dict | None = None  # the event's column values, as the upsert reads and writes them
    event_id: int | None = None
    outcome: str = ""
    pending_link: str = ""
    search_document: str = ""

    def get(self, name):
        return self.values.get(name, "")

    def error(self, name, text, code=None):
        self.review = True
        self.messages.append(message("error", text, name, code))

    def warn(self, name, text):
        self.messages.append(message("warning", text, name))

    def fail(self, text):
        self.failure = text
        self.messages.append(message("error", text, code="failed"))

    @property
    def ok(self):
        return not self.review and not self.failure

    @property
    def final_status(self):
        if self.failure:
            return ImportRowStatus.FAILED
        if self.review:
            return ImportRowStatus.NEEDS_REVIEW
        return self.outcome


def read_values(item, resolver):
    """Check the row's columns and turn them into what an event needs (dates come later)."""
    raw = item.row.raw
    item.messages = [m for m in (item.row.messages or []) if isinstance(m, dict) and m.get("stage")]
    if any(m.get("level") == "error" for m in item.messages):
        item.review = True
    if not isinstance(raw, dict):
        item.error(None, "the raw values are not an object of column: value")
        return
    if UNPARSED_KEY in raw:
        if not item.review:
            item.error(None, f"the row could not be read; its text is under {UNPARSED_KEY!r}")
        return
    if raw.get(EXTRA_KEY) and not item.review:
        item.error(None, f"values beyond the header are kept under {EXTRA_KEY!r}: move or delete them")
    item.values = values = canonical_values(raw)

    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            item.error(name, f"{name} is {len(values[name]):,} characters long; at most {limit} fit")
    if not values.get("actor"):
        item.error("actor", "actor is missing: name the organization or body that acted")
    if not values.get("raw_date"):
        item.error("raw_date", "raw_date is missing: give the date as the source wrote it")
    if not values.get("title"):
        summary = values.get("summary", "")
        if not summary:
            item.error("title", "title and summary are both missing: give at least one")
        else:
            values["title"] = title_from(summary)

    action = values.get("action_type", "")
    if not action:
        item.action_type = ActionType.OTHER
        item.warn("action_type", "no action_type: recorded as 'other'")
    elif _token(action) in ACTION_TYPES:
        item.action_type = ACTION_TYPES[_token(action)]
    else:
        item.error(
            "action_type",
            f"unknown action_type {action!r}: use one of {', '.join(ActionType.values)}",
        )

    kind = values.get("actor_kind", "")
    if kind:
        item.kind = KINDS.get(_token(kind), "")
        if not item.kind:
            item.warn(
                "actor_kind",
                f"unknown actor_kind {kind!r} ignored: use one of {', '.join(OrganizationKind.values)}",
            )

    status = values.get("status", "")
    if status:
        item.status = STATUSES.get(_token(status), "")
        if not item.status:
            item.error("status", f"unknown status {status!r}: use one of {', '.join(EventStatus.values)}")

    code = values.get("jurisdiction", "")
    if code:
        item.jurisdiction = resolver.jurisdiction(code)
        if item.jurisdiction is None:
            suggestions = suggest_jurisdictions(code)
            did_you_mean = f"did you mean {' or '.join(suggestions)}? " if suggestions else ""
            item.error(
                "jurisdiction",
                f"unknown jurisdiction {code!r}: {did_you_mean}use an ISO 3166 code such as HK, US "
                "or US-CA (or a known name), or add the jurisdiction in the admin first",
            )

    language = values.get("language", "").casefold()
    if language:
        if _LANGUAGE.match(language):
            item.language = language
        else:
            item.warn("language", f"language {language!r} is not an ISO 639-1 code such as en; ignored")

    url = values.get("source_url", "")
    if url:
        try:
            item.normalized_url = normalize_url(url)
        except ValueError as error:
            item.error("source_url", f"source_url is not usable: {error}")
    elif values.get("quote"):
        item.warn("quote", "a quote without a source_url is kept in the raw values only")


def read_dates(item, resolver):
    """The row's reference date and its date, in the context of its jurisdiction and language."""
    values = item.values
    if not values:
        return
    code = item.jurisdiction.code if item.jurisdiction is not None else None
    languages, date_order = resolver.context_for(code, item.language or None)
    reference_text = values.get("reference_date", "")
    if reference_text:
        result, reason = normalize(reference_text, None, languages, date_order)
        if reason:
            item.error("reference_date", f"reference_date {reference_text!r} is not a date: {reason}")
        elif result.precision != "day" or result.ambiguous:
            item.error(
                "reference_date",
                f"reference_date {reference_text!r} must name one day, written like 2020-07-07",
            )
        else:
            item.reference = result.start
    elif item.normalized_url:
        source = resolver.sources.get(item.normalized_url)
        item.reference = source.published if source is not None else None
    text = values.get("raw_date", "")
    if not text or len(text) > LIMITS["raw_date"]:
        return
    result, reason = normalize(text, item.reference, languages, date_order)
    if reason:
        item.error("raw_date", f"the date {text!r} cannot be used: {reason}", code="date")
    elif result.ambiguous:
        item.error("raw_date", ambiguous_date_message(text, result), code="date")
    else:
        item.date = result


def title_from(summary, limit=300):
    if len(summary) <= limit:
        return summary
    cut = summary[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"
