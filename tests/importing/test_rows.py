"""What becomes of each row: events upserted on their natural key, or a reason for review."""

import datetime
from pathlib import Path

import pytest

from tests.factories import EventFactory, OrganizationFactory
from timeline.importing import processing, upsert
from timeline.importing.processing import batch_counts
from timeline.models import (
    Citation,
    Event,
    EventStatus,
    Jurisdiction,
    Law,
    Organization,
    OrganizationName,
    Source,
)

from .conftest import COLUMNS, csv_bytes, row

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "hong-kong-2020.csv"


def only_row(batch):
    return batch.rows.get()


def texts(staged):
    return " | ".join(note["text"] for note in staged.messages)


def test_seeds_import(stage):
    batch = stage(SEEDS.read_bytes(), name="hong-kong-2020.csv")
    counts = batch_counts(batch.pk)
    assert counts["rows"] == 7
    assert counts["created"] == 7, [(r.row_number, r.messages) for r in batch.rows.all()]
    assert Event.objects.count() == 7
    law_event = Event.objects.get(external_id="hk2020-nsl-passed")
    assert law_event.action_type == "law_passed"
    assert law_event.date_start.isoformat() == "2020-06-30"
    assert law_event.responses.count() == 5
    assert Event.objects.get(external_id="hk2020-proprivacy-welcomes").responds_to.external_id == (
        "hk2020-facebook-pause"
    )
    telegram = Event.objects.get(external_id="hk2020-telegram-pause")
    assert telegram.date_start.isoformat() == "2020-07-07"
    assert Organization.objects.get(name="WhatsApp").parent.name == "Facebook"
    assert Organization.objects.get(name="ProPrivacy").kind == "ngo"
    assert Law.objects.count() == 1
    assert Source.objects.count() == 1
    assert Citation.objects.count() == 7
    assert set(Event.objects.values_list("status", flat=True)) == {EventStatus.PUBLISHED}
    batch.refresh_from_db()
    assert batch.status == "done"
    assert batch.finished_at is not None


def test_same_file_twice_is_all_unchanged(stage):
    stage(SEEDS.read_bytes(), name="hong-kong-2020.csv")
    before = list(Event.objects.order_by("pk").values())
    second = stage(SEEDS.read_bytes(), name="hong-kong-2020.csv")
    counts = batch_counts(second.pk)
    assert counts["unchanged"] == 7, [(r.row_number, r.status, r.messages) for r in second.rows.all()]
    assert list(Event.objects.order_by("pk").values()) == before
    assert Citation.objects.count() == 7


def test_rows_without_external_id_upsert_on_fingerprint(import_rows):
    rows = [row(id="", raw_date="2020-07-06"), row(id="", actor="Google", raw_date="July 2020")]
    first = import_rows(rows)
    assert batch_counts(first.pk)["created"] == 2
    second = import_rows([{**rows[0], "title": "Reworded title"}, rows[1]])
    assert [r.status for r in second.rows.order_by("row_number")] == ["updated", "unchanged"]
    assert Event.objects.count() == 2
    assert Event.objects.get(actor__name="Facebook").title == "Reworded title"


def test_corrected_row_updates_its_event(import_rows):
    import_rows([row()])
    event = Event.objects.get()
    batch = import_rows([row(title="Corrected title", raw_date="July 7, 2020", quote="We pause.")])
    staged = only_row(batch)
    assert staged.status == "updated"
    event.refresh_from_db()
    assert staged.event == event
    assert event.title == "Corrected title"
    assert event.date_start.isoformat() == "2020-07-07"
    assert event.citations.get().quote == "We pause."
    assert Event.objects.count() == 1


def test_responds_to_before_its_target_across_chunks(import_rows, settings):
    settings.IMPORT_CHUNK_SIZE = 1
    rows = [
        row(id="response", responds_to="law"),
        row(id="other", actor="Google", responds_to="law"),
        row(id="law", actor="NPC Standing Committee", action_type="law_passed", raw_date="June 30, 2020"),
    ]
    batch = import_rows(rows)
    assert batch_counts(batch.pk)["created"] == 3, [r.messages for r in batch.rows.all()]
    law = Event.objects.get(external_id="law")
    assert set(law.responses.values_list("external_id", flat=True)) == {"response", "other"}
    assert not batch.rows.exclude(pending_responds_to="").exists()


def test_responds_to_in_the_same_chunk_later(import_rows):
    batch = import_rows([row(id="a", responds_to="b"), row(id="b", actor="Google")])
    assert Event.objects.get(external_id="a").responds_to.external_id == "b"
    assert batch_counts(batch.pk)["created"] == 2


def test_responses_to_responses_and_a_cycle_in_one_chunk_are_all_linked_with_their_history(import_rows):
    rows = [
        row(id="c", actor="Telegram", responds_to="b"),
        row(id="b", actor="Google", responds_to="a"),
        row(id="a", action_type="law_passed", title="Law"),
        row(id="x", actor="Twitter", responds_to="y"),
        row(id="y", actor="LinkedIn", responds_to="x"),
    ]
    batch = import_rows(rows)
    assert batch_counts(batch.pk)["created"] == 5
    links = dict(Event.objects.values_list("external_id", "responds_to__external_id"))
    assert links == {"a": None, "b": "a", "c": "b", "x": "y", "y": "x"}
    for event in Event.objects.all():
        assert event.history.first().responds_to_id == event.responds_to_id  # the newest record
    assert not batch.rows.exclude(pending_responds_to="").exists()


