import pytest

from tests.pages.seed import create_hong_kong_2020


@pytest.fixture
def seeded(db):
    return create_hong_kong_2020()
