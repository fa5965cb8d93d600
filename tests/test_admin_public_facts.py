"""Organizations, laws and sources a public event names are a reviewer's to change, like the
event itself: the public reads their names and titles on the event's page."""

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, LawFactory, OrganizationFactory, SourceFactory
from timeline.models import EventStatus, Law, Organization, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def facts():
    public_org, draft_org = OrganizationFactory(name="Public Co"), OrganizationFactory(name="Draft Co")
    public_law, draft_law = LawFactory(), LawFactory()
    public_source, draft_source = SourceFactory(), SourceFactory()
    CitationFactory(source=public_source, event=EventFactory(actor=public_org, law=public_law))
    CitationFactory(
        source=draft_source, event=EventFactory(actor=draft_org, law=draft_law, status=EventStatus.DRAFT)
    )
    return {"public": (public_org, public_law, public_source), "draft": (draft_org, draft_law, draft_source)}


def change_url(fact):
    return reverse(f"admin:timeline_{fact._meta.model_name}_change", args=[fact.pk])


def renamed(client, fact):
    """POST the change form with one field changed; the field's new value."""
    page = client.get(change_url(fact))
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    field = {Organization: "name", Law: "title", Source: "title"}[type(fact)]
    data[field] = f"{data[field]} (renamed)"
    if type(fact) is Organization:  # its inline of other names, left empty
        data.update({"other_names-TOTAL_FORMS": "0", "other_names-INITIAL_FORMS": "0"})
    response = client.post(change_url(fact), data)
    return response, data[field]


def test_an_editor_reads_but_cannot_change_what_a_public_event_names(editor_client, facts):
    for fact in facts["public"]:
        page = editor_client.get(change_url(fact))
        assert page.status_code == 200
        assert "only a reviewer can change what the public reads" in page.content.decode()
        assert 'name="_save"' not in page.content.decode()
        response = editor_client.post(change_url(fact), {})
        assert response.status_code == 403
        delete = editor_client.post(reverse(f"admin:timeline_{fact._meta.model_name}_delete", args=[fact.pk]))
        assert delete.status_code == 403
        assert type(fact).objects.filter(pk=fact.pk).exists()


def test_an_editor_still_changes_what_only_drafts_name(editor_client, facts):
    for fact in facts["draft"]:
        response, new_value = renamed(editor_client, fact)
        assert response.status_code == 302
        fact.refresh_from_db()
        assert new_value in str(fact.__dict__.values())


def test_a_reviewer_changes_what_a_public_event_names(reviewer_client, facts):
    for fact in facts["public"]:
        response, new_value = renamed(reviewer_client, fact)
        assert response.status_code == 302
        fact.refresh_from_db()
        assert new_value in str(fact.__dict__.values())
