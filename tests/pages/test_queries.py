"""A page costs a fixed number of queries, whatever the number of events or the depth."""

import datetime
import re

import pytest

from tests.factories import CitationFactory, EventFactory, OrganizationFactory
from timeline.models import Jurisdiction

pytestmark = pytest.mark.django_db

# the page of events, citations with sources, the counts per action type and per year (the form has
# no list of organizations, laws or jurisdictions: suggestions come from a JSON endpoint)
FIRST_PAGE = 4
# + the nearest event on the far side of the cursor ("is there anything later?")
DEEP_PAGE = 5
# + the organization by slug, its subsidiaries (one query, at any depth), the jurisdiction by
# code, two estimating how many events the organizations have, and for date_after up to two more for
# each read (the keys of the events starting later and of those straddling the day): the page
# and the nearest event behind the cursor
FILTERED_PAGE = 15


def make_events(count):
    parent = OrganizationFactory(name="Parent Co")
    child = OrganizationFactory(name="Child Co", parent=parent)
    start = datetime.date(2015, 1, 1)
    hk = Jurisdiction.objects.get(code="HK")
    for n in range(count):
        event = EventFactory(
            actor=child if n % 2 else parent,
            date_start=start + datetime.timedelta(days=n),
            law=None,
            jurisdiction=hk,
        )
        event.organizations.add(parent)
        CitationFactory(event=event)


def deep_url(client, url, hops):
    for _ in range(hops):
        html = client.get(url).content.decode()
        url = re.search(r'<a href="([^"]+)" rel="next">', html).group(1).replace("&amp;", "&")
    return url


@pytest.mark.parametrize("count", [30, 150])
def test_first_page_queries_are_fixed(client, django_assert_max_num_queries, count):
    make_events(count)
    with django_assert_max_num_queries(FIRST_PAGE):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("count", [60, 150])
def test_far_page_queries_are_fixed(client, django_assert_max_num_queries, count):
    make_events(count)
    url = deep_url(client, "/", hops=count // 20 - 1)
    with django_assert_max_num_queries(DEEP_PAGE):
        response = client.get(url)
    assert response.status_code == 200 and "Later</a>" in response.content.decode()


@pytest.mark.parametrize("count", [60, 150])
def test_filtered_page_queries_are_fixed(client, django_assert_max_num_queries, count):
    make_events(count)
    url = deep_url(client, "/?organization=parent-co&jurisdiction=HK&date_after=2015&q=event", hops=2)
    with django_assert_max_num_queries(FILTERED_PAGE):
        assert client.get(url).status_code == 200


def test_permalink_pages_queries_are_fixed(client, django_assert_max_num_queries, seeded):
    # the event, its responses, sources, its last change, the previous and the next event
    with django_assert_max_num_queries(8):
        client.get(seeded["facebook"].get_absolute_url())
    with django_assert_max_num_queries(5):
        client.get(seeded["law"].get_absolute_url())
    # with the estimate of how many events it has and the two counts of the overview
    with django_assert_max_num_queries(12):
        client.get("/organizations/facebook/")
    with django_assert_max_num_queries(8):
        client.get("/jurisdictions/HK/")
