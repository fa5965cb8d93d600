"""The write path at the sizes that take its batched statements: what a chunk of many rows writes."""

import pytest
from django.db import connection, transaction

from tests.factories import EventFactory
from timeline.importing.processing import batch_counts
from timeline.importing.upsert import events_table
from timeline.models import Citation, Event

from .conftest import row

TRACKED = ("id", "title", "summary", "action_type", "date_start", "date_end", "status", "external_id")


def many_rows(count, quote="We comply."):
    # Each tenth row responds to an earlier one of the same chunk; every other row has a quote.
    return [
        row(
            id=f"ev-{n}",
            title=f"Event {n}",
            raw_date=f"2020-07-{n % 28 + 1:02d}",
            source_url=f"https://news.example.org/story/{n % 7}",
            quote=quote if n % 2 else "",
            responds_to=f"ev-{n - 5}" if n % 10 == 9 else "",
        )
        for n in range(count)
    ]


@pytest.mark.django_db
def test_a_chunk_of_many_new_events_writes_every_event_history_and_citation(import_rows):
    count = 589
    batch = import_rows(many_rows(count))
    assert batch_counts(batch.pk)["created"] == count
    events = {event.external_id: event for event in Event.objects.all()}
    assert len(events) == count
    for n in range(9, count, 10):
        assert events[f"ev-{n}"].responds_to_id == events[f"ev-{n - 5}"].pk
    for event in events.values():
        records = list(event.history.all())
        assert [record.history_type for record in records] == ["+"]
        record = records[0]
        assert {name: getattr(record, name) for name in TRACKED} == {
            name: getattr(event, name) for name in TRACKED
        }
        assert record.responds_to_id == event.responds_to_id
    assert Citation.objects.count() == count
    assert Citation.objects.exclude(quote="").count() == count // 2


@pytest.mark.django_db
def test_the_same_chunk_again_is_unchanged_and_a_changed_quote_updates_its_citation(import_rows):
    count = 259
    import_rows(many_rows(count))
    again = import_rows(many_rows(count))
    assert batch_counts(again.pk)["unchanged"] == count
    assert Citation.objects.count() == count
    changed = import_rows(many_rows(count, quote="We will not comply."))
    counts = batch_counts(changed.pk)
    assert (counts["updated"], counts["unchanged"]) == (count // 2, count - count // 2)
    assert Citation.objects.count() == count
    assert Citation.objects.filter(quote="We will not comply.").count() == count // 2


def event_columns(event, **changes):
    return {**Event.objects.filter(pk=event.pk).values(*events_table.attnames).get(), **changes}


@pytest.mark.django_db(transaction=True)
def test_insert_new_returns_the_rows_it_inserted_and_skips_a_key_already_taken():
    taken = EventFactory(external_id="taken")
    rows = [
        event_columns(taken, external_id="new-1"),
        event_columns(taken),  # another worker's key: skipped, not returned
        event_columns(taken, external_id="new-2"),
    ]
    with transaction.atomic():
        inserted = events_table.insert_new(rows, ("id", "external_id"))
    assert [external_id for _, external_id in inserted] == ["new-1", "new-2"]
    assert dict(
        Event.objects.filter(external_id__startswith="new-").values_list("pk", "external_id")
    ) == dict(inserted)
    assert Event.objects.count() == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock")
def test_insert_new_on_sqlite_refuses_to_run_without_the_write_lock():
    rows = [event_columns(EventFactory(), external_id="new-1")]
    with pytest.raises(RuntimeError, match="write lock"):
        events_table.insert_new(rows, ("id",))
    assert not Event.objects.filter(external_id="new-1").exists()


@pytest.mark.django_db
def test_a_cell_with_a_control_character_is_cleaned_and_the_raw_value_kept(import_rows):
    batch = import_rows([row(title="Facebook\x07 pauses\x1b requests ")])
    assert Event.objects.get().title == "Facebook pauses requests"
    assert batch.rows.get().raw["title"] == "Facebook\x07 pauses\x1b requests "


ENTITY_ROWS = [
    # "Acme" is taken before the import: the new ones take acme-2, acme-3 as one by one would.
    row(id="ent-1", actor="Acme Ltd.", parent="Holding Group", law="Data Act"),
    row(id="ent-2", actor="ACME (Asia)", parent="Acme Ltd.", law="Data Act 2"),
    row(id="ent-3", actor="Holding Group", law="data act"),
    row(id="ent-4", actor="Subsidiary", parent="ACME (Asia)", law="Data-Act (2)"),
    row(id="ent-5", actor="Self Parent", parent="Self Parent", law="Data Act"),
]


def entities():
    from timeline.models import Law, Organization

    organizations = {
        o.name: (o.slug, o.kind, o.parent.name if o.parent else None)
        for o in Organization.objects.select_related("parent")
    }
    laws = {law.title: law.slug for law in Law.objects.all()}
    history = sorted(
        (h.name, h.slug, h.history_type, h.history_user_id, h.history_change_reason)
        for h in Organization.history.all()
    ) + sorted(
        (h.title, h.slug, h.history_type, h.history_user_id, h.history_change_reason)
        for h in Law.history.all()
    )
    return organizations, laws, history


@pytest.mark.django_db
@pytest.mark.parametrize("at_once", [True, False])
def test_entities_created_at_once_are_those_created_one_by_one(import_rows, monkeypatch, at_once):
    """Organizations and laws new to a chunk go in with one statement each (and their history):
    the same names, slugs, kinds, parents and history records as created one at a time."""
    from timeline.importing.resolve import Resolver
    from timeline.models import Organization

    if not at_once:
        monkeypatch.setattr(Resolver, "create_organizations", lambda self, named: None)
        monkeypatch.setattr(Resolver, "create_laws", lambda self, named: None)
    Organization.objects.create(name="Acme", slug="acme")
    Organization.objects.create(name="Taken", slug="acme-asia")
    batch = import_rows(ENTITY_ROWS)
    assert batch_counts(batch.pk)["created"] == len(ENTITY_ROWS)
    organizations, laws, history = entities()
    assert organizations == {
        "Acme": ("acme", "other", None),
        "Taken": ("acme-asia", "other", None),
        "Holding Group": ("holding-group", "company", None),
        "Acme Ltd.": ("acme-ltd", "company", "Holding Group"),
        "ACME (Asia)": ("acme-asia-2", "company", "Acme Ltd."),
        "Subsidiary": ("subsidiary", "company", "ACME (Asia)"),
        "Self Parent": ("self-parent", "company", None),
    }
    assert laws == {"Data Act": "data-act", "Data Act 2": "data-act-2", "Data-Act (2)": "data-act-2-2"}
    assert [record[2] for record in history].count("+") == len(history)
    assert {record[3:] for record in history} == {(None, None)}
