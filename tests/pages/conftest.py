import pytest

from tests.pages.seed import create_hong_kong_2020


@pytest.fixture(autouse=True)
def fresh_counts():
    """The timeline's counts are cached under the content version, which tests inside one
    transaction never bump (no commit): each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(db):
    return create_hong_kong_2020()
