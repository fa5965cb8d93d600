import pytest

from tests.pages.seed import create_hong_kong_2020


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Pages render without a collectstatic run (the manifest storage needs one)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def seeded(db):
    return create_hong_kong_2020()
