"""Run every benchmark on SQLite and on PostgreSQL and print one table of their ratios.

    .venv/bin/python bench/run_all.py --quick          # small sizes, a few minutes in all
    .venv/bin/python bench/run_all.py                  # the sizes the issues ask (100,000)
    .venv/bin/python bench/run_all.py --only pages api --backends postgresql --log-dir /tmp/bench-logs

Each benchmark runs as its own subprocess with a timeout: bench/dates.py once (no database);
bench/import.py, bench/pages.py and bench/api.py on a temporary SQLite file and on a throwaway
PostgreSQL database (``pt_bench`` on 127.0.0.1:5432 as postgres, created and dropped here through
psycopg); after the API benchmark, on the database it filled, the resident memory of gunicorn web
processes serving the timeline and events list (``--web-memory``); and bench/import_workers.py
when PostgreSQL and Redis both answer on 127.0.0.1. The ratio lines each benchmark prints are
parsed into the table: benchmark, backend, measure, value, target, met / not met. Everything
stays on the loopback interface. The exit status is 1 when a target is not met or a benchmark
failed.
"""

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
PG_ADMIN = f"postgresql://postgres@{HOST}:5432/postgres"
PG_DATABASE = "pt_bench"
PG_URL = f"postgres://postgres@{HOST}:5432/{PG_DATABASE}"
RATIO = 1.5

SIZES = {
    "quick": {
        "dates": ["--passes", "1", "--calls", "20000"],
        "import": ["--rows", "5000", "--baseline-rows", "500"],
        "pages": ["--events", "10000", "--baseline", "1000", "--repeat", "7"],
        "api": ["--events", "10000", "--seconds", "3", "--repeat", "7"],
        "import_workers": ["--rows", "5000"],
        "web_memory": ["--requests", "200"],
    },
    "full": {
        "dates": [],
        "import": ["--rows", "100000", "--baseline-rows", "2000"],
        "pages": ["--events", "100000", "--baseline", "1000", "--repeat", "15"],
        "api": ["--events", "100000", "--seconds", "10", "--repeat", "15"],
        "import_workers": ["--rows", "100000"],
        "web_memory": ["--requests", "600"],
    },
}
TIMEOUTS = {"quick": 600, "full": 3600}


@dataclass
class Row:
    benchmark: str
    backend: str
    measure: str
    value: str
    target: str = ""
    met: bool | None = None  # None: nothing to meet
    enforced: bool = True  # False: shown against the target, not counted (the benchmark does not)

    @property
    def result(self):
        if self.met is None:
            return ""
        return ("met" if self.met else "NOT MET") + ("" if self.enforced else " (info)")


def port_open(port):
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- PostgreSQL: one throwaway database ---


def pg_admin(statement):
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
        admin.execute(statement)


def pg_fresh():
    pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    pg_admin(f"CREATE DATABASE {PG_DATABASE}")


def pg_drop():
    pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


# --- the benchmarks' outputs into rows ---

NUMBER = r"([-+]?[\d,]*\.?\d+)"


def number(text):
    return float(text.replace(",", ""))


def at_most(value, target):
    return value <= target


def parse_dates(out, backend):
    rows = []
    for label in ("cold / plain", "cold / informed", "warm / plain"):
        if m := re.search(rf"ratio {re.escape(label)}:\s+{NUMBER}x", out):
            value = number(m[1])
            target = ">= 20x" if label == "cold / plain" else ""
            met = value >= 20 if target else None
            rows.append(
                Row("dates", backend, f"normalize_date {label} (strings/s)", f"{value:.1f}x", target, met)
            )
    accuracy = dict(
        re.findall(r"^(dateparser\.parse plain|normalize_date \(cache cold\)).*accuracy\s+(\S+)", out, re.M)
    )
    if len(accuracy) == 2:
        ours, plain = accuracy["normalize_date (cache cold)"], accuracy["dateparser.parse plain"]
        met = float(ours.rstrip("%")) >= float(plain.rstrip("%"))
        rows.append(
            Row("dates", backend, "accuracy (ours vs dateparser plain)", f"{ours} vs {plain}", ">=", met)
        )
    if m := re.search(rf"memory growth over {NUMBER} calls: {NUMBER} bytes", out):
        rows.append(Row("dates", backend, f"memory growth over {m[1]} calls", f"{number(m[2]):+,.0f} B"))
    return rows


