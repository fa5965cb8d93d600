"""Benchmark: timeline.dates.normalize_date against dateparser.parse on the same corpus, same run.

    python bench/dates.py [--passes N] [--calls N]

Prints strings/second for each, their ratio, both accuracies (the fraction of the corpus whose
day or range is right) and memory growth over --calls normalizer calls (tracemalloc). No Django.

Baselines: "plain" is ``dateparser.parse(text)`` as most code calls it (given the reference as
RELATIVE_BASE when the row has one, since nothing could be right otherwise); "informed" also gets
the languages and numeric order the normalizer gets. dateparser returns one moment, so it counts
as right when that day lies inside the expected range (exactly the day, for day-precision rows);
the normalizer must get the exact start and end. Rejected text counts as right for either only
when it is rejected.
"""

import argparse
import datetime as dt
import gc
import os
import sys
import time
import tracemalloc
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import dateparser

from bench.date_corpus import entries
from timeline import dates

warnings.filterwarnings("ignore", category=DeprecationWarning)


def plain(text, context):
    reference = context.get("reference")
    settings = {"RELATIVE_BASE": dt.datetime.combine(reference, dt.time(12))} if reference else None
    return dateparser.parse(text, settings=settings)


def informed(text, context):
    settings = {"PREFER_DAY_OF_MONTH": "first"}
    if context.get("reference"):
        settings["RELATIVE_BASE"] = dt.datetime.combine(context["reference"], dt.time(12))
    if context.get("date_order"):
        settings["DATE_ORDER"] = context["date_order"]
    languages = context.get("languages") or ["en"]
    return dateparser.parse(text, languages=languages, settings=settings)


def ours(text, context):
    try:
        return dates.normalize_date(text, **context)
    except dates.DateNormalizationError:
        return None


def dateparser_right(result, start, end):
    if start is None:
        return result is None
    return result is not None and start <= result.date() <= end


def ours_right(result, start, end):
    if start is None:
        return result is None
    return result is not None and (result.start, result.end) == (start, end)


def throughput(function, corpus, passes, before_pass=None):
    elapsed = 0.0
    for _ in range(passes):
        if before_pass:
            before_pass()
        started = time.perf_counter()
        for text, _, _, context in corpus:
            function(text, context)
        elapsed += time.perf_counter() - started
    return len(corpus) * passes / elapsed


def accuracy(function, right, corpus):
    results = [(text, function(text, context), start, end) for text, start, end, context in corpus]
    wrong = [text for text, result, start, end in results if not right(result, start, end)]
    return 1 - len(wrong) / len(corpus), wrong


def memory_growth(corpus, calls):
    """Bytes still allocated after ``calls`` normalizer calls, beyond a full cache."""
    synthetic = [
        f"{day} {month} {year}"
        for year in range(1990, 2031)
        for month in ("January", "March", "July", "October")
        for day in range(1, 29)
    ]
    work = []
    while len(work) < calls:
        work.extend((text, context) for text, _, _, context in corpus)
        work.extend((text, {}) for text in synthetic)
    work = work[:calls]
    for text, context in work[: dates._CACHE_SIZE * 2]:
        ours(text, context)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for text, context in work:
        ours(text, context)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the corpus")
    parser.add_argument("--calls", type=int, default=100_000, help="calls for the memory check")
    args = parser.parse_args()
    corpus = list(entries())

    # Untimed warm-up of both sides: imports, language data, dateparser's slow first failure.
    started = time.perf_counter()
    dates.warm_up()
    warm = time.perf_counter() - started
    for text, _, _, context in corpus:
        plain(text, context)
        informed(text, context)
        ours(text, context)

    plain_rate = throughput(plain, corpus, args.passes)
    informed_rate = throughput(informed, corpus, args.passes)
    cold_rate = throughput(ours, corpus, args.passes * 10, before_pass=dates.cache_clear)
    warm_rate = throughput(ours, corpus, args.passes * 10)

    plain_acc, plain_wrong = accuracy(plain, dateparser_right, corpus)
    informed_acc, _ = accuracy(informed, dateparser_right, corpus)
    ours_acc, ours_wrong = accuracy(ours, ours_right, corpus)
    growth = memory_growth(corpus, args.calls)

    print(f"corpus: {len(corpus)} strings; warm_up() took {warm:.2f} s")
    print(f"dateparser.parse plain        {plain_rate:>10,.0f} strings/s   accuracy {plain_acc:6.1%}")
    print(f"dateparser.parse informed     {informed_rate:>10,.0f} strings/s   accuracy {informed_acc:6.1%}")
    print(f"normalize_date (cache cold)   {cold_rate:>10,.0f} strings/s   accuracy {ours_acc:6.1%}")
    print(f"normalize_date (cache warm)   {warm_rate:>10,.0f} strings/s")
    print(f"ratio cold / plain:    {cold_rate / plain_rate:8.1f}x")
    print(f"ratio cold / informed: {cold_rate / informed_rate:8.1f}x")
    print(f"ratio warm / plain:    {warm_rate / plain_rate:8.1f}x")
    print(f"memory growth over {args.calls:,} calls: {growth:+,d} bytes")
    if ours_wrong:
        print("normalizer wrong on:", ", ".join(map(repr, ours_wrong)))
    print(
        f"dateparser plain wrong on {len(plain_wrong)}, e.g.:",
        ", ".join(map(repr, plain_wrong[:12])),
    )
    target = cold_rate / plain_rate >= 50 and ours_acc >= plain_acc and growth < 1_000_000 and warm < 2
    print(
        "target (>= 50x plain, at least as accurate, flat memory, warm_up() < 2 s):",
        "met" if target else "NOT met",
    )
    return 0 if target else 1


if __name__ == "__main__":
    sys.exit(main())
