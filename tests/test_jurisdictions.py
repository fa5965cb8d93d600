import importlib
import io
from pathlib import Path

import pycountry
import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from timeline.jurisdictions import date_context
from timeline.jurisdictions.bodies import BODIES
from timeline.jurisdictions.lookup import find_jurisdiction, suggest_jurisdictions
from timeline.jurisdictions.names import name_index
from timeline.models import Event, ImportRow, Jurisdiction

WORLD_FILE = Path(__file__).parent / "data" / "world-events.csv"


@pytest.mark.django_db
def test_every_iso_3166_1_code_and_alpha_3_resolves():
    for country in pycountry.countries:
        assert find_jurisdiction(country.alpha_2).code == country.alpha_2
        assert find_jurisdiction(country.alpha_3.lower()).code == country.alpha_2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, parent, name",
    [
        ("US-MT", "US", "Montana"),
        ("DE-BY", "DE", "Bavaria"),
        ("IN-KA", "IN", "Karnataka"),
        ("CA-QC", "CA", "Quebec"),
    ],
)
def test_subdivisions_are_there_under_their_country(code, parent, name):
    jurisdiction = Jurisdiction.objects.get(code=code)
    assert (jurisdiction.parent.code, jurisdiction.kind) == (parent, "subdivision")
    assert jurisdiction.name.replace("ā", "a") == name
    assert Jurisdiction.objects.filter(kind="subdivision").count() > 4900


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "DE",
        "DEU",
        "Germany",
        "Deutschland",
        "Allemagne",
        "德国",
        "ドイツ",
        "Federal Republic of Germany",
        "Alemania",
        "Германия",
        "ألمانيا",
        "독일",
        "Γερμανία",
        "Niemcy",
        "Almanya",
        "  deutschland ",
    ],
)
def test_names_in_many_languages_resolve_to_the_code(text):
    assert find_jurisdiction(text).code == "DE"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, code",
    [
        ("CN-HK", "HK"),
        ("Hong Kong", "HK"),
        ("cn-mo", "MO"),
        ("Côte d'Ivoire", "CI"),
        ("cote d ivoire", "CI"),
        ("Bayern", "DE-BY"),
        ("Québec", "CA-QC"),
        ("Georgia", "GE"),
        ("European Union", "EU"),
        ("Union européenne", "EU"),
        ("African Union", "AFU"),
        ("Mercosul", "MERCOSUR"),
        ("G20", "G20"),
        ("Council of Europe", "COE"),
        ("Burma", "MM"),
        ("Montana", "US-MT"),
        ("England", "GB-ENG"),
        ("Catalunya", "ES-CT"),
        ("Cataluña", "ES-CT"),
    ],
)
def test_aliases_and_bodies_resolve(text, code):
    assert find_jurisdiction(text).code == code


def test_every_country_and_body_is_found_by_its_english_name():
    from timeline.jurisdictions.standards import standard_jurisdictions

    index = name_index()
    wrong = [
        (s.code, s.name, index.code(s.name)) for s in standard_jurisdictions() if s.kind != "subdivision"
    ]
    assert [found for found in wrong if found[0] != found[2]] == []


def test_body_codes_are_not_country_codes():
    taken = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    assert {body.code for body in BODIES} & taken == set()


@pytest.mark.django_db
def test_an_unknown_or_shared_name_gets_suggestions_not_a_guess():
    assert find_jurisdiction("Germny") is None
    assert suggest_jurisdictions("Germny")[0] == "Germany (DE)"
    assert find_jurisdiction("Punjab") is None  # a state of India and a province of Pakistan
    assert {"Punjab (IN-PB)", "Punjab (PK-PB)"} <= set(suggest_jurisdictions("Punjab"))
    assert name_index().code("Ruritania") is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, order",
    [("US", "MDY"), ("GB", "DMY"), ("HK", "DMY"), ("JP", "YMD"), ("CA-QC", "YMD"), ("DE", "DMY")],
)
def test_date_orders_come_from_cldr(code, order):
    assert date_context(code).date_order == order


@pytest.mark.django_db
def test_languages_come_from_cldr_most_spoken_first():
    assert date_context("HK").languages == ["zh", "en"]
    assert date_context("IN").languages == ["hi", "en"]
    assert date_context("CA-QC").languages == ["en", "fr"]  # CLDR has no subdivision languages
    assert date_context("DE", "fr").languages == ["fr", "de", "en"]


@pytest.mark.django_db
def test_unknown_jurisdiction_gives_no_numeric_order():
    assert date_context("ZZ").date_order is None
    assert date_context(None).languages is None


@pytest.mark.django_db
def test_an_editor_override_in_the_admin_wins_and_survives_a_refresh(admin_client):
    hong_kong = Jurisdiction.objects.get(code="HK")
    assert date_context("HK").date_order == "DMY"
    response = admin_client.post(
        f"/admin/timeline/jurisdiction/{hong_kong.pk}/change/",
        {
            "code": "HK",
            "name": "Hong Kong",
            "kind": "country",
            "parent": hong_kong.parent_id or "",
            "date_order": "YMD",
            "languages": '["en", "zh"]',
        },
    )
    assert response.status_code == 302
    assert date_context("HK").date_order == "YMD"
    out = io.StringIO()
    call_command("refresh_jurisdictions", stdout=out)
    assert "HK date_order: kept 'YMD'" in out.getvalue()
    assert date_context("HK") == date_context("hk")
    assert date_context("HK").date_order == "YMD"
    assert date_context("HK").languages == ["en", "zh"]