def parse_import(out, backend, rows_count):
    rows = []
    if m := re.search(rf"pipeline: {NUMBER} rows in {NUMBER} s = {NUMBER} rows/s", out):
        rows.append(Row("import", backend, f"pipeline rows/s ({m[1]} rows)", f"{number(m[3]):,.0f}"))
    if m := re.search(rf"baseline: {NUMBER} rows in {NUMBER} s = {NUMBER} rows/s", out):
        rows.append(Row("import", backend, "naive baseline rows/s", f"{number(m[3]):,.0f}"))
    if m := re.search(rf"ratio: {NUMBER}x the baseline", out):
        value = number(m[1])
        target = ">= 10x at 100,000 rows"
        met = value >= 10 if rows_count >= 100_000 else None
        rows.append(Row("import", backend, "pipeline / naive baseline", f"{value:.1f}x", target, met))
    if m := re.search(rf"peak memory \(RSS\) during the import: {NUMBER} MB", out):
        value = number(m[1])
        met = value < 300 if rows_count >= 1_000_000 else None
        rows.append(
            Row(
                "import",
                backend,
                "peak RSS of the import",
                f"{value:.0f} MB",
                "< 300 MB at 1,000,000 rows",
                met,
            )
        )
    return rows


def parse_pages(out, backend):
    rows = []
    sizes = re.search(r"median of \d+ renders \(ms\)\s+([\d,]+)\s+([\d,]+)", out)
    small, large = (sizes[1], sizes[2]) if sizes else ("baseline", "large")
    for name, small_ms, large_ms, ratio, note in re.findall(
        rf"^  (.+?)\s+{NUMBER}\s+{NUMBER}\s+{NUMBER}(?:  \((not comparable.*)\))?$", out, re.M
    ):
        value = number(ratio)
        row = Row(
            "pages",
            backend,
            f"{name} page at {large} / at {small} ({large_ms} vs {small_ms} ms)",
            f"{value:.2f}",
            f"<= {RATIO}",
            at_most(value, RATIO),
        )
        if note:
            row.measure += f"; {note}"
            row.enforced = False
        rows.append(row)
    section = out.split("ratios to the first page", 1)
    if len(section) == 2:
        for name, ratio in re.findall(rf"^  (.+?)\s+{NUMBER}$", section[1], re.M):
            value = number(ratio)
            rows.append(
                Row(
                    "pages",
                    backend,
                    f"{name} / first page at {large}",
                    f"{value:.2f}",
                    f"<= {RATIO}",
                    at_most(value, RATIO),
                )
            )
    return rows


def parse_api(out, backend):
    rows = []
    total = re.search(rf"public events: {NUMBER}", out)
    size = f" ({total[1]} public)" if total else ""
    for name, ms, ratio in re.findall(rf"^  (.+?)\s+{NUMBER} ms\s+ratio\s+{NUMBER}", out, re.M):
        value = number(ratio)
        if name == "first page":
            rows.append(Row("api", backend, f"first events page{size}", f"{number(ms):.1f} ms"))
            continue
        rows.append(
            Row("api", backend, f"{name} / first page", f"{value:.2f}", f"<= {RATIO}", at_most(value, RATIO))
        )
    if m := re.search(
        rf"events list under load: {NUMBER} requests/s \((\d+) gunicorn workers"
        rf".*?p50 {NUMBER} ms, p95 {NUMBER} ms",
        out,
    ):
        rows.append(
            Row(
                "api",
                backend,
                f"events list under load, {m[2]} gunicorn workers",
                f"{number(m[1]):,.0f} req/s",
            )
        )
        rows.append(Row("api", backend, "  latency p50 / p95 under load", f"{m[3]} / {m[4]} ms"))
    return rows


