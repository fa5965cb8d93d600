"""Whole-file problems are refused with one clear sentence and nothing staged; good files stream."""

import codecs
import io
import json

import pytest

from timeline.importing import readers
from timeline.importing.readers import ImportFileError
from timeline.importing.staging import stage_file
from timeline.models import ImportBatch, ImportRow

from .conftest import COLUMNS, csv_bytes, row

pytestmark = pytest.mark.django_db


def refused(stage, content, name="events.csv", file_format=None):
    with pytest.raises(ImportFileError) as caught:
        stage(content, name=name, file_format=file_format)
    assert ImportBatch.objects.count() == 0
    assert ImportRow.objects.count() == 0
    return str(caught.value)


def test_missing_required_column_is_named(stage):
    columns = [c for c in COLUMNS if c != "raw_date"]
    message = refused(stage, csv_bytes([row()], columns))
    assert "missing required column" in message
    assert "raw_date" in message


def test_missing_actor_column_is_named(stage):
    message = refused(stage, csv_bytes([row()], [c for c in COLUMNS if c != "actor"]))
    assert "actor" in message


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", codecs.BOM_UTF8])
def test_empty_file(stage, content):
    assert "empty" in refused(stage, content)


@pytest.mark.parametrize("name", ["events.json", "events.ndjson"])
def test_empty_json_files(stage, name):
    assert "empty" in refused(stage, b"  \n", name=name)


def test_header_only(stage):
    assert "header but no rows" in refused(stage, csv_bytes([]))


def test_empty_json_list(stage):
    assert "no rows" in refused(stage, b"[ ]", name="events.json")


def test_binary_garbage(stage):
    garbage = bytes(range(256)) * 40
    assert "binary" in refused(stage, garbage)
    assert "binary" in refused(stage, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50)


def test_invalid_utf8_names_offset_and_line(stage):
    good = csv_bytes([row()])
    content = good + b"ev-2,Caf\xe9 Corp,,company,HK,,statement,t,s,2020-07-06\n"
    message = refused(stage, content)
    offset = len(good) + len(b"ev-2,Caf")
    assert "not valid UTF-8" in message
    assert f"byte offset {offset}" in message
    assert "line 3" in message


def test_invalid_utf8_across_blocks(stage, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_SIZE", 7)
    content = csv_bytes([row()]) + b"x,\xc3"
    message = refused(stage, content)
    assert f"byte offset {len(content) - 1}" in message


def test_file_over_the_limit_is_refused_before_reading(settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000

    class Huge(io.BytesIO):
        size = 5000

        def read(self, *args):
            raise AssertionError("an oversized file must not be read")

    with pytest.raises(ImportFileError, match="over the import limit of 1,000 bytes"):
        stage_file(Huge(), file_name="big.csv")
    assert ImportBatch.objects.count() == 0


def test_file_over_the_limit_on_disk(stage, settings):
    settings.IMPORT_MAX_FILE_BYTES = 200
    assert "over the import limit" in refused(stage, csv_bytes([row(), row(id="ev-2")]))


def test_unknown_format(stage):
    assert "cannot tell the format" in refused(stage, b"a,b\n1,2\n", name="events.xlsx")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"actor": "x"}', "must be a list of objects"),
        (b'[{"actor": "x"}, 3]', "not an object"),
        (b'[{"actor": "x"}, {"actor": ', "not valid JSON"),
        (b'[{"actor": "x"} {"actor": "y"}]', "followed by"),
        (b'[{"actor": "x"}] trailing', "followed by more data"),
    ],
)
def test_bad_json(stage, content, reason):
    assert reason in refused(stage, content, name="events.json")


def test_csv_with_bom_semicolons(stage):
    content = codecs.BOM_UTF8 + csv_bytes([row(title="Zürich; café")], delimiter=";")
    batch = stage(content)
    assert batch.total_rows == 1
    assert batch.rows.get().raw["title"] == "Zürich; café"
    assert "id" in batch.rows.get().raw


def test_csv_utf16_with_bom_and_tabs(stage):
    text = csv_bytes([row(title="香港 national security law")], delimiter="\t").decode()
    batch = stage(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), name="events.tsv")
    assert batch.rows.get().raw["title"] == "香港 national security law"
    assert batch.rows.get().status == "created"


