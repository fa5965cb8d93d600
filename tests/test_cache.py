import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from tests.factories import EventFactory
from timeline.cache import cache_public_response, content_version
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@cache_public_response("test-titles")
def titles_view(request):
    return HttpResponse(", ".join(Event.objects.public().values_list("title", flat=True)))


def get(path="/titles/", user=None):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return titles_view(request).content.decode()


def test_a_saved_edit_is_seen_by_the_next_reader(caching, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Before")
    assert get() == "Before"
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache's back")
    assert get() == "Before"  # served from the cache

    with django_capture_on_commit_callbacks(execute=True):
        event.title = "After"
        event.save()
    assert get() == "After"


def test_the_version_moves_only_when_the_transaction_commits(caching, django_capture_on_commit_callbacks):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        EventFactory()
    assert content_version() == version
    for callback in callbacks:
        callback()
    assert content_version() > version


def test_signed_in_users_and_other_queries_are_not_served_from_the_cache(
    caching, django_capture_on_commit_callbacks, admin_user
):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="One")
    assert get() == "One"
    Event.objects.filter(pk=event.pk).update(title="Two")
    assert get(user=admin_user) == "Two"
    assert get("/titles/?q=x") == "Two"


def test_caching_is_off_when_no_time_is_configured(settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    event = EventFactory(title="One")
    assert get() == "One"
    Event.objects.filter(pk=event.pk).update(title="Two")
    assert get() == "Two"


@pytest.mark.parametrize("path", ["/feeds/atom/", "/api/v1/events/"])
def test_a_response_cached_for_one_host_is_not_served_to_another(
    caching, settings, client, path, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "one.example", "two.example"]
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(title="Hosted")
    assert "one.example" in client.get(path, HTTP_HOST="one.example").content.decode()
    second = client.get(path, HTTP_HOST="two.example").content.decode()
    assert "two.example" in second
    assert "one.example" not in second
    https = client.get(path, HTTP_HOST="one.example", secure=True).content.decode()
    assert "https://one.example" in https
