"""API benchmark: keyset pages stay as fast far away as on page one; requests/second under load.

    .venv/bin/python bench/api.py [--events 100000] [--seconds 10] [--workers 3] [--threads 16]

Builds a temporary SQLite file (or uses DATABASE_URL) with ``--events`` events (crowded dates,
mixed precisions, subsidiaries, citations), then

1. in-process, the median time of the first events page, a page far along the cursor walk
   (about 99% of the way), and filtered pages, each printed as a ratio to the first page
   (target: at most 1.5);
2. starts gunicorn on 127.0.0.1:<free port> with several workers and loads the events list from a
   second process (a thread pool over keep-alive HTTP connections) for a bounded time, printing
   requests/second and latency percentiles.

Exit status 1 when a page ratio is over the target, 0 otherwise.
"""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
PAGE = "/api/v1/events/?page_size=50"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_environment(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["API_ANON_RATE"] = "100000000/minute"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    if not os.environ.get("DATABASE_URL"):
        path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="api-bench-")) / "bench.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path.resolve()}"
        os.environ["POLICY_TIMELINE_VAR_DIR"] = str(path.resolve().parent)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(count, seed=7):
    """Fill the database with ``count`` events (bench/generate.py); a file already filled is reused."""
    from django.core.management import call_command

    from bench.generate import Generator, analyze
    from timeline.models import Event

    call_command("migrate", verbosity=0)
    try:
        if Event.objects.count() < count:
            Generator(seed).fill(count)
    finally:
        # Planner statistics, as a database in service has them: without them SQLite walks the
        # timeline index for selective filters.
        analyze()


def timed(client, url, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return statistics.median(times)


def page_ratios(repeat):
    from django.test import Client

    from api.pagination import encode_cursor
    from bench.generate import COMMON_NAME_WORD as SEARCH_WORD
    from timeline.models import Event, Organization

    client = Client(HTTP_HOST="localhost")
    public = Event.objects.public().order_by("date_start", "date_precision_rank", "id")
    total = public.count()
    far = public.values_list("date_start", "date_precision_rank", "id")[int(total * 0.99)]
    cursor = encode_cursor({"o": "date", "v": [far[0].isoformat(), far[1], far[2]]})
    newest_far = public.order_by("-date_start", "-date_precision_rank", "-id").values_list(
        "date_start", "date_precision_rank", "id"
    )[int(total * 0.99)]
    newest_cursor = encode_cursor(
        {"o": "-date", "v": [newest_far[0].isoformat(), newest_far[1], newest_far[2]]}
    )
    parent = Organization.objects.filter(parent__isnull=True, subsidiaries__isnull=False).first()
    urls = {
        "first page": PAGE,
        "far cursor page (99%)": f"{PAGE}&cursor={cursor}",
        "far cursor page, newest first": f"{PAGE}&ordering=-date&cursor={newest_cursor}",
        "filtered: jurisdiction + action_type": f"{PAGE}&jurisdiction=HK&action_type=statement",
        "filtered: date range 2015": f"{PAGE}&date_after=2015&date_before=2015",
        "filtered: organization with subsidiaries": f"{PAGE}&organization={parent.pk}",
        "filtered: q (one word)": f"{PAGE}&q={SEARCH_WORD}",
    }
    for url in urls.values():  # warm caches and connections
        timed(client, url, 2)
    base = timed(client, PAGE, repeat)
    print(f"public events: {total:,}")
    failed = False
    for name, url in urls.items():
        median = base if url == PAGE else timed(client, url, repeat)
        ratio = median / base
        mark = "" if ratio <= TARGET_RATIO else f"  (over {TARGET_RATIO})"
        if ratio > TARGET_RATIO:
            failed = True
        print(f"  {name:42s} {median * 1000:8.1f} ms   ratio {ratio:5.2f}{mark}")
    return failed


def load(url, seconds, threads):
    """The load generator (run in its own process): GET ``url`` from ``threads`` threads."""
    parts = urlsplit(url)
    deadline = time.monotonic() + seconds
    latencies, errors = [], [0]
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        local = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", f"{parts.path}?{parts.query}")
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise OSError(response.status)
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            local.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(local)

    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        for _ in range(threads):
            pool.submit(worker)
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0.0

    print(
        json.dumps(
            {
                "requests": len(latencies),
                "errors": errors[0],
                "seconds": round(elapsed, 2),
                "rps": round(len(latencies) / elapsed, 1),
                "p50_ms": round(pct(0.5), 1),
                "p95_ms": round(pct(0.95), 1),
            }
        )
    )


def serve_and_load(args):
    port = free_port()
    env = dict(os.environ)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}{PAGE}"
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")
        subprocess.run(
            [sys.executable, __file__, "--load", url, "--seconds", "2", "--threads", "2"],
            check=True,
            capture_output=True,
        )  # warm-up
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--load",
                url,
                "--seconds",
                str(args.seconds),
                "--threads",
                str(args.threads),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        numbers = json.loads(result.stdout.strip().splitlines()[-1])
        print(
            f"events list under load: {numbers['rps']} requests/s "
            f"({args.workers} gunicorn workers, {args.threads} client threads in a second process, "
            f"{numbers['seconds']} s, {numbers['requests']} requests, {numbers['errors']} errors, "
            f"p50 {numbers['p50_ms']} ms, p95 {numbers['p95_ms']} ms)"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 2)))
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--db", help="SQLite file to build or reuse (default: a new temporary file)")
    parser.add_argument("--no-load", action="store_true", help="only the page ratios")
    parser.add_argument("--load", help=argparse.SUPPRESS)  # internal: be the load generator
    args = parser.parse_args()
    if args.load:
        load(args.load, args.seconds, args.threads)
        return 0
    setup_environment(args)
    started = time.perf_counter()
    build(args.events)
    print(f"database: {os.environ['DATABASE_URL']} (ready in {time.perf_counter() - started:.1f} s)")
    failed = page_ratios(args.repeat)
    if not args.no_load:
        serve_and_load(args)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
