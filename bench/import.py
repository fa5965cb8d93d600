"""Import pipeline benchmark: rows per second end to end, against the work itself measured in the same run.

    .venv/bin/python bench/import.py --rows 100000
    .venv/bin/python bench/import.py --rows 1000000 --naive-rows 0   # the memory and flat-rate target
    .venv/bin/python bench/import.py --rows 20000 --chunk-sizes 100 250 500 1000 2000   # the curve

Generates N realistic rows (mixed date shapes, repeated organizations, laws and sources) as a
CSV file, then runs ``manage.py import_events`` on it (eager mode: staging and processing in
this one process) on a temporary SQLite file (or ``DATABASE_URL``), twice: the second import of
the same file must leave every row unchanged. Wall time and this process's CPU time are both
printed: on a machine shared with other work the CPU time per row is the steadier figure.

Baselines, on the same rows in the same run:

- ``dateparser.parse`` alone over the file's raw dates (what a plain importer would spend on its
  dates before writing anything; the pipeline must beat it);
- ``timeline.dates.normalize_date`` alone over the same dates (the date work the pipeline does);
- a plain ``executemany`` of as many rows into the event table, in one transaction (the cost of
  the writing itself);
- a naive importer (``dateparser.parse`` + ``Event.objects.create`` per row), for comparison with
  earlier runs.

Memory is the import's own: ``migrate`` runs in a child process (its peak would otherwise be
this process's), the process's peak resident set size (``VmHWM``) is reset just before the first
import (``/proc/self/clear_refs``) and read after it, beside the resident size (``VmRSS``) before
it (Django, the date vocabulary a worker loads once at start-up). The baselines run after that
reading (dateparser's language detection would otherwise dominate it). Staging (reading the file
into rows) is timed on its own inside the same command. Targets: >= 5,000 rows/s (goal 10,000) at
100,000 rows on SQLite; < 300 MB at 1,000,000 rows.
"""

import argparse
import contextlib
import csv
import datetime
import itertools
import os
import random
import resource
import subprocess
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
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb():
    return _status_mb("VmRSS")


def _status_mb(name):
    """A ``/proc/self/status`` figure in MB (0 where there is none)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{name}:"):
                return int(line.split()[1]) / 1024
    return 0


def reset_peak_rss():
    """Start the peak resident size afresh from the current one (Linux 4.0+; else it stays)."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


class CommitClock:
    """Wall seconds spent in the database's commits (on SQLite with WAL, a commit writes the
    transaction's pages to the log and, past ``wal_autocheckpoint`` pages, checkpoints it)."""

    def __init__(self):
        from django.db import connection

        self.wall, self.count = 0.0, 0
        commit = connection._commit

        def timed_commit():
            started = time.perf_counter()
            try:
                return commit()
            finally:
                self.wall, self.count = self.wall + time.perf_counter() - started, self.count + 1

        connection._commit = timed_commit

    def take(self):
        """(wall seconds, commits) since the last call."""
        spent, self.wall, self.count = (self.wall, self.count), 0.0, 0
        return spent


class StagingClock:
    """Wall and CPU seconds spent in ``stage_file`` by ``import_events`` (staging alone)."""

    def __init__(self):
        from timeline.management.commands import import_events

        self.command, self.stage_file = import_events, import_events.stage_file
        self.wall = self.cpu = 0.0
        import_events.stage_file = self

    def __call__(self, *args, **kwargs):
        wall, cpu, batch = timed(lambda: self.stage_file(*args, **kwargs))
        self.wall, self.cpu = self.wall + wall, self.cpu + cpu
        return batch

    def take(self):
        """(wall, CPU) since the last call."""
        spent, self.wall, self.cpu = (self.wall, self.cpu), 0.0, 0.0
        return spent


