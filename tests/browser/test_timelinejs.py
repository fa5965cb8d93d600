"""The TimelineJS export loads in TimelineJS itself (npm @knight-lab/timelinejs, served locally)."""

import json
import mimetypes
import urllib.request

import pytest

from tests.browser.conftest import TIMELINEJS, require_node_module
from tests.factories import EventFactory
from tests.reachability import require_chromium

pytestmark = pytest.mark.chromium

ORIGIN = "http://timelinejs.test"
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/css/timeline.css"><script src="/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1000px; height: 600px"></div>
<script>
window.tlErrors = [];
window.timeline = new TL.Timeline("timeline-embed", DATA,
  {language: "en", script_path: "http://timelinejs.test/js/", font: null});
window.timeline.on("dataloaded", () => { window.tlLoaded = true; });
</script></body></html>"""


def serve(route, data):
    path = route.request.url.removeprefix(ORIGIN).split("?")[0]
    if path == "/":
        body = PAGE.replace("DATA", json.dumps(data).replace("</", "<\\/"))
        return route.fulfill(body=body, content_type="text/html")
    file = TIMELINEJS / path.lstrip("/")
    if file.is_file() and TIMELINEJS in file.resolve().parents:
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return route.fulfill(body=file.read_bytes(), content_type=kind)
    return route.fulfill(status=404, body="")


def test_timelinejs_loads_the_export_and_shows_the_seeded_events(page, live_server, seeded):
    require_chromium()
    require_node_module(TIMELINEJS / "js" / "timeline.js")
    EventFactory(title="<b>bold</b> & co", summary="<script>window.pwned = 1</script>")
    with urllib.request.urlopen(f"{live_server.url}/export/timelinejs.json?order=oldest") as response:  # noqa: S310
        data = json.load(response)
    assert len(data["events"]) == 8
    console_errors = []
    page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
    page.route(f"{ORIGIN}/**", lambda route: serve(route, data))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(f"{ORIGIN}/")
    page.wait_for_selector(".tl-timemarker", state="attached", timeout=15_000)
    assert page.locator(".tl-timemarker").count() == 8
    headlines = page.locator(".tl-timemarker .tl-headline").all_text_contents()
    for title in (
        "China's legislature passes the Hong Kong national security law",
        "Facebook pauses Hong Kong government requests for user data",
        "WhatsApp pauses reviews of Hong Kong data requests",
        "ProPrivacy welcomes Facebook's pause",
        "<b>bold</b> & co",
    ):
        assert title in headlines
    groups = page.locator(".tl-timegroup-message").all_text_contents()
    assert set(groups) == {"Law passed", "Data request policy", "Statement"}
    assert not page.errors, page.errors
    assert not console_errors, (console_errors, failed)
    assert page.evaluate("window.pwned === undefined")
    # A month-precision date is shown as a month by TimelineJS, not as a day.
    slide_date = page.locator(f"#event-{seeded['proprivacy'].pk} .tl-headline-date").text_content()
    assert slide_date.strip() == "July 2020"
    law_date = page.locator(f"#event-{seeded['passed'].pk} .tl-headline-date").text_content()
    assert law_date.strip() == "June 30, 2020"
