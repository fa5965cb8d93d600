import csv
import io
import json

import pytest

from timeline.importing.columns import COLUMNS
from timeline.importing.staging import stage_file


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
