"""How the public timeline pages scale: first page, a page far back, filtered pages.

Usage: .venv/bin/python bench/pages.py [--events 100000] [--baseline 1000] [--repeat 15]
       [--browser [--browser-only] [--browser-repeat 5]]

Configures Django itself on a temporary SQLite file (or on BENCH_DATABASE_URL: a throwaway
database, it is migrated and filled), generates events with bulk_create, and renders each page
with the Django test Client. It prints the median render time of each page and two ratios,
both measured in the same run:

- deep and filtered pages against the first page at the large size (target <= 1.5);
- each page at the large size against the same page at the baseline size (target <= 1.5), when
  the baseline page shows as many events (a filter that finds 3 events among 1,000 renders a
  shorter page: that ratio is printed, marked "not comparable", and not judged).

On SQLite the baseline database is copied and the copy grown to the large size; the two sizes
are then measured in alternation (each round renders every page once on each database), so
that a busy machine slows both alike. On BENCH_DATABASE_URL the baseline is measured first
and the database then grows and is measured again.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5
WARM_UP = 20


def configure(database_url):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.test.utils import override_settings

    # Render without a collectstatic run: the manifest storage needs one.
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        DEBUG=False,
    ).enable()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def deep_cursor(fraction):
    """The keyset cursor of the public event ``fraction`` of the way back from the newest."""
    from timeline import selectors

    events = selectors.public_events().newest_first()
    total = events.count()
    row = events.values_list("date_start", "date_precision_rank", "id")[int(total * fraction)]
    return str(selectors.TimelineKey(*row))


def common_pair():
    """The jurisdiction and action type with the most public events: a page it fills at any size."""
    from django.db.models import Count

    from timeline import selectors

    return (
        selectors.public_events()
        .exclude(jurisdiction=None)
        .values_list("jurisdiction__code", "action_type")
        .annotate(n=Count("id"))
        .order_by("-n", "jurisdiction__code", "action_type")
        .first()[:2]
    )


def pages(generator, pair):
    from bench.generate import COMMON_NAME_WORD

    parent = generator.parent_with_subsidiaries().slug
    return {
        "first": "/",
        "deep": f"/?order=newest&before={deep_cursor(0.9)}",
        "filtered: organization + after": f"/?organization={parent}&date_after=2003",
        "filtered: a year, oldest first": "/?date_after=2015&date_before=2015&order=oldest",
        "filtered: jurisdiction + type": f"/?jurisdiction={pair[0]}&action_type={pair[1]}",
        "filtered: HK + statement": "/?jurisdiction=HK&action_type=statement",
        "filtered: words": f"/?q={COMMON_NAME_WORD}",
    }


def check(client, urls):
    """The number of events each page shows (and that it shows some)."""
    shown = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:500])
        shown[name] = response.content.count(b'class="event-title"')
    return shown


def use_database(name):
    """Point the default connection at another SQLite file (closed now, reopened on next use)."""
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict["NAME"] = str(name)


def measure(client, sizes, repeat):
    """Median render time per (size, page): rounds alternate sizes and pages so drift hits all alike.

    ``sizes`` maps a size to (database name or None to stay, {page: url}).
    """
    times = {(size, name): [] for size, (_, urls) in sizes.items() for name in urls}
    # Warm up: a fresh interpreter renders the first few dozen pages markedly slower.
    for round_number in range(WARM_UP + repeat):
        for size, (database, urls) in sizes.items():
            if database is not None:
                use_database(database)
            for name, url in urls.items():
                started = time.perf_counter()
                client.get(url)
                if round_number >= WARM_UP:
                    times[(size, name)].append(time.perf_counter() - started)
    return {key: statistics.median(values) for key, values in times.items()}


def cold_counts(databases, repeat=5):
    """Median time (ms) of the timeline's counts (total, per action type, per year) computed
    afresh, unfiltered, on each database of ``databases`` ({size: database name or None})."""
    from timeline import selectors, time_strip

    medians = {}
    for size, database in databases.items():
        if database is not None:
            use_database(database)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            time_strip.count_overview(selectors.EventFilters(), selectors.public_events())
            times.append(time.perf_counter() - started)
        medians[size] = statistics.median(times) * 1000
    return medians


def run(events, baseline, repeat, sqlite_file, browser=None):
    from django.test import Client

    from bench.generate import Generator, analyze

    generator = Generator(seed=20200630)  # reproducible data (bench/generate.py)
    client = Client(HTTP_HOST="localhost")
    started = time.perf_counter()
    milestones = generator.build_world()
    generator.add_events(baseline - milestones)
    baseline = generator.generated_count()
    analyze()  # planner statistics, as autovacuum (or SQLite's optimize) keeps them in service
    print(f"generated {baseline:,} events in {time.perf_counter() - started:.1f} s")
    pair = common_pair()  # chosen once, at the baseline size, so both sizes show the same filter
    small_urls = pages(generator, pair)
    small_shown = check(client, small_urls)
    if sqlite_file is None:  # one database: measure it small, grow it, measure it large
        small_times = measure(client, {baseline: (None, small_urls)}, repeat)
    else:
        use_database(sqlite_file)  # closes the connection: the file is complete on disk
        large_file = sqlite_file.with_name("large.sqlite3")
        shutil.copyfile(sqlite_file, large_file)
        use_database(large_file)
    started = time.perf_counter()
    generator.add_events(events - baseline)
    analyze()
    print(f"generated {events - baseline:,} more events in {time.perf_counter() - started:.1f} s")
    large_urls = pages(generator, pair)
    large_shown = check(client, large_urls)
    assert all(large_shown.values()), large_shown
    if browser is not None and browser["only"]:
        from bench import pages_browser

        return pages_browser.run(events, browser["repeat"], browser["tmp"])
    if sqlite_file is None:
        times = {**small_times, **measure(client, {events: (None, large_urls)}, repeat)}
    else:
        sizes = {baseline: (sqlite_file, small_urls), events: (large_file, large_urls)}
        times = measure(client, sizes, repeat)
    small = {name: times[(baseline, name)] for name in small_urls}
    large = {name: times[(events, name)] for name in large_urls}

    print(f"\nmedian of {repeat} renders (ms)      {baseline:>10,}  {events:>10,}  large/baseline")
    failures = []
    for name in large:
        ratio = large[name] / small[name]
        line = f"  {name:<32} {small[name] * 1000:>8.1f}  {large[name] * 1000:>10.1f}  {ratio:>8.2f}"
        if small_shown[name] < large_shown[name]:
            # Not the same page: fewer events to render at the baseline size. Shown, not judged.
            print(f"{line}  (not comparable: {small_shown[name]} vs {large_shown[name]} events shown)")
            continue
        print(line)
        if ratio > TARGET:
            failures.append(f"{name} at {events:,} / at {baseline:,} = {ratio:.2f}")
    print(f"\nratios to the first page at {events:,} events (target <= {TARGET})")
    for name in (name for name in large if name != "first"):
        ratio = large[name] / large["first"]
        print(f"  {name:<32} {ratio:.2f}")
        if ratio > TARGET:
            failures.append(f"{name} / first = {ratio:.2f}")
    print("\nall within target" if not failures else "\nOVER TARGET: " + "; ".join(failures))
    if sqlite_file is not None:
        counts = cold_counts({baseline: sqlite_file, events: large_file})
        print(
            f"\nthe counts of / computed afresh (cached per content version between renders): "
            f"{counts[baseline]:.1f} ms at {baseline:,}, {counts[events]:.1f} ms at {events:,} (info)"
        )
    if browser is not None:
        from bench import pages_browser

        if not pages_browser.run(events, browser["repeat"], browser["tmp"]):
            return False
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--browser", action="store_true", help="also time the first event in Chromium")
    parser.add_argument("--browser-only", action="store_true", help="only the Chromium comparison")
    parser.add_argument("--browser-repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        sqlite_file = None if os.environ.get("BENCH_DATABASE_URL") else Path(tmp) / "small.sqlite3"
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{sqlite_file}"
        os.environ["POLICY_TIMELINE_VAR_DIR"] = tmp
        configure(url)
        browser = None
        if args.browser or args.browser_only:
            os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop, this thread
            browser = {"only": args.browser_only, "repeat": args.browser_repeat, "tmp": tmp}
        ok = run(args.events, args.baseline, args.repeat, sqlite_file, browser)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
