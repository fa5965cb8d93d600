import pytest


@pytest.fixture
def editor(django_user_model):
    """A staff user with the rights an editor has in the admin."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", password="a long test password 1")
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="timeline",
            codename__in=[
                f"{action}_{model}"
                for action in ("add", "change", "view")
                for model in ("event", "citation", "source", "organization", "law", "jurisdiction")
            ],
        )
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
