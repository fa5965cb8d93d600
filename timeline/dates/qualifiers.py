"""Approximate and early/mid/late qualifiers in front of a date."""

from __future__ import annotations

import re

# "Earlier Sunday", "later yesterday": a time of that day.
_DAY_WORD = r" (?:today|yesterday|tomorrow|tonight|mon|tue|wed|thu|fri|sat|sun)"

_QUALIFIER_RE = re.compile(
    r"(?:(?P<approx>c\.|ca\.|c(?=\s?\d)|circa|on or about|on or around|around|about|"
    r"approximately|approx\.?|roughly|"
    r"some ?time"
    r"(?: in| around| during)?|~|est\.|estimated|reportedly|probably|perhaps|likely)"
    r"|(?P<range>(?P<r1>early|mid|late)[- ]to[- ](?P<r2>mid|late)-?)"
    r"|(?P<early>early|the early part of|the beginning of|beginning of|the start of|start of|"
    r"towards the beginning of|earlier in|start(?=-)|earlier(?=" + _DAY_WORD + "))"
    r"|(?P<mid>mid-|mid|the middle of|middle of|midway through|halfway through)"
    r"|(?P<late>late|the latter part of|the end of|end of|end(?=-)|towards? the end of|"
    r"the close of|close of|later in|later(?=" + _DAY_WORD + "))"
    r"|(?P<noise>updated:?|published:?|posted:?|posted on|first published|last updated:?|date:|"
    r"dated|as of|on|in|at|during|the|effective|effective from))"
    r"(?:\s+|\s*-\s*|(?<=[-~])|(?<=[.c])(?=\d))"
)


_SUFFIX_APPROX_RE = re.compile(r"\s*(?:\?|~|\(approx(?:\.|imate(?:ly)?)?\)|\(est\.?\)|or so|\(\?\))$")


def _strip_qualifiers(t: str) -> tuple[str, bool, tuple[str, str] | None]:
    approx = False
    third = None
    m = _SUFFIX_APPROX_RE.search(t)
    if m and m.start() > 0:
        t, approx = t[: m.start()], True
    while True:
        m = _QUALIFIER_RE.match(t)
        if m is None:
            break
        if m["approx"]:
            approx = True
        elif m["range"]:
            third = (m["r1"], m["r2"])
        elif m["early"]:
            third = ("early", "early")
        elif m["mid"]:
            third = ("mid", "mid")
        elif m["late"]:
            third = ("late", "late")
        t = t[m.end() :].lstrip(" ,")
    return t, approx, third
