import contextlib
import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.reachability import PrivateRedis, require_postgres, require_redis
from timeline.importing.columns import COLUMNS
from timeline.importing.staging import stage_file

from . import processes


def row(**values):
    base = {
        "id": "ev-1",
        "actor": "Facebook",
        "actor_kind": "company",
        "jurisdiction": "HK",
        "law": "Hong Kong National Security Law",
        "action_type": "data_request_policy",
        "title": "Facebook pauses Hong Kong data requests",
        "summary": "Facebook stops reviewing requests.",
        "raw_date": "Monday, July 6, 2020",
        "reference_date": "2020-07-07",
        "language": "en",
        "source_outlet": "Example News",
        "source_url": "https://news.example.org/hk-pause",
        "source_title": "Platforms pause",
    }
    base.update(values)
    return base


def csv_bytes(rows, columns=None, delimiter=","):
    columns = columns or COLUMNS
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for item in rows:
        writer.writerow([item.get(column, "") for column in columns])
    return out.getvalue().encode()


def json_bytes(rows):
    return json.dumps(rows).encode()


@pytest.fixture
def stage(tmp_path, django_capture_on_commit_callbacks):
    """Stage (and, on commit, process) content as a file named ``name``; returns the batch."""

    def run(content, name="events.csv", file_format=None, user=None):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        with open(path, "rb") as handle, django_capture_on_commit_callbacks(execute=True):
            batch = stage_file(handle, file_name=name, file_format=file_format, user=user)
        batch.refresh_from_db()
        return batch

    return run


@pytest.fixture
def import_rows(stage):
    def run(rows, columns=None, name="events.csv"):
        return stage(csv_bytes(rows, columns), name=name)

    return run


@pytest.fixture(scope="session")
def module_redis(tmp_path_factory):
    """A redis-server of this test run's own: its queues are shared with no other test run."""
    require_redis()
    server = PrivateRedis(tmp_path_factory.mktemp("broker"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def environment(module_redis):
    """The environment of the worker processes: a PostgreSQL database of this run's own, migrated."""
    require_postgres()
    import psycopg

    with psycopg.connect(processes.ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {processes.DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {processes.DATABASE}")
    env = {
        **os.environ,
        "DATABASE_URL": processes.DATABASE_URL,
        "CELERY_BROKER_URL": module_redis.url,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(processes.ROOT), os.environ.get("PYTHONPATH")])),
        "IMPORT_CHUNK_SIZE": "50",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=processes.ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    try:
        yield env
    finally:
        with psycopg.connect(processes.ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {processes.DATABASE} WITH (FORCE)")


@pytest.fixture
def database(environment):
    import psycopg

    url = processes.DATABASE_URL.replace("postgres://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def workers(environment, tmp_path):
    pool = processes.Processes(environment, tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of one test's own, which the test may stop and start again (empty)."""
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop()