@pytest.mark.django_db
def test_admin_lists_thousands_in_pages_and_search_finds_a_name_in_another_language(
    admin_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = admin_client.get("/admin/timeline/jurisdiction/")
    assert response.content.decode().count('class="field-code"') == 100
    with django_assert_max_num_queries(8):
        response = admin_client.get("/admin/timeline/jurisdiction/", {"q": "ドイツ"})
    assert "Germany" in response.content.decode()
    with django_assert_max_num_queries(8):
        response = admin_client.get(
            "/admin/autocomplete/",
            {
                "term": "Bayern",
                "app_label": "timeline",
                "model_name": "organization",
                "field_name": "jurisdiction",
            },
        )
    assert [result["text"] for result in response.json()["results"]] == ["Bavaria (DE-BY)"]


@pytest.mark.django_db(transaction=True)
def test_migration_from_the_53_rows_keeps_ids_events_and_editor_values():
    # Back to a database as 0002-0012 left it: the 53 rows (0013 reversed removes the others).
    executor = MigrationExecutor(connection)
    executor.migrate([("timeline", "0012_import_row_run_by")])
    apps = executor.loader.project_state([("timeline", "0012_import_row_run_by")]).apps
    OldJurisdiction = apps.get_model("timeline", "Jurisdiction")
    # A transactional test before this one may have flushed the table: 0002's rows, as it made them.
    importlib.import_module("timeline.migrations.0002_default_jurisdictions").add_jurisdictions(apps, None)
    assert OldJurisdiction.objects.count() == 53
    ids = dict(OldJurisdiction.objects.values_list("code", "id"))
    OldJurisdiction.objects.filter(code="GB").update(date_order="MDY")  # an editor's choice
    OldJurisdiction.objects.filter(code="DE").update(languages=["de", "en"])  # and another
    Organization = apps.get_model("timeline", "Organization")
    OldEvent = apps.get_model("timeline", "Event")
    hk = OldJurisdiction.objects.get(code="HK")
    actor = Organization.objects.create(name="Someone", slug="someone", kind="company", jurisdiction=hk)
    event = OldEvent.objects.create(
        actor=actor,
        jurisdiction=hk,
        title="Kept",
        action_type="other",
        date_text="2020",
        date_start="2020-01-01",
        date_end="2020-12-31",
        date_precision="year",
        status="published",
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(Jurisdiction.objects.filter(code__in=ids).values_list("code", "id")) == ids
    assert Event.objects.get(pk=event.pk).jurisdiction.code == "HK"
    assert Jurisdiction.objects.get(code="GB").date_order == "MDY"
    assert Jurisdiction.objects.get(code="DE").languages == ["de", "en"]
    # Values still as the hand-written table gave them take CLDR's; names and parents stay.
    assert Jurisdiction.objects.get(code="IN").languages == ["hi", "en"]
    hong_kong = Jurisdiction.objects.get(code="HK")
    assert (hong_kong.name, hong_kong.parent.code, hong_kong.kind) == ("Hong Kong", "CN", "country")
    assert Jurisdiction.objects.get(code="US").date_order == "MDY"
    assert Jurisdiction.objects.count() > 5000


@pytest.mark.django_db
def test_a_file_of_events_in_30_countries_has_no_unknown_jurisdiction():
    call_command("import_events", str(WORLD_FILE), stdout=io.StringIO(), stderr=io.StringIO())
    unknown = [row.raw for row in ImportRow.objects.all() if "unknown jurisdiction" in str(row.messages)]
    assert unknown == []
    countries = set(Event.objects.values_list("jurisdiction__code", flat=True))
    assert len(countries) >= 30
    assert Event.objects.get(external_id="w-de-netzdg").jurisdiction.code == "DE"
    assert Event.objects.get(external_id="w-ca-qc-law25").jurisdiction.code == "CA-QC"


@pytest.mark.django_db
def test_the_api_filter_takes_a_name_and_suggests_for_a_misspelling(client):
    assert client.get("/api/v1/events/", {"jurisdiction": "Deutschland"}).status_code == 200
    response = client.get("/api/v1/events/", {"jurisdiction": "Germny"})
    assert response.status_code == 400
    assert "did you mean Germany (DE)" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_name_in_an_import_goes_to_review_with_did_you_mean(tmp_path):
    lines = WORLD_FILE.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1].replace(",Uganda,", ",Ugnada,")
    path = tmp_path / "typo.csv"
    path.write_text(f"{header}\n{first}\n", encoding="utf-8")
    call_command("import_events", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    row = ImportRow.objects.get()
    assert row.status == "needs_review"
    assert "unknown jurisdiction 'Ugnada': did you mean Uganda (UG)" in str(row.messages)
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_a_change_made_by_another_process_is_seen_once_it_bumps_the_version(monkeypatch):
    from timeline.jurisdictions import context

    monkeypatch.setattr(context, "RECHECK_SECONDS", 0.0)
    assert date_context("JP").date_order == "YMD"
    Jurisdiction.objects.filter(code="JP").update(date_order="DMY")  # no signal in this process
    assert date_context("JP").date_order == "YMD"  # still the loaded table
    context.bump_version()  # what the other process's commit does
    assert date_context("JP").date_order == "DMY"
