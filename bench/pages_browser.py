"""The first event's time to visible in Chromium: our timeline against TimelineJS and vis-timeline.

Called by ``bench/pages.py --browser`` once the database holds the large size. Three pages, each
served over real HTTP on 127.0.0.1 and gzipped when the browser accepts it:

- ours: ``/`` of the project (Django's WSGI application in a thread), over all the events;
- TimelineJS (npm ``@knight-lab/timelinejs``) with the newest ``TIMELINEJS_EVENTS`` public events
  as our TimelineJS export writes them;
- vis-timeline (npm ``vis-timeline``, standalone build) with the newest ``VIS_EVENTS`` of them.

Each load is a fresh browser context (empty cache). A script installed before the page's own
records ``performance.now()`` (milliseconds since navigation started) at the first animation
frame where an event of the page is inside the viewport and has a size: ``ol.events
.event-title`` for ours, a marker of TimelineJS's navigator, a ``.vis-item`` for vis-timeline.
Desktop: 1280x800. Phone: 390x844, the CPU slowed 4x and the network to Lighthouse's "slow 4G"
(150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) through the DevTools protocol. Medians of
``--browser-repeat`` loads, measured in alternation so that a busy machine slows all alike.
"""

import gzip
import json
import statistics
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
TIMELINEJS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist"
VIS = NODE_MODULES / "vis-timeline"
TIMELINEJS_EVENTS = 100
VIS_EVENTS = 1000
TIMEOUT_MS = 120_000

PROFILES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}, "cpu": 1, "network": None},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "cpu": 4,
        "network": {"latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8},
    },
}

# Records when the first element matching SELECTOR is on screen.
PROBE = """
(() => {
  const selector = SELECTOR;
  const look = () => {
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0 &&
          box.left < innerWidth && box.right > 0) {
        window.__firstEventVisible = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
"""

TIMELINEJS_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>TimelineJS</title>
<link rel="stylesheet" href="/timelinejs/css/timeline.css"><script src="/timelinejs/js/timeline.js"></script>
</head><body style="margin:0"><div id="timeline-embed" style="width:100%;height:100vh"></div>
<script>new TL.Timeline("timeline-embed", "/timelinejs.json",
  {language: "en", script_path: "/timelinejs/js/", font: null, start_at_end: true});</script>
</body></html>"""

VIS_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>vis-timeline</title>
<link rel="stylesheet" href="/vis/styles/vis-timeline-graph2d.min.css">
<script src="/vis/standalone/umd/vis-timeline-graph2d.min.js"></script>
</head><body style="margin:0"><div id="timeline"></div>
<script>fetch("/vis.json").then(r => r.json()).then(items => {
  const last = items.reduce((a, b) => (a.start > b.start ? a : b)).start;
  const start = new Date(last); start.setMonth(start.getMonth() - 3);
  new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items),
    {start: start, end: last, height: "100vh", stack: true});
});</script></body></html>"""


class QuietWSGIHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class StaticHandler(SimpleHTTPRequestHandler):
    """Files of one directory, gzipped (once, then kept) when the browser accepts it."""

    compressed = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        encoding = None
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            if path not in self.compressed:
                self.compressed[path] = gzip.compress(body, 6)
            body, encoding = self.compressed[path], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def competitor_site(directory):
    """A directory with the TimelineJS and vis-timeline pages, their data and their npm files."""
    from timeline import exports, selectors

    newest = list(exports.export_events().newest_first()[:VIS_EVENTS])
    timelinejs = {
        "title": {"text": {"headline": "Policy Timeline", "text": "<p>Events</p>"}},
        "events": [exports.timelinejs_event(e, "", "action_type") for e in newest[:TIMELINEJS_EVENTS]],
    }
    vis = [
        {"id": e.pk, "content": e.title, "start": e.date_start.isoformat()}
        | ({"end": e.date_end.isoformat()} if e.date_end != e.date_start else {})
        for e in newest
    ]
    assert selectors.public_events().count() >= VIS_EVENTS
    (directory / "timelinejs.html").write_text(TIMELINEJS_PAGE)
    (directory / "vis.html").write_text(VIS_PAGE)
    (directory / "timelinejs.json").write_text(json.dumps(timelinejs))
    (directory / "vis.json").write_text(json.dumps(vis))
    (directory / "timelinejs").symlink_to(TIMELINEJS)
    (directory / "vis").symlink_to(VIS)


