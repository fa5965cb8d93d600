"""The OpenAPI schema is valid, and the API does what it says: schemathesis in-process (WSGI, no
network), anonymous, bounded examples, every check on (no server error, documented status codes,
content types, headers and bodies conforming to the schema)."""

import pytest
import schemathesis
from django.core.management import call_command
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from config.wsgi import application

from .conftest import API

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

MAX_EXAMPLES = 25


def test_schema_validates_as_openapi_3(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert text.startswith("openapi: 3")
    for status in ("'400'", "'401'", "'403'", "'404'", "'429'"):
        assert status in text


@pytest.mark.django_db
def test_schema_is_served(anon):
    response = anon.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/events/",
        "/api/v1/events/{id}/",
        "/api/v1/events/removed/",
        "/api/v1/laws/{id}/events/",
        "/api/v1/organizations/{id}/events/",
        "/api/v1/jurisdictions/{code}/",
        "/api/v1/sources/",
        "/api/v1/dates/normalize/",
        "/api/v1/imports/",
        "/api/v1/imports/{id}/",
    ):
        assert path in paths
    assert API


@pytest.fixture
def keep_test_connection():
    """Django's test client keeps the test transaction's connection open; a WSGI call does not.

    On PostgreSQL ``close_old_connections`` would close the connection that holds the test's
    transaction at the end of every request; disconnect it as the test client does.
    """
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def unthrottled():
    from django.conf import settings as django_settings

    rates = {"anon": "100000/minute"}
    with override_settings(
        REST_FRAMEWORK={**django_settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    ):
        yield


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
    derandomize=True,
)
def test_api_conforms_to_its_schema(case, world, unthrottled, keep_test_connection):
    # Every check but "schema-valid data is accepted": a free-text date ("TBD"), an id or slug that
    # names nothing, are valid strings to a schema and a documented 400 to this API.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
