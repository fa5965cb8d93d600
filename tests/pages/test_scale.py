"""A law with hundreds of responses and an organization with many subsidiaries stay readable."""

import datetime
import re

import pytest

from tests.factories import EventFactory, LawFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_law(db):
    law = LawFactory(title="A Much Answered Act")
    passed = datetime.date(2020, 6, 30)
    EventFactory(law=law, action_type="law_passed", date_start=passed, title="Passed")
    for n in range(120):
        EventFactory(law=law, date_start=passed + datetime.timedelta(days=n * 5), title=f"Response {n}")
    return law


def test_many_responses_are_counted_in_bins_and_the_table_is_paged(client, busy_law):
    html = client.get(busy_law.get_absolute_url()).content.decode()
    chart = re.search(r'<svg class="chart binned".*?</svg>', html, re.S).group(0)
    assert chart.count('<rect class="mark"') == 6  # same day, week, month, quarter, year, later
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart).group(1)
    assert desc == (
        "the same day: 1; days 1 to 7: 1; days 8 to 30: 5; days 31 to 90: 12; "
        "days 91 to 365: 55; after a year: 46"
    )
    assert html.count("<tr>") == 1 + 50
    assert "Page 1 of 3" in html
    second = client.get(busy_law.get_absolute_url(), {"responses": 3}).content.decode()
    assert second.count("<tr>") == 1 + 20 and "Response 119" in second
    assert client.get(busy_law.get_absolute_url(), {"responses": "x"}).status_code == 200


def test_a_few_responses_keep_one_row_each(client, seeded):
    html = client.get(seeded["law"].get_absolute_url()).content.decode()
    assert '<svg class="chart"' in html and "binned" not in html


def test_a_long_list_of_subsidiaries_folds(client, db):
    parent = OrganizationFactory(name="Holding")
    for n in range(12):
        # Organizations appear publicly only through public events.
        EventFactory(actor=OrganizationFactory(name=f"Child {n}", parent=parent))
    html = client.get(parent.get_absolute_url()).content.decode()
    assert '<details class="fold"><summary>12 subsidiaries</summary>' in html
