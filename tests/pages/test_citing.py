"""A permalink says how to cite it, where it sits on the timeline, and previews when shared."""

import datetime
import json

import pytest

from tests.factories import EventFactory
from timeline import citations

pytestmark = pytest.mark.django_db


def test_the_permalink_has_cite_formats_neighbours_and_share_meta(client, seeded):
    event = seeded["facebook"]
    html = client.get(event.get_absolute_url()).content.decode()
    url = f"http://testserver{event.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{event.title}">' in html
    assert (
        "@misc{policytimeline" in html and "&quot;container-title&quot;: &quot;Policy Timeline&quot;" in html
    )
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert f"#event-{event.pk}" in html


def test_cite_formats_carry_the_date_at_its_precision():
    event = EventFactory.build(
        pk=7,
        title="A 50% pause & {more}",
        date_start=datetime.date(2020, 7, 1),
        date_end=datetime.date(2020, 7, 31),
        date_precision="month",
        date_approximate=True,
    )
    accessed = datetime.date(2026, 12, 1)
    cite = citations.formats(event, "https://example.org/events/7/", accessed)
    csl = json.loads(cite["csl_json"])[0]
    assert csl["issued"] == {"date-parts": [[2020, 7]], "circa": True}
    assert csl["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert csl["URL"] == "https://example.org/events/7/" and csl["type"] == "webpage"
    assert r"title = {A 50\% pause \& \{more\}}" in cite["bibtex"]
    assert "urldate = {2026-12-01}" in cite["bibtex"]
    assert "(c. July 2020)" in cite["plain"] and "accessed 1 December 2026" in cite["plain"]


def test_a_range_is_two_date_parts():
    event = EventFactory.build(
        pk=8, date_start=datetime.date(2020, 6, 30), date_end=datetime.date(2020, 7, 6), date_precision="day"
    )
    assert citations.csl_issued(event) == {"date-parts": [[2020, 6, 30], [2020, 7, 6]]}


def test_see_it_on_the_timeline_opens_the_page_holding_the_event(client, seeded):
    import re

    event = seeded["telegram"] if "telegram" in seeded else seeded["facebook"]
    html = client.get(event.get_absolute_url()).content.decode()
    href = re.search(r'<a href="([^"]+)">See it on the timeline</a>', html).group(1).replace("&amp;", "&")
    page = client.get(href).content.decode()
    assert f'<li id="event-{event.pk}">' in page
    assert page.index(f'<li id="event-{event.pk}">') < page.index("<li id=", page.index('class="events"')) + 1
