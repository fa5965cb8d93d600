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


def test_a_short_title_two_laws_share_asks_to_choose(client):
    hk = JurisdictionFactory(code="HK", name="Hong Kong")
    for title, slug in (("National Security Law of Hong Kong", "nsl-hk"), ("Another Security Law", "nsl-x")):
        EventFactory(law=LawFactory(title=title, short_title="NSL", slug=slug, jurisdiction=hk))
    response = client.get("/", {"law": "nsl"})
    assert response.status_code == 400
    assert (
        "law: several are called &#x27;nsl&#x27;; choose one from the suggestions"
        in response.content.decode()
    )
