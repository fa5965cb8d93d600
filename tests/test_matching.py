import pytest

from timeline.matching import match_key, normalize_url


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.nytimes.com/2020/07/06/tech/x.html", "http://nytimes.com/2020/07/06/tech/x.html/"),
        ("https://example.org/a?b=2&a=1", "https://EXAMPLE.org/a?a=1&b=2&utm_campaign=feed"),
        ("https://example.org:443/a#section", "https://example.org/a"),
    ],
)
def test_links_to_the_same_page_normalize_alike(first, second):
    assert normalize_url(first) == normalize_url(second)


def test_different_pages_stay_different():
    assert normalize_url("https://example.org/a?id=1") != normalize_url("https://example.org/a?id=2")


@pytest.mark.parametrize(
    "bad", ["", "not a url", "ftp://example.org/file", "javascript:alert(1)", "https://"]
)
def test_what_is_not_an_http_url_is_refused_with_the_text(bad):
    with pytest.raises(ValueError, match="not an absolute http"):
        normalize_url(bad)


def test_match_key_ignores_case_accents_and_spacing():
    assert match_key("  Société   Générale ") == match_key("societe generale")
    assert match_key("WhatsApp") != match_key("WhatsApp Business")
