import re

import pytest

from tests.factories import EventFactory, OrganizationFactory
from timeline import models

pytestmark = pytest.mark.django_db


def test_event_page_shows_sources_quotes_what_it_responds_to_and_responses(client, seeded):
    html = client.get(seeded["facebook"].get_absolute_url()).content.decode()
    assert "<h1 " in html and "Facebook pauses Hong Kong government requests" in html
    assert '<time datetime="2020-07-06">6 July 2020</time>' in html
    assert "“Monday, July 6, 2020”" in html
    assert "We believe freedom of expression" in html and "Facebook spokesperson" in html
    assert '<span class="outlet">MyCE</span>' in html
    assert f'href="{seeded["passed"].get_absolute_url()}"' in html  # responds to the law
    assert f'href="{seeded["proprivacy"].get_absolute_url()}"' in html  # and ProPrivacy answered it


def test_event_page_hides_a_draft_it_responds_to(client, seeded):
    models.Event.objects.filter(pk=seeded["passed"].pk).update(status="draft")
    html = client.get(seeded["facebook"].get_absolute_url()).content.decode()
    assert seeded["passed"].get_absolute_url() not in html


def test_organization_page_includes_subsidiaries_and_other_names(client, seeded):
    facebook = seeded["orgs"]["facebook"]
    models.OrganizationName.objects.create(organization=facebook, name="Meta Platforms")
    response = client.get(facebook.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Facebook</h1>" in html
    assert '<a href="/organizations/whatsapp/">WhatsApp</a></li>' in html
    assert "Meta Platforms" in html
    assert "WhatsApp pauses reviews" in html and "Facebook pauses Hong Kong" in html
    assert "Telegram stops" not in html
    assert '/export/events.csv?organization=facebook"' in html


def test_organization_page_paginates_and_filters_within(client, seeded):
    html = client.get("/organizations/facebook/?q=whatsapp").content.decode()
    assert "WhatsApp pauses reviews" in html and "Facebook pauses Hong Kong" not in html


def test_law_page_shows_milestones_responses_days_and_svg_chart(client, seeded):
    response = client.get(seeded["law"].get_absolute_url())
    html = response.content.decode()
    assert "<h1>Hong Kong National Security Law</h1>" in html
    assert '<span class="badge badge-law_passed">law passed</span>' in html
    assert "<td>6 days after</td>" in html and "<td>7 days after</td>" in html
    assert "<td>1 to 31 days after</td>" in html  # "July 2020" is a range, not a day
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert html.count('<circle class="mark"') == 5 and html.count('<rect class="mark range"') == 1
    # The chart needs no JavaScript: the only script is the site's optional enhancement file.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/timeline/timeline.js" defer>']


def test_law_page_escapes_names_in_the_chart(client, seeded):
    evil = OrganizationFactory(name='<script>alert("chart")</script>')
    EventFactory(actor=evil, law=seeded["law"], date_start=seeded["facebook"].date_start)
    html = client.get(seeded["law"].get_absolute_url()).content.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_law_without_passage_has_no_chart(client, db):
    law = models.Law.objects.create(title="A bill")
    EventFactory(law=law)
    html = client.get(law.get_absolute_url()).content.decode()
    assert "<svg" not in html and "No date of passage" in html


def test_jurisdiction_page(client, seeded):
    html = client.get("/jurisdictions/HK/").content.decode()
    assert "<h1>Hong Kong" in html and "Hong Kong National Security Law" in html
    assert "China" in html  # its parent
    assert "WhatsApp pauses reviews" in html
    assert client.get("/jurisdictions/hk/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/events/999999/", "/organizations/nobody/", "/laws/nothing/", "/jurisdictions/ZZ/"]
)
def test_unknown_permalinks_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_bad_filter_on_a_permalink_page_is_400_with_the_page(client, seeded):
    response = client.get("/organizations/facebook/?date_after=nonsense")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Facebook</h1>" in html and 'role="alert"' in html


def test_pages_are_cached_per_content_version_when_caching_is_on(
    client, seeded, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_CACHE_SECONDS = 60
    first = client.get("/").content
    assert client.get("/").content == first
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(title="Fresh after an edit")
    assert b"Fresh after an edit" in client.get("/").content
    cache.clear()


def test_an_image_is_shown_with_alt_text_caption_and_credit_and_needs_alt(client, db):
    from django.core.exceptions import ValidationError

    event = EventFactory(
        image_url="https://images.example.org/a.jpg",
        image_alt="A crowd outside the legislature",
        image_credit="Photo: A. Person",
        image_caption="Before the vote",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<img src="https://images.example.org/a.jpg" alt="A crowd outside the legislature"' in html
    assert 'Before the vote · <span class="credit">Photo: A. Person</span>' in html
    assert 'alt="A crowd outside the legislature"' in client.get("/").content.decode()
    event.image_alt = ""
    with pytest.raises(ValidationError, match="alt text"):
        event.full_clean()
    event.image_url = "javascript:alert(1)"
    event.image_alt = "x"
    assert event.image_src == ""