def test_responds_to_target_in_an_earlier_batch(import_rows):
    import_rows([row(id="law", action_type="law_passed")])
    batch = import_rows([row(id="response", actor="Google", responds_to="law")])
    assert only_row(batch).status == "created"
    assert Event.objects.get(external_id="response").responds_to.external_id == "law"


def test_responds_to_that_never_appears(import_rows):
    batch = import_rows([row(id="response", responds_to="nowhere")])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert "'nowhere'" in texts(staged)
    assert staged.event.external_id == "response"
    assert staged.event.responds_to is None
    # The target arrives in a later file: the link is made and the row no longer needs review.
    import_rows([row(id="nowhere", actor="Google")])
    staged.refresh_from_db()
    assert staged.status == "updated"
    assert staged.event.responds_to.external_id == "nowhere"


def test_ragged_rows_need_review_and_keep_everything(stage):
    header = ",".join(COLUMNS)
    good = csv_bytes([row()]).decode().splitlines()[1]
    long = csv_bytes([row(id="ev-2")]).decode().splitlines()[1] + ",surplus,more"
    short = "ev-3,Google,,company"
    batch = stage(f"{header}\n{good}\n{long}\n{short}\n")
    rows = list(batch.rows.order_by("row_number"))
    assert [r.status for r in rows] == ["created", "needs_review", "needs_review"]
    assert rows[1].raw["_extra"] == ["surplus", "more"]
    assert "3 values" not in texts(rows[1]) and "extra values are kept" in texts(rows[1])
    assert rows[2].raw == {"id": "ev-3", "actor": "Google", "parent": "", "actor_kind": "company"}
    assert "missing: jurisdiction" in texts(rows[2])
    assert Event.objects.count() == 1


def test_a_1mb_cell(import_rows):
    big = "y" * (1 << 20)
    batch = import_rows([row(summary=big), row(id="ev-2", title=big)])
    first, second = batch.rows.order_by("row_number")
    assert first.status == "created"
    assert first.event.summary == big
    assert second.status == "needs_review"
    assert "title is 1,048,576 characters long" in texts(second)
    assert second.raw["title"] == big


def test_formula_like_values_are_text(import_rows):
    formula = '=HYPERLINK("http://evil.example/","click")'
    batch = import_rows([row(title=formula, summary="+SUM(A1:A9)", quote="@cmd|' /C calc'!A0")])
    event = only_row(batch).event
    assert event.title == formula
    assert event.summary == "+SUM(A1:A9)"
    assert event.citations.get().quote == "@cmd|' /C calc'!A0"


def test_invalid_url_needs_review(import_rows):
    batch = import_rows([row(source_url="not a link")])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert "source_url" in texts(staged)
    assert Event.objects.count() == 0
    assert Source.objects.count() == 0


def test_unknown_jurisdiction_needs_review_and_is_not_created(import_rows):
    count = Jurisdiction.objects.count()
    # "Atlantis" is not unknown: iso-codes translates Honduras' department Atlántida so (HN-AT).
    batch = import_rows([row(jurisdiction="Ruritania")])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert "unknown jurisdiction 'Ruritania'" in texts(staged)
    assert Jurisdiction.objects.count() == count
    assert Event.objects.count() == 0


def test_jurisdiction_by_name(import_rows):
    batch = import_rows([row(jurisdiction="hong kong")])
    assert only_row(batch).event.jurisdiction.code == "HK"


def test_unknown_action_type_needs_review(import_rows):
    batch = import_rows([row(action_type="tweeted")])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert "unknown action_type 'tweeted'" in texts(staged)


def test_action_type_label_is_accepted(import_rows):
    batch = import_rows([row(action_type="Data request policy")])
    assert only_row(batch).event.action_type == "data_request_policy"


@pytest.mark.parametrize("text", ["N/A", "TBD", "to", "sometime"])
def test_a_date_that_names_no_date(import_rows, text):
    batch = import_rows([row(raw_date=text)])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert staged.messages[0]["field"] == "raw_date"
    assert repr(text) in texts(staged)
    assert Event.objects.count() == 0


def test_an_ambiguous_date_is_not_published(import_rows):
    batch = import_rows([row(raw_date="05/07/2020", jurisdiction="", language="")])
    staged = only_row(batch)
    assert staged.status == "needs_review"
    assert "ambiguous" in texts(staged)
    assert not Event.objects.public().exists()


def test_numeric_date_order_comes_from_the_jurisdiction(import_rows):
    batch = import_rows(
        [row(id="us", jurisdiction="US", raw_date="05/07/2020"), row(id="hk", raw_date="05/07/2020")]
    )
    assert Event.objects.get(external_id="us").date_start.isoformat() == "2020-05-07"
    assert Event.objects.get(external_id="hk").date_start.isoformat() == "2020-07-05"
    assert batch_counts(batch.pk)["created"] == 2


