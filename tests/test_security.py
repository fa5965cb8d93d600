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
        setattr(settings, name, getattr(production_module, name))
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
