"""The database side of article extraction: what is known, what is already on the timeline."""

import datetime

import pytest

from tests import factories
from tests.team_files import SEED_ARTICLE
from timeline import article_events
from timeline.extraction import read_article
from timeline.models import Jurisdiction

pytestmark = pytest.mark.django_db

SEED = SEED_ARTICLE


@pytest.fixture
def hong_kong_timeline():
    """What seeds/hong-kong-2020.csv gives: the law, its passing and Facebook's pause."""
    hk = Jurisdiction.objects.get(code="HK")
    committee = factories.OrganizationFactory(
        name="National People's Congress Standing Committee", kind="legislature"
    )
    facebook = factories.OrganizationFactory(name="Facebook")
    law = factories.LawFactory(title="Hong Kong National Security Law", jurisdiction=hk)
    passed = factories.EventFactory(
        actor=committee, law=law, action_type="law_passed", date_start=datetime.date(2020, 6, 30)
    )
    pause = factories.EventFactory(
        actor=facebook, law=law, action_type="data_request_policy", date_start=datetime.date(2020, 7, 6)
    )
    return passed, pause


def test_knowledge_holds_the_organizations_with_their_other_names_and_parents(django_assert_max_num_queries):
    meta = factories.OrganizationFactory(name="Meta")
    meta.other_names.create(name="Facebook")
    factories.OrganizationFactory(name="WhatsApp", parent=meta)
    with django_assert_max_num_queries(3):
        known = article_events.knowledge()
    by_name = {o.name: o for o in known.organizations}
    assert by_name["Meta"].other_names == ("Facebook",)
    assert by_name["WhatsApp"].parent == "Meta"


def test_the_seed_article_finds_what_the_timeline_already_has(
    hong_kong_timeline, django_assert_max_num_queries
):
    if SEED is None:
        pytest.skip("the seed article is in the team's shared folder")
    passed, pause = hong_kong_timeline
    article = read_article(SEED.read_text(encoding="utf-8"), published=datetime.date(2020, 7, 7))
    extraction = article_events.extract_known(article)
    with django_assert_max_num_queries(1):
        existing = article_events.existing_events(extraction)
    by_key = {c.key: (c.actor, c.action_type) for c in extraction.candidates}
    matched = {by_key[key]: event for key, event in existing.items()}
    assert matched == {
        ("Facebook", "data_request_policy"): pause,
        ("Chinese parliament", "law_passed"): passed,
    }
