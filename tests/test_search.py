"""Full-text search over Event.search_document: websearch on PostgreSQL, words on SQLite."""

import importlib
import io

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import EventFactory, OrganizationFactory
from timeline.models import Event, Jurisdiction, Law, OrganizationName
from timeline.selectors import search_events

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="full-text search on PostgreSQL"
)
sqlite_only = pytest.mark.skipif("connection.vendor == 'postgresql'", reason="the fallback off PostgreSQL")


@pytest.fixture
def world():
    facebook = OrganizationFactory(name="Facebook")
    OrganizationName.objects.create(organization=facebook, name="Meta Platforms")
    telegram = OrganizationFactory(name="Telegram")
    law = Law.objects.create(title="Law on Safeguarding National Security in Hong Kong", short_title="NSL")
    hong_kong = Jurisdiction.objects.get(code="HK")
    return {
        "facebook": EventFactory(
            actor=facebook, law=law, jurisdiction=hong_kong, title="Pauses data requests", summary=""
        ),
        "telegram": EventFactory(actor=telegram, law=law, title="Stops cooperating", summary="No data given"),
        "other": EventFactory(actor=telegram, title="Unrelated statement", summary="Pricing"),
        "law": law,
        "facebook_org": facebook,
    }


def found(text):
    return set(search_events(Event.objects.all(), text).values_list("title", flat=True))


def test_save_writes_the_document(world):
    document = Event.objects.get(pk=world["facebook"].pk).search_document
    for part in ("Pauses data requests", "Facebook", "Meta Platforms", "NSL", "Hong Kong", "Safeguarding"):
        assert part in document


def test_saving_with_update_fields_keeps_the_document_current(world):
    event = world["other"]
    event.title = "Renamed statement"
    event.save(update_fields=["title"])
    assert "Renamed statement" in Event.objects.get(pk=event.pk).search_document


def test_search_reads_names_other_names_laws_and_jurisdictions(world):
    assert found("meta") == {"Pauses data requests"}
    assert found("nsl") == {"Pauses data requests", "Stops cooperating"}
    assert found("hong kong") == {"Pauses data requests", "Stops cooperating"}
    assert found("telegram cooperating") == {"Stops cooperating"}
    assert found("telegram nothing-like-this") == set()


def test_renaming_an_organization_or_a_law_updates_its_events(world):
    facebook = world["facebook_org"]
    facebook.name = "Meta"
    facebook.save()
    assert "Meta" in Event.objects.get(pk=world["facebook"].pk).search_document.splitlines()
    law = world["law"]
    law.short_title = "HKNSL"
    law.save()
    assert found("hknsl") == {"Pauses data requests", "Stops cooperating"}


def test_the_importer_writes_the_document(django_capture_on_commit_callbacks):
    from tests.importing.conftest import csv_bytes, row
    from timeline.importing.staging import stage_file

    content = csv_bytes([row(actor="WhatsApp", parent="Facebook", title="WhatsApp pauses")])
    with django_capture_on_commit_callbacks(execute=True):
        stage_file(io.BytesIO(content), file_name="events.csv")
    document = Event.objects.get().search_document
    assert "WhatsApp pauses" in document
    assert "Hong Kong National Security Law" in document
    assert found("whatsapp") == {"WhatsApp pauses"}


def test_the_data_migration_fills_existing_events(world):
    Event.objects.update(search_document="")
    migration = importlib.import_module("timeline.migrations.0008_event_search_document_fill")
    migration.fill_search_documents(apps, None)
    for event in Event.objects.all():
        assert event.search_document == event.build_search_document()


@postgres_only
def test_postgres_websearch_syntax(world):
    assert found('"data requests"') == {"Pauses data requests"}
    assert found("data -telegram") == {"Pauses data requests"}
    assert found("pricing or meta") == {"Pauses data requests", "Unrelated statement"}
    # Whole words: a fragment is not a word.
    assert found("faceb") == set()
    assert found("") == set()
    assert found("\x00telegram") == {"Stops cooperating", "Unrelated statement"}


@postgres_only
def test_postgres_search_uses_the_gin_index(world):
    queryset = search_events(Event.objects.all(), "telegram")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "event_search_vector_gin" in plan


@postgres_only
def test_postgres_search_follows_an_edit(world):
    event = world["other"]
    event.title = "Withdraws from Hong Kong"
    event.save()
    assert found("withdraws") == {"Withdraws from Hong Kong"}
    assert found("unrelated") == set()


@sqlite_only
def test_fallback_matches_every_word_anywhere(world):
    assert found("faceb") == {"Pauses data requests"}
    assert found("DATA telegram") == {"Stops cooperating"}
    assert found("\x00telegram") == {"Stops cooperating", "Unrelated statement"}
