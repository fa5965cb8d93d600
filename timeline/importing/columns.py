"""The import columns of DESIGN.md, their aliases, and how a raw row maps onto them."""

import functools
import json
import re

from ..control_characters import CONTROL_CHARACTERS, strip_control_characters

COLUMNS = (
    "id",
    "actor",
    "parent",
    "actor_kind",
    "jurisdiction",
    "law",
    "action_type",
    "title",
    "summary",
    "raw_date",
    "reference_date",
    "language",
    "source_outlet",
    "source_url",
    "source_title",
    "quote",
    "quote_speaker",
    "responds_to",
    "status",
)
ALIASES = {"date": "raw_date", "published": "reference_date", "external_id": "id"}

# Keys staging adds to a raw payload (never file columns): values beyond the header, an
# NDJSON line that is not a JSON object.
EXTRA_KEY = "_extra"
UNPARSED_KEY = "_unparsed"
RESERVED_KEYS = {EXTRA_KEY, UNPARSED_KEY}

_SEPARATORS = re.compile(r"[\s\-]+")


@functools.lru_cache(maxsize=4096)
def canonical_name(name):
    """The import column a header names ("Raw date", "raw-date", "DATE" -> "raw_date"), or None."""
    key = _SEPARATORS.sub("_", str(name).strip().lstrip("\ufeff").casefold())
    key = ALIASES.get(key, key)
    return key if key in COLUMNS else None


def unknown_columns(names):
    return [name for name in names if name not in RESERVED_KEYS and canonical_name(name) is None]


def missing_required(names):
    """Required columns absent from a header, described for a person: [] when all are there."""
    present = {canonical_name(name) for name in names}
    missing = []
    if "raw_date" not in present:
        missing.append("raw_date (or date)")
    if "actor" not in present:
        missing.append("actor")
    if not present & {"title", "summary"}:
        missing.append("title or summary")
    return missing


def as_text(value):
    """A cell as text: numbers and booleans written back as JSON would, nested values as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_control_characters(value).strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _exact(name, column):
    return _SEPARATORS.sub("_", str(name).strip().lstrip("\ufeff").casefold()) == column


@functools.lru_cache(maxsize=1024)
def _plan(names):
    """The (name, column) pairs ``canonical_values`` reads for a row with the keys ``names``: a file's
    rows share their keys, so this is worked out once per file shape, not per row."""
    kept, exact = {}, set()
    for name in names:
        if name in RESERVED_KEYS:
            continue
        column = canonical_name(name)
        if column is None:
            continue
        is_exact = _exact(name, column)
        if column in kept and (column in exact or not is_exact):
            continue
        kept[column] = name
        if is_exact:
            exact.add(column)
    return tuple((name, column) for column, name in kept.items())


def canonical_values(raw):
    """{column: text} for the known columns of a raw row. A canonical name wins over its alias."""
    plan = _plan(tuple(raw))
    cells = [raw[name] for name, _ in plan]
    if all(type(cell) is str for cell in cells) and not CONTROL_CHARACTERS.search("".join(cells)):
        # The usual row, all text and clean: one search of the row instead of one per cell.
        return {column: cell.strip() for (_, column), cell in zip(plan, cells, strict=True)}
    return {column: as_text(cell) for (_, column), cell in zip(plan, cells, strict=True)}
