"""Names in an article: organizations known or proposed, laws, jurisdictions in any language."""

import pytest

from timeline.extraction.names import (
    Knowledge,
    KnownLaw,
    KnownOrganization,
    find_jurisdictions,
    find_laws,
    find_organizations,
    propose_organizations,
)


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        ("La CNIL a sanctionné Google en Allemagne et au Royaume-Uni.", "fr", ["DE", "GB"]),
        ("德国联邦议院通过了法律，香港也是。", "zh", ["DE", "HK"]),
        ("Die Regierung in Deutschland und Österreich", "de", ["DE", "AT"]),
        ("The UK and the US blocked it. IT staff In time.", "en", ["GB", "US"]),
    ],
)
def test_jurisdictions_are_found_by_name_in_any_language_and_codes_only_as_codes(text, language, codes):
    assert [m.detail for m in find_jurisdictions(text, Knowledge(), language, [])] == codes


def test_known_organizations_match_as_the_importer_matches_other_names_and_possessives():
    known = Knowledge(organizations=(KnownOrganization("Meta Platforms", other_names=("Facebook",)),))
    text = "FACEBOOK said it paused. Facebook’s decision came after meta platforms acted."
    found = find_organizations(text, known, "en")
    assert [(m.name, m.possessive) for m in found] == [("Meta Platforms", False), ("Meta Platforms", True)]


def test_law_like_names_and_known_laws_by_their_words():
    known = Knowledge(laws=(KnownLaw("Hong Kong National Security Law", jurisdiction="HK"),))
    text = "the new national security law and the Online Safety Act, with local laws"
    found = find_laws(text, known, "en")
    assert [(m.name, m.known) for m in found] == [
        ("Hong Kong National Security Law", True),
        ("Online Safety Act", False),
    ]


def test_bodies_are_proposed_with_their_kind_and_people_are_not():
    text = "The Chinese parliament voted. Jane Doe spoke. The Supreme Court ruled. Governor Ann Lee signed."
    found = [(m.name, m.detail) for m in propose_organizations(text, [], "en")]
    assert ("Chinese parliament", "legislature") in found
    assert ("Supreme Court", "") in found and ("Governor Ann Lee", "") in found
    assert all(name != "Jane Doe" for name, _ in found)
