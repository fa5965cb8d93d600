import pytest

from tests.factories import member_of


@pytest.fixture(autouse=True)
def static_files_without_collectstatic(settings, tmp_path_factory):
    """Pages and the API docs render and serve their static files from the apps' own folders,
    so the suite needs no prior ``collectstatic`` (the manifest storage and whitenoise's
    static root are for deployments). Uploaded import files are kept in a folder of the test's."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "imports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path_factory.mktemp("import-uploads"))},
        },
    }
    settings.WHITENOISE_USE_FINDERS = True


def staff_in_group(django_user_model, username, group_name):
    return member_of(django_user_model, username, group_name, is_staff=True)


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
