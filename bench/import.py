"""Import pipeline benchmark: rows per second end to end, against a naive baseline in the same run.

    .venv/bin/python bench/import.py --rows 100000 --baseline-rows 2000
    .venv/bin/python bench/import.py --rows 1000000 --baseline-rows 500   # the memory target

Generates N realistic rows (mixed date shapes, repeated organizations, laws and sources) as a
CSV file, then times staging + processing in eager mode (``manage.py import_events``'s path)
on a temporary SQLite file (or ``DATABASE_URL``). The baseline does per row what a naive
importer would: ``dateparser.parse`` + ``Event.objects.create``. Peak memory is the process's
maximum resident set size, read before the baseline runs (dateparser's language detection
would otherwise dominate it). Targets: >= 10x the baseline at 100,000 rows; < 300 MB at
1,000,000 rows.
"""

import argparse
import csv
import datetime
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

JURISDICTIONS = ["HK", "US", "GB", "DE", "FR", "IN", "BR", "AU", "CN", "EU", "US-CA", "JP"]
ACTIONS = [
    "data_request_policy",
    "service_withdrawn",
    "service_blocked",
    "statement",
    "compliance",
    "lawsuit_filed",
    "content_blocked",
    "service_restored",
]
OUTLETS = ["Reuters", "AP", "BBC", "The Verge", "MyCE", "SCMP", "Le Monde", "Der Spiegel"]


def date_text(rng, day):
    shapes = [
        lambda d: d.isoformat(),
        lambda d: d.isoformat(),
        lambda d: f"{d:%B} {d.day}, {d.year}",
        lambda d: f"{d.day} {d:%B} {d.year}",
        lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year}",
        lambda d: f"{d:%B} {d.year}",
        lambda d: f"early {d:%B} {d.year}",
        lambda d: f"mid-{d:%B} {d.year}",
        lambda d: str(d.year),
        lambda d: f"Q{(d.month - 1) // 3 + 1} {d.year}",
        lambda d: f"a week after {d:%B} {d.day}, {d.year}",
        lambda d: f"{d:%d/%m/%Y}",
    ]
    return rng.choice(shapes)(day)


def generate(path, count, seed=7):
    from timeline.importing.columns import COLUMNS

    rng = random.Random(seed)
    organizations = [(f"Company {n}", f"Holding {n % 40}" if n % 3 == 0 else "") for n in range(400)]
    laws = [f"Online Safety Act {n}" for n in range(60)]
    start = datetime.date(2015, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(count):
            actor, parent = rng.choice(organizations)
            day = start + datetime.timedelta(days=rng.randrange(3600))
            jurisdiction = rng.choice(JURISDICTIONS)
            source = rng.randrange(max(count // 10, 1))
            reference = day + datetime.timedelta(days=rng.randrange(1, 20))
            writer.writerow(
                [
                    f"bench-{n}",
                    actor,
                    parent,
                    "company",
                    jurisdiction,
                    rng.choice(laws),
                    rng.choice(ACTIONS),
                    f"{actor} acts on the law ({n})",
                    f"{actor} announced a change in how it handles requests in {jurisdiction}. " * 2,
                    date_text(rng, day),
                    reference.isoformat(),
                    "en",
                    rng.choice(OUTLETS),
                    f"https://news{source % 50}.example.org/story/{source}?utm_source=feed",
                    f"Story {source}",
                    "We will comply with the law." if n % 4 == 0 else "",
                    "a spokesperson" if n % 4 == 0 else "",
                    f"bench-{n - 1 - rng.randrange(min(n, 50))}" if n and n % 10 == 0 else "",
                    "",
                ]
            )


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--baseline-rows", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pt-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from timeline.importing.processing import batch_counts
    from timeline.importing.staging import stage_file

    call_command("migrate", verbosity=0)
    database = settings.DATABASES["default"]
    print(f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}")
    print(f"rows: {args.rows:,}, baseline rows: {args.baseline_rows:,}, chunk {settings.IMPORT_CHUNK_SIZE}")

    path = workdir / "bench.csv"
    started = time.perf_counter()
    generate(path, args.rows)
    print(f"generated {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")

    from timeline import dates

    dates.warm_up()  # a worker pays this once at start-up, not per import
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    with open(path, "rb") as handle:
        batch = stage_file(handle, file_name=path.name)
    elapsed = time.perf_counter() - started
    pipeline_peak = peak_rss_mb()
    counts = batch_counts(batch.pk)
    pipeline_rate = args.rows / elapsed
    print(
        f"pipeline: {args.rows:,} rows in {elapsed:.1f} s = {pipeline_rate:,.0f} rows/s "
        f"(created {counts['created']:,}, updated {counts['updated']:,}, unchanged {counts['unchanged']:,}, "
        f"needs review {counts['needs_review']:,}, failed {counts['failed']:,})"
    )

    import dateparser

    from timeline.models import Event, Organization

    actor = Organization.objects.create(name="Baseline actor")
    rng = random.Random(11)
    texts = [
        date_text(rng, datetime.date(2016, 1, 1) + datetime.timedelta(days=n % 2000)) for n in range(200)
    ]
    started = time.perf_counter()
    parsed = 0
    for n in range(args.baseline_rows):
        text = texts[n % len(texts)]
        value = dateparser.parse(text)
        day = value.date() if value else datetime.date(2020, 1, 1)
        parsed += value is not None
        Event.objects.create(
            title=f"Baseline {n}",
            action_type="statement",
            actor=actor,
            date_text=text,
            date_start=day,
            date_end=day,
            date_precision="day",
            external_id=f"baseline-{n}",
        )
    baseline_elapsed = time.perf_counter() - started
    baseline_rate = args.baseline_rows / baseline_elapsed
    print(f"baseline: {args.baseline_rows:,} rows in {baseline_elapsed:.1f} s = {baseline_rate:,.0f} rows/s")
    ratio = pipeline_rate / baseline_rate
    print(f"ratio: {ratio:.1f}x the baseline (target >= 10x at 100,000 rows)")
    print(
        f"peak memory (RSS) during the import: {pipeline_peak:.0f} MB (before it: {rss_before:.0f} MB; "
        "target < 300 MB at 1,000,000 rows)"
    )
    if not args.keep:
        for child in workdir.iterdir():
            child.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
