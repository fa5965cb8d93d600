"""python manage.py normalize_date TEXT [--reference D] [--jurisdiction CODE] [--language CODE]"""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    out = io.StringIO()
    call_command("normalize_date", *args, stdout=out)
    return json.loads(out.getvalue())


def run_failing(*args):
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("normalize_date", *args, stdout=out)
    assert caught.value.returncode == 1
    return json.loads(out.getvalue())


def test_prints_one_json_object(db):
    assert run("Monday, July 6, 2020") == {
        "date": "2020-07-06",
        "precision": "day",
        "start": "2020-07-06",
        "end": "2020-07-06",
        "approximate": False,
        "ambiguous": False,
    }


def test_qualified_text_keeps_its_precision(db):
    result = run("early July 2020")
    assert result["date"] == "2020-07-01~/2020-07-10~"
    assert (result["start"], result["end"], result["approximate"]) == (
        "2020-07-01",
        "2020-07-10",
        True,
    )


def test_relative_text_uses_the_reference(db):
    assert run("last Monday", "--reference", "2020-07-08")["date"] == "2020-07-06"


def test_relative_text_without_reference_is_an_error_with_its_reason(db):
    result = run_failing("last Monday")
    assert result["text"] == "last Monday"
    assert "needs a reference date" in result["error"]


def test_text_naming_no_date_is_an_error(db):
    assert "names no date" in run_failing("TBD")["error"]


def test_bad_reference_is_an_error(db):
    assert "YYYY-MM-DD" in run_failing("yesterday", "--reference", "8 July")["error"]


def test_numeric_order_comes_from_the_jurisdiction(db):
    assert run("05/07/2020", "--jurisdiction", "US")["start"] == "2020-05-07"
    assert run("05/07/2020", "--jurisdiction", "GB")["start"] == "2020-07-05"
    unknown = run("05/07/2020")
    assert (unknown["start"], unknown["ambiguous"]) == ("2020-07-05", True)


def test_a_subdivision_uses_its_parents_order(db):
    assert run("07/06/2020", "--jurisdiction", "US-MT")["start"] == "2020-07-06"


def test_the_database_overrides_the_built_in_table(db):
    from timeline.models import Jurisdiction

    Jurisdiction.objects.update_or_create(code="GB", defaults={"name": "United Kingdom", "date_order": "MDY"})
    assert run("05/07/2020", "--jurisdiction", "GB")["start"] == "2020-05-07"


def test_languages_come_from_the_jurisdiction_or_the_option(db):
    assert run("30. Juni 2017", "--jurisdiction", "DE")["start"] == "2017-06-30"
    assert run("18 février 2021", "--language", "fr")["start"] == "2021-02-18"
    assert run("6月30日", "--jurisdiction", "HK", "--reference", "2020-07-08")["start"] == "2020-06-30"


def test_non_ascii_output_is_readable(db):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("normalize_date", "未知", stdout=out)
    assert "未知" in out.getvalue()