def parse_workers(out, backend):
    rows = []
    pattern = (
        rf"^(\d+) worker process(?:es)?: .*?= {NUMBER} rows/s end to end;.*?processing .*?= {NUMBER} rows/s"
        r".*\n  check: (.*)$"
    )
    for count, rate, processing, check in re.findall(pattern, out, re.M):
        what = f"{count} worker process{'es' if count != '1' else ''}"
        rows.append(Row("import_workers", backend, f"{what}: rows/s end to end", f"{number(rate):,.0f}"))
        rows.append(
            Row("import_workers", backend, f"{what}: rows/s processing", f"{number(processing):,.0f}")
        )
        ok = check.startswith("one event per external id")
        rows.append(
            Row("import_workers", backend, f"{what}: database check", check[:60], "one event per key", ok)
        )
    if m := re.search(
        rf"speed-up (\d+) vs (\d+) worker processes: {NUMBER}x end to end, {NUMBER}x processing", out
    ):
        for what, value in (("end to end", m[3]), ("processing", m[4])):
            value = number(value)
            rows.append(
                Row(
                    "import_workers",
                    backend,
                    f"speed-up {m[1]} vs {m[2]} workers, {what}",
                    f"{value:.2f}x",
                    "> 1.0x",
                    value > 1.0,
                )
            )
    return rows


def parse_web_memory(out, backend):
    rows = []
    if m := re.search(
        rf"web memory: (\d+) workers, {NUMBER} requests, {NUMBER} events; RSS per worker after "
        rf"2/3 of them {NUMBER} MB, after all {NUMBER} MB, growth {NUMBER} MB",
        out,
    ):
        rows.append(
            Row(
                "web_memory",
                backend,
                f"gunicorn worker RSS, {m[3]} events, {m[2]} requests",
                f"{number(m[5]):.0f} MB",
                "bounded",
            )
        )
        growth = number(m[6])
        rows.append(
            Row(
                "web_memory",
                backend,
                "  RSS growth over the last third of requests",
                f"{growth:+.1f} MB",
                "<= 5 MB",
                growth <= 5,
            )
        )
    return rows


# --- running ---


def run(name, backend, command, env, timeout, log_dir):
    """Run one benchmark; returns (output, error or None)."""
    started = time.perf_counter()
    print(f"--> {name} on {backend}: {' '.join(command[1:])}", flush=True)
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            start_new_session=True,
        )
        output, error = result.stdout + result.stderr, None
        if result.returncode not in (0, 1):  # 1: ran, a target not met
            error = f"exit {result.returncode}: {(result.stderr.strip().splitlines() or ['?'])[-1][:100]}"
    except subprocess.TimeoutExpired as expired:
        output = (
            (expired.stdout or b"").decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        )
        error = f"timed out after {timeout} s"
    elapsed = time.perf_counter() - started
    print(f"    {elapsed:.0f} s{'' if error is None else ' - ' + error}", flush=True)
    if log_dir:
        (log_dir / f"{name}-{backend}.log").write_text(f"$ {' '.join(command)}\n{output}")
    return output, error


