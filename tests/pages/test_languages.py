"""English at /, Traditional Chinese at /zh-hant/, chosen by URL, switcher or browser language."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_zh_hant_serves_the_timeline_in_traditional_chinese_with_chinese_dates(client, seeded):
    html = client.get("/zh-hant/?order=oldest").content.decode()
    assert '<html lang="zh-Hant"' in html
    assert '<time datetime="2020-06-30">2020年6月30日</time>' in html
    assert "2020年7月" in html  # the month heading
    assert "時間線" in html  # the interface is translated
    assert 'href="/zh-hant/events/' in html
    # The data stays in the language it was written in, and the page says so.
    assert "legislature passes the Hong Kong national security law" in html


def test_english_is_unprefixed_and_names_its_alternates(client, seeded):
    html = client.get("/").content.decode()
    assert '<html lang="en-GB"' in html
    assert '<link rel="alternate" hreflang="zh-Hant" href="http://testserver/zh-hant/">' in html
    assert '<link rel="canonical" href="http://testserver/">' in html


def test_a_browser_preferring_chinese_is_sent_to_the_chinese_page(client, seeded):
    response = client.get("/?order=oldest", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="zh-HK,zh;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/zh-hant/?order=oldest"
    assert "Accept-Language" in response["Vary"]
    # Programs reading feeds and downloads are never redirected.
    feed = client.get("/feeds/atom/", HTTP_ACCEPT_LANGUAGE="zh-HK")
    assert feed.status_code == 200


def test_the_switcher_remembers_english(client, seeded):
    response = client.get("/language/", {"language": "en-gb", "next": "/zh-hant/?q=x"})
    assert response.status_code == 302 and response["Location"] == "/?q=x"
    assert response.cookies["django_language"].value == "en-gb"
    again = client.get("/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="zh-HK")
    assert again.status_code == 200
    assert (
        client.get("/language/", {"language": "zh-hant", "next": "https://evil.example/"})["Location"]
        == "/zh-hant/"
    )


@pytest.mark.parametrize(
    ("start", "end", "precision", "approximate", "expected"),
    [
        ((2020, 7, 6), (2020, 7, 6), "day", False, "2020年7月6日"),
        ((2020, 7, 1), (2020, 7, 31), "month", False, "2020年7月"),
        ((2020, 1, 1), (2020, 12, 31), "year", True, "約2020年"),
        ((2020, 7, 1), (2020, 9, 30), "quarter", False, "2020年第3季"),
        ((2020, 6, 30), (2020, 7, 6), "day", False, "2020年6月30日至7月6日"),
        ((2020, 7, 1), (2020, 7, 10), "month", True, "2020年7月上旬"),
        ((2010, 1, 1), (2019, 12, 31), "decade", False, "2010年代"),
    ],
)
def test_dates_in_chinese_keep_their_precision(start, end, precision, approximate, expected):
    from django.utils import translation

    from timeline.date_display_i18n import display_date

    with translation.override("zh-hant"):
        text = display_date(datetime.date(*start), datetime.date(*end), precision, approximate)
    assert text == expected
