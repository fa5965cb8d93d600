"""Organizations and laws known only from drafts stay unknown to the public (#18 finding 8)."""

import pytest
from django.urls import reverse

from tests.factories import EventFactory, LawFactory, OrganizationFactory
from timeline.models import EventStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    secret_org = OrganizationFactory(name="Unannounced Startup", slug="unannounced-startup")
    secret_law = LawFactory(title="Draft Surveillance Bill", short_title="Draft Surveillance Bill")
    EventFactory(actor=secret_org, law=secret_law, status=EventStatus.DRAFT)
    parent = OrganizationFactory(name="Holding Group", slug="holding-group")
    public_org = OrganizationFactory(name="Public Subsidiary", slug="public-subsidiary", parent=parent)
    public_law = LawFactory(title="Known Act", short_title="Known Act")
    EventFactory(actor=public_org, law=public_law, status=EventStatus.PUBLISHED)
    return {"secret_org": secret_org, "secret_law": secret_law, "public_law": public_law}


def test_pages_do_not_name_them(client, world):
    html = client.get(reverse("timeline:timeline")).content.decode()
    assert "Unannounced Startup" not in html and "Draft Surveillance Bill" not in html
    assert "Public Subsidiary" in html and "Holding Group" in html and "Known Act" in html
    assert client.get(world["secret_org"].get_absolute_url()).status_code == 404
    assert client.get(world["secret_law"].get_absolute_url()).status_code == 404
    jurisdiction_page = client.get(world["secret_law"].jurisdiction.get_absolute_url()).content.decode()
    assert "Draft Surveillance Bill" not in jurisdiction_page


def test_the_api_does_not_list_them(client, world):
    organizations = [row["name"] for row in client.get("/api/v1/organizations/").json()["results"]]
    assert organizations == ["Holding Group", "Public Subsidiary"]
    laws = [row["title"] for row in client.get("/api/v1/laws/").json()["results"]]
    assert laws == ["Known Act"]
    assert client.get(f"/api/v1/organizations/{world['secret_org'].pk}/").status_code == 404
    assert client.get(f"/api/v1/laws/{world['secret_law'].pk}/events/").status_code == 404


def test_editors_still_see_them_in_the_api(editor_client, world):
    names = {row["name"] for row in editor_client.get("/api/v1/organizations/").json()["results"]}
    assert "Unannounced Startup" in names


def test_a_filter_naming_them_is_answered_as_for_an_unknown_name(client, world):
    """Probing a slug must not tell a draft-only organization or law from a name never used."""
    secret_org, secret_law = world["secret_org"], world["secret_law"]
    for name, value, unknown in (
        ("organization", secret_org.slug, "no-such-organization"),
        ("actor", str(secret_org.pk), "999999"),
        ("law", secret_law.slug, "no-such-law"),
    ):
        secret = client.get("/api/v1/events/", {name: value})
        never = client.get("/api/v1/events/", {name: unknown})
        assert secret.status_code == never.status_code == 400
        assert secret.content.decode().replace(value, "?") == never.content.decode().replace(unknown, "?")
        assert value in secret.content.decode()
    parent = client.get("/api/v1/organizations/", {"parent": secret_org.slug})
    assert parent.status_code == 400
    # Typed as a name into the form, a draft-only one is not read as its slug either.
    for name, value in (
        ("organization", secret_org.slug),
        ("organization", "Unannounced Startup"),
        ("law", secret_law.slug),
        ("law", "Draft Surveillance Bill"),
    ):
        page = client.get(reverse("timeline:timeline"), {name: value})
        assert page.status_code == 400
        html = page.content.decode()
        assert "unannounced-startup" not in html or value == secret_org.slug
        assert secret_law.slug not in html or value == secret_law.slug


def test_editors_can_still_filter_by_them_in_the_api(editor_client, world):
    response = editor_client.get(
        "/api/v1/events/", {"organization": world["secret_org"].slug, "status": "draft"}
    )
    assert response.status_code == 200
