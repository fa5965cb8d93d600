import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import EventFactory, OrganizationFactory, SourceFactory
from timeline.models import Event, Jurisdiction, Organization, Source

pytestmark = pytest.mark.django_db


def test_a_second_source_with_the_same_normalized_url_is_refused():
    Source.objects.create(url="https://www.example.org/news/story?utm_source=x#top")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(url="HTTPS://example.org/news/story/")
    assert Source.objects.count() == 1


def test_source_clean_names_the_existing_duplicate():
    from django.core.exceptions import ValidationError

    SourceFactory(url="https://example.org/a", title="First report")
    with pytest.raises(ValidationError, match="already a source: First report"):
        Source(url="http://www.example.org/a/").full_clean()


def test_two_events_cannot_share_an_external_id():
    EventFactory(external_id="hk-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(external_id="hk-1")


def test_events_found_by_external_id_are_those_imported_under_it_never_those_without_one():
    imported = EventFactory(external_id="hk-1")
    EventFactory(external_id="hk-2")
    EventFactory(external_id="")
    assert list(Event.objects.with_external_ids(["hk-1", "hk-3"])) == [imported]
    assert not Event.objects.with_external_ids([""]).exists()


def test_events_without_external_id_are_unique_on_their_natural_key():
    actor = OrganizationFactory()
    day = datetime.date(2020, 7, 6)
    EventFactory(actor=actor, date_start=day, date_end=day, title="First wording")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(actor=actor, date_start=day, date_end=day, title="Second wording")
    # The same facts under two external ids are two records the file says are distinct.
    EventFactory(actor=actor, date_start=day, date_end=day, external_id="a")
    EventFactory(actor=actor, date_start=day, date_end=day, external_id="b")


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(date_start=datetime.date(2020, 7, 6), date_end=datetime.date(2020, 7, 5))


def test_an_unknown_status_is_refused_by_the_database():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(status="hidden")


def test_organization_names_match_whatever_their_case_and_accents():
    Organization.objects.create(name="Société Générale")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name="SOCIETE  GENERALE", slug="other-slug")


def test_timeline_order_is_start_then_coarser_precision_then_id():
    july = EventFactory(
        date_start=datetime.date(2020, 7, 1), date_end=datetime.date(2020, 7, 31), date_precision="month"
    )
    first_of_july = EventFactory(date_start=datetime.date(2020, 7, 1), date_end=datetime.date(2020, 7, 1))
    year = EventFactory(
        date_start=datetime.date(2020, 1, 1), date_end=datetime.date(2020, 12, 31), date_precision="year"
    )
    june = EventFactory(date_start=datetime.date(2020, 6, 30), date_end=datetime.date(2020, 6, 30))
    assert list(Event.objects.chronological()) == [year, june, july, first_of_july]
    assert list(Event.objects.newest_first()) == [first_of_july, july, june, year]


def test_public_events_are_only_the_published_ones():
    published = EventFactory(status="published")
    EventFactory(status="draft")
    EventFactory(status="retracted", retraction_note="The report was wrong.")
    assert list(Event.objects.public()) == [published]


def test_default_jurisdictions_know_their_date_conventions():
    hong_kong = Jurisdiction.objects.get(code="HK")
    assert hong_kong.parent.code == "CN"
    assert hong_kong.date_order == "DMY"
    assert Jurisdiction.objects.get(code="US").date_order == "MDY"
    assert Jurisdiction.objects.get(code="CN").date_order == "YMD"
