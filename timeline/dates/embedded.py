"""The one date inside a longer phrase ("announced on Monday, July 6, 2020")."""

from __future__ import annotations

import re

from . import reading
from .base import _R, DateNormalizationError, _Ctx
from .vocabulary import _EN_MONTHS, _WD_ALT

_EMBED_MONTH = "|".join(sorted((w for w in _EN_MONTHS), key=len, reverse=True))


_EMBED_RE = re.compile(
    rf"(?:(?:{_WD_ALT})\.?,?\s+)?"
    rf"(?:(?:{_EMBED_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_EMBED_MONTH})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)\b"
)


def _search_embedded(t: str, ctx: _Ctx) -> _R | None:
    """The one English long-form or ISO date inside a longer phrase, or None."""
    found = []
    for m in _EMBED_RE.finditer(t):
        r = reading._parse_one(m.group(), ctx)
        if r is not None:
            found.append(r)
    return _the_one_date(t, found)


def _the_one_date(t: str, found: list[_R]) -> _R | None:
    """The one distinct date found in ``t``; None for none, an error for several."""
    distinct = list(dict.fromkeys(found))
    if len(distinct) > 1:
        listed = ", ".join(r.start.isoformat() for r in distinct)
        raise DateNormalizationError(f"{t!r} names more than one date ({listed}); give one date or a range")
    return distinct[0] if distinct else None
