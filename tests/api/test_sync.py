"""A mirror stays exact with updated_since (ordering=updated_at) plus the removals feed."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory
from timeline.models import Event, EventStatus

from .conftest import API, all_pages, assert_error

pytestmark = pytest.mark.django_db


def removals(client, since, **params):
    seen = []
    response = client.get(f"{API}/events/removed/", {"since": since.isoformat(), **params})
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        seen.extend((row["id"], row["reason"]) for row in body["results"])
        if not body["next"]:
            return seen
        response = client.get(body["next"])


def test_mirror_follows_changes_and_removals(anon, world):
    mirror = dict.fromkeys(all_pages(anon, f"{API}/events/"), True)
    since = timezone.now()
    # Changes after the first sync: an unpublish, a retraction, a deletion, an edit, a new event.
    fb, wa, tg, answer = world["fb"], world["wa"], world["tg"], world["answer"]
    fb.status = EventStatus.DRAFT
    fb.save()
    wa.status = EventStatus.RETRACTED
    wa.retraction_note = "Wrong company."
    wa.save()
    tg_id = tg.pk
    tg.delete()
    answer.title = "Google pauses requests (corrected)"
    answer.save()

    for event_id, _reason in removals(anon, since):
        mirror.pop(event_id, None)
    for event_id in all_pages(anon, f"{API}/events/", updated_since=since.isoformat(), ordering="updated_at"):
        mirror[event_id] = True
    assert set(mirror) == set(Event.objects.public().values_list("id", flat=True))
    assert dict(removals(anon, since)) == {fb.pk: "unpublished", wa.pk: "retracted", tg_id: "deleted"}


def test_removals_are_ids_only_and_paged(anon, world):
    since = timezone.now() - datetime.timedelta(days=1)
    for event in EventFactory.create_batch(7, status=EventStatus.PUBLISHED):
        event.delete()
    for event in EventFactory.create_batch(3, status=EventStatus.PUBLISHED):
        event.status = EventStatus.DRAFT
        event.save()
    response = anon.get(f"{API}/events/removed/", {"since": since.isoformat(), "page_size": 4})
    body = response.json()
    assert set(body["results"][0]) == {"id", "reason", "at"}
    assert "SECRET" not in response.content.decode()
    seen = removals(anon, since, page_size=4)
    assert len(seen) == len(set(seen)) == 10
    ats = [
        row["at"]
        for row in anon.get(f"{API}/events/removed/", {"since": since.isoformat()}).json()["results"]
    ]
    assert ats == sorted(ats)


def test_events_that_were_never_public_are_not_removals(anon, world):
    since = timezone.now() - datetime.timedelta(days=1)
    never_public = EventFactory(status=EventStatus.DRAFT, title="SECRET draft")
    deleted_draft = EventFactory(status=EventStatus.DRAFT)
    deleted_draft_id = deleted_draft.pk
    deleted_draft.delete()
    listed = {event_id for event_id, _reason in removals(anon, since)}
    assert never_public.pk not in listed
    assert deleted_draft_id not in listed
    assert world["draft_response"].pk not in listed


def test_bulk_delete_leaves_tombstones(anon, world):
    since = timezone.now()
    doomed = [world["passed"].pk, world["montana"].pk]
    Event.objects.filter(pk__in=doomed).delete()
    assert {pk for pk, reason in removals(anon, since) if reason == "deleted"} == set(doomed)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "since"),
        ({"since": "last tuesday"}, "since"),
        ({"since": "2020-01-01T00:00:00Z", "cursor": "x"}, "cursor"),
    ],
)
def test_removals_bad_input(anon, params, field, db):
    assert_error(anon.get(f"{API}/events/removed/", params), 400, field)
