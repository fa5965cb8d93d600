"""Real processes for the worker tests: a PostgreSQL database of the test run's own, `celery worker`
and `celery beat` processes, and the import files and queries they share.

The fixtures are in conftest.py (one database and one migration for every module that uses them).
"""

import contextlib
import csv
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from tests.reachability import wait_for

ROOT = Path(__file__).resolve().parents[2]
# Named by process, so that two checkouts running these tests at once do not share a database.
DATABASE = f"pt_worker_it_{os.getpid()}"
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
CELERY = str(Path(sys.executable).with_name("celery"))
# The project's app with a visibility timeout of 15 s (redelivery of a killed worker's chunks).
TEST_APP = "tests.importing.worker_app"


class Processes:
    """`celery worker` and `celery beat` processes in their own process groups, killed in any case
    at the end."""

    def __init__(self, env, tmp_path):
        self.env, self.tmp_path, self.processes = env, tmp_path, []

    def start(self, concurrency=2, env=None, app=TEST_APP):
        """A worker of ``app`` (the project's own is "config"); returns once it is ready."""
        name = f"it-{uuid.uuid4().hex[:8]}@127.0.0.1"
        arguments = ["worker", "--concurrency", str(concurrency), "--pool", "prefork", "-n", name]
        quiet = ["--without-mingle", "--without-gossip", "--without-heartbeat"]
        return self._run([CELERY, "-A", app, *arguments, *quiet, "--loglevel", "INFO"], env, "ready.")

    def start_beat(self, env=None, app="config"):
        """celery beat, sending the sweep every IMPORT_SWEEP_SECONDS of ``env``."""
        schedule = self.tmp_path / f"beat-schedule-{len(self.processes)}"
        command = [CELERY, "-A", app, "beat", "--schedule", str(schedule), "--loglevel", "INFO"]
        return self._run(command, env, "beat: Starting")

    def _run(self, command, env, ready):
        log_path = self.tmp_path / f"{command[3]}-{len(self.processes)}.log"
        log = open(log_path, "w")  # noqa: SIM115 - the process writes to it while the test runs
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log_path = log_path
        self.processes.append(process)
        wait_for(lambda: ready in log_path.read_text() or process.poll() is not None, 90, command[3])
        assert process.poll() is None, log_path.read_text()
        return process

    def kill(self, process):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                self.kill(process)
            else:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)  # orphaned pool children, if any


def write_rows(path, prefix, count, distinct, first=0):
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "id",
                "actor",
                "actor_kind",
                "jurisdiction",
                "law",
                "action_type",
                "title",
                "raw_date",
                "reference_date",
                "source_url",
            ]
        )
        for n in range(count):
            key = first + n % distinct
            writer.writerow(
                [
                    f"{prefix}-{key}",
                    f"Company {key % 37}",
                    "company",
                    ["HK", "US", "GB"][key % 3],
                    f"Law {key % 11}",
                    "statement",
                    f"Event {key}",
                    ["2020-07-06", "July 2020", "Monday, July 6, 2020", "2021"][key % 4],
                    "2020-07-08",
                    f"https://news.example.org/{prefix}/{key % 200}",
                ]
            )


def import_command(env, path, timeout=240):
    return [sys.executable, "manage.py", "import_events", str(path), "--timeout", str(timeout)]


def row_counts(database, prefix):
    batch = database.execute(
        "SELECT id FROM timeline_importbatch WHERE file_name = %s ORDER BY id DESC LIMIT 1", [f"{prefix}.csv"]
    ).fetchone()
    if batch is None:
        return None, {}
    rows = database.execute(
        "SELECT status, count(*) FROM timeline_importrow WHERE batch_id = %s GROUP BY status", [batch[0]]
    ).fetchall()
    return batch[0], dict(rows)


def events(database, prefix):
    return database.execute(
        "SELECT count(*), count(DISTINCT external_id) FROM timeline_event WHERE external_id LIKE %s",
        [f"{prefix}-%"],
    ).fetchone()


def batch_of(database, file_name):
    return database.execute(
        "SELECT id FROM timeline_importbatch WHERE file_name = %s ORDER BY id DESC", [file_name]
    ).fetchall()
