"""The admin: upload a file, watch its batch, filter its rows, correct and re-run them."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline.models import Event, ImportBatch, Jurisdiction

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "hong-kong-2020.csv"


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    def run(content, name="events.csv", **data):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(
                reverse("admin:timeline_importbatch_upload"),
                {"file": SimpleUploadedFile(name, content), **data},
            )

    return run


def test_upload_page(admin_client):
    response = admin_client.get(reverse("admin:timeline_importbatch_upload"))
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content
    # The admin's own "add" button leads to the upload form.
    assert admin_client.get(reverse("admin:timeline_importbatch_add")).url == reverse(
        "admin:timeline_importbatch_upload"
    )


def test_upload_stages_processes_and_redirects_to_the_batch(admin_client, upload, admin_user):
    response = upload(SEEDS.read_bytes(), name="hong-kong-2020.csv")
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:timeline_importbatch_change", args=[batch.pk])
    assert batch.created_by == admin_user
    assert Event.objects.count() == 7
    page = admin_client.get(response.url)
    assert page.status_code == 200
    assert b"created: 7" in page.content
    assert b"status__exact=created" in page.content
    listing = admin_client.get(reverse("admin:timeline_importbatch_changelist"))
    assert listing.status_code == 200
    assert b"hong-kong-2020.csv" in listing.content
    assert b"<progress" in listing.content


def test_upload_of_an_unreadable_file_shows_why(upload):
    response = upload(csv_bytes([]))
    assert response.status_code == 200
    assert b"header but no rows" in response.content
    assert ImportBatch.objects.count() == 0


def test_upload_over_the_limit(upload, settings):
    settings.IMPORT_MAX_FILE_BYTES = 50
    response = upload(csv_bytes([row()]))
    assert b"over the import limit" in response.content
    assert ImportBatch.objects.count() == 0


def test_rows_filtered_by_status(admin_client, upload):
    upload(csv_bytes([row(), row(id="ev-2", raw_date="TBD")]))
    batch = ImportBatch.objects.get()
    url = reverse("admin:timeline_importrow_changelist")
    response = admin_client.get(url, {"batch__id__exact": batch.pk, "status__exact": "needs_review"})
    assert response.status_code == 200
    assert b"TBD" in response.content
    assert b"1 import row" in response.content


def test_correct_a_row_and_rerun_it(admin_client, upload, django_capture_on_commit_callbacks):
    upload(csv_bytes([row(raw_date="TBD")]))
    staged = ImportBatch.objects.get().rows.get()
    assert staged.status == "needs_review"
    url = reverse("admin:timeline_importrow_change", args=[staged.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert b"Save and re-run" in page.content
    corrected = {**staged.raw, "raw_date": "July 6, 2020"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"raw": json.dumps(corrected), "_rerun": "Save and re-run"})
    assert response.status_code == 302
    staged.refresh_from_db()
    assert staged.status == "created", staged.messages
    assert staged.raw["raw_date"] == "July 6, 2020"
    assert staged.event.date_start.isoformat() == "2020-07-06"
    assert ImportBatch.objects.get().status == "done"


def test_rerun_problem_rows_action(admin_client, upload, django_capture_on_commit_callbacks):
    upload(csv_bytes([row(), row(id="ev-2", jurisdiction="ZZ")]))
    batch = ImportBatch.objects.get()
    assert batch.rows.get(row_number=2).status == "needs_review"
    Jurisdiction.objects.create(code="ZZ", name="Testland", date_order="DMY")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:timeline_importbatch_changelist"),
            {"action": "rerun_problem_rows", "_selected_action": [batch.pk]},
        )
    assert response.status_code == 302
    assert batch.rows.get(row_number=2).status == "created"
    assert batch.rows.get(row_number=1).status == "created"
    assert Event.objects.count() == 2
