import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from timeline.models import Event, ImportBatch

from .conftest import API, assert_error

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hong-kong-2020.csv"

BAD_ROWS = (
    "id,actor,jurisdiction,action_type,title,raw_date,source_url\n"
    "ok-1,Facebook,HK,statement,Fine row,2020-07-06,https://example.org/a\n"
    "bad-1,Facebook,,statement,Ambiguous row,05/07/2020,https://example.org/b\n"
    "bad-2,Facebook,HK,statement,No date row,TBD,https://example.org/c\n"
)


def upload(client, name, content, **extra):
    data = {
        "file": SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content),
        **extra,
    }
    return client.post(f"{API}/imports/", data, format="multipart")


def test_seed_file_end_to_end(editor_token_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_token_client, "hong-kong-2020.csv", SEED.read_bytes())
    assert response.status_code == 202, response.content
    body = response.json()
    assert response["Location"] == f"{API}/imports/{body['id']}/"
    assert body["url"].endswith(response["Location"])
    progress = editor_token_client.get(response["Location"])
    assert progress.status_code == 200
    batch = progress.json()
    assert batch["total_rows"] == ImportBatch.objects.get().total_rows > 0
    assert batch["status"] == "done"
    assert batch["progress"] == 1.0
    assert batch["counts"]["created"] == Event.objects.count() > 0
    assert batch["counts"]["pending"] == 0
    assert sum(batch["counts"].values()) == batch["total_rows"]


def test_rows_needing_review_are_listed(editor_token_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_token_client, "rows.csv", BAD_ROWS)
    assert response.status_code == 202, response.content
    batch = editor_token_client.get(response["Location"]).json()
    assert batch["total_rows"] == 3
    flagged = {row["row_number"]: row for row in batch["rows_needing_review"]}
    assert set(flagged) == {2, 3}
    assert flagged[2]["raw"]["raw_date"] == "05/07/2020"
    assert flagged[2]["messages"] and flagged[3]["messages"]
    assert batch["counts"]["created"] == 1


def test_json_upload_with_explicit_format(editor_token_client, django_capture_on_commit_callbacks):
    rows = [
        {"id": "j-1", "actor": "Telegram", "title": "A row", "raw_date": "July 2020", "jurisdiction": "HK"}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_token_client, "events.data", json.dumps(rows), format="json")
    assert response.status_code == 202, response.content


def test_unreadable_file_is_400_and_nothing_is_staged(editor_token_client):
    error = assert_error(upload(editor_token_client, "events.xlsx", "PK\x03\x04"), 400, "file")
    assert "extension" in error["fields"]["file"][0]
    error = assert_error(upload(editor_token_client, "events.csv", "title,summary\nx,y\n"), 400, "file")
    assert "raw_date" in error["fields"]["file"][0]
    assert not ImportBatch.objects.exists()


def test_missing_file_and_wrong_content_type(editor_token_client):
    assert_error(editor_token_client.post(f"{API}/imports/", {}, format="multipart"), 400, "file")
    response = editor_token_client.post(f"{API}/imports/", {"file": "x"}, format="json")
    assert_error(response, 415)


def test_import_rights(anon, reader_client, editor_token_client, django_capture_on_commit_callbacks):
    assert_error(upload(anon, "rows.csv", BAD_ROWS), 401)
    assert_error(upload(reader_client, "rows.csv", BAD_ROWS), 403)
    with django_capture_on_commit_callbacks(execute=True):
        url = upload(editor_token_client, "rows.csv", BAD_ROWS)["Location"]
    # Batches hold raw rows (drafts included): never readable without the right.
    assert_error(anon.get(url), 401)
    assert_error(reader_client.get(url), 403)
    assert_error(editor_token_client.get(f"{API}/imports/999999/"), 404)


def test_upload_keeps_the_file_name(editor_token_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        body = upload(editor_token_client, "../../etc/rows.csv", io.BytesIO(BAD_ROWS.encode()).read()).json()
    assert body["file_name"] == "rows.csv"


def test_an_upload_while_the_task_queue_is_down_is_accepted_and_says_so(
    editor_token_client, django_capture_on_commit_callbacks, monkeypatch
):
    from kombu.exceptions import OperationalError

    from timeline.importing import orchestration

    def unreachable(batch_id, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(orchestration, "dispatch_batch", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_token_client, "hong-kong-2020.csv", SEED.read_bytes())
    assert response.status_code == 202
    batch = ImportBatch.objects.get()
    assert batch.rows.filter(status="pending").count() == batch.total_rows == 7
    assert any("could not be reached" in note and f"--resume {batch.pk}" in note for note in batch.messages)
    progress = editor_token_client.get(response["Location"]).json()
    assert any("could not be reached" in note for note in progress["messages"])
