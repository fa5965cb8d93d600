"""`manage.py import_events`: the contract of DESIGN.md (summary line, progress, exit codes)."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.importing.staging import stage_file
from timeline.models import Event, ImportBatch, ImportRowStatus

from .conftest import csv_bytes, json_bytes, row

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "hong-kong-2020.csv"


def run(*args):
    out = io.StringIO()
    call_command("import_events", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def test_seeds_summary_line():
    lines = run(str(SEEDS))
    assert lines[-1].endswith(
        "hong-kong-2020.csv: 7 rows, 7 created, 0 updated, 0 unchanged, 0 needs review, 0 failed"
    )
    assert "processed 7 of 7 rows" in lines
    assert run(str(SEEDS))[-1].endswith("7 rows, 0 created, 0 updated, 7 unchanged, 0 needs review, 0 failed")


def test_format_option_and_review_counts(tmp_path):
    path = tmp_path / "events.data"
    path.write_bytes(json_bytes([row(), row(id="ev-2", raw_date="N/A"), row(id="ev-3", jurisdiction="ZZ")]))
    lines = run(str(path), "--format", "json")
    assert lines[-1].endswith("3 rows, 1 created, 0 updated, 0 unchanged, 2 needs review, 0 failed")


def test_unknown_columns_are_noted(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([{**row(), "colour": "red"}], [*row().keys(), "colour"]))
    lines = run(str(path))
    assert any(line.startswith("note:") and "colour" in line for line in lines)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "the file is empty"), (b"id,actor,title,raw_date\n", "header but no rows")],
)
def test_unreadable_file_is_a_command_error(tmp_path, content, reason):
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=reason) as caught:
        run(str(path))
    assert caught.value.returncode == 1
    assert ImportBatch.objects.count() == 0


def test_missing_file():
    with pytest.raises(CommandError, match="cannot open the file"):
        run("/nonexistent/events.csv")


def test_resume_processes_pending_rows(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(), row(id="ev-2", actor="Google")]))
    with open(path, "rb") as handle:
        batch = stage_file(handle, file_name="events.csv", dispatch=False)
    assert batch.rows.filter(status=ImportRowStatus.PENDING).count() == 2
    lines = run("--resume", str(batch.pk))
    assert lines[-1].endswith("2 rows, 2 created, 0 updated, 0 unchanged, 0 needs review, 0 failed")
    assert Event.objects.count() == 2


def test_progress_bar_on_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row()]))
    out = Terminal()
    call_command("import_events", str(path), stdout=out)
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())  # without the terminal's colours
    assert "importing" in drawn
    assert "1/1 rows" in drawn


def test_exit_code_and_one_line_on_stderr_from_the_shell(tmp_path):
    """A real process: the file cannot be read, so nothing touches the database."""
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(64) + b"\x00" * 64)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}", "CELERY_BROKER_URL": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_events", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "binary" in lines[0]
    assert result.stdout == ""


def test_a_broker_lost_while_waiting_is_reported_in_one_line(tmp_path, settings, monkeypatch):
    from kombu.exceptions import OperationalError

    from timeline.importing import orchestration
    from timeline.management.commands import import_events

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://:secret@127.0.0.1:1/0"
    # The chunks were sent, then the broker went away: no row finishes and the broker is gone.
    monkeypatch.setattr(orchestration, "dispatch_batch", lambda batch_id, **kwargs: 0)
    monkeypatch.setattr(orchestration, "BROKER_CHECK_SECONDS", 0.0)
    monkeypatch.setattr(
        orchestration, "broker_error", lambda: OperationalError("Error 111 connecting.\nRefused.")
    )
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(), row(id="ev-2")]))
    with pytest.raises(CommandError) as raised:
        call_command("import_events", str(path), "--timeout", "30", stdout=io.StringIO())
    message = str(raised.value)
    assert raised.value.returncode == import_events.EXIT_BROKER
    assert "\n" not in message
    assert "cannot be reached (Error 111 connecting. Refused.)" in message
    assert "secret" not in message
    batch = ImportBatch.objects.get()
    assert f"batch {batch.pk} is staged with 2 of 2 rows pending" in message
    assert f"--resume {batch.pk}" in message
    assert set(batch.rows.values_list("status", flat=True)) == {ImportRowStatus.PENDING}
