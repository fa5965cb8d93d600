"""A real Redis broker, real `celery worker` processes and the machine's PostgreSQL.

The import of a few thousand rows completes through the worker with one event per natural
key; a worker killed with SIGKILL mid-import and restarted still ends with every row
processed exactly once (acks_late redelivers, the pending-only processing makes it harmless);
two overlapping files imported at once through separate workers duplicate and lose nothing;
a broker that goes away mid-import is reported in one line and the import resumes later.
"""

import os
import signal
import subprocess

import pytest

from tests.reachability import wait_for

from .processes import ROOT, batch_of, events, import_command, row_counts, write_rows

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]


def test_import_through_a_real_worker(environment, database, workers, tmp_path):
    path = tmp_path / "w1.csv"
    write_rows(path, "w1", 3000, distinct=2700)  # 300 rows repeat a key another chunk holds
    workers.start()
    result = subprocess.run(
        import_command(environment, path),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("batch ")
    assert " 3000 rows," in result.stdout
    _, counts = row_counts(database, "w1")
    assert sum(counts.values()) == 3000
    assert set(counts) <= {"created", "updated", "unchanged"}, counts
    assert events(database, "w1") == (2700, 2700)
    assert counts["created"] == 2700, counts


def test_worker_killed_mid_import_every_row_processed_once(environment, database, workers, tmp_path):
    path = tmp_path / "w2.csv"
    total = 4000
    write_rows(path, "w2", total, distinct=total)
    first = workers.start()
    command = subprocess.Popen(
        import_command(environment, path, timeout=300),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:

        def some_done():
            _, counts = row_counts(database, "w2")
            done = sum(v for k, v in counts.items() if k != "pending")
            return 0 < done < total // 2

        wait_for(some_done, 120, "the worker to process part of the file")
        workers.kill(first)
        _, counts = row_counts(database, "w2")
        assert counts.get("pending", 0) > 0, "the import finished before the worker could be killed"
        workers.start()
        stdout, stderr = command.communicate(timeout=300)
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
            command.wait(timeout=30)
    assert command.returncode == 0, stderr
    assert f"{total} rows, {total} created, 0 updated, 0 unchanged, 0 needs review, 0 failed" in stdout
    _, counts = row_counts(database, "w2")
    # A row processed twice would say "unchanged" the second time.
    assert counts == {"created": total}, counts
    assert events(database, "w2") == (total, total)


def test_overlapping_imports_at_once_through_separate_workers(environment, database, workers, tmp_path):
    # ov-0 .. ov-2999 and ov-1500 .. ov-4499: 1500 keys in both files, with the same values.
    first, second = tmp_path / "ov-a.csv", tmp_path / "ov-b.csv"
    write_rows(first, "ov", 3000, distinct=3000)
    write_rows(second, "ov", 3000, distinct=3000, first=1500)
    workers.start(concurrency=1)
    workers.start(concurrency=1)
    commands = [
        subprocess.Popen(
            import_command(environment, path),
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for path in (first, second)
    ]
    try:
        outputs = [command.communicate(timeout=300) for command in commands]
    finally:
        for command in commands:
            if command.poll() is None:
                os.killpg(command.pid, signal.SIGKILL)
                command.wait(timeout=30)
    for command, (stdout, stderr) in zip(commands, outputs, strict=True):
        assert command.returncode == 0, stderr
        assert " 3000 rows, " in stdout

    batches = [batch_of(database, "ov-a.csv")[0][0], batch_of(database, "ov-b.csv")[0][0]]
    statuses = dict(
        database.execute(
            "SELECT status, count(*) FROM timeline_importrow WHERE batch_id = ANY(%s) GROUP BY status",
            [batches],
        ).fetchall()
    )
    # Every row accounted for, none pending or refused; each key created exactly once.
    assert sum(statuses.values()) == 6000, statuses
    assert set(statuses) <= {"created", "updated", "unchanged"}, statuses
    assert statuses["created"] == 4500, statuses
    assert events(database, "ov") == (4500, 4500)
    created_twice = database.execute(
        "SELECT raw->>'id' FROM timeline_importrow WHERE batch_id = ANY(%s) AND status = 'created' "
        "GROUP BY raw->>'id' HAVING count(*) > 1",
        [batches],
    ).fetchall()
    assert created_twice == []
    # Every row points at the event of its own external id.
    linked = database.execute(
        "SELECT count(*) FROM timeline_importrow r JOIN timeline_event e ON e.id = r.event_id "
        "WHERE r.batch_id = ANY(%s) AND e.external_id = r.raw->>'id'",
        [batches],
    ).fetchone()[0]
    assert linked == 6000


def test_broker_stopped_mid_import_is_reported_and_the_import_resumes(
    environment, database, workers, private_redis, tmp_path
):
    env = {**environment, "CELERY_BROKER_URL": private_redis.url}
    path = tmp_path / "rb.csv"
    total = 6000
    write_rows(path, "rb", total, distinct=total)
    worker = workers.start(concurrency=1, env=env)
    command = subprocess.Popen(
        import_command(env, path, timeout=300),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:

        def some_done():
            _, counts = row_counts(database, "rb")
            done = sum(v for k, v in counts.items() if k != "pending")
            return 0 < done < total // 2

        wait_for(some_done, 120, "the worker to process part of the file")
        private_redis.stop()
        stdout, stderr = command.communicate(timeout=120)
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
            command.wait(timeout=30)
    assert command.returncode == 3, (stdout, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "broker" in lines[0] and "cannot be reached" in lines[0]
    assert "--resume" in lines[0]
    batch_id, counts = row_counts(database, "rb")
    assert counts.get("pending", 0) > 0, counts
    assert set(counts) <= {"pending", "created"}, counts

    private_redis.start()  # the same port, empty: the queued chunks are gone, the rows are not
    if worker.poll() is not None:
        workers.start(concurrency=1, env=env)
    result = subprocess.run(
        [*import_command(env, path, timeout=240)[:3], "--resume", str(batch_id), "--timeout", "240"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert f"{total} rows, {total} created, 0 updated, 0 unchanged, 0 needs review, 0 failed" in result.stdout
    assert len(batch_of(database, "rb.csv")) == 1  # nothing uploaded again
    assert row_counts(database, "rb")[1] == {"created": total}
    assert events(database, "rb") == (total, total)
