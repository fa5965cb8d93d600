import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from tests.factories import CitationFactory, EventFactory, LawFactory, OrganizationFactory
from timeline import archive
from timeline.models import Citation, Event, Jurisdiction, Organization, Source

pytestmark = pytest.mark.django_db


def build_tracker(user):
    law = LawFactory(title="Hong Kong National Security Law")
    parent = OrganizationFactory(name="Facebook")
    child = OrganizationFactory(name="WhatsApp", parent=parent)
    child.other_names.create(name="WhatsApp Messenger")
    passed = EventFactory(
        law=law,
        action_type="law_passed",
        title="Law passed",
        date_text="June 30, 2020",
        date_start=datetime.date(2020, 6, 30),
        date_end=datetime.date(2020, 6, 30),
        jurisdiction=Jurisdiction.objects.get(code="HK"),
    )
    response = CitationFactory(
        event__actor=child,
        event__responds_to=passed,
        event__date_text="early July 2020",
        event__date_start=datetime.date(2020, 7, 1),
        event__date_end=datetime.date(2020, 7, 10),
        event__date_precision="month",
        event__date_approximate=True,
        quote="pending further assessment",
    ).event
    response.organizations.add(parent)
    # A later event that an earlier id responds to: links must survive any order.
    follow_up = EventFactory(actor=parent, external_id="fb-later")
    passed.responds_to = follow_up
    passed._change_reason = "Linked to the follow-up"
    passed._history_user = user
    passed.save()
    return response


def empty_the_install(user_model):
    """What a fresh install has: no events, organizations or users; a few jurisdictions."""
    Citation.objects.all().delete()
    Event.objects.update(responds_to=None)
    Event.objects.all().delete()
    Organization.objects.update(parent=None)
    Jurisdiction.objects.update(parent=None)
    for model in archive.archived_models()[::-1]:
        model._default_manager.all().delete()
    user_model.objects.all().delete()
    Jurisdiction.objects.create(code="HK", name="Hong Kong")


def snapshot():
    return {
        "events": [model_to_dict(e) for e in Event.objects.order_by("pk")],
        "event_dates": list(
            Event.objects.order_by("pk").values_list("created_at", "updated_at", "fingerprint")
        ),
        "citations": [model_to_dict(c) for c in Citation.objects.order_by("pk")],
        "sources": [model_to_dict(s) for s in Source.objects.order_by("pk")],
        "organizations": [model_to_dict(o) for o in Organization.objects.order_by("pk")],
        "history": list(
            Event.history.order_by("history_id").values_list(
                "history_id", "id", "title", "history_type", "history_user__username", "history_change_reason"
            )
        ),
    }


def test_export_then_restore_into_an_empty_install_loses_nothing(django_user_model, tmp_path):
    user = django_user_model.objects.create_user("researcher")
    build_tracker(user)
    before = snapshot()
    path = tmp_path / "backup.jsonl"
    call_command("export_archive", str(path))

    empty_the_install(django_user_model)

    out = io.StringIO()
    call_command("restore_archive", str(path), stdout=out)
    assert "Restored" in out.getvalue()
    after = snapshot()
    assert after == before
    restored_user = django_user_model.objects.get(username="researcher")
    assert not restored_user.has_usable_password()
    # New rows continue after the restored ids.
    assert EventFactory().pk > max(e["id"] for e in before["events"])


def test_restore_refuses_an_install_that_has_events(tmp_path):
    path = tmp_path / "backup.jsonl"
    EventFactory()
    call_command("export_archive", str(path))
    with pytest.raises(CommandError, match="needs an empty install"):
        call_command("restore_archive", str(path))


def test_restore_names_what_is_wrong_with_a_file_that_is_not_an_archive(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    with pytest.raises(CommandError, match="first line is not JSON"):
        call_command("restore_archive", str(path))
