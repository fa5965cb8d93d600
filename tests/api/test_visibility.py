"""Drafts and retractions never reach anonymous clients or tokens without rights on events."""

import json

import pytest

from .conftest import API, all_pages, assert_error

pytestmark = pytest.mark.django_db

SECRET = "SECRET"


def everything_readable(client, world):
    """The text of every read endpoint a client can reach."""
    urls = [
        f"{API}/events/",
        f"{API}/events/?ordering=updated_at",
        f"{API}/events/?q=secret",
        f"{API}/laws/{world['law'].pk}/events/",
        f"{API}/organizations/{world['npc'].pk}/events/",
        f"{API}/organizations/{world['facebook'].pk}/events/",
        f"{API}/organizations/{world['telegram'].pk}/events/",
        f"{API}/sources/?page_size=500",
        f"{API}/events/?format=csv",
        *[f"{API}/events/{event.pk}/" for event in world["public"]],
    ]
    texts = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        texts.append(response.content.decode())
    return "\n".join(texts)


@pytest.mark.parametrize("who", ["anon", "reader_client"])
def test_no_draft_anywhere(request, world, who):
    client = request.getfixturevalue(who)
    text = everything_readable(client, world)
    assert SECRET not in text
    for hidden in world["hidden"]:
        assert_error(client.get(f"{API}/events/{hidden.pk}/"), 404)
    seen = all_pages(client, f"{API}/events/", page_size=2)
    assert sorted(seen) == sorted(e.pk for e in world["public"])


@pytest.mark.parametrize("who", ["anon", "reader_client"])
def test_public_response_to_a_draft_does_not_show_the_link(request, world, who):
    client = request.getfixturevalue(who)
    body = client.get(f"{API}/events/{world['answer'].pk}/").json()
    assert body["responds_to"] is None


@pytest.mark.parametrize("who", ["anon", "reader_client"])
def test_sources_of_drafts_are_hidden(request, world, who):
    client = request.getfixturevalue(who)
    draft_source = world["draft_response"].citations.get().source
    public_source = world["fb"].citations.get().source
    listed = {row["id"] for row in client.get(f"{API}/sources/", {"page_size": 500}).json()["results"]}
    assert public_source.pk in listed and draft_source.pk not in listed
    assert_error(client.get(f"{API}/sources/{draft_source.pk}/"), 404)


@pytest.mark.parametrize("who", ["anon", "reader_client"])
@pytest.mark.parametrize("status", ["draft", "retracted", "all"])
def test_asking_for_drafts_without_the_right_is_403(request, world, who, status):
    client = request.getfixturevalue(who)
    assert_error(client.get(f"{API}/events/", {"status": status}), 403)
    assert_error(client.get(f"{API}/laws/{world['law'].pk}/events/", {"status": status}), 403)


def test_editors_see_published_by_default_and_drafts_when_they_ask(editor_token_client, world):
    default = set(all_pages(editor_token_client, f"{API}/events/"))
    assert default == {e.pk for e in world["public"]}
    drafts = set(all_pages(editor_token_client, f"{API}/events/", status="draft"))
    assert drafts == {world["draft_milestone"].pk, world["draft_response"].pk}
    retracted = set(all_pages(editor_token_client, f"{API}/events/", status="retracted"))
    assert retracted == {world["retracted"].pk}
    everything = set(all_pages(editor_token_client, f"{API}/events/", status="all"))
    assert everything == {e.pk for e in world["public"] + world["hidden"]}
    # By id, an editor opens any event, and sees links to drafts.
    body = editor_token_client.get(f"{API}/events/{world['draft_milestone'].pk}/").json()
    assert body["title"].startswith(SECRET)
    answer = editor_token_client.get(f"{API}/events/{world['answer'].pk}/").json()
    assert answer["responds_to"]["id"] == world["draft_milestone"].pk


def test_session_editor_from_the_admin_has_the_same_rights(editor_client, world):
    response = editor_client.get(f"{API}/events/", {"status": "draft"})
    assert response.status_code == 200
    assert SECRET in json.dumps(response.json())
