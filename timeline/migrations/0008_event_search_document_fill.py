"""Fill Event.search_document for existing events; on PostgreSQL, index it for full-text search.

The GIN index is on ``to_tsvector('simple', search_document)``, built from the same
``SearchVector`` that ``timeline.selectors.search_events`` queries with, so the planner can use it.
SQLite has no to_tsvector: there the index is not created and search falls back to icontains.
"""

from django.db import migrations

SEARCH_INDEX = "event_search_document_gin"


def _search_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("search_document", config="simple"), name=SEARCH_INDEX)


def fill_search_documents(apps, schema_editor):
    # The rule of Event.compose_search_document as of this migration (migrations keep their own copy).
    Event = apps.get_model("timeline", "Event")
    OrganizationName = apps.get_model("timeline", "OrganizationName")
    events = Event.objects.order_by("pk").select_related("actor", "law", "jurisdiction")
    last = 0
    while True:
        page = list(events.filter(pk__gt=last)[:2000])
        if not page:
            break
        other_names = {}
        actor_ids = {event.actor_id for event in page}
        rows = OrganizationName.objects.filter(organization_id__in=actor_ids).order_by("name")
        for organization_id, name in rows.values_list("organization_id", "name"):
            other_names.setdefault(organization_id, []).append(name)
        for event in page:
            parts = [event.title, event.summary, event.actor.name, *other_names.get(event.actor_id, ())]
            if event.law is not None:
                parts += [event.law.title, event.law.short_title]
            if event.jurisdiction is not None:
                parts.append(event.jurisdiction.name)
            event.search_document = "\n".join(part for part in parts if part)
        Event.objects.bulk_update(page, ["search_document"], batch_size=500)
        last = page[-1].pk


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("timeline", "Event"), _search_index())


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("timeline", "Event"), _search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0007_event_search_document"),
    ]

    operations = [
        migrations.RunPython(fill_search_documents, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_search_index, remove_search_index),
    ]
