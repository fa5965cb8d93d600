from django.db import migrations

from timeline.jurisdictions import DEFAULT_JURISDICTIONS


def add_jurisdictions(apps, schema_editor):
    Jurisdiction = apps.get_model("timeline", "Jurisdiction")
    by_code = {}
    for code, name, parent, date_order, languages in DEFAULT_JURISDICTIONS:
        by_code[code], _ = Jurisdiction.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "parent": by_code.get(parent),
                "date_order": date_order,
                "languages": languages,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(add_jurisdictions, migrations.RunPython.noop)]
