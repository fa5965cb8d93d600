"""TempEval-3 (SemEval-2013 Task 1) on the date engine: TimeML news with gold TIMEX3 values.

    python bench/tempeval.py [--set tbaq|platinum] [--show N]

Data: ../shared/data/tempeval3/ (TBAQ-cleaned for development, te3-platinum for the report;
never tune to platinum). Prints, for the chosen set:

(a) value accuracy of the DATE expressions given their gold text: ``normalize_date(text,
    reference=creation date)`` turned into a TimeML value, against the gold value; for all DATE
    expressions and for those whose gold value is a calendar value (a day, week, month, quarter,
    half, season, year, decade or century: not PRESENT_REF/PAST_REF/FUTURE_REF, not fiscal or
    unknown-year values such as XXXX-03). The same for dateparser's ``DateDataParser`` in the
    same run (its date and period as a value). Also the gold span read in its document as
    ``find_dates`` reads it (``read_mention``: the clause's tense for a bare weekday or month, the
    quarter a financial sentence speaks of). TimeML's PRESENT_REF is the document's creation
    time, so a reading of exactly the reference day counts for it ("now", "currently"); those
    hits are also printed apart. PAST_REF/FUTURE_REF and unknown-year values have no date and are
    never matched. A gold week written without its leading zero ("2000-W7") is the week it names.
(b) ``find_dates`` end to end on the documents' text: extraction precision/recall/F1 with
    relaxed (overlap) and strict (exact span) matching, and value F1 (a found expression counts
    when it overlaps a gold one and its value equals the gold value), against the gold DATE
    expressions and against all gold TIMEX3 (DATE, TIME, DURATION, SET) as the published Task A
    table counts them (HeidelTime 77.61 value F1, SUTime 67.38).
"""

import argparse
import collections
import datetime as dt
import html
import os
import pathlib
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from timeline import dates
from timeline.dates.calendar_math import _half
from timeline.dates.search import read_mention

warnings.filterwarnings("ignore")

DATA = pathlib.Path(
    os.environ.get("TEMPEVAL_DATA", pathlib.Path(__file__).resolve().parents[2] / "shared/data/tempeval3")
)
SETS = {"tbaq": ("TBAQ-cleaned/TimeBank", "TBAQ-cleaned/AQUAINT"), "platinum": ("te3-platinum",)}
CALENDAR_VALUE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?|\d{2,3}")
_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
# Some gold values write a week without its leading zero ("2000-W7"): the week they name.
_UNPADDED_WEEK_RE = re.compile(r"-W(\d)(?!\d)")


class Timex:
    def __init__(self, start, end, text, kind, value):
        self.span, self.text, self.kind, self.value = (start, end), text, kind, value


