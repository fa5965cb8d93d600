"""News dates as published: datelines, bylines, courts, regulators, relative wordings, non-dates.

    python bench/news_dates.py [--data bench/data/news_dates.tsv] [--failures]
    python bench/news_dates.py --data bench/data/news_dates_holdout.tsv   # the held-out set

Each row of the data file (written before the engine read it: the outside check of issue 12) is
read by ``normalize_date`` against the file's reference (``# reference: YYYY-MM-DD``, else
Thursday 11 March 2021) with the row's language as a hint and without
one. A reading is exact when it gives the expected first day, last day and precision (when the
row states one) and is not flagged ambiguous; a row expected to be refused is exact when it is
refused. Otherwise it was refused, flagged ambiguous (for review) or silently wrong (another
date, or a date for a non-date, with no flag). Prints a table per language and overall.
"""

import argparse
import collections
import datetime as dt
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from timeline import dates

warnings.filterwarnings("ignore")

REFERENCE = dt.date(2021, 3, 11)  # a Thursday
_REFERENCE_LINE = "# reference:"
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "news_dates.tsv")
OUTCOMES = ("exact", "refused", "ambiguous", "wrong")


def parse_expected(field):
    """(start, end, precision or None), or None for a row that must be refused."""
    if field == "refuse":
        return None
    if ".." in field:
        span, _, precision = field.partition(" ")
        start, end = span.split("..")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision or None
    parts = [int(part) for part in field.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day, "day"
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return first, last, "month"
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"


def load_rows(path):
    """The rows of a data file and its reference date."""
    rows, reference = [], REFERENCE
    with open(path, encoding="utf-8") as data:
        for line in data:
            line = line.rstrip("\n")
            if line.startswith(_REFERENCE_LINE):
                reference = dt.date.fromisoformat(line[len(_REFERENCE_LINE) :].split()[0])
            if not line or line.startswith("#"):
                continue
            language, text, expected, note = line.split("\t")
            rows.append((language, text, parse_expected(expected), note))
    return rows, reference


def outcome(text, expected, languages, reference):
    """The outcome and what was read (for the failure list)."""
    try:
        result = dates.normalize_date(text, reference=reference, languages=languages)
    except dates.DateNormalizationError as error:
        return ("exact" if expected is None else "refused"), f"refused: {error.reason}"
    read = f"{result.start}..{result.end} {result.precision}" + (" ambiguous" if result.ambiguous else "")
    if result.ambiguous:
        return "ambiguous", read
    if expected is None:
        return "wrong", read
    start, end, precision = expected
    right = (result.start, result.end) == (start, end) and precision in (None, result.precision)
    return ("exact" if right else "wrong"), read


def evaluate(rows, reference):
    """{language: {mode: Counter}}, and the failures as (mode, language, text, expected, read)."""
    counts = collections.defaultdict(lambda: {"hint": collections.Counter(), "none": collections.Counter()})
    failures = []
    for language, text, expected, _note in rows:
        for mode, languages in (("hint", [language]), ("none", None)):
            result, read = outcome(text, expected, languages, reference)
            counts[language][mode][result] += 1
            if result != "exact":
                failures.append((mode, language, text, expected, f"{result}: {read}"))
    return counts, failures


def percent(counter):
    total = sum(counter.values())
    return 100.0 * counter["exact"] / total if total else 0.0


def table(counts):
    lines = [
        "| language | rows | exact with hint | exact without | refused (hint/none) "
        "| ambiguous (hint/none) | silently wrong (hint/none) |",
        "|---|---|---|---|---|---|---|",
    ]
    overall = {"hint": collections.Counter(), "none": collections.Counter()}
    for language in sorted(counts, key=lambda code: (code != "en", code)):
        hint, none = counts[language]["hint"], counts[language]["none"]
        overall["hint"].update(hint)
        overall["none"].update(none)
        lines.append(row_line(language, hint, none))
    lines.append(row_line("**all**", overall["hint"], overall["none"]))
    return "\n".join(lines)


def row_line(label, hint, none):
    return (
        f"| {label} | {sum(hint.values())} | {percent(hint):.1f}% | {percent(none):.1f}% "
        f"| {hint['refused']}/{none['refused']} | {hint['ambiguous']}/{none['ambiguous']} "
        f"| {hint['wrong']}/{none['wrong']} |"
    )


def describe(expected):
    if expected is None:
        return "refuse"
    start, end, precision = expected
    return f"{start}..{end} {precision or ''}".strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--failures", action="store_true", help="list every reading that was not exact")
    args = parser.parse_args()
    rows, reference = load_rows(args.data)
    counts, failures = evaluate(rows, reference)
    print(f"{len(rows)} rows, reference {reference} ({reference:%A})\n")
    print(table(counts))
    if args.failures:
        print()
        for mode, language, text, expected, read in failures:
            print(f"{mode:4} {language} {text!r}: expected {describe(expected)}; {read}")


if __name__ == "__main__":
    main()
