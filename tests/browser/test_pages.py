import re

import pytest

from tests.reachability import require_chromium

pytestmark = pytest.mark.chromium

ORDERED_TITLES = [
    "China's legislature passes the Hong Kong national security law",
    "ProPrivacy welcomes Facebook's pause",
    "Facebook pauses Hong Kong government requests for user data",
    "WhatsApp pauses reviews of Hong Kong data requests",
    "Telegram stops cooperating with Hong Kong data requests",
    "Twitter pauses new Hong Kong requests for user data",
    "Google stops producing data for new Hong Kong requests",
]


def event_titles(page):
    return page.locator("ol.events .event-title").all_inner_texts()


def test_seeded_timeline_shows_the_law_then_the_responses_of_6_july(page, live_server, seeded):
    require_chromium()
    page.goto(f"{live_server.url}/?order=oldest")
    assert event_titles(page) == ORDERED_TITLES
    dates = page.locator("ol.events time").all_inner_texts()
    assert dates[0] == "30 June 2020" and dates[2:4] == ["6 July 2020", "6 July 2020"]
    assert page.locator("ol.events time").first.get_attribute("datetime") == "2020-06-30"
    assert page.locator("ol.events time").nth(1).get_attribute("datetime") == "2020-07"
    # Newest first by default: the same events, reversed.
    page.goto(live_server.url)
    assert event_titles(page) == list(reversed(ORDERED_TITLES))
    assert not page.errors


def test_a_filter_narrows_the_timeline_and_its_url_reproduces_it(page, live_server, seeded):
    require_chromium()
    page.goto(live_server.url)
    page.locator("details.filters summary").click()
    page.get_by_label("Organization (with subsidiaries)").fill("Facebook")
    page.get_by_label("From").fill("July 2020")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_load_state()
    narrowed = event_titles(page)
    assert narrowed == [
        "WhatsApp pauses reviews of Hong Kong data requests",
        "Facebook pauses Hong Kong government requests for user data",
    ]
    url = page.url
    # The name as typed (no JavaScript needed); links on the page carry the slug it means.
    assert "organization=Facebook" in url and "date_after=July+2020" in url
    other = page.context.new_page()
    other.goto(url)
    assert event_titles(other) == narrowed
    assert other.get_by_label("From").input_value() == "July 2020"
    # Download links carry the same filters.
    csv_href = other.get_by_role("link", name="CSV").get_attribute("href")
    assert "organization=facebook" in csv_href and "date_after=July+2020" in csv_href


def test_a_bad_filter_shows_a_message(page, live_server, seeded):
    require_chromium()
    response = page.goto(f"{live_server.url}/?date_before=someday")
    assert response.status == 400
    assert "date_before" in page.get_by_role("alert").inner_text()


def test_a_permalink_opens(page, live_server, seeded):
    require_chromium()
    page.goto(live_server.url)
    page.get_by_role("link", name="Facebook pauses Hong Kong government requests for user data").click()
    page.wait_for_load_state()
    assert re.search(r"/events/\d+/$", page.url)
    assert page.locator("h1").inner_text() == "Facebook pauses Hong Kong government requests for user data"
    assert page.get_by_text("We believe freedom of expression").is_visible()
    page.get_by_role("link", name="China's legislature passes the Hong Kong national security law").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "China's legislature passes the Hong Kong national security law"


def test_the_law_page_shows_its_response_chart(page, live_server, seeded):
    require_chromium()
    page.goto(f"{live_server.url}{seeded['law'].get_absolute_url()}")
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    assert chart.locator("circle.mark").count() == 5
    assert chart.locator("rect.range").count() == 1
    assert "days after the law passed" in chart.text_content()
    assert page.locator("table.responses tbody tr").count() == 6


def test_keyboard_reaches_a_visible_skip_link(page, live_server, seeded):
    require_chromium()
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize("path", ["/", "law", "event"])
def test_a_phone_sized_screenshot_is_readable(browser, live_server, seeded, tmp_path, path):
    require_chromium()
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    url = {
        "/": "/",
        "law": seeded["law"].get_absolute_url(),
        "event": seeded["whatsapp"].get_absolute_url(),
    }[path]
    page.goto(f"{live_server.url}{url}")
    shot = tmp_path / f"phone-{path.strip('/') or 'timeline'}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('main p, main li, main a, main dd')]
            .filter(e => e.offsetParent !== null)
            .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 12
    context.close()