def timed(work):
    """(wall seconds, CPU seconds of this process, result) of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def raw_dates(path, limit):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return [
            (row["raw_date"], row["reference_date"], row["language"])
            for row in itertools.islice(reader, limit)
        ]


def import_file(path):
    import io

    from django.core.management import call_command

    from timeline.importing.processing import batch_counts
    from timeline.models import ImportBatch

    call_command("import_events", str(path), stdout=io.StringIO())
    return batch_counts(ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first())


def profiled(stats_path, work):
    """``work()``, under cProfile when ``stats_path`` is given (its top printed, its stats saved)."""
    if not stats_path:
        return work()
    import cProfile
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(work)
    profile.dump_stats(stats_path)
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)
    return result


def print_staging(staging, rows):
    wall, cpu = staging.take()
    print(
        f"  of which staging (reading the file into rows): {wall:.1f} s = {rows / wall:,.0f} rows/s; "
        f"CPU {cpu / rows * 1e6:,.0f} us/row"
    )


def print_commits(commits):
    wall, count = commits.take()
    print(f"  of which commits: {wall:.1f} s in {count:,} commits")


def print_database_size(database):
    """The SQLite file's size and its write-ahead log's (a WAL that keeps growing: no checkpoint)."""
    if not database["ENGINE"].endswith("sqlite3"):
        return
    sizes = [Path(f"{database['NAME']}{suffix}") for suffix in ("", "-wal")]
    megabytes = [path.stat().st_size / 1e6 if path.exists() else 0 for path in sizes]
    print(f"  database file {megabytes[0]:,.0f} MB, write-ahead log {megabytes[1]:,.0f} MB")


def describe(counts):
    return (
        f"created {counts['created']:,}, updated {counts['updated']:,}, unchanged {counts['unchanged']:,}, "
        f"needs review {counts['needs_review']:,}, failed {counts['failed']:,}"
    )


def plain_executemany(count):
    """Insert ``count`` copies of imported events' columns into the event table with one executemany."""
    from django.db import connection, transaction

    from timeline.importing.upsert import EVENT_COLUMNS, events_table
    from timeline.models import Event

    template = list(Event.objects.order_by("pk").values(*EVENT_COLUMNS)[:1000])
    rows = []
    for n in range(count):
        row = dict(template[n % len(template)])
        row["external_id"] = f"plain-{n}"
        rows.append(row)
    table, columns = events_table.quoted()
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608

    def work():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, events_table.tuples(rows))

    wall, cpu, _ = timed(work)
    # Plain SQL again: the ORM's delete would collect and signal per event (deletion records).
    with connection.cursor() as cursor:
        delete = f"DELETE FROM {table} WHERE {connection.ops.quote_name('external_id')} LIKE %s"  # noqa: S608
        cursor.execute(delete, ["plain-%"])
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dates-rows", type=int, default=5000, help="Rows for the dateparser baseline.")
    parser.add_argument("--naive-rows", type=int, default=300, help="Rows for the naive baseline (0: skip).")
    parser.add_argument("--baseline-rows", type=int, dest="naive_rows", help=argparse.SUPPRESS)
    parser.add_argument(
        "--chunk-sizes",
        type=int,
        nargs="+",
        help="Import the file once per IMPORT_CHUNK_SIZE into fresh tables.",
    )
    parser.add_argument("--once", action="store_true", help="Skip the second import of the same file.")
    parser.add_argument(
        "--field-mb",
        type=int,
        nargs="+",
        help="Only time reading a CSV and a JSON file whose one field is this many MB (linearity).",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    parser.add_argument(
        "--profile",
        metavar="PATH",
        help="Profile the first import with cProfile, write the stats to PATH and print the top.",
    )
    args = parser.parse_args()

    if args.field_mb:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        field_parsing(args.field_mb)
        return
    workdir = Path(tempfile.mkdtemp(prefix="pt-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))

    # In a child: migrating holds far more memory than importing, and a peak is a peak.
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--verbosity", "0"], check=True)
    import django

    django.setup()
    from django.conf import settings

    database = settings.DATABASES["default"]
    print(f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"rows: {args.rows:,}, chunk {settings.IMPORT_CHUNK_SIZE}; {os.cpu_count()} cores, "
        f"load average {load}"
    )

    path = workdir / "bench.csv"
    started = time.perf_counter()
    generate(path, args.rows)
    print(f"generated {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")

    from timeline import dates

    dates.warm_up()  # a worker pays this once at start-up, not per import
    if args.chunk_sizes:
        chunk_curve(path, args.rows, args.chunk_sizes, settings)
        return
    staging, commits = StagingClock(), CommitClock()
    rss_before = rss_mb()
    reset_peak_rss()
    wall, cpu, counts = timed(lambda: profiled(args.profile, lambda: import_file(path)))
    pipeline_peak, rss_after = peak_rss_mb(), rss_mb()
    pipeline_rate = args.rows / wall
    print(
        f"pipeline: {args.rows:,} rows in {wall:.1f} s = {pipeline_rate:,.0f} rows/s "
        f"({describe(counts)}); CPU {cpu:.1f} s = {cpu / args.rows * 1e6:,.0f} us/row = "
        f"{args.rows / cpu:,.0f} rows per CPU second"
    )
    print_staging(staging, args.rows)
    print_commits(commits)
    print_database_size(database)
    if not args.once:
        again_wall, again_cpu, again = timed(lambda: import_file(path))
        print(
            f"same file again: {args.rows:,} rows in {again_wall:.1f} s = "
            f"{args.rows / again_wall:,.0f} rows/s "
            f"({describe(again)}); CPU {again_cpu:.1f} s = {again_cpu / args.rows * 1e6:,.0f} us/row"
        )
        print_staging(staging, args.rows)
        print_commits(commits)
    print(
        f"peak memory (RSS) during the import: {pipeline_peak:.0f} MB (the first; resident before it "
        f"{rss_before:.0f} MB, after it {rss_after:.0f} MB; target < 300 MB at 1,000,000 rows)"
    )

    sample = raw_dates(path, min(args.dates_rows, args.rows))
    date_baselines = date_parsing(sample) if sample else None
    plain_rows = min(args.rows, 100_000)  # its rows are built in memory first
    plain_wall, plain_cpu = plain_executemany(plain_rows)
    plain_rate, plain_cpu = plain_rows / plain_wall, plain_cpu / plain_rows * args.rows
    print(
        f"plain executemany: {plain_rows:,} event rows in {plain_wall:.1f} s = "
        f"{plain_rate:,.0f} rows/s; CPU {plain_cpu / args.rows * 1e6:,.0f} us/row"
    )
    if date_baselines is not None:
        parser_rate, parser_cpu_per_row = date_baselines
        print(
            f"ratio to dateparser.parse alone: {pipeline_rate / parser_rate:.1f}x "
            f"(CPU per row: {parser_cpu_per_row / (cpu / args.rows):.1f}x)"
        )
    print(
        f"ratio to a plain executemany: {pipeline_rate / plain_rate:.2f}x "
        f"(the pipeline costs {cpu / plain_cpu:.1f}x the CPU of writing the events alone)"
    )
    if args.naive_rows:
        naive(args.naive_rows, pipeline_rate)
    if not args.keep:
        for child in workdir.iterdir():
            child.unlink()
        workdir.rmdir()


def date_parsing(sample):
    """Time ``dateparser.parse`` and ``normalize_date`` over ``sample`` ([(text, reference,
    language)]); returns the faster dateparser's (rows/s, CPU seconds per row): the baseline to beat."""
    import dateparser

    from timeline import dates

    for text, _, language in sample[:50]:  # dateparser loads its languages on first use: not timed
        dateparser.parse(text)
        dateparser.parse(text, languages=[language])
    parser_wall, parser_cpu, _ = timed(lambda: [dateparser.parse(text) for text, _, _ in sample])
    print(
        f"dateparser.parse alone: {len(sample):,} of the file's dates in {parser_wall:.1f} s = "
        f"{len(sample) / parser_wall:,.0f} rows/s; CPU {parser_cpu / len(sample) * 1e6:,.0f} us/row"
    )
    informed_wall, informed_cpu, _ = timed(
        lambda: [dateparser.parse(text, languages=[language]) for text, _, language in sample]
    )
    print(
        f"dateparser.parse alone, told the row's language: {len(sample):,} dates in {informed_wall:.1f} s = "
        f"{len(sample) / informed_wall:,.0f} rows/s; CPU {informed_cpu / len(sample) * 1e6:,.0f} us/row"
    )

    def engine():
        for text, reference, _ in sample:
            with contextlib.suppress(dates.DateNormalizationError):
                dates.normalize_date(text, reference=datetime.date.fromisoformat(reference))

    engine_wall, engine_cpu, _ = timed(engine)
    print(
        f"normalize_date alone: {len(sample):,} dates in {engine_wall:.2f} s = "
        f"{len(sample) / engine_wall:,.0f} rows/s; CPU {engine_cpu / len(sample) * 1e6:,.0f} us/row"
    )
    # The faster of the two is the baseline to beat: a plain importer would pass the row's language.
    parser_wall, parser_cpu = min((parser_wall, parser_cpu), (informed_wall, informed_cpu))
    return len(sample) / parser_wall, parser_cpu / len(sample)


def naive(count, pipeline_rate):
    """dateparser.parse + Event.objects.create per row: the importer nobody should write."""
    import dateparser

    from timeline.models import Event, Organization

    actor = Organization.objects.create(name="Baseline actor")
    rng = random.Random(11)
    texts = [
        date_text(rng, datetime.date(2016, 1, 1) + datetime.timedelta(days=n % 2000)) for n in range(200)
    ]
    started = time.perf_counter()
    for n in range(count):
        text = texts[n % len(texts)]
        value = dateparser.parse(text)
        day = value.date() if value else datetime.date(2020, 1, 1)
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
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(
        f"baseline: {count:,} rows in {elapsed:.1f} s = {rate:,.0f} rows/s "
        "(naive: dateparser + create per row)"
    )
    print(f"ratio: {pipeline_rate / rate:.1f}x the baseline (the naive importer)")


def field_parsing(sizes):
    """Seconds to read a file whose one field is N MB, per format; linear reading keeps the time
    per MB flat as N grows."""
    import io
    import json

    from timeline.importing.readers import open_reader

    for file_format in ("csv", "json", "ndjson"):
        per_mb = []
        for size in sizes:
            value = "x" * (size * 1_000_000)
            if file_format == "csv":
                content = f"actor,raw_date,summary\nA,2020,{value}\n".encode()
            else:
                item = json.dumps({"actor": "A", "raw_date": "2020", "summary": value})
                content = (f"[{item}]" if file_format == "json" else item).encode()
            # The best of three: the machine is shared, and a single run of 0.1 s is mostly noise.
            runs = [
                timed(lambda: list(open_reader(io.BytesIO(content), file_format).rows()))  # noqa: B023
                for _ in range(3)
            ]
            wall, _, rows = min(runs, key=lambda run: run[0])
            assert len(rows) == 1 and len(rows[0].raw["summary"]) == len(value)
            del runs, rows
            per_mb.append(wall / size)
            print(
                f"{file_format}: one field of {size} MB read in {wall:.2f} s ({wall / size * 1000:.0f} ms/MB)"
            )
        print(
            f"ratio {file_format} time per MB, {sizes[-1]} MB against {sizes[0]} MB: "
            f"{per_mb[-1] / per_mb[0]:.2f}x (1.0x = linear)"
        )


def chunk_curve(path, rows, sizes, settings):
    """Rows/s and CPU per row for each chunk size, each into emptied import and event tables."""
    from timeline.models import Citation, Event, ImportBatch

    print("chunk size curve (fresh events each time; entities already exist after the first):")
    import_file(path)  # creates the organizations, laws and sources once, so every size pays the same
    for size in sizes:
        Citation.objects.all().delete()
        Event.history.all().delete()
        Event.objects.all().delete()
        ImportBatch.objects.all().delete()
        settings.IMPORT_CHUNK_SIZE = size
        wall, cpu, counts = timed(lambda: import_file(path))
        print(
            f"  chunk {size:>5}: {rows / wall:>7,.0f} rows/s, CPU {cpu / rows * 1e6:>5,.0f} us/row "
            f"({describe(counts)})"
        )


if __name__ == "__main__":
    main()
