import datetime

import pytest

from tests import factories
from timeline.models import ActionType

from .conftest import API, assert_error, ids

pytestmark = pytest.mark.django_db

EVENT_FIELDS = {
    "id",
    "external_id",
    "url",
    "title",
    "summary",
    "action_type",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "date_approximate",
    "date_text",
    "actor",
    "organizations",
    "jurisdiction",
    "law",
    "responds_to",
    "sources",
    "created_at",
    "updated_at",
}


def test_event_fields_are_exactly_the_contract(anon, world):
    response = anon.get(f"{API}/events/{world['tg'].pk}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == EVENT_FIELDS
    assert body["url"] == f"http://testserver{API}/events/{world['tg'].pk}/"
    assert body["date"] == "2020-07-01~/2020-07-10~"  # early July: EDTF reads it back exactly
    assert body["date_precision"] == "month"
    assert (body["date_start"], body["date_end"]) == ("2020-07-01", "2020-07-10")
    assert body["date_approximate"] is True
    assert body["date_text"] == "early July 2020"
    assert body["actor"] == {
        "id": world["telegram"].pk,
        "name": "Telegram",
        "kind": "company",
        "parent": None,
    }
    assert body["organizations"] == [
        {"id": world["facebook"].pk, "name": "Facebook", "kind": "company", "parent": None}
    ]
    assert body["jurisdiction"] == {"code": "HK", "name": "Hong Kong"}
    assert body["law"] == {"id": world["law"].pk, "title": "Hong Kong National Security Law"}
    assert body["responds_to"]["id"] == world["passed"].pk
    assert set(body["responds_to"]) == {"id", "url", "title"}
    [source] = body["sources"]
    assert set(source) == {"url", "outlet", "title", "published", "quote"}
    assert source["quote"] == "We are pausing."


def test_nested_actor_parent(anon, world):
    body = anon.get(f"{API}/events/{world['wa'].pk}/").json()
    assert body["actor"]["parent"] == {"id": world["facebook"].pk, "name": "Facebook"}
    assert body["date"] == "2020-07"


def test_list_is_chronological_with_coarser_precision_first(anon, world):
    # WhatsApp (July 2020, month) and Telegram (early July, month) start on 1 July like nothing else.
    listed = ids(anon.get(f"{API}/events/"))
    expected = [
        e.pk for e in sorted(world["public"], key=lambda e: (e.date_start, e.date_precision_rank, e.pk))
    ]
    assert listed == expected
    newest = ids(anon.get(f"{API}/events/", {"ordering": "-date"}))
    assert newest == list(reversed(expected))


def test_filter_actor_is_exact(anon, world):
    assert ids(anon.get(f"{API}/events/", {"actor": world["facebook"].pk})) == [world["fb"].pk]
    assert ids(anon.get(f"{API}/events/", {"actor": world["facebook"].slug})) == [world["fb"].pk]


def test_filter_organization_includes_subsidiaries_and_involvement(anon, world):
    listed = set(ids(anon.get(f"{API}/events/", {"organization": world["facebook"].pk})))
    assert listed == {world["fb"].pk, world["wa"].pk, world["tg"].pk}


def test_filter_law(anon, world):
    listed = set(ids(anon.get(f"{API}/events/", {"law": world["other_law"].pk})))
    assert listed == {world["montana"].pk}


def test_filter_jurisdiction_by_code(anon, world):
    assert ids(anon.get(f"{API}/events/", {"jurisdiction": "us-mt"})) == [world["montana"].pk]


def test_filter_action_type(anon, world):
    listed = ids(anon.get(f"{API}/events/", {"action_type": ActionType.LAW_PASSED}))
    assert set(listed) == {world["passed"].pk, world["montana"].pk}


def test_filter_dates_overlap_at_their_precision(anon, world):
    # "after 2020-07-05": the month-precision WhatsApp event (1-31 July) overlaps; Telegram (1-10 July) too.
    after = set(ids(anon.get(f"{API}/events/", {"date_after": "2020-07-05", "date_before": "2020-12-31"})))
    assert after == {world["fb"].pk, world["wa"].pk, world["tg"].pk, world["answer"].pk}
    before = set(ids(anon.get(f"{API}/events/", {"date_before": "June 2020"})))
    assert before == {world["passed"].pk}
    year = set(ids(anon.get(f"{API}/events/", {"date_after": "2023", "date_before": "2023"})))
    assert year == {world["montana"].pk}


def test_filter_q_every_word(anon, world):
    assert ids(anon.get(f"{API}/events/", {"q": "telegram cooperating"})) == [world["tg"].pk]
    assert ids(anon.get(f"{API}/events/", {"q": "telegram nothing-like-this"})) == []


def test_filter_external_id(anon, world):
    assert ids(anon.get(f"{API}/events/", {"external_id": "hk2020-facebook-pause"})) == [world["fb"].pk]


def test_filter_updated_since(anon, world):
    from django.utils import timezone

    from timeline.models import Event

    cutoff = timezone.now()
    Event.objects.filter(pk=world["montana"].pk).update(updated_at=cutoff + datetime.timedelta(seconds=1))
    listed = ids(anon.get(f"{API}/events/", {"updated_since": cutoff.isoformat()}))
    assert listed == [world["montana"].pk]
    listed = ids(
        anon.get(f"{API}/events/", {"updated_since": "2000-01-01T00:00:00Z", "ordering": "updated_at"})
    )
    assert set(listed) == {e.pk for e in world["public"]}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"organization": "999999"}, "organization"),
        ({"organization": "no-such-org"}, "organization"),
        ({"actor": "99999999999999999999999"}, "actor"),
        ({"law": "0"}, "law"),
        ({"jurisdiction": "ZZ"}, "jurisdiction"),
        ({"action_type": "lunch"}, "action_type"),
        ({"date_after": "N/A"}, "date_after"),
        ({"date_before": "05/07/2020"}, "date_before"),
        ({"updated_since": "yesterday-ish"}, "updated_since"),
        ({"ordering": "title"}, "ordering"),
        ({"page_size": "501"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"status": "everything"}, "status"),
        ({"q": "x" * 500}, "q"),
    ],
)
def test_bad_filter_values_are_400_naming_the_parameter(anon, world, params, field):
    error = assert_error(anon.get(f"{API}/events/", params), 400, field)
    assert field in error["message"] or field in error["fields"]


