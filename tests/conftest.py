import pytest


def staff_in_group(django_user_model, username, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, password="a long test password 1", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    """A staff member of the editor group: writes drafts, runs imports, cannot publish."""
    return staff_in_group(django_user_model, "editor", "editor")


@pytest.fixture
def reviewer(django_user_model):
    """A staff member of the reviewer group: also publishes and retracts."""
    return staff_in_group(django_user_model, "reviewer", "reviewer")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture(autouse=True)
def _fresh_jurisdiction_conventions():
    """Each test rolls its database back; the per-process table of date conventions must follow."""
    from timeline.jurisdictions.context import forget_loaded_table

    forget_loaded_table()
    yield
    forget_loaded_table()
