"""API lists are cached for anonymous readers and fresh the moment an edit is saved."""

import pytest
from django.core.cache import cache

from tests.factories import EventFactory

from .conftest import API, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def titles(client, path=f"{API}/events/"):
    return [row["title"] for row in client.get(path).json()["results"]]


def test_an_edit_is_in_the_next_anonymous_list(caching, anon, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Before")
    assert titles(anon) == ["Before"]
    type(event).objects.filter(pk=event.pk).update(title="Changed behind the cache's back")
    assert titles(anon) == ["Before"]  # the cached list

    with django_capture_on_commit_callbacks(execute=True):
        event.title = "After"
        event.save()
    assert titles(anon) == ["After"]


def test_token_requests_neither_read_nor_fill_the_cache(
    caching, anon, api_reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(title="Public")
        EventFactory(title="Draft", status="draft")
    reviewer = token_client(api_reviewer)
    assert sorted(titles(reviewer, f"{API}/events/?status=all")) == ["Draft", "Public"]
    response = anon.get(f"{API}/events/?status=all")
    assert response.status_code == 403
    assert titles(anon) == ["Public"]
