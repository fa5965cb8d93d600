"""The pages pass axe-core (in Chromium) and the Nu HTML Checker with no violations or errors."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import AXE, VNU, require_java, require_node_module
from tests.factories import EventFactory
from tests.reachability import require_chromium

pytestmark = pytest.mark.chromium


def main_pages(seeded):
    retracted = EventFactory(title="A retracted claim", status="retracted", retraction_note="Wrong.")
    english = {
        "timeline": "/",
        "timeline-filtered": "/?organization=facebook&date_after=July+2020&order=oldest",
        "timeline-months": "/?date_after=2020&date_before=2020",
        "bad-filter": "/?date_after=nonsense",
        "embed": "/embed/?law=" + seeded["law"].slug,
        "event": seeded["whatsapp"].get_absolute_url(),
        "organization": "/organizations/facebook/",
        "law": seeded["law"].get_absolute_url(),
        "jurisdiction": "/jurisdictions/HK/",
        "retracted": retracted.get_absolute_url(),
    }
    # Every public page in both languages.
    return {**english, **{f"zh-{name}": f"/zh-hant{path}" for name, path in english.items()}}


def test_axe_reports_no_violations(browser, live_server, seeded):
    require_chromium()
    require_node_module(AXE)
    # The site's Content-Security-Policy forbids inline scripts, axe's injected one included.
    page = browser.new_context(bypass_csp=True).new_page()
    found = {}
    for name, path in main_pages(seeded).items():
        page.goto(f"{live_server.url}{path}")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run()).violations")
        if violations:
            found[name] = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    page.context.close()
    assert not found, json.dumps(found, indent=1)


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the live test server
            return response.read()
    except urllib.error.HTTPError as error:  # 400 and 410 pages are pages too
        return error.read()


def test_nu_html_checker_reports_no_errors(live_server, seeded, tmp_path):
    require_chromium()  # marked and skipped like the other browser-side checks
    require_java()
    require_node_module(VNU)
    files = []
    for name, path in main_pages(seeded).items():
        target = tmp_path / f"{name}.html"
        target.write_bytes(fetch(f"{live_server.url}{path}"))
        files.append(str(target))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    report = json.loads(result.stderr)
    errors = [
        (m.get("url", "").rsplit("/", 1)[-1], m.get("lastLine"), m["message"])
        for m in report["messages"]
        if m.get("type") == "error"
    ]
    assert not errors, json.dumps(errors, indent=1)
    assert result.returncode == 0


def test_nu_html_checker_reads_stdin_too(live_server, seeded):
    require_chromium()
    require_java()
    require_node_module(VNU)
    html = fetch(f"{live_server.url}/")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "-"],
        input=html,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert json.loads(result.stderr)["messages"] == []


def test_api_documentation_pages_are_valid_html(live_server, db):
    require_java()
    require_node_module(VNU)
    for path in ("/api/docs/", "/api/redoc/"):
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "-"],
            input=fetch(f"{live_server.url}{path}"),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert json.loads(result.stderr)["messages"] == [], path