def test_oversize_page_size_message_is_clear(anon, world):
    error = assert_error(anon.get(f"{API}/events/", {"page_size": 1000}), 400, "page_size")
    assert "500" in error["fields"]["page_size"][0]


def test_unknown_query_parameters_are_ignored(anon, world):
    assert len(ids(anon.get(f"{API}/events/", {"colour": "blue"}))) == len(world["public"])


def test_list_query_count_does_not_grow_with_the_page(anon, world, django_assert_max_num_queries):
    for _ in range(40):
        event = factories.EventFactory(actor=world["whatsapp"], jurisdiction=world["hk"], law=world["law"])
        event.organizations.add(world["facebook"], world["telegram"])
        factories.CitationFactory(event=event)
        factories.CitationFactory(event=event)
    # events + organizations + citations (with their sources), whatever the page size.
    with django_assert_max_num_queries(3):
        small = anon.get(f"{API}/events/", {"page_size": 2})
    with django_assert_max_num_queries(3):
        large = anon.get(f"{API}/events/", {"page_size": 500})
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) == 46
    params = {
        "organization": world["facebook"].pk,
        "law": world["law"].pk,
        "jurisdiction": "HK",
        "date_after": "2000",
        "page_size": 500,
    }
    # + the organization, its subsidiaries (one query), the law, the jurisdiction,
    # two to estimate how many events the organizations have, and two for the events reaching
    # the date_after day (the keys of those starting later and of those straddling it), and
    # two to check the organization and the law are public (named by a public event).
    with django_assert_max_num_queries(3 + 4 + 2 + 2 + 2):
        response = anon.get(f"{API}/events/", params)
    every_date = anon.get(f"{API}/events/", {**params, "date_after": "1900"})
    assert ids(response) == ids(every_date) and len(ids(response)) > 40


def test_law_and_organization_timelines(anon, world):
    law_events = set(ids(anon.get(f"{API}/laws/{world['law'].pk}/events/")))
    assert law_events == {
        world["passed"].pk,
        world["fb"].pk,
        world["wa"].pk,
        world["tg"].pk,
        world["answer"].pk,
    }
    org_events = set(ids(anon.get(f"{API}/organizations/{world['facebook'].pk}/events/")))
    assert org_events == {world["fb"].pk, world["wa"].pk, world["tg"].pk}
    # The ordinary filters apply on top.
    narrowed = ids(
        anon.get(f"{API}/organizations/{world['facebook'].pk}/events/", {"actor": world["telegram"].pk})
    )
    assert narrowed == [world["tg"].pk]
    assert_error(anon.get(f"{API}/laws/999999/events/"), 404)
    assert_error(anon.get(f"{API}/organizations/999999/events/"), 404)


def test_reference_lists(anon, world):
    orgs = anon.get(f"{API}/organizations/", {"page_size": 500}).json()["results"]
    by_name = {row["name"]: row for row in orgs}
    assert by_name["WhatsApp"]["parent"] == {"id": world["facebook"].pk, "name": "Facebook"}
    assert by_name["WhatsApp"]["events"].endswith(f"/organizations/{world['whatsapp'].pk}/events/")
    assert [row["name"] for row in orgs] == sorted(row["name"] for row in orgs)
    assert ids(anon.get(f"{API}/organizations/", {"parent": world["facebook"].pk})) == [world["whatsapp"].pk]
    laws = anon.get(f"{API}/laws/", {"jurisdiction": "HK"}).json()["results"]
    assert [law["id"] for law in laws] == [world["law"].pk]
    hk = anon.get(f"{API}/jurisdictions/hk/").json()
    assert hk == {
        "code": "HK",
        "name": "Hong Kong",
        "parent": "CN",
        "date_order": "DMY",
        "languages": ["zh", "en"],
    }
    codes = [row["code"] for row in anon.get(f"{API}/jurisdictions/", {"parent": "US"}).json()["results"]]
    assert "US-MT" in codes and "HK" not in codes
    assert anon.get(f"{API}/sources/").status_code == 200


def test_csv_format_escapes_formulas(anon, world):
    world["fb"].title = '=HYPERLINK("http://evil")'
    world["fb"].save()
    response = anon.get(f"{API}/events/", {"format": "csv", "page_size": 2})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    header = text.splitlines()[0].split(",")
    assert header[:3] == ["id", "external_id", "url"]
    assert "actor.name" in header and "sources.url" in header
    assert "'=HYPERLINK" not in text  # not on this page
    assert 'rel="next"' in response["Link"]
    everything = anon.get(f"{API}/events/", {"format": "csv"}).content.decode()
    assert "'=HYPERLINK" in everything
    assert ",=HYPERLINK" not in everything


def test_csv_errors_are_still_json(anon, world):
    assert_error(anon.get(f"{API}/events/", {"format": "csv", "page_size": 9999}), 400, "page_size")


def test_unknown_format_is_404_json(anon, world):
    assert_error(anon.get(f"{API}/events/", {"format": "xml"}), 404)
