from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = ["event", "citation", "source", "organization", "organizationname", "law", "importbatch", "importrow"]
READ_ONLY_MODELS = ["jurisdiction"]


def role_permissions(Permission):
    editor = [f"{action}_{model}" for model in EDITOR_MODELS for action in ("add", "change", "view")]
    editor += [f"view_{model}" for model in READ_ONLY_MODELS]
    reviewer = [*editor, "publish_event"]
    by_codename = {
        codename: permission
        for codename, permission in Permission.objects.filter(content_type__app_label="timeline").values_list(
            "codename", "id"
        )
    }
    return {
        "editor": [by_codename[c] for c in editor],
        "reviewer": [by_codename[c] for c in reviewer],
    }


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permission_ids in role_permissions(Permission).items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permission_ids)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_history_and_retraction"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
