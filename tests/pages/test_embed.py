"""Only /embed/ may be framed by other sites; oEmbed describes it for this site's timelines."""

import pytest

from tests.factories import EventFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_the_embed_page_may_be_framed_anywhere_and_shows_the_filtered_events(client):
    acme = OrganizationFactory(name="Acme")
    EventFactory(actor=acme, title="Acme acts")
    EventFactory(title="Someone else acts")
    response = client.get("/embed/", {"organization": "acme"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "Acme acts" in html and "Someone else acts" not in html
    assert '<base target="_blank">' in html


@pytest.mark.parametrize("path", ["/", "/events/{pk}/", "/organizations/acme/", "/oembed/?url=x"])
def test_every_other_page_refuses_to_be_framed(client, path):
    event = EventFactory(actor=OrganizationFactory(name="Acme"))
    response = client.get(path.format(pk=event.pk))
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_timeline_offers_the_iframe_snippet_and_oembed_discovery(client):
    EventFactory(actor=OrganizationFactory(name="Acme"))
    html = client.get("/", {"organization": "acme"}).content.decode()
    assert "&lt;iframe src=&quot;http://testserver/embed/?organization=acme&quot;" in html
    assert (
        'type="application/json+oembed" href="http://testserver/oembed/?url=http%3A%2F%2Ftestserver%2F%3Forganization%3Dacme"'
        in html
    )


def test_oembed_answers_rich_html_for_a_timeline_and_an_organization_page(client):
    EventFactory(actor=OrganizationFactory(name="Acme"))
    data = client.get(
        "/oembed/", {"url": "http://testserver/?organization=acme&q=x&before=2020-01-01_0_1"}
    ).json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["html"].startswith('<iframe src="http://testserver/embed/?organization=acme&amp;q=x"')
    assert (data["width"], data["height"]) == (640, 600)
    data = client.get("/oembed/", {"url": "http://testserver/organizations/acme/", "maxwidth": "400"}).json()
    assert 'src="http://testserver/embed/?organization=acme"' in data["html"] and data["width"] == 400
    zh = client.get("/oembed/", {"url": "http://testserver/zh-hant/?law=x"}).json()
    assert 'src="http://testserver/zh-hant/embed/?law=x"' in zh["html"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "https://elsewhere.example/"}, 404),
        ({"url": "http://testserver/events/1/"}, 404),
        ({"url": "http://testserver/admin/"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "http://testserver/", "format": "xml"}, 501),
        ({"url": "http://testserver/", "maxwidth": "wide"}, 400),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client, params, status):
    assert client.get("/oembed/", params).status_code == status


def test_organization_and_law_pages_link_to_oembed_too(client, seeded):
    html = client.get("/organizations/facebook/").content.decode()
    assert (
        'type="application/json+oembed" href="http://testserver/oembed/?url=http%3A%2F%2Ftestserver%2Forganizations%2Ffacebook%2F"'
        in html
    )
    assert "application/json+oembed" in client.get(seeded["law"].get_absolute_url()).content.decode()
    assert "application/json+oembed" not in client.get(seeded["facebook"].get_absolute_url()).content.decode()
