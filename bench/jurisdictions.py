"""Jurisdiction lookups: the name index and ``date_context`` against what they replaced, same run.

    .venv/bin/python bench/jurisdictions.py [--lookups 200000]

On a temporary SQLite file (migrated: 5,313 jurisdictions) prints:

- the name index: seconds and resident-memory growth to build it from pycountry + Babel, seconds
  to read the stored copy a later process finds, and the memory the loaded index keeps
  (tracemalloc while loading the stored copy);
- name lookups (codes, English names, names in other languages, misses): microseconds each for
  ``name_index().code`` against the baseline, the old Resolver's dict over the 53 hand-written
  rows (casefold code or ``match_key`` of the name), and the ratio;
- ``date_context``: microseconds a call from the per-process table against the baseline, the old
  implementation's one query per call (``select_related("parent__parent")``), and the ratio;
- "did you mean" candidates for a misspelt name: milliseconds each (asked once per unknown name).
"""

import argparse
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NAMES = [
    "DE", "US-MT", "deu", "Germany", "Deutschland", "Allemagne", "ドイツ", "德国",
    "Federal Republic of Germany", "Uganda", "Myanmar", "Venezuela", "Nepal", "Hong Kong", "CN-HK",
    "Bayern", "Québec", "European Union",
    "Union européenne", "African Union", "G20", "Ruritania", "Atlantis of the north",
]  # fmt: skip


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def per_call_us(function, items, calls):
    start = time.perf_counter()
    done = 0
    while done < calls:
        for item in items:
            function(item)
        done += len(items)
    return (time.perf_counter() - start) / done * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lookups", type=int, default=200_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pt-bench-juris-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["POLICY_TIMELINE_VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from timeline.jurisdictions import context, names
    from timeline.jurisdictions.legacy import DEFAULT_JURISDICTIONS
    from timeline.matching import match_key
    from timeline.models import Jurisdiction

    call_command("migrate", verbosity=0)
    print(f"jurisdictions in the table: {Jurisdiction.objects.count():,}")

    gc.collect()
    before, start = rss_mb(), time.perf_counter()
    built = names.name_index()
    build_seconds, build_mb = time.perf_counter() - start, rss_mb() - before
    print(
        f"name index: {len(built):,} keys, built in {build_seconds:.2f} s, "
        f"RSS +{build_mb:.0f} MB while building"
    )

    names.name_index.cache_clear()
    tracemalloc.start()
    start = time.perf_counter()
    index = names.name_index()
    load_seconds = time.perf_counter() - start
    kept_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    print(f"stored index read in {load_seconds:.3f} s; the loaded index keeps {kept_mb:.1f} MB")

    old = {}
    for code, name, *_ in DEFAULT_JURISDICTIONS:
        old[code.casefold()] = code
        old.setdefault(match_key(name), code)

    def baseline_lookup(text):
        text = text.strip()
        return old.get(text.casefold()) or old.get(match_key(text))

    new_us = per_call_us(index.code, NAMES, args.lookups)
    old_us = per_call_us(baseline_lookup, NAMES, args.lookups)
    found_new = sum(index.code(n) is not None for n in NAMES)
    found_old = sum(baseline_lookup(n) is not None for n in NAMES)
    print(
        f"name lookup: {new_us:.2f} us (finds {found_new}/{len(NAMES)}) vs baseline 53-row dict "
        f"{old_us:.2f} us (finds {found_old}/{len(NAMES)}): ratio {new_us / old_us:.2f}x the baseline's cost"
    )

    codes = ["HK", "US-MT", "DE-BY", "CA-QC", "JP", "EU", "GB", "IN-KA", "ZZ"]

    def baseline_context(code):
        jurisdiction = Jurisdiction.objects.filter(code=code).select_related("parent__parent").first()
        while jurisdiction is not None and not (jurisdiction.languages and jurisdiction.date_order):
            jurisdiction = jurisdiction.parent
        return jurisdiction

    context.date_context("HK")  # loads the table once
    cached_us = per_call_us(context.date_context, codes, args.lookups // 4)
    query_us = per_call_us(baseline_context, codes, 2000)
    print(
        f"date_context: {cached_us:.2f} us a call vs baseline one query a call {query_us:.1f} us: "
        f"ratio {query_us / cached_us:.0f}x faster"
    )
    context.forget_loaded_table()
    start = time.perf_counter()
    context.date_context("HK")
    print(f"date_context table load after a change: {(time.perf_counter() - start) * 1000:.1f} ms")

    start = time.perf_counter()
    for misspelt in ("Germny", "Untied Kingdom", "Venezuella", "Bavria"):
        index.candidates(misspelt)
    print(f"did-you-mean candidates: {(time.perf_counter() - start) / 4 * 1000:.1f} ms each")


if __name__ == "__main__":
    main()
