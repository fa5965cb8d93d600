import pytest

from timeline.jurisdictions import date_context
from timeline.models import Jurisdiction


@pytest.mark.django_db
def test_a_subdivision_takes_its_conventions_from_its_parent():
    context = date_context("US-MT")
    assert context.date_order == "MDY"
    assert context.languages == ["en"]


@pytest.mark.django_db
def test_the_database_overrides_the_built_in_table():
    Jurisdiction.objects.filter(code="HK").update(languages=["en"], date_order="YMD")
    assert date_context("hk") == date_context("HK")
    assert date_context("HK").date_order == "YMD"


@pytest.mark.django_db
def test_a_given_language_comes_first_and_english_stays_as_fallback():
    assert date_context("HK", "zh").languages == ["zh", "en"]
    assert date_context("DE", "fr").languages == ["fr", "de", "en"]


@pytest.mark.django_db
def test_unknown_jurisdiction_gives_no_numeric_order():
    assert date_context("ZZ").date_order is None
    assert date_context(None).languages is None