def read_document(path):
    """(creation date, plain text, [Timex]) of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S
    )
    reference = dt.date.fromisoformat(dct[1])
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    out, timexes, open_timex, at = [], [], None, 0
    length = 0
    for m in _TAG_RE.finditer(body):
        piece = html.unescape(body[at : m.start()])
        out.append(piece)
        length += len(piece)
        at = m.end()
        if m[2] != "TIMEX3":
            continue
        if m[1] == "":
            attrs = dict(_ATTR_RE.findall(m[3]))
            open_timex = (length, attrs.get("type"), _UNPADDED_WEEK_RE.sub(r"-W0\1", attrs.get("value", "")))
        elif open_timex is not None:
            start, kind, value = open_timex
            timexes.append(Timex(start, length, "".join(out)[start:length], kind, value))
            open_timex = None
    out.append(html.unescape(body[at:]))
    return reference, "".join(out), timexes


def documents(which):
    for folder in SETS[which]:
        for path in sorted((DATA / folder).glob("*.tml")):
            yield path.name, *read_document(path)


def timeml_value(start, end, precision):
    """The TimeML value of a range at its precision, or None when TimeML has none for it."""
    if precision == "day":
        if start.weekday() == 5 and end - start == dt.timedelta(days=1):
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}-WE"  # a weekend, as TimeML writes it
        return start.isoformat() if start == end else None
    if precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}" if end - start == dt.timedelta(days=6) else None
    if precision == "month":
        return f"{start:%Y-%m}" if (start.year, start.month) == (end.year, end.month) else None
    if precision == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}" if (end.month - start.month) == 2 else None
    if precision == "season":
        return f"{start.year:04d}-{SEASONS.get(start.month, '')}"
    if precision == "year":
        for h in (1, 2):
            if _half(start.year, h) == (start, end):
                return f"{start.year:04d}-H{h}"
        return f"{start.year:04d}" if start.year == end.year else None
    if precision == "decade":
        return f"{start.year // 10:03d}" if end.year - start.year == 9 else None
    if precision == "century":
        return f"{start.year // 100:02d}"
    return None


def ours(text, reference):
    try:
        r = dates.normalize_date(text, reference=reference)
    except dates.DateNormalizationError:
        return None
    return value_of(r)


def value_of(r):
    # Approximate qualifiers narrow a range (early 1990s); TimeML keeps the period's value.
    value = timeml_value(r.start, r.end, r.precision)
    if value is None and r.approximate and not r.is_range:
        start, end = dates.calendar_math._period(r.start, r.precision)
        value = timeml_value(start, end, r.precision)
    return value


_DP_CACHE = {}


def dateparser_value(text, reference):
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(reference, dt.time(12))
    parser = _DP_CACHE.get(reference)
    if parser is None:
        parser = _DP_CACHE[reference] = DateDataParser(
            languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        )
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises what it likes on odd text
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"day": d.isoformat(), "time": d.isoformat(), "month": f"{d:%Y-%m}", "year": f"{d.year:04d}",
            "week": "{:04d}-W{:02d}".format(*d.isocalendar()[:2])}.get(data.period)  # fmt: skip


def gold_value(t, reference):
    """The gold value, with PRESENT_REF as the creation date it stands for."""
    return reference.isoformat() if t.value == "PRESENT_REF" else t.value


def _convention(value):
    if value.endswith("_REF"):
        return "PRESENT/PAST/FUTURE_REF"
    if value.startswith("XXXX") or "X" in value:
        return "unknown year or unit (XXXX-..)"
    return "other (fiscal, periods)"


def given_text(which, show):
    totals = collections.Counter()
    apart = collections.Counter()
    misses = []
    for name, reference, text, timexes in documents(which):
        for t in timexes:
            if t.kind != "DATE":
                continue
            calendar = bool(CALENDAR_VALUE_RE.fullmatch(t.value))
            mine, theirs = ours(t.text, reference), dateparser_value(t.text, reference)
            mention = read_mention(text, *t.span, reference=reference)
            in_text = value_of(mention.value) if mention is not None else None
            totals["all"] += 1
            totals["calendar"] += calendar
            if not calendar:
                apart[_convention(t.value)] += 1
            gold = gold_value(t, reference)
            totals["ours all"] += mine == gold
            totals["ours present"] += t.value == "PRESENT_REF" and mine == gold
            totals["dp present"] += t.value == "PRESENT_REF" and theirs == gold
            totals["ours calendar"] += calendar and mine == t.value
            totals["text all"] += in_text == gold
            totals["text calendar"] += calendar and in_text == t.value
            totals["dp all"] += theirs == gold
            totals["dp calendar"] += calendar and theirs == t.value
            if calendar and mine != t.value and len(misses) < show:
                misses.append(f"  {name} ref {reference}: {t.text!r} gold {t.value} ours {mine}")
    print(f"(a) DATE values given the gold text, {which}: {totals['all']} DATE, ", end="")
    print(f"{totals['calendar']} with a calendar value")
    labels = (
        ("timeline.dates", "ours"),
        ("dateparser DateDataParser", "dp"),
        ("timeline.dates in its text", "text"),
    )
    for label, key in labels:
        print(
            f"    {label:28} all {100 * totals[key + ' all'] / totals['all']:5.1f}%   "
            f"calendar {100 * totals[key + ' calendar'] / totals['calendar']:5.1f}%"
        )
    print("    reported apart (TimeML conventions, no calendar value):", dict(apart))
    print(
        f"    of which PRESENT_REF read as the reference day: timeline.dates {totals['ours present']}, "
        f"dateparser {totals['dp present']}"
    )
    if misses:
        print("  calendar values missed:")
        print("\n".join(misses))


def f1(hits, system, gold):
    p = hits / system if system else 0
    r = hits / gold if gold else 0
    return 100 * (2 * p * r / (p + r) if p + r else 0), 100 * p, 100 * r


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def end_to_end(which, show):
    counts = {kinds: collections.Counter() for kinds in ("DATE", "all")}
    examples = []
    for name, reference, text, timexes in documents(which):
        found = [(m.span, value_of(m.value)) for m in dates.find_dates(text, reference=reference)]
        for kinds, gold in (("DATE", [t for t in timexes if t.kind == "DATE"]), ("all", timexes)):
            c = counts[kinds]
            c["system"] += len(found)
            c["gold"] += len(gold)
            for span, value in found:
                match = next((g for g in gold if overlaps(span, g.span)), None)
                c["relaxed"] += match is not None
                c["strict"] += match is not None and match.span == span
                c["value"] += match is not None and gold_value(match, reference) == value
            if kinds == "DATE" and len(examples) < show:
                for g in gold:
                    hit = next((f for f in found if overlaps(f[0], g.span)), None)
                    if hit is None or hit[1] != gold_value(g, reference):
                        got = "missed" if hit is None else f"{text[hit[0][0] : hit[0][1]]!r} -> {hit[1]}"
                        examples.append(f"  {name}: {g.text!r} gold {g.value}: {got}")
    print(f"\n(b) find_dates end to end, {which}")
    for kinds, c in counts.items():
        relaxed, strict, value = (
            f1(c[key], c["system"], c["gold"]) for key in ("relaxed", "strict", "value")
        )
        print(
            f"    against gold {kinds:4} ({c['gold']} gold, {c['system']} found): "
            f"relaxed F1 {relaxed[0]:.1f} "
            f"(P {relaxed[1]:.1f} R {relaxed[2]:.1f}); strict F1 {strict[0]:.1f}; "
            f"value F1 {value[0]:.1f} (P {value[1]:.1f} R {value[2]:.1f})"
        )
    if examples:
        print("  gold DATE expressions missed or misread:")
        print("\n".join(examples[:show]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="tbaq")
    parser.add_argument("--show", type=int, default=0, help="examples of misses to print")
    args = parser.parse_args()
    given_text(args.set, args.show)
    end_to_end(args.set, args.show)


if __name__ == "__main__":
    main()
