"""Rate limits and failed-token counts go by the client address that TRUSTED_PROXY_COUNT vouches for."""

import pytest

from .conftest import API, assert_error, token_client

pytestmark = pytest.mark.django_db


def anon_rate(settings, rate):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": rate}}


def get(client, forwarded_for=None, path=f"{API}/jurisdictions/", **headers):
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.get(path, **headers)


def test_a_forged_forwarded_for_does_not_escape_the_anonymous_limit(anon, settings):
    anon_rate(settings, "2/minute")
    assert settings.TRUSTED_PROXY_COUNT == 0
    assert get(anon, "10.0.0.1").status_code == 200
    assert get(anon, "10.0.0.2").status_code == 200
    assert_error(get(anon, "10.0.0.3"), 429)


def test_behind_one_proxy_each_client_has_its_own_limit(anon, settings):
    anon_rate(settings, "2/minute")
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; whatever the client put before it is not believed.
    for _ in range(2):
        assert get(anon, "10.0.0.1").status_code == 200
    assert_error(get(anon, "10.0.0.1"), 429)
    assert_error(get(anon, "203.0.113.9, 10.0.0.1"), 429)
    assert get(anon, "10.0.0.2").status_code == 200


def test_invalid_tokens_are_counted_and_refused_per_address(anon, reader, settings):
    settings.API_TOKEN_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(3):
        error = assert_error(get(anon, "10.0.0.1", HTTP_AUTHORIZATION=f"Token guess{attempt}"), 401)
        assert "token" in error["message"].lower()
    refused = get(anon, "10.0.0.1", HTTP_AUTHORIZATION="Token guess-again")
    error = assert_error(refused, 429)
    assert "invalid API tokens" in error["message"]
    assert int(refused["Retry-After"]) == settings.LOGIN_FAILURE_WINDOW_SECONDS

    valid = token_client(reader)
    # From the refused address even a valid token waits (guessing must not go on until it hits) ...
    assert_error(get(valid, "10.0.0.1"), 429)
    # ... while other addresses, and anonymous reads from that one, are not affected.
    assert get(valid, "10.0.0.2").status_code == 200
    assert get(anon, "10.0.0.1").status_code == 200


def test_valid_tokens_are_not_counted(reader, settings):
    settings.API_TOKEN_FAILURE_LIMIT = 2
    client = token_client(reader)
    for _ in range(5):
        assert get(client).status_code == 200