def base_env():
    env = dict(os.environ)
    for name in ("DATABASE_URL", "BENCH_DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)  # no page cache, eager Celery: each benchmark measures the code path
    env.update({"LOG_LEVEL": "ERROR", "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONUNBUFFERED": "1"})
    return env


def script(name):
    return [PYTHON, str(ROOT / "bench" / f"{name}.py")]


def run_all(args):
    mode = "quick" if args.quick else "full"
    sizes, timeout = SIZES[mode], args.timeout or TIMEOUTS[mode]
    log_dir = Path(args.log_dir) if args.log_dir else None
    if log_dir:
        log_dir.mkdir(parents=True, exist_ok=True)
    rows, errors = [], []

    def record(name, backend, output, error, parsed):
        if error:
            errors.append(f"{name} on {backend}: {error}")
            rows.append(Row(name, backend, "(did not finish)", error, "", False))
        elif not parsed:
            errors.append(f"{name} on {backend}: no result line found")
            rows.append(Row(name, backend, "(no result line found)", "", "", False))
        rows.extend(parsed)

    wanted = set(args.only or ["dates", "import", "pages", "api", "web_memory", "import_workers"])
    if "dates" in wanted:
        output, error = run(
            "dates", "no database", script("dates") + sizes["dates"], base_env(), timeout, log_dir
        )
        record("dates", "no database", output, error, parse_dates(output, "no database"))

    postgres = port_open(5432)
    backends = [b for b in args.backends if b != "postgresql" or postgres]
    if "postgresql" in args.backends and not postgres:
        errors.append(f"PostgreSQL not reachable on {HOST}:5432: skipped")
    rows_count = int(sizes["import"][1])
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix=f"pt-run-all-{backend}-") as tmp:
            tmp = Path(tmp)

            def database(kind, backend=backend, tmp=tmp):
                """The env of one benchmark: a fresh database of ``backend``."""
                env = base_env()
                env["POLICY_TIMELINE_VAR_DIR"] = str(tmp)
                if backend == "postgresql":
                    pg_fresh()
                    url = PG_URL
                else:
                    path = tmp / f"{kind}.sqlite3"
                    path.unlink(missing_ok=True)
                    url = f"sqlite:///{path}"
                env["BENCH_DATABASE_URL" if kind == "pages" else "DATABASE_URL"] = url
                return env, url

            try:
                if "import" in wanted:
                    env, _ = database("import")
                    output, error = run(
                        "import", backend, script("import") + sizes["import"], env, timeout, log_dir
                    )
                    record("import", backend, output, error, parse_import(output, backend, rows_count))
                if "pages" in wanted:
                    env, _ = database("pages")
                    if backend == "sqlite":
                        env.pop("BENCH_DATABASE_URL")  # pages.py makes its own SQLite pair of files
                    output, error = run(
                        "pages", backend, script("pages") + sizes["pages"], env, timeout, log_dir
                    )
                    record("pages", backend, output, error, parse_pages(output, backend))
                if "api" in wanted or "web_memory" in wanted:
                    env, url = database("api")
                    command = script("api") + sizes["api"]
                    if backend == "sqlite":
                        command += ["--db", str(tmp / "api.sqlite3")]
                        env.pop("DATABASE_URL")
                        url = f"sqlite:///{tmp / 'api.sqlite3'}"
                    output, error = run("api", backend, command, env, timeout, log_dir)
                    if "api" in wanted:
                        record("api", backend, output, error, parse_api(output, backend))
                    if "web_memory" in wanted and error is None:
                        env = {**base_env(), "DATABASE_URL": url, "POLICY_TIMELINE_VAR_DIR": str(tmp)}
                        command = [PYTHON, __file__, "--web-memory", url] + sizes["web_memory"]
                        output, error = run("web_memory", backend, command, env, timeout, log_dir)
                        record("web_memory", backend, output, error, parse_web_memory(output, backend))
            finally:
                if backend == "postgresql":
                    pg_drop()

    if "import_workers" in wanted:
        if postgres and port_open(6379):
            command = script("import_workers") + sizes["import_workers"]
            output, error = run("import_workers", "postgresql+redis", command, base_env(), timeout, log_dir)
            record(
                "import_workers", "postgresql+redis", output, error, parse_workers(output, "postgresql+redis")
            )
        else:
            errors.append(f"import_workers: PostgreSQL or Redis not reachable on {HOST}: skipped")
    print_table(rows, mode)
    for error in errors:
        print(f"! {error}")
    return 0 if not errors and all(row.met is not False or not row.enforced for row in rows) else 1


