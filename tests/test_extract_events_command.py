"""manage.py extract_events: articles in, an import file of draft candidates out (a contract)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from timeline.extraction.rows import HEADER
from timeline.importing.columns import COLUMNS
from timeline.importing.staging import stage_file
from timeline.models import Event, ImportRow

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Freedonia passes platform law\n"
    "The Freedonia Assembly passed the Platform Accountability Act on 2 February 2024.\n"
    "ChatHub suspended its service in Freedonia on Monday, saying “we cannot operate under these rules”."
)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract_events", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_folder_of_articles_becomes_an_import_file_with_the_four_extra_columns(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.md").write_text("# Quiet day\n\nNothing happened at all today.\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    output = tmp_path / "out.csv"
    out, _ = run(str(folder), "--published", "2024-02-14", "--output", str(output))
    rows = read_csv(output)
    with open(output, encoding="utf-8") as handle:
        assert (
            tuple(handle.readline().strip().split(","))
            == HEADER
            == (*COLUMNS, "date_start", "date_end", "date_precision", "evidence")
        )
    assert [(r["actor"], r["action_type"], r["date_start"], r["date_precision"]) for r in rows] == [
        ("Freedonia Assembly", "law_passed", "2024-02-02", "day"),
        ("ChatHub", "service_withdrawn", "2024-02-12", "day"),
    ]
    chathub = rows[1]
    assert chathub["raw_date"] == "Monday" and chathub["reference_date"] == "2024-02-14"
    assert chathub["evidence"].startswith("ChatHub suspended its service")
    assert chathub["quote"] == "we cannot operate under these rules"
    assert chathub["responds_to"] == rows[0]["id"]
    assert {r["status"] for r in rows} == {"draft"}
    assert "2 candidate events from 2 of 2 articles" in out


def test_the_output_is_a_staged_import_the_existing_pipeline_reads(
    tmp_path, django_capture_on_commit_callbacks
):
    article = tmp_path / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "out.csv"
    run(str(article), "--published", "2024-02-14", "--url", "https://news.example/a", "--output", str(output))
    with open(output, "rb") as handle, django_capture_on_commit_callbacks(execute=True):
        batch = stage_file(handle, file_name="out.csv")
    assert batch.total_rows == 2
    assert set(ImportRow.objects.filter(batch=batch).values_list("status", flat=True)) == {"created"}
    events = Event.objects.order_by("date_start")
    assert [(e.actor.name, e.status, e.date_start.isoformat()) for e in events] == [
        ("Freedonia Assembly", "draft", "2024-02-02"),
        ("ChatHub", "draft", "2024-02-12"),
    ]
    assert events[1].responds_to == events[0]


def test_bad_files_are_refused_one_by_one_and_nothing_is_written_for_them(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB announced, nothing read
    (tmp_path / "script.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    output = tmp_path / "out.csv"
    out, err = run(str(tmp_path), "--published", "2024-02-14", "--output", str(output))
    assert len(read_csv(output)) == 2
    assert "empty.txt: the article is empty" in err
    assert "binary.txt: this is a binary file" in err
    assert "huge.txt: the file is 50.0 MB" in err
    assert "script.html: no article text found" in err
    assert "from 1 of 5 articles (4 refused)" in out
    assert Event.objects.count() == 0


def test_without_a_publication_date_the_article_is_refused_with_what_to_do(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError, match="no article could be read"):
        run(str(tmp_path / "one.txt"), "--output", str(tmp_path / "out.csv"))


def test_a_bad_date_and_a_missing_path_are_one_line_errors(tmp_path):
    with pytest.raises(CommandError, match="not a date YYYY-MM-DD"):
        run(str(tmp_path), "--published", "7/7/2020", "--output", str(tmp_path / "o.csv"))
    with pytest.raises(CommandError, match="no such file or folder"):
        run(str(tmp_path / "nope.txt"), "--output", str(tmp_path / "o.csv"))


def test_one_url_is_for_one_article(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError, match="--url names one article"):
        run(str(tmp_path), "--url", "https://news.example/a", "--output", str(tmp_path / "o.csv"))


def test_the_worker_task_writes_its_chunk_and_its_refusals(tmp_path):
    import json

    from timeline import tasks

    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    part = tmp_path / "part-000000.csv"
    tasks.extract_article_files.delay(
        [str(tmp_path / "one.txt"), str(tmp_path / "empty.txt")], str(part), published="2024-02-14"
    )
    rows = list(csv.DictReader(part.open(encoding="utf-8"), fieldnames=HEADER))
    assert [r["actor"] for r in rows] == ["Freedonia Assembly", "ChatHub"]
    assert json.loads((tmp_path / "part-000000.csv.errors").read_text()) == [
        "empty.txt: the article is empty"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "empty.txt",
        "one.txt",
        "part-000000.csv",
        "part-000000.csv.errors",
    ]
