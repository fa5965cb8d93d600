"""With the shared cache (a real Redis) stopped, the site serves: uncached, with one warning.

Each test starts its own ``redis-server`` on a spare loopback port and stops it by its PID, so the
machine's Redis is never touched.
"""

import logging

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import EventFactory
from tests.reachability import PrivateRedis
from timeline import cache as public_cache
from timeline import shared_cache
from timeline.models import Event, ImportBatch

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

PASSWORD = "a long test password 1"


@pytest.fixture
def redis(settings, monkeypatch, tmp_path):
    server = PrivateRedis(tmp_path)
    try:
        server.start()
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": server.url,
                "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
            }
        }
        settings.PUBLIC_CACHE_SECONDS = 60
        settings.SHARED_CACHE_RETRY_SECONDS = 0  # try Redis again on the next request
        settings.SHARED_CACHE_WARNING_SECONDS = 60
        shared_cache.reset()
        monkeypatch.setattr(public_cache, "_version_unsure", False, raising=False)
        yield server
    finally:
        server.stop()
        shared_cache.reset()


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("staff", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    return user


def editor_token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "timeline.shared_cache" and r.levelno == logging.WARNING]


def test_with_redis_stopped_pages_api_and_admin_login_answer(
    redis, client, staff, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(title="Facebook pauses data requests")
    paths = ["/", "/api/v1/events/", "/feeds/atom/", reverse("admin:login")]
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert cache.get(public_cache.VERSION_KEY) is not None  # Redis was in use

    redis.stop()
    caplog.set_level(logging.WARNING, logger="timeline.shared_cache")

    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Facebook pauses data requests" in client.get("/").content.decode()
    assert client.get("/api/v1/events/").json()["results"][0]["title"] == "Facebook pauses data requests"

    wrong = client.post(reverse("admin:login"), {"username": "staff", "password": "guess"})
    assert wrong.status_code == 200
    assert "Please enter the correct username and password" in wrong.content.decode()
    right = client.post(reverse("admin:login"), {"username": "staff", "password": PASSWORD})
    assert right.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200

    # Many requests, one warning (rate-limited), naming what failed.
    warnings = outage_warnings(caplog)
    assert len(warnings) == 1
    assert "shared cache unavailable" in warnings[0].getMessage()


def test_with_redis_stopped_an_upload_is_accepted_and_processed(
    redis, staff, django_capture_on_commit_callbacks
):
    api = editor_token_client(staff)
    redis.stop()
    csv = (
        "id,actor,jurisdiction,action_type,title,raw_date,source_url\n"
        "r-1,Facebook,HK,statement,Row during the outage,2020-07-06,https://example.org/a\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/imports/", {"file": SimpleUploadedFile("rows.csv", csv.encode())}, format="multipart"
        )
    assert response.status_code == 202, response.content
    assert ImportBatch.objects.get().status == "done"
    assert Event.objects.filter(title="Row during the outage").exists()


def test_a_change_made_while_redis_was_unreachable_is_not_hidden_by_the_cache_afterwards(
    redis, client, django_capture_on_commit_callbacks
):
    """Redis keeps its data through a pause (a network partition): the version and the cached page
    are still there when it answers again, so the missed change must move the version."""
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Before the partition")
    assert "Before the partition" in client.get("/").content.decode()  # now cached

    redis.pause()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            event.title = "Changed during the partition"
            event.save()
        assert "Changed during the partition" in client.get("/").content.decode()
    finally:
        redis.resume()

    page = client.get("/").content.decode()
    assert "Changed during the partition" in page
    assert "Before the partition" not in page


def test_the_public_cache_is_used_again_once_redis_is_back(redis, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="One")
    redis.pause()
    try:
        assert client.get("/").status_code == 200
    finally:
        redis.resume()
    assert "One" in client.get("/").content.decode()
    Event.objects.filter(pk=event.pk).update(title="Changed behind the cache's back")
    assert "One" in client.get("/").content.decode()  # served from Redis again


def test_with_redis_stopped_failed_logins_and_the_api_rate_limit_still_count(redis, client, staff, settings):
    """This process counts on its own meanwhile (the choice in timeline/login_throttle.py)."""
    settings.LOGIN_FAILURE_LIMIT = 2
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}
    redis.stop()
    for _ in range(2):
        client.post(reverse("admin:login"), {"username": "staff", "password": "guess"})
    refused = client.post(reverse("admin:login"), {"username": "staff", "password": PASSWORD})
    assert refused.status_code == 200
    assert "Too many failed logins" in refused.content.decode()

    api = APIClient()
    assert [api.get("/api/v1/jurisdictions/").status_code for _ in range(3)] == [200, 200, 429]
