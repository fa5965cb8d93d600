"""Organizations, laws and jurisdictions are typed, not picked from lists of thousands."""

import pytest

from tests.factories import EventFactory, JurisdictionFactory, LawFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def results(client, kind, text):
    response = client.get("/search/entities/", {"kind": kind, "q": text})
    assert response.status_code == 200
    return response.json()["results"]


def test_suggestions_offer_only_entities_with_public_events_and_count_those(client):
    facebook = OrganizationFactory(name="Facebook")
    EventFactory(actor=facebook)
    EventFactory(actor=facebook)
    EventFactory(actor=facebook, status="draft")
    OrganizationFactory(name="Facetious Drafts Inc")  # only a draft: never offered
    EventFactory(actor=OrganizationFactory(name="Facetious Drafts Ltd"), status="draft")
    EventFactory(actor=OrganizationFactory(name="Surface Co"))
    assert results(client, "organization", "face") == [
        {"value": "facebook", "label": "Facebook", "count": 2},
        {"value": "surface-co", "label": "Surface Co", "count": 1},
    ]


def test_laws_show_their_short_title_and_jurisdictions_their_name(client):
    hk = JurisdictionFactory(code="HK", name="Hong Kong")
    law = LawFactory(
        title="Law of the Hong Kong Special Region on Safeguarding", short_title="NSL", jurisdiction=hk
    )
    EventFactory(law=law, jurisdiction=hk)
    assert results(client, "law", "safeguarding") == [{"value": law.slug, "label": "NSL", "count": 1}]
    assert results(client, "jurisdiction", "hong") == [{"value": "HK", "label": "Hong Kong", "count": 1}]


def test_an_unknown_kind_is_a_400_naming_the_kinds(client):
    response = client.get("/search/entities/", {"kind": "people", "q": "a"})
    assert response.status_code == 400
    assert "organization, law, jurisdiction" in response.json()["error"]


def test_a_typed_name_filters_without_javascript_and_links_carry_the_slug(client):
    facebook = OrganizationFactory(name="Facebook")
    EventFactory(actor=facebook, title="By Facebook")
    EventFactory(title="By someone else")
    html = client.get("/", {"organization": "facebook inc"}).content.decode()
    assert "no organization is called" in html
    html = client.get("/", {"organization": "FACEBOOK"}).content.decode()
    assert "By Facebook" in html and "By someone else" not in html
    assert 'href="/export/events.csv?organization=facebook"' in html


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