def test_missing_required_values_need_review(import_rows):
    batch = import_rows([row(actor=""), row(id="ev-2", title="", summary=""), row(id="ev-3", raw_date="")])
    rows = list(batch.rows.order_by("row_number"))
    assert [r.status for r in rows] == ["needs_review"] * 3
    assert "actor is missing" in texts(rows[0])
    assert "title and summary" in texts(rows[1])
    assert "raw_date is missing" in texts(rows[2])
    assert Organization.objects.count() == 0


def test_title_defaults_from_summary(import_rows):
    batch = import_rows([row(title="", summary="A long summary. " * 40)])
    event = only_row(batch).event
    assert len(event.title) <= 300
    assert event.title.startswith("A long summary.")


def test_status_defaults_to_published_and_no_source_means_draft(import_rows):
    batch = import_rows([row(), row(id="ev-2", actor="Google", source_url="", status="")])
    first, second = batch.rows.order_by("row_number")
    assert first.event.status == "published"
    assert second.event.status == "draft"
    assert "no source" in texts(second)


def test_organizations_match_other_names_case_and_accents(import_rows):
    meta = OrganizationFactory(name="Meta Platforms")
    OrganizationName.objects.create(organization=meta, name="Facebook")
    OrganizationFactory(name="Café Corp")
    batch = import_rows([row(actor="FACEBOOK"), row(id="ev-2", actor="cafe  corp")])
    first, second = batch.rows.order_by("row_number")
    assert first.event.actor == meta
    assert second.event.actor.name == "Café Corp"
    assert Organization.objects.count() == 2


def test_redelivered_chunk_changes_nothing(import_rows):
    batch = import_rows([row(), row(id="ev-2", actor="Google")])
    ids = list(batch.rows.values_list("pk", flat=True))
    before = list(batch.rows.order_by("pk").values("status", "event", "processed_at"))
    assert processing.process_chunk(batch.pk, ids) == 0
    assert list(batch.rows.order_by("pk").values("status", "event", "processed_at")) == before
    assert Event.objects.count() == 2


def test_a_concurrent_insert_of_the_same_event_is_not_duplicated(import_rows, monkeypatch):
    """Another worker inserts the same natural key between our lookup and our insert."""
    original = upsert.EventWrites.insert

    def racing(self, new, by_key):
        actor = Organization.objects.get(name="Facebook")
        EventFactory(external_id="ev-1", actor=actor, title="Inserted by the other worker")
        EventFactory(
            external_id="",
            actor=actor,
            action_type="statement",
            date_start=datetime.date(2020, 7, 6),
            title="fp",
        )
        return original(self, new, by_key)

    monkeypatch.setattr(upsert.EventWrites, "insert", racing)
    batch = import_rows(
        [row(), row(id="", action_type="statement", raw_date="2020-07-06", jurisdiction="", law="")]
    )
    first, second = batch.rows.order_by("row_number")
    assert first.status == "updated", first.messages
    assert Event.objects.filter(external_id="ev-1").count() == 1
    assert Event.objects.get(external_id="ev-1").title == row()["title"]
    assert second.status == "updated", second.messages
    assert Event.objects.filter(external_id="", actor__name="Facebook").count() == 1


def test_a_row_failing_in_the_database_fails_alone(import_rows, monkeypatch):
    original = processing.Resolver.law

    def broken(self, title, jurisdiction=None):
        if title == "Broken":
            raise ValueError("simulated")
        return original(self, title, jurisdiction)

    monkeypatch.setattr(processing.Resolver, "law", broken)
    batch = import_rows([row(law="Broken"), row(id="ev-2", actor="Google")])
    first, second = batch.rows.order_by("row_number")
    assert first.status == "failed"
    assert "simulated" in texts(first)
    assert second.status == "created"


@pytest.mark.parametrize("in_one_chunk", [True, False])
def test_a_row_fills_in_what_a_stored_source_lacks_and_keeps_what_it_has(import_rows, in_one_chunk):
    Source.objects.create(url="https://news.example.org/blank", outlet="", title="")
    Source.objects.create(url="https://news.example.org/full", outlet="Kept", title="Kept title")
    rows = [
        row(
            id="ev-1",
            source_url="https://news.example.org/blank",
            source_outlet="New",
            source_title="New title",
        ),
        row(
            id="ev-2",
            source_url="https://news.example.org/full",
            source_outlet="New",
            source_title="New title",
        ),
    ]
    for batch in [rows] if in_one_chunk else [[item] for item in rows]:
        import_rows(batch)
    blank, full = (Source.objects.get(url=f"https://news.example.org/{name}") for name in ("blank", "full"))
    assert (blank.outlet, blank.title, blank.published) == ("New", "New title", datetime.date(2020, 7, 7))
    assert (full.outlet, full.title, full.published) == ("Kept", "Kept title", datetime.date(2020, 7, 7))