def first_event_ms(browser, url, selector, profile):
    context = browser.new_context(viewport=profile["viewport"], is_mobile=profile["viewport"]["width"] < 600)
    page = context.new_page()
    page.add_init_script(PROBE.replace("SELECTOR", json.dumps(selector)))
    session = context.new_cdp_session(page)
    if profile["cpu"] > 1:
        session.send("Emulation.setCPUThrottlingRate", {"rate": profile["cpu"]})
    if profile["network"]:
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", {"offline": False, **profile["network"]})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and errors.append(response.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    # Polled through the DevTools protocol: wait_for_function compiles its predicate in the page,
    # which a Content-Security-Policy without 'unsafe-eval' (ours) refuses.
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while page.evaluate("window.__firstEventVisible") is None:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: no {selector} on screen; page errors: {errors}")
        page.wait_for_timeout(50)
    value = page.evaluate("window.__firstEventVisible")
    context.close()
    return value


def run(events, repeat, tmp):
    """Print the medians and ratios; True when ours is ahead of both on both profiles."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS  # the flags the browser tests use here
    from tests.reachability import CHROMIUM_PATH as CHROMIUM

    missing = [str(p) for p in (TIMELINEJS, VIS, Path(CHROMIUM)) if not p.exists()]
    if missing:
        print(f"browser comparison skipped: missing {', '.join(missing)} (npm ci; apt-get install chromium)")
        return True
    settings.WHITENOISE_USE_FINDERS = True  # the CSS and script served by WhiteNoise, found in place
    site = Path(tmp) / "competitors"
    site.mkdir()
    competitor_site(site)
    ours = serve(ThreadingWSGIServer(("127.0.0.1", 0), QuietWSGIHandler))
    ours.set_app(get_wsgi_application())
    theirs = serve(ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHandler, directory=str(site))))
    their_site = f"http://127.0.0.1:{theirs.server_port}"
    pages = {
        "ours /": (f"http://localhost:{ours.server_port}/", "ol.events .event-title"),
        f"TimelineJS ({TIMELINEJS_EVENTS})": (
            f"{their_site}/timelinejs.html",
            ".tl-timemarker-content-container",
        ),
        f"vis-timeline ({VIS_EVENTS:,})": (f"{their_site}/vis.html", ".vis-item"),
    }
    times = {(profile, name): [] for profile in PROFILES for name in pages}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in PROFILES.values():  # one warm-up load of each page
                for url, selector in pages.values():
                    first_event_ms(browser, url, selector, profile)
            for _ in range(repeat):
                for profile_name, profile in PROFILES.items():
                    for name, (url, selector) in pages.items():
                        times[(profile_name, name)].append(first_event_ms(browser, url, selector, profile))
            browser.close()
    finally:
        ours.shutdown()
        theirs.shutdown()
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"\nfirst event visible in Chromium, median of {repeat} loads (ms); ours over {events:,} events")
    print(f"  {'page':<24} {'desktop':>9} {'phone':>9}")
    for name in pages:
        print(f"  {name:<24} {medians[('desktop', name)]:>9.0f} {medians[('phone', name)]:>9.0f}")
    ahead = True
    print("\nratios: ours / theirs (goal < 1)")
    for name in list(pages)[1:]:
        ratios = [medians[(p, "ours /")] / medians[(p, name)] for p in PROFILES]
        ahead &= all(r < 1 for r in ratios)
        print(f"  ours / {name:<24} desktop {ratios[0]:.2f}  phone {ratios[1]:.2f}")
    print("\nahead of both on both" if ahead else "\nNOT AHEAD everywhere")
    return ahead
