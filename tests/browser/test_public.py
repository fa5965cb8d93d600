"""What readers see first, the overview of time, keys, embedding and Chinese, in real Chromium."""

import datetime
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.factories import EventFactory, OrganizationFactory
from tests.reachability import require_chromium

pytestmark = pytest.mark.chromium


@pytest.fixture
def years(transactional_db):
    acme = OrganizationFactory(name="Acme")
    for year, count in ((2014, 3), (2017, 30), (2020, 45)):
        for n in range(count):
            EventFactory(actor=acme, date_start=datetime.date(year, 1 + n % 12, 1 + n % 28))
    return acme


def test_on_a_phone_the_first_event_is_on_the_first_screen(browser, live_server, seeded):
    require_chromium()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server.url)
    first = page.locator("ol.events > li").first.locator(".event-title")
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert page.locator(".result-count").inner_text() == "7 events"
    # The filters are folded; opening them shows the fields.
    assert not page.get_by_label("Organization (with subsidiaries)").is_visible()
    page.locator("details.filters summary").click()
    assert page.get_by_label("Organization (with subsidiaries)").is_visible()
    context.close()


def test_typing_an_organization_offers_suggestions_with_counts(page, live_server, seeded):
    require_chromium()
    page.goto(live_server.url)
    page.locator("details.filters summary").click()
    with page.expect_response(lambda r: "/search/entities/" in r.url):
        page.get_by_label("Organization (with subsidiaries)").press_sequentially("face")
    options = page.locator("#organization-options option")
    options.first.wait_for(state="attached")
    assert options.first.get_attribute("value") == "facebook"
    assert options.first.get_attribute("label") == "Facebook (1)"


def test_the_time_strip_links_land_on_their_year(page, live_server, years):
    require_chromium()
    page.goto(live_server.url)
    bars = page.locator("nav.time-strip svg a")
    assert bars.count() == 3
    page.locator('nav.time-strip a[aria-label="2017: 30 events"]').click()
    page.wait_for_load_state()
    assert page.locator("ol.events time").first.get_attribute("datetime").startswith("2017-")
    assert (
        page.locator('nav.time-strip a[aria-current="true"]').get_attribute("aria-label") == "2017: 30 events"
    )
    # The bars are links a keyboard reaches.
    page.locator('nav.time-strip a[aria-label="2014: 3 events"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("ol.events time").first.get_attribute("datetime").startswith("2014-")


def test_keys_move_earlier_and_later(page, live_server, years):
    require_chromium()
    page.goto(live_server.url)
    first = page.locator("ol.events time").first.get_attribute("datetime")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**before=**")
    earlier = page.locator("ol.events time").first.get_attribute("datetime")
    assert earlier < first
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**after=**")
    assert page.locator("ol.events time").first.get_attribute("datetime") == first
    page.keyboard.press("j")
    page.wait_for_url("**before=**")
    assert page.locator("ol.events time").first.get_attribute("datetime") == earlier
    # Typing in the search box is typing, not paging.
    url = page.url
    page.locator("#f-q").press("j")
    assert page.url == url and page.locator("#f-q").input_value() == "j"


class NewsroomPage(BaseHTTPRequestHandler):
    """A page of another site (another origin: its own server and port) that frames ``?src=``."""

    def do_GET(self):
        src = parse_qs(urlsplit(self.path).query)["src"][0]
        body = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A newsroom</title></head>'
            "<body>"
            f'<iframe id="f" src="{escape(src)}" width="600" height="500" title="Timeline"></iframe>'
            "</body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def newsroom():
    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsroomPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def frame_host(page, newsroom, live_server, path):
    page.goto(f"{newsroom}/?{urlencode({'src': live_server.url + path})}")
    page.wait_for_load_state("load")
    return page.frame_locator("#f")


def test_the_embed_works_inside_an_iframe_on_another_origin(page, newsroom, live_server, seeded):
    require_chromium()
    frame = frame_host(page, newsroom, live_server, "/embed/?organization=facebook")
    titles = frame.locator(".embed-events .event-title")
    titles.first.wait_for()
    assert titles.all_inner_texts() == [
        "WhatsApp pauses reviews of Hong Kong data requests",
        "Facebook pauses Hong Kong government requests for user data",
    ]
    assert frame.locator(".result-count").inner_text() == "2 events"


@pytest.mark.parametrize("path", ["/", "/events/{pk}/", "/zh-hant/"])
def test_the_rest_of_the_site_refuses_to_be_framed(page, newsroom, live_server, seeded, path):
    require_chromium()
    refused = []
    page.on(
        "response",
        lambda r: r.url.startswith(live_server.url) and refused.append(r.headers.get("x-frame-options")),
    )
    frame = frame_host(page, newsroom, live_server, path.format(pk=seeded["facebook"].pk))
    page.wait_for_timeout(500)
    assert "DENY" in refused
    assert frame.locator("main").count() == 0
    assert page.frames[1].url.startswith("chrome-error://")


def test_the_chinese_timeline_reads_in_chinese(page, live_server, seeded):
    require_chromium()
    page.set_extra_http_headers({"Accept-Language": "zh-HK,zh;q=0.9"})
    page.goto(f"{live_server.url}/?order=oldest")
    assert page.url.startswith(f"{live_server.url}/zh-hant/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("ol.events time").first.inner_text() == "2020年6月30日"
    assert page.locator(".result-count").inner_text() == "7 個事件"
    # The switcher goes back to English and remembers it.
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/?order=oldest"
    assert page.evaluate("document.documentElement.lang") == "en-GB"


def test_a_law_with_many_responses_stays_readable_on_a_phone(browser, live_server, transactional_db):
    require_chromium()
    from tests.factories import JurisdictionFactory, LawFactory

    # Another transactional test may have flushed the jurisdictions the migrations create.
    law = LawFactory(
        title="A Much Answered Act", jurisdiction=JurisdictionFactory(code="HK", name="Hong Kong")
    )
    passed = datetime.date(2020, 6, 30)
    EventFactory(law=law, action_type="law_passed", date_start=passed)
    for n in range(376):
        EventFactory(law=law, date_start=passed + datetime.timedelta(days=n))
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{law.get_absolute_url()}")
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 11, sizes
    assert page.evaluate("document.documentElement.scrollHeight") < 9000
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_few_tab_stops_before_the_first_result(page, live_server, years):
    require_chromium()
    page.goto(live_server.url)
    first = page.locator("ol.events .event-title a").first.get_attribute("href")
    stops = 0
    while page.evaluate("document.activeElement.getAttribute('href')") != first and stops < 30:
        page.keyboard.press("Tab")
        stops += 1
    # skip link, site name, 2 site links, the language, search box, button, filters, one bar of the
    # strip, "months of", the order link: then the first event
    assert stops <= 12, stops
    # Inside the strip the arrow keys move between years.
    page.locator('nav.time-strip a[aria-current="true"]').focus()
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "2017: 30 events"
    assert page.url.rstrip("/") == live_server.url.rstrip("/")  # moved focus, did not page