def test_quoted_newlines_survive(stage):
    batch = stage(csv_bytes([row(summary="line one\nline two\r\nline three")]))
    assert batch.rows.get().raw["summary"] == "line one\nline two\r\nline three"
    assert batch.total_rows == 1


def test_json_list_streams_in_small_blocks(stage, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_SIZE", 16)
    rows = [row(id=f"ev-{n}", title=f'Event {n} ] }} [ {{ " ,') for n in range(5)]
    batch = stage(json.dumps(rows, indent=2).encode(), name="events.json")
    assert batch.total_rows == 5
    assert [r.raw["title"] for r in batch.rows.order_by("row_number")] == [r["title"] for r in rows]


def test_json_with_a_1mb_value(stage, monkeypatch):
    monkeypatch.setattr(readers, "BLOCK_SIZE", 4096)
    summary = "x" * (1 << 20)
    batch = stage(json.dumps([row(summary=summary)]).encode(), name="events.json")
    staged = batch.rows.get()
    assert staged.raw["summary"] == summary
    assert staged.event.summary == summary


def test_ndjson_bad_line_is_kept_for_review(stage):
    content = json.dumps(row()) + "\n\nnot json at all\n" + json.dumps(row(id="ev-2")) + "\n"
    batch = stage(content.encode(), name="events.ndjson")
    rows = list(batch.rows.order_by("row_number"))
    assert [r.status for r in rows] == ["created", "needs_review", "created"]
    assert rows[1].raw == {"_unparsed": "not json at all"}
    assert "line 3 is not a JSON object" in rows[1].messages[0]["text"]


def test_aliases_and_unknown_columns(stage):
    columns = ["id", "actor", "title", "date", "published", "source_url", "mood", "Internal Note"]
    values = row(date="last Monday", published="2020-07-08", mood="=1+1", **{"Internal Note": "keep"})
    batch = stage(csv_bytes([values], columns))
    staged = batch.rows.get()
    assert staged.status == "created", staged.messages
    assert staged.event.date_start.isoformat() == "2020-07-06"
    assert staged.raw["mood"] == "=1+1"
    assert staged.raw["Internal Note"] == "keep"
    assert any("mood" in note and "Internal Note" in note for note in batch.messages)


def test_duplicate_header_names_keep_both_values(stage):
    content = b"id,actor,title,raw_date,title\nev-1,Facebook,First,2020-07-06,Second\n"
    batch = stage(content)
    raw = batch.rows.get().raw
    assert raw["title"] == "First"
    assert raw["title (5)"] == "Second"
    assert any("repeats the name" in note for note in batch.messages)


def test_deeply_nested_json_is_refused_with_a_reason(stage):
    nested = "[" * 100_000 + "]" * 100_000
    content = f'[{{"actor": "x", "summary": {nested}}}]'.encode()
    assert "JSON item 1 is nested too deeply to read" in refused(stage, content, name="events.json")


def test_a_number_of_a_million_digits_is_refused_with_a_reason(stage):
    content = ('[{"actor": "x", "title": ' + "9" * 1_000_000 + "}]").encode()
    assert "JSON item 1 cannot be read" in refused(stage, content, name="events.json")


def test_ndjson_lines_too_deep_or_too_long_a_number_wait_for_review(stage):
    lines = [
        '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"a": ' + "9" * 1_000_000 + "}",
        json.dumps(row()),
    ]
    batch = stage("\n".join(lines).encode(), name="events.ndjson")
    first, second, third = batch.rows.order_by("row_number")
    assert "nested too deeply" in first.messages[0]["text"]
    assert "cannot be read" in second.messages[0]["text"]
    assert (first.status, second.status, third.status) == ("needs_review", "needs_review", "created")


@pytest.mark.parametrize("name", ["events.csv", "events.json", "events.ndjson"])
def test_a_field_of_many_blocks_arrives_whole(stage, monkeypatch, name):
    monkeypatch.setattr(readers, "BLOCK_SIZE", 1000)
    summary = "word " * 50_000
    rows = [row(summary=summary), row(id="ev-2", summary="short")]
    if name.endswith(".csv"):
        content = csv_bytes(rows)
    elif name.endswith(".ndjson"):
        content = "\n".join(json.dumps(r) for r in rows).encode()
    else:
        content = json.dumps(rows).encode()
    batch = stage(content, name=name)
    assert [r.raw["summary"] for r in batch.rows.order_by("row_number")] == [summary, "short"]
