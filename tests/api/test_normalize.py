import pytest

from .conftest import API, assert_error

pytestmark = pytest.mark.django_db

URL = f"{API}/dates/normalize/"


def test_normalizes_like_the_contract(anon):
    body = anon.get(URL, {"text": "Monday, July 6, 2020"}).json()
    assert body == {
        "date": "2020-07-06",
        "precision": "day",
        "start": "2020-07-06",
        "end": "2020-07-06",
        "approximate": False,
        "ambiguous": False,
    }
    assert anon.get(URL, {"text": "early July 2020"}).json()["date"] == "2020-07-01~/2020-07-10~"


def test_reference_resolves_relative_text(anon):
    body = anon.get(URL, {"text": "yesterday", "reference": "2020-07-07"}).json()
    assert body["start"] == "2020-07-06"


def test_jurisdiction_and_language_give_the_order(anon):
    assert anon.get(URL, {"text": "05/07/2020", "jurisdiction": "US"}).json()["start"] == "2020-05-07"
    assert anon.get(URL, {"text": "05/07/2020", "jurisdiction": "hk"}).json()["start"] == "2020-07-05"
    ambiguous = anon.get(URL, {"text": "05/07/2020"}).json()
    assert ambiguous["ambiguous"] is True
    assert anon.get(URL, {"text": "6. Juli 2020", "language": "de"}).json()["start"] == "2020-07-06"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "N/A"}, "text"),
        ({"text": "TBD"}, "text"),
        ({"text": "x" * 201}, "text"),
        ({"text": "July 6", "reference": "not-a-date"}, "reference"),
        ({"text": "2020", "jurisdiction": "ZZ"}, "jurisdiction"),
        ({"text": "2020", "language": "12"}, "language"),
        ({"text": "\x00\x01"}, "text"),
    ],
)
def test_bad_input_is_400_with_the_reason(anon, params, field):
    error = assert_error(anon.get(URL, params), 400, field)
    assert error["fields"][field][0]
