"""The stored vocabulary is what dateparser's data and CLDR (Babel) say today."""

import json

import pytest

from timeline.dates import build_vocabulary


def stored():
    return json.loads(build_vocabulary.PATH.read_text())


def test_the_stored_vocabulary_was_built_from_the_installed_versions():
    assert stored()["versions"] == build_vocabulary.versions(), (
        "run python -m timeline.dates.build_vocabulary"
    )


@pytest.mark.parametrize("code", ["fr", "ru", "lt", "ja", "ar"])
def test_a_language_rebuilds_to_what_is_stored(code):
    assert json.loads(json.dumps(build_vocabulary.build_language(code))) == stored()["languages"][code]


def test_every_language_of_both_libraries_is_there():
    assert set(stored()["languages"]) == set(build_vocabulary.languages())
    assert len(stored()["languages"]) > 150
