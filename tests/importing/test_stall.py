"""import_events heals a stalled import: pending rows are sent again when nothing moves."""

import io

import pytest
from django.core.management import call_command

from timeline.importing import orchestration, processing
from timeline.models import ImportRow

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def test_pending_rows_are_sent_again_after_a_stall(settings, monkeypatch, tmp_path):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.IMPORT_STALL_SECONDS = 0.2
    path = tmp_path / "stalled.csv"
    path.write_bytes(csv_bytes([row(id=f"s-{n}", title=f"Event {n}") for n in range(3)]))
    sent = []

    def dispatch(batch_id, **kwargs):
        # The first dispatch is lost with a dead worker; the second is processed.
        sent.append(batch_id)
        ids = list(ImportRow.objects.filter(batch_id=batch_id).values_list("pk", flat=True))
        if len(sent) > 1:
            processing.process_chunk(batch_id, ids)
        return len(ids)

    monkeypatch.setattr(orchestration, "dispatch_batch", dispatch)
    monkeypatch.setattr(orchestration, "broker_error", lambda: None)
    monkeypatch.setattr(orchestration, "queued_messages", lambda: 0)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_events", str(path), stdout=out, stderr=err, timeout=30)
    assert len(sent) == 2
    assert "no progress for 0.2 s: sending the 3 pending rows" in err.getvalue()
    assert "3 rows, 3 created" in out.getvalue()
