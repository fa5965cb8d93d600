import datetime

import pytest

from timeline.models import Event, EventStatus

from .conftest import API, assert_error

pytestmark = pytest.mark.django_db


def payload(world, **overrides):
    body = {
        "title": "Twitter pauses data requests",
        "summary": "Twitter says it has paused all data and information requests from Hong Kong authorities.",
        "action_type": "data_request_policy",
        "actor": world["telegram"].pk,
        "organizations": [world["facebook"].pk],
        "jurisdiction": "HK",
        "law": world["law"].pk,
        "responds_to": world["passed"].pk,
        "date_text": "Monday, July 6, 2020",
        "date_reference": "2020-07-07",
        "status": "published",
        "external_id": "api-twitter-pause",
        "sources": [
            {
                "url": "https://www.example.com/story?utm_source=x",
                "outlet": "Example",
                "title": "Twitter pauses",
                "published": "2020-07-07",
                "quote": "We have paused.",
            }
        ],
    }
    body.update(overrides)
    return body


def test_editor_creates_an_event_from_a_date_as_written(reviewer_token_client, world):
    response = reviewer_token_client.post(f"{API}/events/", payload(world), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == f"{API}/events/{body['id']}/"
    assert body["date"] == "2020-07-06"
    assert body["date_precision"] == "day"
    assert body["date_text"] == "Monday, July 6, 2020"
    assert body["sources"][0]["quote"] == "We have paused."
    assert body["responds_to"]["id"] == world["passed"].pk
    event = Event.objects.get(pk=body["id"])
    assert event.status == EventStatus.PUBLISHED
    assert event.date_start == datetime.date(2020, 7, 6)


def test_relative_dates_use_the_reference(reviewer_token_client, world):
    body = payload(world, date_text="a week after June 30, 2020", external_id="api-rel")
    response = reviewer_token_client.post(f"{API}/events/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["date_start"] == "2020-07-07"
    body = payload(world, date_text="early July 2020", external_id="api-early")
    assert (
        reviewer_token_client.post(f"{API}/events/", body, format="json").json()["date"]
        == "2020-07-01~/2020-07-10~"
    )


def test_jurisdiction_date_order_reads_numeric_dates(reviewer_token_client, world):
    hk = reviewer_token_client.post(
        f"{API}/events/", payload(world, date_text="05/07/2020", external_id="hk-num"), format="json"
    )
    assert hk.status_code == 201, hk.content
    assert hk.json()["date_start"] == "2020-07-05"
    us = reviewer_token_client.post(
        f"{API}/events/",
        payload(world, date_text="05/07/2020", jurisdiction="US", external_id="us-num"),
        format="json",
    )
    assert us.json()["date_start"] == "2020-05-07"


def test_ambiguous_date_is_a_400_on_date_text(reviewer_token_client, world):
    body = payload(world, date_text="05/07/2020", jurisdiction=None)
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400, "date_text")
    assert "two ways" in error["fields"]["date_text"][0]
    assert not Event.objects.filter(external_id="api-twitter-pause").exists()


def test_the_ambiguous_date_message_gives_the_engines_reason(reviewer_token_client, world):
    body = payload(world, date_text="05/07/2020", jurisdiction=None)
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400, "date_text")
    message = error["fields"]["date_text"][0]
    assert "5 July or 7 May" in message
    assert "could be swapped" not in message


@pytest.mark.parametrize("text", ["N/A", "TBD", "to", "a week after parliament passed the law"])
def test_text_that_names_no_date_is_a_400_with_the_reason(reviewer_token_client, world, text):
    body = payload(world, date_text=text)
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400, "date_text")
    assert error["fields"]["date_text"][0]


def test_field_level_messages(reviewer_token_client, world):
    body = payload(world, action_type="lunch", actor=999999, jurisdiction="ZZ", title="")
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400)
    assert {"action_type", "actor", "jurisdiction", "title"} <= set(error["fields"])


def test_bad_source_url_is_reported_on_the_source(reviewer_token_client, world):
    body = payload(world, sources=[{"url": "not a url"}])
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400, "sources")
    # Nested list errors are keyed by the item's index, as DRF gives them.
    assert error["fields"]["sources"]["0"]["url"]


def test_published_event_needs_a_source(reviewer_token_client, world):
    body = payload(world, sources=[])
    assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400, "sources")
    body = payload(world, sources=[], status="draft")
    assert reviewer_token_client.post(f"{API}/events/", body, format="json").status_code == 201


def test_duplicate_external_id_is_a_400(reviewer_token_client, world):
    body = payload(world, external_id="hk2020-facebook-pause")
    error = assert_error(reviewer_token_client.post(f"{API}/events/", body, format="json"), 400)
    assert "external id" in error["message"]


