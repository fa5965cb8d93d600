"""The timeline stays small, is gzipped when accepted and revalidates with its ETag."""

import pytest

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_timeline_stays_small_with_thousands_of_organizations_and_laws(client, settings):
    from timeline.models import Law, Organization

    Organization.objects.bulk_create(
        Organization(name=f"Organization with a fairly long name {n}", slug=f"org-{n}", match_key=f"org {n}")
        for n in range(3000)
    )
    Law.objects.bulk_create(
        Law(title=f"An Act concerning the regulation of things {n}", slug=f"law-{n}", match_key=f"law {n}")
        for n in range(300)
    )
    for n in range(20):
        EventFactory(actor=Organization.objects.get(slug=f"org-{n}"))
    response = client.get("/")
    assert len(response.content) < 60_000
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(response.content) / 3


def test_a_repeated_request_with_its_etag_gets_304(client):
    EventFactory()
    first = client.get("/")
    assert first.status_code == 200 and first["ETag"]
    assert "max-age=" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    # The gzipped page has its own (weak) tag, and revalidates the same way.
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert client.get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"]).status_code == 304
    EventFactory(title="Something new")
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_admin_is_never_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response
