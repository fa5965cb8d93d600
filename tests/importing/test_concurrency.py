"""Workers that meet on the same new organization or event: one creates it, the other uses it."""

import io
import threading

import pytest
from django.db import connection

from timeline.importing import processing, upsert
from timeline.importing.resolve import Resolver
from timeline.importing.staging import stage_file
from timeline.models import Event, ImportRow, Organization

from .conftest import csv_bytes, row

RACE = row(id="race-1", actor="Racing Corp", title="Racing Corp pauses requests", law="")


def staged(name, rows):
    """A batch staged and left pending, as if its chunks were queued for the workers."""
    batch = stage_file(io.BytesIO(csv_bytes(rows)), file_name=name, dispatch=False)
    return batch.pk, list(ImportRow.objects.filter(batch_id=batch.pk).values_list("pk", flat=True))


def history_types(external_id):
    event = Event.objects.get(external_id=external_id)
    return sorted(event.history.values_list("history_type", flat=True))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite lets one writer at a time: no race to run")
def test_two_workers_race_on_the_same_new_organization_and_event():
    """Two chunks in two threads (two connections) both find neither the organization nor the
    event, and both insert them at the same moment: the database lets one in, the other reads it."""
    first, second = staged("a.csv", [RACE]), staged("b.csv", [RACE])
    both_looked = threading.Barrier(2, timeout=20)
    both_searched = threading.Barrier(2, timeout=20)
    original_prefetch, original_find = Resolver.prefetch, upsert.find_events
    local = threading.local()

    def prefetch(self, *args, **kwargs):
        original_prefetch(self, *args, **kwargs)
        both_looked.wait()

    def find_events(keys):
        found = original_find(keys)
        if not getattr(local, "searched", False):
            local.searched = True
            both_searched.wait()
        return found

    errors, lost = [], []
    original_settle = upsert.EventWrites.settle_lost_race

    def settle_lost_race(self, key, *args):
        lost.append(key)
        return original_settle(self, key, *args)

    def work(batch_id, ids):
        try:
            processing.process_chunk(batch_id, ids)
        except Exception as error:  # reported below: a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connection.close()

    original = (Resolver.prefetch, upsert.find_events)
    Resolver.prefetch, upsert.find_events = prefetch, find_events
    upsert.EventWrites.settle_lost_race = settle_lost_race
    try:
        threads = [threading.Thread(target=work, args=args) for args in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        Resolver.prefetch, upsert.find_events = original
        upsert.EventWrites.settle_lost_race = original_settle
        Resolver.forget()
    assert not errors, errors
    assert lost == [("id", "race-1")]  # the loser's insert was refused and it read the winner's
    assert Organization.objects.filter(name="Racing Corp").count() == 1
    assert Event.objects.filter(external_id="race-1").count() == 1
    statuses = sorted(ImportRow.objects.values_list("status", flat=True))
    assert statuses == ["created", "unchanged"], list(ImportRow.objects.values_list("status", "messages"))
    event = Event.objects.get(external_id="race-1")
    assert set(ImportRow.objects.values_list("event_id", flat=True)) == {event.pk}
    assert history_types("race-1") == ["+"]


@pytest.mark.django_db
def test_an_organization_created_by_another_worker_after_our_lookup_is_used(monkeypatch):
    """The deterministic half of the race, on every backend: between this chunk's lookup and its
    insert another worker commits the same organization."""
    batch_id, ids = staged("a.csv", [RACE])
    original = Resolver.prefetch

    def prefetch(self, *args, **kwargs):
        original(self, *args, **kwargs)
        Organization.objects.create(name="RACING CORP", kind="company")

    monkeypatch.setattr(Resolver, "prefetch", prefetch)
    processing.process_chunk(batch_id, ids)
    assert Organization.objects.filter(name__iexact="Racing Corp").count() == 1
    imported = ImportRow.objects.get()
    assert imported.status == "created", imported.messages
    assert imported.event.actor.name == "RACING CORP"


@pytest.mark.django_db
def test_a_file_of_many_chunks_imported_twice_is_all_unchanged_and_writes_nothing(settings, stage):
    """Rows over many chunks: repeated names, shared sources, responses to events in other
    chunks, no external id on some. The second import finds everything as it left it."""
    settings.IMPORT_CHUNK_SIZE = 7
    dates = ["2020-07-06", "July 2020", "early July 2020", "Monday, July 6, 2020", "2019", "Q3 2020"]
    rows = [
        row(
            id=f"many-{n}" if n % 5 else "",
            actor=f"Company {n % 6}",
            parent=f"Holding {n % 2}" if n % 3 == 0 else "",
            law=f"Law {n % 4}",
            action_type=["statement", "compliance", "service_blocked"][n % 3],
            title=f"Event {n}",
            raw_date=dates[n % len(dates)],
            source_url=f"https://news.example.org/story/{n % 9}",
            quote="We comply." if n % 4 == 0 else "",
            responds_to=f"many-{n + 8}" if n % 10 == 1 and n + 8 < 60 else "",
        )
        for n in range(60)
    ]
    first = stage(csv_bytes(rows))
    counts = processing.batch_counts(first.pk)
    assert counts["failed"] == counts["needs_review"] == 0, list(first.rows.values_list("messages"))
    assert counts["created"] + counts["updated"] + counts["unchanged"] == 60
    events = list(Event.objects.order_by("pk").values())
    history = Event.history.count()
    second = stage(csv_bytes(rows), name="again.csv")
    counts = processing.batch_counts(second.pk)
    assert counts["unchanged"] == 60, [(r.row_number, r.status, r.messages) for r in second.rows.all()]
    assert list(Event.objects.order_by("pk").values()) == events
    assert Event.history.count() == history
    responding = Event.objects.get(external_id="many-1")
    assert responding.responds_to.external_id == "many-9"
