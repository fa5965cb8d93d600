"""Which languages a text is read in: the caller's, or those its script implies."""

from __future__ import annotations

import functools
import re

from .vocabulary import _language_info


@functools.lru_cache(maxsize=1)
def _known_languages() -> frozenset:
    from dateparser.data import languages_info

    return frozenset(languages_info.language_order)


_EN_REGION_ORDER = {
    "us": "MDY", "gb": "DMY", "uk": "DMY", "ie": "DMY", "au": "DMY", "nz": "DMY", "in": "DMY",
    "hk": "DMY", "sg": "DMY", "za": "YMD", "ph": "MDY", "ng": "DMY", "pk": "DMY", "my": "DMY",
}  # fmt: skip


_SCRIPTS = (
    (re.compile("[\u3040-\u30ff]"), "ja"),
    (re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"), "ko"),
    (re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"), "zh"),
    (re.compile("[\u0400-\u04ff]"), "ru"),
    (re.compile("[\u0600-\u06ff]"), "ar"),
    (re.compile("[\u0370-\u03ff]"), "el"),
    (re.compile("[\u0590-\u05ff]"), "he"),
    (re.compile("[\u0e00-\u0e7f]"), "th"),
)


def _resolve_languages(languages, text: str) -> tuple[tuple, str | None, bool]:
    """(language codes, order implied by them, whether the caller gave them)."""
    if languages:
        if isinstance(languages, str):
            languages = [languages]
        known = _known_languages()
        codes: list[str] = []
        implied = None
        for raw in languages:
            if not raw:
                continue
            parts = re.split(r"[-_]", str(raw).strip().lower())
            code = parts[0]
            if code == "en" and len(parts) > 1 and implied is None:
                implied = _EN_REGION_ORDER.get(parts[-1])
            if code in known and code not in codes:
                codes.append(code)
        if codes:
            if implied is None:
                orders = set()
                for code in codes:
                    if code != "en":
                        info = _language_info(code)
                        orders.add(info.get("date_order") if info else None)
                if len(orders) == 1:
                    implied = orders.pop()
            return tuple(codes), implied, True
    if not text.isascii():
        for pattern, code in _SCRIPTS:
            if pattern.search(text):
                return (code,), None, False
    return ("en",), None, False
