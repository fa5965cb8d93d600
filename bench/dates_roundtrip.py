"""Round trip: dates that Babel (CLDR) writes in every language must read back to the same day.

    python bench/dates_roundtrip.py [--per-language N] [--languages fr,de,...] [--failures N]

For every language both dateparser and Babel know, N random dates between 1990 and 2035 are
written with Babel's full, long and medium date formats and the year-month skeleton ``yMMMM``, and
N relative phrases with ``format_timedelta(..., add_direction=True)`` ("3 days ago", "in 2
months"); each text is read by ``normalize_date`` without a language and with the language as a
hint. A date format counts as right when exactly that day (or month for yMMMM) comes back; a
relative phrase when the range read holds the day it names and is no longer than its unit.
Nothing here was tuned to: the dates are random (seeded), the texts are CLDR's. Prints a
Markdown table per language and the totals, how the dates not read right failed (refused,
flagged ambiguous for review, or read as another date: silently wrong), a table of the languages
below 99% on a date format with an example each, then examples of what failed.
"""

import argparse
import collections
import datetime as dt
import os
import random
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import babel
import babel.dates
import babel.localedata

from timeline import dates

warnings.filterwarnings("ignore")

REFERENCE = dt.date(2021, 6, 16)  # a Wednesday
DATE_FORMATS = ("full", "long", "medium")
COLUMNS = (*DATE_FORMATS, "yMMMM", "relative")
UNITS = (("day", 1, 5, 1), ("week", 1, 3, 7), ("month", 1, 10, 30), ("year", 1, 10, 365))


def languages_of_both():
    from dateparser.data import languages_info

    known = set(babel.localedata.locale_identifiers())
    return sorted(code for code in languages_info.language_order if "-" not in code and code in known)


def random_day(rng):
    return dt.date(1990, 1, 1) + dt.timedelta(
        days=rng.randrange((dt.date(2035, 12, 31) - dt.date(1990, 1, 1)).days)
    )


def shift_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


def samples(code, per_language, seed):
    """(column, text, expected start, expected end, longest span in days) for one language."""
    rng = random.Random(f"{seed}-{code}")
    out = []
    for _ in range(per_language):
        day = random_day(rng)
        for name in DATE_FORMATS:
            out.append((name, babel.dates.format_date(day, name, locale=code), day, day, 0))
        first = day.replace(day=1)
        last = shift_months(day, 1) - dt.timedelta(days=1)
        out.append(("yMMMM", babel.dates.format_skeleton("yMMMM", day, locale=code), first, last, 0))
        unit, low, high, days = UNITS[rng.randrange(len(UNITS))]
        n = rng.randint(low, high) * rng.choice((-1, 1))
        text = babel.dates.format_timedelta(
            dt.timedelta(days=n * days), add_direction=True, threshold=0.85, locale=code
        )
        if unit in ("day", "week"):
            target = REFERENCE + dt.timedelta(days=n * days)
            span = 6 if unit == "week" else 0
        elif unit == "month":
            target, span = shift_months(REFERENCE, n), 30
        else:
            target, span = REFERENCE.replace(year=REFERENCE.year + n, day=1), 365
        out.append(("relative", text, target, target, span))
    return out


