"""Uploads through the admin and the API: answered at once, the file read into rows afterwards.

On commit of the upload a worker (here: eager, when the captured callbacks run) reads the kept
file; until then the batch is ``staging``. These tests hold the callbacks back to see the answer
the uploader gets before any row exists, then let them run.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from tests.api.conftest import API, token_client
from tests.factories import member_of
from timeline.importing import orchestration, uploads
from timeline.models import Event, ImportBatch

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def rows(count, **values):
    return [row(id=f"ev-{number}", title=f"Event {number}", **values) for number in range(1, count + 1)]


def stored_files():
    storage = storages["imports"]
    return storage.listdir("")[1]


@pytest.fixture
def api_client(django_user_model):
    return token_client(member_of(django_user_model, "uploader", "editor"))


def api_upload(client, content, name="events.csv", **data):
    return client.post(
        f"{API}/imports/", {"file": SimpleUploadedFile(name, content), **data}, format="multipart"
    )


def test_api_answers_202_with_the_batch_before_any_row_is_read(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_upload(api_client, csv_bytes(rows(3)))
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == "staging"
    assert body["total_rows"] == 0
    assert body["progress"] == 0.0
    assert body["file_size"] == len(csv_bytes(rows(3)))
    assert response["Location"] == f"{API}/imports/{body['id']}/"
    assert len(stored_files()) == 1
    assert not Event.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    batch = api_client.get(response["Location"]).json()
    assert batch["status"] == "done"
    assert batch["total_rows"] == 3
    assert batch["counts"]["created"] == 3
    assert batch["bytes_staged"] == batch["file_size"]
    assert Event.objects.count() == 3
    # The rows hold every value now: the kept file is gone.
    assert stored_files() == []


def test_api_upload_in_eager_mode_ends_processed(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(api_client, csv_bytes(rows(2)))
    assert response.status_code == 202
    batch = api_client.get(response["Location"]).json()
    assert (batch["status"], batch["counts"]["created"], batch["progress"]) == ("done", 2, 1.0)


def test_a_file_over_the_size_limit_is_refused_at_once_with_the_limit(api_client, settings):
    settings.IMPORT_MAX_FILE_BYTES = 100
    content = csv_bytes(rows(3))
    error = api_upload(api_client, content).json()["error"]
    assert error["status"] == 400
    message = error["fields"]["file"][0]
    assert f"the file is {len(content):,} bytes, over the import limit of 100 bytes" in message
    assert not ImportBatch.objects.exists()
    assert stored_files() == []


def test_a_body_longer_than_the_limit_allows_is_refused_before_it_is_read(api_client, settings):
    settings.IMPORT_MAX_FILE_BYTES = 100
    response = api_client.post(
        f"{API}/imports/",
        data=b"x",
        content_type="multipart/form-data; boundary=b",
        CONTENT_LENGTH=str(10**9),
    )
    assert response.status_code == 400
    message = response.json()["error"]["fields"]["file"][0]
    assert "the upload is 1,000,000,000 bytes, over the import limit of 100 bytes" in message
    assert not ImportBatch.objects.exists()


def test_too_many_rows_within_the_checked_start_are_refused_at_once(api_client, settings):
    settings.IMPORT_MAX_ROWS = 2
    error = api_upload(api_client, csv_bytes(rows(3))).json()["error"]
    assert "over the import limit of 2 rows" in error["fields"]["file"][0]
    assert not ImportBatch.objects.exists()


def test_too_many_rows_further_on_end_as_a_failed_batch_naming_the_limit(
    api_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_MAX_ROWS = 2
    settings.IMPORT_UPLOAD_CHECK_BYTES = 300  # the header and about one row
    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(api_client, csv_bytes(rows(3)))
    assert response.status_code == 202, response.content
    batch = api_client.get(response["Location"]).json()
    assert batch["status"] == "failed"
    assert any("over the import limit of 2 rows" in note for note in batch["messages"]), batch["messages"]
    assert batch["total_rows"] == 0
    assert batch["finished_at"]
    assert not ImportBatch.objects.get().rows.exists()
    assert not Event.objects.exists()
    assert stored_files() == []


def test_a_file_unreadable_further_on_ends_as_a_failed_batch_saying_where(
    api_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_UPLOAD_CHECK_BYTES = 1000
    content = csv_bytes(rows(20)) + b"ev-x,Facebook,\xff\xfe broken\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(api_client, content)
    assert response.status_code == 202
    batch = ImportBatch.objects.get()
    assert batch.status == "failed"
    assert any("not valid UTF-8" in note and "byte 0xff" in note for note in batch.messages), batch.messages


def test_a_first_row_longer_than_the_checked_start_is_accepted_and_read_by_the_worker(
    api_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_UPLOAD_CHECK_BYTES = 1000
    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(api_client, csv_bytes([row(summary="long " * 2000)]))
    assert response.status_code == 202, response.content
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.total_rows) == ("done", 1)
    assert Event.objects.get().summary.startswith("long long")


def test_staging_twice_stages_once(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        api_upload(api_client, csv_bytes(rows(3)))
    batch = ImportBatch.objects.get()
    # An attempt a killed worker left half-way: its rows are replaced, not added to.
    batch.rows.create(row_number=1, raw={"id": "stale"})
    with django_capture_on_commit_callbacks(execute=True):
        uploads.stage_stored_file(batch.pk)
        uploads.stage_stored_file(batch.pk)  # delivered again: the batch is no longer staging
    batch.refresh_from_db()
    assert (batch.status, batch.total_rows, batch.rows.count()) == ("done", 3, 3)
    assert len(callbacks) == 1


def test_a_task_queue_out_of_reach_keeps_the_file_and_says_so(
    api_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(uploads.current_app, "send_task", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_upload(api_client, csv_bytes(rows(2)))
    assert response.status_code == 202
    batch = ImportBatch.objects.get()
    assert batch.status == "staging"
    assert any("could not be reached" in note for note in batch.messages)
    assert stored_files() == [batch.stored_file]


def test_a_file_whose_reading_stalled_is_sent_to_be_read_again_by_the_sweep(
    api_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The message asking a worker to read the file was lost (queue down, worker killed): once
    the batch made no progress for IMPORT_STALL_SECONDS, the sweep sends it again, once."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.IMPORT_STALL_SECONDS = 60
    sent = []
    monkeypatch.setattr(uploads.current_app, "send_task", lambda name, args: sent.append((name, args)))
    monkeypatch.setattr(orchestration, "queued_messages", lambda: 0)
    with django_capture_on_commit_callbacks(execute=True):
        api_upload(api_client, csv_bytes(rows(2)))
    batch = ImportBatch.objects.get()
    assert sent == [(orchestration.STAGE_TASK, [batch.pk])]  # the first asking, then lost
    assert orchestration.sweep()["restaged"] == []  # too early to tell it from a busy worker
    ImportBatch.objects.filter(pk=batch.pk).update(progress_at=timezone.now() - timedelta(minutes=5))
    assert orchestration.sweep()["restaged"] == [batch.pk]
    assert orchestration.sweep()["restaged"] == []  # the stall clock restarted
    assert sent[-1] == (orchestration.STAGE_TASK, [batch.pk]) and len(sent) == 2


def test_import_events_resume_reads_a_file_no_worker_read(
    api_client, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=False):
        api_upload(api_client, csv_bytes(rows(2)))
    batch = ImportBatch.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_events", "--resume", str(batch.pk))
    batch.refresh_from_db()
    assert (batch.status, batch.total_rows, Event.objects.count()) == ("done", 2, 2)
    assert "2 created" in capsys.readouterr().out
    assert stored_files() == []


def test_writes_need_a_login_and_the_add_right(django_user_model):
    content = csv_bytes(rows(1))
    nobody = django_user_model.objects.create_user("nobody")
    assert api_upload(token_client(nobody), content).status_code == 403
    viewer = django_user_model.objects.create_user("viewer")
    viewer.user_permissions.add(*_permissions("view_importbatch"))
    assert api_upload(token_client(viewer), content).status_code == 403
    assert not ImportBatch.objects.exists()
    assert stored_files() == []


def _permissions(*codenames):
    return Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)


def test_admin_upload_redirects_to_a_batch_page_that_shows_progress(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client.post(
            reverse("admin:timeline_importbatch_upload"),
            {"file": SimpleUploadedFile("events.csv", csv_bytes(rows(3)))},
        )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:timeline_importbatch_change", args=[batch.pk])
    page = admin_client.get(response.url).content.decode()
    assert "reading the file: 0 rows so far" in page
    assert '<meta http-equiv="refresh"' in page

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    page = admin_client.get(response.url).content.decode()
    assert "3/3 rows processed" in page
    assert "created: 3" in page
    assert '<meta http-equiv="refresh"' not in page


def test_admin_upload_without_the_add_right_stores_nothing(client, django_user_model):
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(staff)
    response = client.post(
        reverse("admin:timeline_importbatch_upload"),
        {"file": SimpleUploadedFile("events.csv", csv_bytes(rows(1)))},
    )
    assert response.status_code == 302
    assert not ImportBatch.objects.exists()
    assert stored_files() == []
