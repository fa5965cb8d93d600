"""Uploads never block the web: large files through the API of a real gunicorn with a real worker.

    .venv/bin/python bench/upload.py                       # 50 MB field, 2,000,000 rows, 3 at once
    .venv/bin/python bench/upload.py --field-mb 10 --rows 200000 --events 2000

Runs the product as it is deployed (``config.production``, gunicorn with ``--workers`` sync
workers (``--threads`` over 1: gthread) and its default 30 s timeout, one ``celery worker``, a
fresh PostgreSQL database ``pt_bench_upload_*`` created and dropped through psycopg on
127.0.0.1:5432, a private redis-server as the broker) with ``--events`` imported events behind the
public pages. Then, for each upload below, one client thread reads public pages without pause (the
timeline, a text search that misses the page cache, the API's events list) while the main thread
sends the file to ``POST /api/v1/imports/`` as a streamed multipart body; it prints the time to
the answer, the answer, the page latencies during the request and during the following ``--after``
seconds (the worker reading and processing the file on the same cores), and how the batch ended.

- a CSV whose one field is ``--field-mb`` MB, the same as a JSON list, and three such CSV files at once;
- a CSV of ``--rows`` narrow rows (over ``IMPORT_MAX_ROWS``, 1,000,000, by default: accepted at
  once, the worker then refuses it at the first row over the limit and the batch ends failed with
  the limit's message);
- a body announced as larger than ``IMPORT_MAX_FILE_BYTES``: refused from its Content-Length.

The baseline is the same page reading with nothing else running, measured first in the same run.
Targets: the answer within 2 s, pages under 1 s (p95 and max) meanwhile. Exit status 1 when missed.
"""

import argparse
import contextlib
import http.client
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
ANSWER_TARGET = 2.0
PAGE_TARGET = 1.0
MAX_FILE_BYTES = 1024 * 1024 * 1024  # the documented default of IMPORT_MAX_FILE_BYTES
SCENARIOS = ("csv-field", "json-field", "at-once", "over-limit", "rows")


def manage(env, *args, timeout=1800):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout)


def free_port():
    from tests.reachability import free_port as port

    return port()


# --- files ---------------------------------------------------------------------------------------


def field_csv(path, megabytes):
    with open(path, "w") as out:
        out.write(
            "id,actor,jurisdiction,raw_date,title,summary\nbig-1,Bench Org,HK,2020-07-06,One big field,"
        )
        block = "x" * 1_000_000
        for _ in range(megabytes):
            out.write(block)
        out.write("\n")


def field_json(path, megabytes):
    with open(path, "w") as out:
        out.write('[{"id": "big-json-1", "actor": "Bench Org", "raw_date": "2020-07-06", "summary": "')
        block = "x" * 1_000_000
        for _ in range(megabytes):
            out.write(block)
        out.write('"}]')


def events_csv(path, count):
    """Published events behind the public pages (bench/generate.py's world is more than needed here)."""
    actors = ("Facebook", "WhatsApp", "Telegram", "Twitter", "Google", "Apple", "TikTok", "Microsoft")
    with open(path, "w") as out:
        out.write("id,actor,jurisdiction,action_type,title,summary,raw_date,source_url,status\n")
        for n in range(count):
            out.write(
                f"page-{n},{actors[n % len(actors)]},{('HK', 'US', 'CN', 'GB')[n % 4]},statement,"
                f"Event {n} of the pages,What happened in event {n},{2000 + n % 25}-{n % 12 + 1:02d}-"
                f"{n % 28 + 1:02d},https://news.example.org/{n},published\n"
            )


def rows_csv(path, count):
    with open(path, "w") as out:
        out.write("id,actor,jurisdiction,raw_date,title\n")
        lines = (f"r{n},Org {n % 97},HK,2020-07-{n % 28 + 1:02d},Event {n}\n" for n in range(count))
        while chunk := "".join(line for _, line in zip(range(100_000), lines, strict=False)):
            out.write(chunk)


# --- HTTP ----------------------------------------------------------------------------------------


def upload(port, token, path, name, announced=None):
    """Send ``path`` as a streamed multipart body; seconds to the answer, status, body.

    With ``announced`` the Content-Length says that many bytes and only the first 64 KiB are sent
    (a client that would send a body over the limit): the answer must come from the length alone.
    """
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = os.path.getsize(path) if path else 0
    length = announced or len(head) + size + len(tail)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.putrequest("POST", "/api/v1/imports/")
    connection.putheader("Authorization", f"Token {token}")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(length))
    connection.endheaders()
    try:
        connection.send(head)
        if announced:
            connection.send(b"x" * 65536)
        else:
            with open(path, "rb") as handle:
                while block := handle.read(1 << 20):
                    connection.send(block)
            connection.send(tail)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed before the whole body: read what it said
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    try:
        body = json.loads(body)
    except ValueError:
        body = body[:300].decode(errors="replace")
    return elapsed, response.status, body


