"""The write path at the sizes that take its batched statements: what a chunk of many rows writes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.importing.processing import batch_counts
from timeline.importing.tables import MAX_ROWS_PER_STATEMENT, _statement_sizes
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
    count = 2 * MAX_ROWS_PER_STATEMENT + 77  # full statements and every smaller size
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
    count = MAX_ROWS_PER_STATEMENT + 3
    import_rows(many_rows(count))
    again = import_rows(many_rows(count))
    assert batch_counts(again.pk)["unchanged"] == count
    assert Citation.objects.count() == count
    changed = import_rows(many_rows(count, quote="We will not comply."))
    counts = batch_counts(changed.pk)
    assert (counts["updated"], counts["unchanged"]) == (count // 2, count - count // 2)
    assert Citation.objects.count() == count
    assert Citation.objects.filter(quote="We will not comply.").count() == count // 2


@settings(deadline=None)
@given(st.integers(0, 5000), st.integers(1, 10_000))
def test_statement_sizes_cover_the_rows_with_few_sizes(count, most):
    covered = 0
    for start, size in _statement_sizes(count, most):
        assert start == covered and size & (size - 1) == 0 and size <= min(most, MAX_ROWS_PER_STATEMENT)
        covered += size
    assert covered == count


@pytest.mark.django_db
def test_a_cell_with_a_control_character_is_cleaned_and_the_raw_value_kept(import_rows):
    batch = import_rows([row(title="Facebook\x07 pauses\x1b requests ")])
    assert Event.objects.get().title == "Facebook pauses requests"
    assert batch.rows.get().raw["title"] == "Facebook\x07 pauses\x1b requests "
