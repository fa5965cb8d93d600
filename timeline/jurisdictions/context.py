"""The languages and numeric date order to expect in text about a jurisdiction.

``date_context`` reads the jurisdictions table once per process into a dict of a few hundred
kilobytes and serves every later call from it; a write to any jurisdiction (admin, refresh,
archive restore) bumps a version in the shared cache, and each process reloads when it sees a
new one (it looks at most once a second). Editors' values are the table's values, so an
override in the admin wins.
"""

import contextlib
import time
from dataclasses import dataclass

from django.db import DatabaseError, transaction

from .. import shared_cache
from .standards import standards_by_code

VERSION_KEY = "timeline:jurisdictions-version"
# Another process's change is seen within this many seconds; this process's own at once.
RECHECK_SECONDS = 1.0
_loaded = {"version": None, "table": None, "checked": 0.0}


@dataclass(frozen=True)
class DateContext:
    languages: list | None = None
    date_order: str | None = None


def forget_loaded_table():
    _loaded.update(version=None, table=None, checked=0.0)


def bump_version():
    # While the shared cache is down other processes keep their table (an editor's change of a
    # date order reaches them when it is back); this process has forgotten its own already.
    with contextlib.suppress(shared_cache.Unavailable):
        try:
            shared_cache.call("jurisdiction version", "incr", VERSION_KEY)
        except ValueError:
            shared_cache.call("jurisdiction version", "set", VERSION_KEY, 1, timeout=None)


def jurisdictions_changed(**kwargs):
    # Now for this process and its transaction, and again once committed for everyone else.
    forget_loaded_table()
    bump_version()
    transaction.on_commit(bump_version)


def _table():
    """{code: (parent code, date order, languages)} from the database, or None before migrate."""
    # models imports this package (for JurisdictionKind): the model is read when called.
    from ..models import Jurisdiction  # noqa: PLC0415

    now = time.monotonic()
    if _loaded["table"] is not None and now - _loaded["checked"] < RECHECK_SECONDS:
        return _loaded["table"]
    try:
        version = shared_cache.call("jurisdiction version", "get", VERSION_KEY, 0)
    except shared_cache.Unavailable:
        version = _loaded["version"]  # unknown: keep what is loaded, or load it once
    _loaded["checked"] = now
    if _loaded["table"] is None or _loaded["version"] != version:
        try:
            rows = Jurisdiction.objects.values_list("code", "parent__code", "date_order", "languages")
            _loaded.update(
                table={code: (parent, order, tuple(langs or ())) for code, parent, order, langs in rows},
                version=version,
            )
        except DatabaseError:  # not migrated yet: the standards alone still know the conventions
            return None
    return _loaded["table"]


def _from_standards(code):
    standard = standards_by_code().get(code)
    return None if standard is None else (standard.parent, standard.date_order, standard.languages)


def _conventions(code):
    table = _table()
    lookup = table.get if table is not None else _from_standards
    if table is not None and code not in table:
        lookup = _from_standards
    languages, date_order = (), ""
    for _ in range(10):  # parents are a few levels deep; a cycle an editor made must not hang
        found = lookup(code) if code else None
        if found is None:
            break
        code, order, langs = found
        languages = languages or langs
        date_order = date_order or order
        if languages and date_order:
            break
    return list(languages), date_order


def date_context(code=None, language=None):
    """Languages and numeric date order for text about ``code``; ``language`` goes first.

    A jurisdiction that leaves them blank takes its parent's. A code the database lacks falls
    back to the standards; an unknown or empty code gives no order.
    """
    code = (code or "").strip().upper()
    languages, date_order = _conventions(code) if code else ([], "")
    if language:
        language = language.strip().lower()
        languages = [language, *[lang for lang in languages if lang != language]]
    if languages and "en" not in languages:
        # News about any place is often written in English; keep it as the last resort.
        languages.append("en")
    return DateContext(languages=languages or None, date_order=date_order or None)
