"""The organization filter: the same events whichever way the database is asked to find them."""

import pytest

from tests.factories import EventFactory, OrganizationFactory
from timeline import selectors
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    parent = OrganizationFactory(name="Parent Co")
    child = OrganizationFactory(name="Child Co", parent=parent)
    grandchild = OrganizationFactory(name="Grandchild Co", parent=child)
    stranger = OrganizationFactory(name="Stranger Co")
    acting = [EventFactory(actor=parent), EventFactory(actor=child), EventFactory(actor=grandchild)]
    involved = EventFactory(actor=stranger)
    involved.organizations.add(child)
    EventFactory(actor=stranger)  # nothing to do with the group
    return {"parent": parent, "child": child, "expected": [*acting, involved]}


def found(organization):
    events = selectors.EventFilters(organizations=[organization]).apply(Event.objects.all())
    return list(events.chronological())


@pytest.mark.parametrize("page", [10**9, 0], ids=["collect-the-set", "walk-the-timeline"])
def test_an_organization_its_subsidiaries_and_where_they_are_involved(group, monkeypatch, page):
    # The threshold is sqrt(page * events): a huge page makes every organization look rare (one
    # set of ids), none makes every one look common (the timeline walk).
    monkeypatch.setattr(selectors, "TYPICAL_PAGE", page)
    assert found(group["parent"]) == group["expected"]
    assert found(group["child"]) == group["expected"][1:]


def test_an_event_counts_once_when_its_actor_is_also_involved(group):
    event = group["expected"][0]
    event.organizations.add(group["parent"])
    assert found(group["parent"]).count(event) == 1


def test_subsidiaries_at_any_depth_in_one_query(django_assert_num_queries):
    chain = [OrganizationFactory(name="Level 0")]
    for level in range(1, 15):
        chain.append(OrganizationFactory(name=f"Level {level}", parent=chain[-1]))
    with django_assert_num_queries(1):
        found_ids = selectors.organization_tree_ids([chain[0].pk])
    assert found_ids == {org.pk for org in chain}
    assert selectors.organization_tree_ids([chain[10].pk]) == {org.pk for org in chain[10:]}


def test_a_cycle_of_parents_still_ends():
    first = OrganizationFactory(name="First")
    second = OrganizationFactory(name="Second", parent=first)
    first.parent = second
    first.save()
    assert selectors.organization_tree_ids([first.pk]) == {first.pk, second.pk}
