"""Each idea has one definition in the application code; these fail when a second spelling of it
creeps back (a copy that would then have to be kept in step, as exports.edtf once was not).

The date engine (``timeline/dates``) defines the primitives; the places allowed to call them are
listed with the reason.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPLICATION = [ROOT / "timeline", ROOT / "api", ROOT / "config"]
ENGINE = ("timeline/dates.py", "timeline/dates/")

ONE_PLACE = {
    # An event's date as text: Event.date_display, through date_display_i18n (English is
    # dates.format_display, other languages Babel's CLDR patterns). The template tags also label the period
    # headings of a listing ("Q3 2020") from a period, not from an event.
    r"\bformat_display\(": {"timeline/date_display_i18n.py", "timeline/templatetags/timeline_tags.py"},
    # An event's EDTF string: Event.date_edtf. The extractor writes a candidate's resolved date
    # (not an event's) into its import file in the same notation.
    r"\bedtf\(": {"timeline/models.py", "timeline/extraction/candidates.py"},
    # A date normalized in a jurisdiction's context: services.normalize_in_context (the importer
    # calls services.normalize_with with the context it looked up once per chunk).
    # The extractor (pure, no database) reads an article's dates in the article's language.
    r"\bnormalize_date\(": {
        "timeline/services/date_context.py",
        "timeline/extraction/candidates.py",
        "timeline/extraction/dates.py",
    },
    r"\bdate_context\(": {
        "timeline/services/date_context.py",
        "timeline/jurisdictions/__init__.py",  # its docstring names it
        "timeline/jurisdictions/context.py",  # the definition
    },
    # Events with their relations: EventQuerySet.with_relations.
    r"Prefetch\(\s*\"citations\"|\"actor__parent\"": {"timeline/models.py"},
    # The editorial messages: services.editorial.
    r"can be read two ways \(\{|needs at least one source\.\"": {"timeline/services/editorial.py"},
}


def application_files():
    for folder in APPLICATION:
        for path in folder.rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and not relative.startswith(ENGINE):
                yield relative, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pattern", ONE_PLACE)
def test_an_idea_is_spelled_in_one_place(pattern):
    found = {name for name, text in application_files() if re.search(pattern, text)}
    assert found <= ONE_PLACE[pattern], f"{pattern!r} spelled again in {sorted(found - ONE_PLACE[pattern])}"
    assert found, f"{pattern!r} is nowhere: update this test with the idea's new home"
