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
SENT_AGAIN = "pending rows to the workers again"
PART_DONE = "the worker to process part of the file"


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


def test_a_worker_killed_mid_import_heals_without_anyone(environment, database, workers, tmp_path):
    env = healing(environment)
    path = tmp_path / "kill.csv"
    total = 2000
    write_rows(path, "kill", total, distinct=total)
    first = workers.start(concurrency=2, env=env, app="config")
    workers.start_beat(env)
    batch_id = stage(env, path)
    wait_for(lambda: 0 < done_count(database, "kill") < total // 2, 120, PART_DONE)
    workers.kill(first)
    assert row_counts(database, "kill")[1].get("pending", 0) > 0, "the import finished before the kill"

    second = workers.start(concurrency=1, env=env, app="config")
    wait_for(lambda: batch_status(database, batch_id) == ("done", True), 60, "the batch to finish by itself")
    # A row processed twice would say "unchanged" the second time.
    assert row_counts(database, "kill")[1] == {"created": total}
    assert events(database, "kill") == (total, total)
    # The chunks the killed worker held came back through the sweep, not the broker's redelivery.
    assert SENT_AGAIN in second.log_path.read_text()


def test_a_redis_restarted_empty_mid_import_heals_without_anyone(
    environment, database, workers, private_redis, tmp_path
):
    env = healing(environment, CELERY_BROKER_URL=private_redis.url)
    path = tmp_path / "restart.csv"
    total = 2000
    write_rows(path, "restart", total, distinct=total)
    worker = workers.start(concurrency=1, env=env, app="config")
    workers.start_beat(env)
    batch_id = stage(env, path)
    wait_for(lambda: 0 < done_count(database, "restart") < total // 2, 120, PART_DONE)
    private_redis.stop()  # not persistent: every queued chunk is gone
    assert row_counts(database, "restart")[1].get("pending", 0) > 0, "the import finished before the restart"
    private_redis.start()

    wait_for(lambda: batch_status(database, batch_id) == ("done", True), 60, "the batch to finish by itself")
    assert row_counts(database, "restart")[1] == {"created": total}
    assert events(database, "restart") == (total, total)
    assert worker.poll() is None
    assert SENT_AGAIN in worker.log_path.read_text()
