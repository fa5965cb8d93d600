"""The seed file, imported by the import pipeline, reads right on the public timeline."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "hong-kong-2020.csv"


@pytest.mark.django_db
def test_imported_seeds_show_the_law_then_the_responses_of_6_july(client):
    call_command("import_events", str(SEEDS), verbosity=0)
    html = client.get("/?order=oldest").content.decode()
    dated = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    titles = re.findall(r'class="event-title" id="event-\d+-title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles[0].startswith("China&#x27;s legislature passes")
    assert dated[0] == ("2020-06-30", "30 June 2020")
    assert ("2020-07-06", "6 July 2020") in dated
    assert ("2020-07", "July 2020") in dated
    six_july = [t for (iso, _), t in zip(dated, titles, strict=True) if iso == "2020-07-06"]
    assert {t.split()[0] for t in six_july} == {"Facebook", "WhatsApp"}
    law = client.get("/laws/hong-kong-national-security-law/").content.decode()
    assert "<td>6 days after</td>" in law and '<svg class="chart"' in law