def print_table(rows, mode):
    header = ("benchmark", "backend", "measure", "value", "target", "result")
    lines = [(r.benchmark, r.backend, r.measure, r.value, r.target, r.result) for r in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    print(
        f"\nbench/run_all.py ({mode}), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores\n"
    )
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |")


# --- web memory: gunicorn workers' resident memory while they serve the big pages ---


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master):
    pids = []
    for task in Path(f"/proc/{master}/task").iterdir():
        pids += [int(pid) for pid in (task / "children").read_text().split()]
    return pids


def deep_paths(database_url):
    """Timeline and API paths at the first page and ~90% of the way back (by direct SQL)."""
    query = (
        "SELECT date_start, date_precision_rank, id FROM timeline_event WHERE status = 'published' "
        "ORDER BY date_start DESC, date_precision_rank DESC, id DESC LIMIT 1 OFFSET "
        "(SELECT CAST(count(*) * 0.9 AS INTEGER) FROM timeline_event WHERE status = 'published')"
    )
    count_query = "SELECT count(*) FROM timeline_event"
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            day, rank, pk = db.execute(query).fetchone()
            total = db.execute(count_query).fetchone()[0]
    else:
        import psycopg

        with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as db:
            day, rank, pk = db.execute(query).fetchone()
            total = db.execute(count_query).fetchone()[0]
    before = f"{day}_{rank}_{pk}"
    return total, [
        "/",
        f"/?order=newest&before={before}",
        "/?order=oldest",
        "/api/v1/events/?page_size=50",
        "/api/v1/events/?page_size=500",
        "/api/v1/events/?page_size=100&ordering=-date",
    ]


def web_memory(database_url, requests, workers):
    total, paths = deep_paths(database_url)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "API_ANON_RATE": "100000000/minute"}
    server = subprocess.Popen(
        [
            *(str(Path(PYTHON).with_name("gunicorn")), "config.wsgi:application", "--bind", f"{HOST}:{port}"),
            *("--workers", str(workers), "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(150):
            if port_open(port):
                break
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")
        failures = []

        def hammer(count):
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            for n in range(count):
                path = paths[n % len(paths)]
                connection.request("GET", path, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failures.append(f"{path}: {response.status}")
            connection.close()

        def round_of(count, threads=4):
            pool = [threading.Thread(target=hammer, args=(count // threads,)) for _ in range(threads)]
            for thread in pool:
                thread.start()
            for thread in pool:
                thread.join()

        round_of(requests // 3)  # warm-up: every worker has rendered every page
        round_of(requests // 3)
        pids = worker_pids(server.pid)
        middle = max(rss_mb(pid) for pid in pids)
        round_of(requests // 3)
        after = max(rss_mb(pid) for pid in worker_pids(server.pid))
        if failures:
            raise SystemExit(f"{len(failures)} failed requests, e.g. {failures[0]}")
        print(
            f"web memory: {len(pids)} workers, {requests} requests, {total:,} events; RSS per worker after "
            f"2/3 of them {middle:.1f} MB, after all {after:.1f} MB, growth {after - middle:+.1f} MB"
        )
        print("paths: " + " ".join(paths))
    finally:
        import signal

        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, a few minutes in all")
    parser.add_argument(
        "--only", nargs="+", choices=["dates", "import", "pages", "api", "web_memory", "import_workers"]
    )
    parser.add_argument(
        "--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--timeout", type=int, help="seconds per benchmark (default 600 quick, 3600 full)")
    parser.add_argument("--log-dir", help="keep each benchmark's output here")
    parser.add_argument(
        "--web-memory", metavar="DATABASE_URL", help="only measure gunicorn workers' memory there"
    )
    parser.add_argument("--requests", type=int, default=600, help="with --web-memory")
    parser.add_argument("--workers", type=int, default=2, help="with --web-memory")
    args = parser.parse_args()
    if args.web_memory:
        web_memory(args.web_memory, args.requests, args.workers)
        return 0
    return run_all(args)


if __name__ == "__main__":
    sys.exit(main())