def test_patch_renormalizes_the_date_and_keeps_the_rest(reviewer_token_client, world):
    event = world["fb"]
    response = reviewer_token_client.patch(
        f"{API}/events/{event.pk}/", {"date_text": "mid-July 2020"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["date"] == "2020-07-11~/2020-07-20~"
    assert (body["date_start"], body["date_end"]) == ("2020-07-11", "2020-07-20")
    assert body["title"] == event.title
    assert len(body["sources"]) == 1


def test_patch_can_unpublish_and_then_anonymous_cannot_see_it(reviewer_token_client, anon, world):
    event = world["fb"]
    response = reviewer_token_client.patch(f"{API}/events/{event.pk}/", {"status": "draft"}, format="json")
    assert response.status_code == 200
    assert_error(anon.get(f"{API}/events/{event.pk}/"), 404)


def test_put_needs_the_whole_event(reviewer_token_client, world):
    error = assert_error(
        reviewer_token_client.put(f"{API}/events/{world['fb'].pk}/", {"title": "x"}, format="json"), 400
    )
    assert "date_text" in error["fields"]
    response = reviewer_token_client.put(
        f"{API}/events/{world['fb'].pk}/", payload(world, external_id="hk2020-facebook-pause"), format="json"
    )
    assert response.status_code == 200, response.content


def test_editor_can_update_a_draft(reviewer_token_client, world):
    response = reviewer_token_client.patch(
        f"{API}/events/{world['draft_response'].pk}/", {"title": "Better title"}, format="json"
    )
    assert response.status_code == 200


def test_editor_writes_drafts_but_cannot_publish(editor_token_client, world):
    response = editor_token_client.post(f"{API}/events/", payload(world, status="draft"), format="json")
    assert response.status_code == 201, response.content
    event_id = response.json()["id"]
    assert Event.objects.get(pk=event_id).status == EventStatus.DRAFT
    # No status given: a draft.
    created = editor_token_client.post(
        f"{API}/events/",
        payload(world, external_id="no-status", status=None) | {"status": "draft"},
        format="json",
    )
    assert created.status_code == 201
    error = assert_error(
        editor_token_client.post(f"{API}/events/", payload(world, external_id="pub"), format="json"),
        400,
        "status",
    )
    assert "reviewer" in error["fields"]["status"][0]
    assert_error(
        editor_token_client.patch(f"{API}/events/{event_id}/", {"status": "published"}, format="json"),
        400,
        "status",
    )
    assert_error(
        editor_token_client.patch(f"{API}/events/{world['fb'].pk}/", {"status": "draft"}, format="json"),
        403,
    )


def test_an_editor_cannot_change_a_published_event(editor_token_client, world):
    published = world["fb"]
    response = editor_token_client.patch(
        f"{API}/events/{published.pk}/", {"title": "Rewritten, unreviewed"}, format="json"
    )
    assert response.status_code == 403
    assert "only a reviewer can change" in assert_error(response, 403)["message"]
    published.refresh_from_db()
    assert published.title != "Rewritten, unreviewed"


def test_only_a_reviewer_writes_a_retraction_note(editor_token_client, reviewer_token_client, world):
    url = f"{API}/events/{world['draft_response'].pk}/"
    error = assert_error(
        editor_token_client.patch(url, {"retraction_note": "Made up"}, format="json"), 400, "retraction_note"
    )
    assert "reviewer" in error["fields"]["retraction_note"][0]
    assert reviewer_token_client.patch(url, {"retraction_note": "Noted"}, format="json").status_code == 200


def test_status_defaults_to_draft(reviewer_token_client, world):
    body = payload(world)
    del body["status"]
    response = reviewer_token_client.post(f"{API}/events/", body, format="json")
    assert response.status_code == 201
    assert Event.objects.get(pk=response.json()["id"]).status == EventStatus.DRAFT


def test_retracting_needs_a_note(reviewer_token_client, world):
    url = f"{API}/events/{world['fb'].pk}/"
    assert_error(reviewer_token_client.patch(url, {"status": "retracted"}, format="json"), 400, "status")
    response = reviewer_token_client.patch(
        url, {"status": "retracted", "retraction_note": "The company denied it."}, format="json"
    )
    assert response.status_code == 200, response.content


def test_anonymous_writes_are_401(anon, world):
    assert_error(anon.post(f"{API}/events/", payload(world), format="json"), 401)
    assert_error(anon.patch(f"{API}/events/{world['fb'].pk}/", {"title": "x"}, format="json"), 401)


def test_token_without_permission_is_403(reader_client, world):
    assert_error(reader_client.post(f"{API}/events/", payload(world), format="json"), 403)
    assert_error(reader_client.patch(f"{API}/events/{world['fb'].pk}/", {"title": "x"}, format="json"), 403)


def test_bad_token_is_401(anon, world):
    anon.credentials(HTTP_AUTHORIZATION="Token nope")
    assert_error(anon.get(f"{API}/events/"), 401)


def test_malformed_json_is_400(reviewer_token_client, world):
    response = reviewer_token_client.post(f"{API}/events/", '{"title": ', content_type="application/json")
    error = assert_error(response, 400)
    assert "JSON" in error["message"]


def test_wrong_content_type_is_415(reviewer_token_client, world):
    response = reviewer_token_client.post(
        f"{API}/events/", "title=x", content_type="application/x-www-form-urlencoded"
    )
    assert_error(response, 415)
    response = reviewer_token_client.post(f"{API}/events/", "<event/>", content_type="application/xml")
    assert_error(response, 415)


def test_json_that_is_not_an_object_is_400(reviewer_token_client, world):
    assert_error(reviewer_token_client.post(f"{API}/events/", "[1, 2]", content_type="application/json"), 400)
    assert_error(reviewer_token_client.post(f"{API}/events/", "null", content_type="application/json"), 400)


def test_delete_is_not_offered(reviewer_token_client, world):
    assert_error(reviewer_token_client.delete(f"{API}/events/{world['fb'].pk}/"), 405)
