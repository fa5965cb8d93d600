import importlib

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

PRODUCTION_SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "DEBUG",
]


@pytest.fixture
def production(settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-only-production-key-with-enough-randomness-0123456789")
    production_module = importlib.import_module("config.production")
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, getattr(production_module, name, None))
    return settings


@pytest.fixture(autouse=True)
def clear_login_failures():
    cache.clear()
    yield
    cache.clear()


def test_production_responses_carry_the_security_headers(client, production):
    EventFactory()
    response = client.get(reverse("admin:login"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_a_client_cannot_claim_https_without_a_trusted_proxy(client, production):
    assert production.SECURE_PROXY_SSL_HEADER is None  # TRUSTED_PROXY_COUNT is 0 here
    response = client.get(reverse("admin:login"), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301


def test_production_redirects_plain_http_to_https(client, production):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_cookies_are_secure(client, production, django_user_model):
    django_user_model.objects.create_user("staff", password="a long test password 1", is_staff=True)
    response = client.post(
        reverse("admin:login"), {"username": "staff", "password": "a long test password 1"}, secure=True
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"]
    assert response.cookies["sessionid"]["httponly"]


def test_admin_login_is_throttled_after_repeated_failures(client, django_user_model, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    django_user_model.objects.create_user("staff", password="a long test password 1", is_staff=True)
    for _ in range(3):
        response = client.post(reverse("admin:login"), {"username": "staff", "password": "guess"})
        assert "Please enter the correct username and password" in response.content.decode()

    response = client.post(
        reverse("admin:login"), {"username": "staff", "password": "a long test password 1"}
    )
    assert response.status_code == 200
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_below_the_limit_clears_the_count(client, django_user_model, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    django_user_model.objects.create_user("staff", password="a long test password 1", is_staff=True)
    for _ in range(2):
        client.post(reverse("admin:login"), {"username": "staff", "password": "guess"})
    response = client.post(
        reverse("admin:login"), {"username": "staff", "password": "a long test password 1"}
    )
    assert response.status_code == 302


@pytest.fixture
def clock(monkeypatch):
    """The login throttle's wall clock, moved by hand."""
    from timeline import login_throttle

    now = [1_000_000.0]

    class Clock:
        @staticmethod
        def time():
            return now[0]

        @staticmethod
        def advance(seconds):
            now[0] += seconds

    monkeypatch.setattr(login_throttle, "time", Clock, raising=False)
    return Clock


def log_in(username, password, address):
    from django.test import Client

    return Client().post(
        reverse("admin:login"), {"username": username, "password": password}, HTTP_X_FORWARDED_FOR=address
    )


@pytest.fixture
def behind_a_proxy(settings, django_user_model):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_USERNAME_LOCK_LIMIT = 6
    settings.LOGIN_MAX_DELAY_SECONDS = 60
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # many logins
    for name in ("staff", "other"):
        django_user_model.objects.create_user(name, password="a long test password 1", is_staff=True)
    return settings


def test_behind_a_proxy_one_guessing_client_locks_out_only_itself(behind_a_proxy, clock):
    for _ in range(3):
        failed = log_in("staff", "guess", "10.0.0.1")
        assert "Please enter the correct username and password" in failed.content.decode()
    refused = log_in("staff", "a long test password 1", "10.0.0.1")
    assert refused.status_code == 200
    assert "Too many failed logins. Try again in 15 minutes." in refused.content.decode()

    # Everyone else shares the proxy's connection address, and still gets in.
    assert log_in("other", "a long test password 1", "10.0.0.2").status_code == 302
    clock.advance(1)  # the username's short wait after three failures
    assert log_in("staff", "a long test password 1", "10.0.0.2").status_code == 302
    # Forged entries left of the proxy's own are not believed.
    assert log_in("staff", "a long test password 1", "10.0.0.2, 10.0.0.1").status_code == 200


def test_guessing_one_username_from_many_addresses_slows_down_before_it_locks(behind_a_proxy, clock):
    addresses = (f"10.0.1.{n}" for n in range(1, 100))
    for _ in range(3):
        log_in("staff", "guess", next(addresses))
    waiting = log_in("staff", "a long test password 1", next(addresses))
    assert "Wait 1 second and try again." in waiting.content.decode()

    clock.advance(1)
    log_in("staff", "guess", next(addresses))  # 4th failure: 2 s
    clock.advance(1)
    for _ in range(10):  # refused attempts check no password and are not counted
        assert "Wait 1 second and try again." in log_in("staff", "guess", next(addresses)).content.decode()
    clock.advance(1)
    log_in("staff", "guess", next(addresses))  # 5th failure: 4 s
    clock.advance(3)
    assert "Wait 1 second" in log_in("staff", "guess", next(addresses)).content.decode()
    clock.advance(1)
    log_in("staff", "guess", next(addresses))  # 6th failure: the username is locked

    clock.advance(60)
    locked = log_in("staff", "a long test password 1", next(addresses))
    assert locked.status_code == 200
    assert "Too many failed logins for this account" in locked.content.decode()
    assert log_in("other", "a long test password 1", next(addresses)).status_code == 302


def test_one_address_trying_many_usernames_is_slowed_down(behind_a_proxy, clock):
    behind_a_proxy.LOGIN_ADDRESS_DELAY_FROM = 4
    for n in range(4):
        log_in(f"nobody-{n}", "guess", "10.0.0.7")
    assert "Wait 1 second" in log_in("staff", "a long test password 1", "10.0.0.7").content.decode()
    assert log_in("staff", "a long test password 1", "10.0.0.8").status_code == 302


def test_logins_checked_without_a_request_count_per_username_only(settings, django_user_model):
    from django.contrib.auth import authenticate

    settings.LOGIN_FAILURE_LIMIT = 2
    settings.LOGIN_ADDRESS_DELAY_FROM = 2
    django_user_model.objects.create_user("staff", password="a long test password 1")
    django_user_model.objects.create_user("other", password="a long test password 1")
    for _ in range(2):
        assert authenticate(username="staff", password="guess") is None
    assert authenticate(username="staff", password="a long test password 1") is None  # that pair is locked
    assert authenticate(username="other", password="a long test password 1") is not None
