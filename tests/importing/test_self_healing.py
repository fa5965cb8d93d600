"""Imports heal by themselves, with real `celery worker` and `celery beat` processes, a real Redis
and PostgreSQL, and no one running `import_events --resume`.

The batch is staged the way the admin and the API stage an upload (``stage_file``, its rows sent
to the workers when the staging commits), so no waiting command is there to help. The workers
run the project's own Celery app, whose visibility timeout (ten minutes) is far beyond these
tests: what heals them is beat's sweep, every second here, sending the rows of a batch that made
no progress for 3 s again.
"""

import subprocess
import sys

import pytest

from tests.reachability import wait_for

from .processes import ROOT, events, row_counts, write_rows

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

STAGE = (
    "import sys, django; django.setup()\n"
    "from timeline.importing.staging import stage_file\n"
    "with open(sys.argv[1], 'rb') as handle:\n"
    "    print(stage_file(handle, file_name=sys.argv[1]).pk)\n"
)
TOTAL = 2000


def healing(env, **more):
    return {**env, "IMPORT_SWEEP_SECONDS": "1", "IMPORT_STALL_SECONDS": "3", **more}


def stage(env, path):
    """Stage ``path`` as an upload is staged; returns the batch id once its rows are sent."""
    command = [sys.executable, "-c", STAGE, str(path)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


def done_count(database, prefix):
    return sum(count for status, count in row_counts(database, prefix)[1].items() if status != "pending")


def batch_status(database, batch_id):
    return database.execute(
        "SELECT status, finished_at IS NOT NULL FROM timeline_importbatch WHERE id = %s", [batch_id]
    ).fetchone()


def upload_partly_processed(env, database, workers, tmp_path, prefix, concurrency):
    """Workers and beat running, a file of TOTAL rows uploaded and part of it processed."""
    path = tmp_path / f"{prefix}.csv"
    write_rows(path, prefix, TOTAL, distinct=TOTAL)
    worker = workers.start(concurrency=concurrency, env=env, app="config")
    workers.start_beat(env)
    batch_id = stage(env, path)
    wait_for(
        lambda: 0 < done_count(database, prefix) < TOTAL // 2, 120, "the worker to process part of the file"
    )
    return worker, batch_id


def assert_healed(database, prefix, batch_id, worker):
    wait_for(lambda: batch_status(database, batch_id) == ("done", True), 60, "the batch to finish by itself")
    # A row processed twice would say "unchanged" the second time.
    assert row_counts(database, prefix)[1] == {"created": TOTAL}
    assert events(database, prefix) == (TOTAL, TOTAL)
    # The lost chunks came back through the sweep, not through the broker's redelivery.
    assert "pending rows to the workers again" in worker.log_path.read_text()


def test_a_worker_killed_mid_import_heals_without_anyone(environment, database, workers, tmp_path):
    env = healing(environment)
    first, batch_id = upload_partly_processed(env, database, workers, tmp_path, "kill", concurrency=2)
    workers.kill(first)
    assert row_counts(database, "kill")[1].get("pending", 0) > 0, "the import finished before the kill"
    second = workers.start(concurrency=1, env=env, app="config")
    assert_healed(database, "kill", batch_id, second)


def test_a_redis_restarted_empty_mid_import_heals_without_anyone(
    environment, database, workers, private_redis, tmp_path
):
    env = healing(environment, CELERY_BROKER_URL=private_redis.url)
    worker, batch_id = upload_partly_processed(env, database, workers, tmp_path, "restart", concurrency=1)
    private_redis.stop()  # not persistent: every queued chunk is gone
    assert row_counts(database, "restart")[1].get("pending", 0) > 0, "the import finished before the restart"
    private_redis.start()
    assert_healed(database, "restart", batch_id, worker)
    assert worker.poll() is None
