import pytest
from django.test import override_settings

from .conftest import API, assert_error

pytestmark = pytest.mark.django_db


def test_unknown_api_path_is_json_404(anon):
    assert_error(anon.get("/api/v1/nothing-here/"), 404)
    assert_error(anon.get("/api/v2/events/"), 404)
    assert_error(anon.get(f"{API}/events/not-an-id/"), 404)
    assert_error(anon.get(f"{API}/events/99999999999999999999999999/"), 404)
    assert_error(anon.get(f"{API}/events/123456/"), 404)
    assert_error(anon.get(f"{API}/jurisdictions/zz/"), 404)


def test_missing_slash_redirects(anon):
    response = anon.get(f"{API}/events", {"page_size": 2})
    assert response.status_code == 301
    assert response["Location"] == f"{API}/events/?page_size=2"


def test_method_not_allowed_is_json(anon):
    assert_error(anon.delete(f"{API}/organizations/"), 405)
    assert_error(anon.post(f"{API}/dates/normalize/", {}), 405)


def test_not_acceptable_is_json(anon):
    assert_error(anon.get(f"{API}/organizations/", HTTP_ACCEPT="application/xml"), 406)


def throttled(rate):
    from django.conf import settings

    return override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": rate}}
    )


def test_anonymous_reads_are_rate_limited(anon, reader_client):
    with throttled("3/minute"):
        for _ in range(3):
            assert anon.get(f"{API}/jurisdictions/").status_code == 200
        error = assert_error(anon.get(f"{API}/jurisdictions/"), 429)
        response = anon.get(f"{API}/events/")
        assert int(response["Retry-After"]) >= 1
        assert "throttled" in error["code"]
        # Tokens are not limited by the anonymous rate.
        for _ in range(5):
            assert reader_client.get(f"{API}/jurisdictions/").status_code == 200


def test_docs_are_served_offline(anon):
    for url in ("/api/docs/", "/api/redoc/"):
        response = anon.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "drf_spectacular_sidecar" in html or "/static/" in html
        assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


@pytest.mark.parametrize(
    "path, parameter",
    [
        ("jurisdictions", "parent"),
        ("events", "organization"),
        ("events", "actor"),
        ("events", "law"),
        ("events", "jurisdiction"),
    ],
)
@pytest.mark.parametrize("value", ["%s", "%(value)s", "100%"])
def test_format_characters_in_a_reference_are_a_400_that_quotes_them(anon, path, parameter, value):
    error = assert_error(anon.get(f"{API}/{path}/", {parameter: value}), 400, parameter)
    assert value in str(error["fields"][parameter])


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        ("organizations", "parent", "1e20"),
        ("organizations", "parent", "99999999999999999999999"),
        ("organizations", "parent", "-1"),
        ("events", "organization", "99999999999999999999999"),
        ("events", "updated_since", "99999-01-01T00:00:00"),
        ("events", "updated_since", "0001-01-01T00:00:00+05:00"),
        ("events", "page_size", "1e20"),
        ("events", "cursor", "%%%"),
        ("laws", "status", "\u202e"),
    ],
)
def test_any_unusable_parameter_is_a_400_never_a_500(anon, path, parameter, value):
    assert_error(anon.get(f"{API}/{path}/", {parameter: value}), 400)


def test_updated_since_takes_any_offset_python_reads(anon):
    # PostgreSQL keeps offsets up to 15:59 only; the filter compares in UTC.
    response = anon.get(f"{API}/events/", {"updated_since": "2013-01-11T17:43:29.304610-19:25"})
    assert response.status_code == 200