def get_json(port, token, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Authorization": f"Token {token}"})
    response = connection.getresponse()
    data = json.loads(response.read())
    connection.close()
    return data


class PageReader(threading.Thread):
    """Reads public pages one after the other until stopped; keeps (start, seconds, status)."""

    URLS = ("/", "/?q=event+{n}", "/api/v1/events/?page_size=50")

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.samples, self.stopping = port, [], threading.Event()

    def run(self):
        connection, n = None, 0
        while not self.stopping.is_set():
            url = self.URLS[n % len(self.URLS)].format(n=n)
            n += 1
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status, connection = 0, None
                time.sleep(0.05)
            self.samples.append((started, time.perf_counter() - started, status))

    def stop(self):
        self.stopping.set()
        self.join(timeout=70)

    def between(self, start, end):
        return [seconds for at, seconds, status in self.samples if start <= at < end and status == 200]

    def errors(self):
        return sum(1 for _, _, status in self.samples if status != 200)


def latency(samples):
    if not samples:
        return "no page read"
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"{len(samples)} pages, median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


def worst(samples):
    return max(samples, default=0.0)


# --- the run -------------------------------------------------------------------------------------


def wait_for_batches(port, token, ids, timeout):
    """Poll the batches until each is done or failed (or ``timeout``); returns their last state."""
    deadline, states = time.monotonic() + timeout, {}
    while True:
        states = {batch_id: get_json(port, token, f"/api/v1/imports/{batch_id}/") for batch_id in ids}
        if all(state["status"] in ("done", "failed") for state in states.values()):
            return states
        if time.monotonic() > deadline:
            return states
        time.sleep(1)


def describe(state):
    counts = {key: value for key, value in state["counts"].items() if value}
    text = f"batch {state['id']}: {state['status']}, {state['total_rows']:,} rows {counts or ''}"
    if state["status"] == "failed":
        text += f" - {state['messages'][-1]}"
    elif state["status"] not in ("done",):
        text += f" (still going: {state['bytes_staged']:,} of {state['file_size']:,} bytes read)"
    return text


def scenario(title, port, token, files, args, results):
    print(f"\n## {title}")
    reader = PageReader(port)
    reader.start()
    time.sleep(1)
    started = time.perf_counter()
    answers = []

    def send(path, name, announced=None):
        answers.append(upload(port, token, path, name, announced))

    threads = [threading.Thread(target=send, args=file) for file in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answered = time.perf_counter()
    time.sleep(args.after)
    after = time.perf_counter()
    reader.stop()
    ok = True
    for elapsed, status, body in answers:
        summary = (
            f"{body['status']}, batch {body['id']}"
            if status == 202
            else json.dumps(body)[:300]
            if isinstance(body, dict)
            else body
        )
        print(f"answer in {elapsed:.2f} s: HTTP {status} ({summary})")
        ok &= elapsed < ANSWER_TARGET
    during, following = reader.between(started, answered), reader.between(answered, after)
    print(f"public pages during the request(s): {latency(during)}")
    print(f"public pages in the {args.after:.0f} s after (the worker reading the file): {latency(following)}")
    if reader.errors():
        print(f"public page errors: {reader.errors()}")
    ok &= worst(during + following) < PAGE_TARGET and not reader.errors()
    ids = [body["id"] for _, status, body in answers if status == 202]
    if ids:
        began = time.perf_counter()
        states = wait_for_batches(port, token, ids, args.wait)
        for state in states.values():
            print(f"after {time.perf_counter() - began + args.after:.0f} s: {describe(state)}")
    results.append((title, [a[0] for a in answers], worst(during + following), ok))
    return ok


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--field-mb", type=int, default=50)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--concurrent", type=int, default=3, help="uploads of the field file at once")
    parser.add_argument("--events", type=int, default=3000, help="events behind the public pages")
    parser.add_argument("--web-workers", type=int, default=3, help="gunicorn workers (WEB_CONCURRENCY)")
    parser.add_argument(
        "--threads", type=int, default=1, help="gunicorn threads per worker (over 1: the gthread worker)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SCENARIOS,
        default=SCENARIOS,
        help="run these scenarios only",
    )
    parser.add_argument("--worker-concurrency", type=int, default=2, help="celery worker processes")
    parser.add_argument("--after", type=float, default=15, help="seconds of page reading after the answer")
    parser.add_argument("--wait", type=float, default=600, help="seconds to wait for each batch to end")
    parser.add_argument("--baseline-seconds", type=float, default=8)
    args = parser.parse_args()

    from tests.reachability import PrivateRedis

    work = Path(tempfile.mkdtemp(prefix="upload-bench-"))
    database = f"pt_bench_upload_{os.getpid()}"
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {database}")
    redis = PrivateRedis(work)
    redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CELERY_BROKER_URL": redis.url,
        "REDIS_URL": "",
        "API_ANON_RATE": "100000000/minute",
        "POLICY_TIMELINE_VAR_DIR": str(work / "var"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    processes, results, ok = [], [], True
    try:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        events_csv(work / "events.csv", args.events)
        manage({**env, "CELERY_BROKER_URL": ""}, "import_events", str(work / "events.csv"))
        token = secrets.token_hex(20)
        manage(
            env,
            "shell",
            "-c",
            "from django.contrib.auth.models import Group, User; "
            "from rest_framework.authtoken.models import Token; "
            "user = User.objects.create_user('bench-editor', password=None); "
            "user.groups.add(Group.objects.get(name='editor')); "
            f"Token.objects.create(user=user, key='{token}')",
        )
        print(f"files in {work}")
        field_csv(work / "field.csv", args.field_mb)
        field_json(work / "field.json", args.field_mb)
        if "rows" in args.only:
            rows_csv(work / "rows.csv", args.rows)
        for name in ("field.csv", "field.json", "rows.csv"):
            if (work / name).exists():
                print(f"{name}: {(work / name).stat().st_size:,} bytes")

        for command, log in (
            (
                [
                    str(BIN / "gunicorn"),
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.web_workers),
                    "--threads",
                    str(args.threads),
                ],
                "gunicorn.log",
            ),
            (
                [
                    str(BIN / "celery"),
                    "-A",
                    "config",
                    "worker",
                    "--concurrency",
                    str(args.worker_concurrency),
                    "--loglevel",
                    "WARNING",
                    "--without-mingle",
                    "--without-gossip",
                ],
                "worker.log",
            ),
        ):
            handle = open(work / log, "wb")  # noqa: SIM115 - the process writes to it until stopped
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=handle,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        for _ in range(150):
            with contextlib.suppress(OSError, http.client.HTTPException):
                get_json(port, token, "/api/v1/events/?page_size=1")
                break
            time.sleep(0.2)
        time.sleep(3)  # the worker's start (dateparser warm-up)

        print(f"\n## baseline: public pages for {args.baseline_seconds:.0f} s, nothing else running")
        reader = PageReader(port)
        reader.start()
        time.sleep(args.baseline_seconds)
        reader.stop()
        baseline = [seconds for _, seconds, status in reader.samples if status == 200]
        print(f"public pages: {latency(baseline)}")

        mb = args.field_mb
        scenarios = {
            "csv-field": (f"a CSV whose one field is {mb} MB", [(work / "field.csv", "field.csv")]),
            "json-field": (f"a JSON list whose one field is {mb} MB", [(work / "field.json", "field.json")]),
            "at-once": (
                f"{args.concurrent} CSV files whose one field is {mb} MB, at once",
                [(work / "field.csv", f"field-{n}.csv") for n in range(args.concurrent)],
            ),
            "over-limit": (
                f"a body announced as {MAX_FILE_BYTES + 2**20:,} bytes (over the size limit)",
                [(None, "huge.csv", MAX_FILE_BYTES + 2**20)],
            ),
            "rows": (f"a CSV of {args.rows:,} rows", [(work / "rows.csv", "rows.csv")]),
        }
        for name in args.only:
            title, files = scenarios[name]
            ok &= scenario(title, port, token, files, args, results)

        print("\n## summary")
        print(f"baseline public pages: {latency(baseline)}")
        for title, answers, page_max, passed in results:
            times = ", ".join(f"{answer:.2f} s" for answer in answers)
            print(
                f"{title}: answer {times}; pages max {page_max * 1000:.0f} ms "
                f"({page_max / max(worst(baseline), 1e-9):.1f}x the baseline's max) - "
                f"{'met' if passed else 'MISSED'}"
            )
        server_log = (work / "gunicorn.log").read_text(errors="replace")
        if "WORKER TIMEOUT" in server_log:
            print("gunicorn: WORKER TIMEOUT in the log")
            ok = False
    finally:
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
        redis.stop()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        for path in work.iterdir():
            if path.suffix in (".csv", ".json"):
                path.unlink()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
