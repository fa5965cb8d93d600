import datetime

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories
from tests.factories import member_of
from timeline.models import ActionType, EventStatus, Jurisdiction

API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


def token_client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anon():
    return APIClient()


@pytest.fixture
def reader(django_user_model):
    """An authenticated user with no rights at all (a token handed to a script)."""
    return django_user_model.objects.create_user("reader", password="a long test password 2")


@pytest.fixture
def reader_client(reader):
    return token_client(reader)


@pytest.fixture
def api_editor(django_user_model):
    """The editor role of the admin: writes drafts and imports, cannot publish."""
    return member_of(django_user_model, "api-editor", "editor")


@pytest.fixture
def api_reviewer(django_user_model):
    """The reviewer role: also publishes, unpublishes and retracts."""
    return member_of(django_user_model, "api-reviewer", "reviewer")


@pytest.fixture
def editor_token_client(api_editor):
    return token_client(api_editor)


@pytest.fixture
def reviewer_token_client(api_reviewer):
    return token_client(api_reviewer)


@pytest.fixture
def world(db):
    """The Hong Kong 2020 story in small: a law, its passing, responses, a draft, a retraction."""
    hk = Jurisdiction.objects.get(code="HK")
    us = Jurisdiction.objects.get(code="US")
    npc = factories.OrganizationFactory(name="NPC Standing Committee", kind="legislature")
    facebook = factories.OrganizationFactory(name="Facebook")
    whatsapp = factories.OrganizationFactory(name="WhatsApp", parent=facebook)
    telegram = factories.OrganizationFactory(name="Telegram")
    law = factories.LawFactory(title="Hong Kong National Security Law", jurisdiction=hk)
    other_law = factories.LawFactory(
        title="Montana TikTok ban", jurisdiction=Jurisdiction.objects.get(code="US-MT")
    )

    def event(**kwargs):
        kwargs.setdefault("jurisdiction", hk)
        kwargs.setdefault("law", law)
        made = factories.EventFactory(**kwargs)
        factories.CitationFactory(event=made)
        return made

    passed = event(
        title="China passes the national security law",
        actor=npc,
        action_type=ActionType.LAW_PASSED,
        date_text="June 30, 2020",
        date_start=datetime.date(2020, 6, 30),
        external_id="hk2020-nsl-passed",
    )
    fb = event(
        title="Facebook pauses data requests",
        actor=facebook,
        action_type=ActionType.DATA_REQUEST_POLICY,
        date_text="Monday, July 6, 2020",
        date_start=datetime.date(2020, 7, 6),
        responds_to=passed,
        external_id="hk2020-facebook-pause",
    )
    wa = event(
        title="WhatsApp pauses reviews",
        actor=whatsapp,
        action_type=ActionType.DATA_REQUEST_POLICY,
        date_text="July 2020",
        date_start=datetime.date(2020, 7, 1),
        date_end=datetime.date(2020, 7, 31),
        date_precision="month",
        responds_to=passed,
        summary="Pending further assessment.",
    )
    tg = event(
        title="Telegram stops cooperating",
        actor=telegram,
        action_type=ActionType.DATA_REQUEST_POLICY,
        date_text="early July 2020",
        date_start=datetime.date(2020, 7, 1),
        date_end=datetime.date(2020, 7, 10),
        date_precision="month",
        date_approximate=True,
        responds_to=passed,
    )
    tg.organizations.add(facebook)
    montana = event(
        title="Montana bans TikTok",
        actor=factories.OrganizationFactory(name="Montana legislature", kind="legislature"),
        action_type=ActionType.LAW_PASSED,
        date_text="2023",
        date_start=datetime.date(2023, 1, 1),
        date_end=datetime.date(2023, 12, 31),
        date_precision="year",
        jurisdiction=Jurisdiction.objects.get(code="US-MT"),
        law=other_law,
    )
    draft_milestone = event(
        title="SECRET draft milestone",
        actor=npc,
        action_type=ActionType.LAW_IN_FORCE,
        date_text="July 1, 2020",
        date_start=datetime.date(2020, 7, 1),
        status=EventStatus.DRAFT,
    )
    draft_response = event(
        title="SECRET draft response",
        actor=facebook,
        date_text="July 8, 2020",
        date_start=datetime.date(2020, 7, 8),
        status=EventStatus.DRAFT,
        responds_to=passed,
    )
    retracted = event(
        title="SECRET retracted claim",
        actor=telegram,
        date_text="July 9, 2020",
        date_start=datetime.date(2020, 7, 9),
        status=EventStatus.RETRACTED,
        retraction_note="SECRET reason it was wrong",
    )
    # A public response to a draft milestone: the link must not show the draft.
    answer = event(
        title="Google pauses requests",
        actor=factories.OrganizationFactory(name="Google"),
        date_text="July 7, 2020",
        date_start=datetime.date(2020, 7, 7),
        responds_to=draft_milestone,
    )
    return {
        "hk": hk,
        "us": us,
        "npc": npc,
        "facebook": facebook,
        "whatsapp": whatsapp,
        "telegram": telegram,
        "law": law,
        "other_law": other_law,
        "passed": passed,
        "fb": fb,
        "wa": wa,
        "tg": tg,
        "montana": montana,
        "draft_milestone": draft_milestone,
        "draft_response": draft_response,
        "retracted": retracted,
        "answer": answer,
        "public": [passed, fb, wa, tg, montana, answer],
        "hidden": [draft_milestone, draft_response, retracted],
    }


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def all_pages(client, url, **params):
    """Every id across the pages of a list, following next links."""
    seen = []
    response = client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        seen.extend(row["id"] for row in body["results"])
        if not body["next"]:
            return seen
        response = client.get(body["next"])


def assert_error(response, status, field=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] and error["message"]
    if field is not None:
        assert field in error.get("fields", {}), error
    return error