def right(column, text, expected_start, expected_end, span, languages):
    """(right, what happened); what happened starts with the kind of failure: "refused",
    "ambiguous" (flagged for review) or "read" (a date that is not the one written: silently
    wrong)."""
    try:
        result = dates.normalize_date(text, reference=REFERENCE, languages=languages)
    except dates.DateNormalizationError as error:
        return False, f"refused: {error.reason}"
    if result.ambiguous:
        return False, f"ambiguous: {result.start}..{result.end}"
    if column == "relative":
        ok = result.start <= expected_start <= result.end and (result.end - result.start).days <= span
    else:
        ok = (result.start, result.end) == (expected_start, expected_end)
    return ok, f"read {result.start}..{result.end} ({result.precision})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=200)
    parser.add_argument("--languages", default="")
    parser.add_argument("--failures", type=int, default=3, help="failed examples shown per language")
    parser.add_argument("--seed", default="roundtrip")
    args = parser.parse_args()
    codes = args.languages.split(",") if args.languages else languages_of_both()
    started = time.perf_counter()
    totals = {mode: collections.Counter() for mode in ("hint", "none")}
    counts = collections.Counter()
    rows, failures = [], []
    kinds = collections.Counter()  # (mode, kind of failure) over the date formats
    exceptions = []  # per language and mode below 99% on a date format: what failed, an example
    for code in codes:
        per = {mode: collections.Counter() for mode in ("hint", "none")}
        n = collections.Counter()
        seen = collections.defaultdict(collections.Counter)
        example = {}
        for column, text, start, end, span in samples(code, args.per_language, args.seed):
            n[column] += 1
            for mode, languages in (("hint", [code]), ("none", None)):
                ok, why = right(column, text, start, end, span, languages)
                per[mode][column] += ok
                if not ok and column != "relative":
                    kind = why.split(" ", 1)[0].rstrip(":")
                    kinds[mode, kind] += 1
                    seen[mode][kind] += 1
                    example.setdefault((mode, kind), (column, text, f"{start}..{end}", why))
                if not ok and sum(1 for f in failures if f[0] == code) < args.failures:
                    failures.append((code, mode, column, text, f"{start}..{end}", why))
        for mode in ("hint", "none"):
            low = [c for c in COLUMNS[:4] if 100 * per[mode][c] / n[c] < 99]
            if low:
                cells = ", ".join(f"{c} {100 * per[mode][c] / n[c]:.0f}%" for c in low)
                what = ", ".join(f"{k} {v}" for k, v in seen[mode].most_common())
                kind = seen[mode].most_common(1)[0][0]
                column, text, expected, why = example[mode, kind]
                exceptions.append(
                    f"| {code} | {mode} | {cells} | {what} | `{text}` ({expected}): {why[:90]} |"
                )
        counts.update(n)
        for mode in per:
            totals[mode].update(per[mode])
        cells = [f"{100 * per[mode][c] / n[c]:.0f}" for mode in ("hint", "none") for c in COLUMNS]
        rows.append(f"| {code} | " + " | ".join(cells) + " |")
    head = " | ".join(f"{c} (hint)" for c in COLUMNS) + " | " + " | ".join(f"{c} (none)" for c in COLUMNS)
    print(f"| lang | {head} |")
    print("|" + "---|" * (1 + 2 * len(COLUMNS)))
    print("\n".join(rows))
    cells = [f"{100 * totals[mode][c] / counts[c]:.1f}" for mode in ("hint", "none") for c in COLUMNS]
    print("| **all** | " + " | ".join(cells) + " |")
    for mode in ("hint", "none"):
        below = [
            code
            for code, row in zip(codes, rows, strict=True)
            if any(
                float(v) < 99 for v in row.strip("| ").split(" | ")[1:][(0 if mode == "hint" else 5) :][:3]
            )
        ]
        print(
            f"\n{mode}: {len(codes) - len(below)}/{len(codes)} languages at >= 99% on full, long and medium"
        )
        print(f"  below: {' '.join(below)}")
    print(f"\n{len(codes)} languages, {sum(counts.values())} texts, {time.perf_counter() - started:.0f} s")
    for mode in ("hint", "none"):
        total = sum(counts[c] for c in COLUMNS[:4])
        told = ", ".join(f"{kind} {kinds[m, kind]}" for m, kind in sorted(kinds) if m == mode)
        print(f"{mode}: dates not read right, of {total}: {told or 'none'}")
    print("\nBelow 99% on a date format (full, long, medium, yMMMM), with what the misses were:\n")
    print("| lang | mode | formats below 99% | misses by kind | example |")
    print("|---|---|---|---|---|")
    print("\n".join(exceptions))
    print("\nFailed examples (language, mode, format, text, expected, what happened):")
    for f in failures:
        print("  " + " | ".join(f))


if __name__ == "__main__":
    main()
