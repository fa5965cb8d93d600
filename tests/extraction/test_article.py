"""Reading what an editor gives: text, Markdown, HTML; refusing what is not an article."""

import datetime

import pytest

from timeline.extraction import MAX_ARTICLE_BYTES, ArticleError, extract, read_article

PAGE = """<!doctype html><html lang="en"><head><title>Ignored title tag</title>
<meta property="og:title" content="Court strikes down the data law">
<meta property="og:site_name" content="Example Herald">
<meta property="article:published_time" content="2022-05-06T08:00:00+02:00">
<link rel="canonical" href="https://herald.example.org/court-data-law">
<script>document.write("The ministry banned the app on Monday.")</script>
<style>p { color: red }</style></head>
<body><nav>Home · World · Tech</nav><article><h1>Court strikes down the data law</h1>
<p>The Supreme Court struck down the data retention law on May 5, 2022, in a ruling that
privacy groups had long awaited after years of litigation and several appeals.</p>
<p>Civil liberties groups welcomed the ruling and said the decision protects every user of
messaging services in the country from blanket surveillance.</p>
<script>alert("The parliament passed the law on Sunday.")</script></article></body></html>"""


def test_html_gives_its_main_text_and_metadata_without_scripts():
    article = read_article(PAGE, name="page.html")
    assert article.kind == "html"
    assert article.published == datetime.date(2022, 5, 6)
    assert article.outlet == "Example Herald"
    assert article.url == "https://herald.example.org/court-data-law"
    assert "Supreme Court struck down" in article.text
    assert "banned the app" not in article.text and "alert" not in article.text
    assert "color: red" not in article.text
    (candidate,) = extract(article).candidates
    assert (candidate.actor, candidate.action_type) == ("Supreme Court", "law_struck_down")


def test_given_values_win_over_the_pages_metadata():
    article = read_article(
        PAGE, name="page.html", published=datetime.date(2022, 5, 7), url="https://x.example/a"
    )
    assert article.published == datetime.date(2022, 5, 7) and article.url == "https://x.example/a"


def test_html_with_only_scripts_is_refused():
    page = (
        "<html><head><script>alert('The court blocked the law on Monday.')</script></head>"
        "<body></body></html>"
    )
    with pytest.raises(ArticleError, match="no article text"):
        read_article(page, name="page.html")


def test_pasted_html_is_recognised_without_a_file_name():
    assert read_article(PAGE).kind == "html"


def test_markdown_loses_its_markup():
    text = "# Title here\n\nThe **Senate** [passed](https://example.org) the bill on *May 3, 2021*.\n"
    article = read_article(text, name="story.md")
    assert article.title == "Title here"
    assert "The Senate passed the bill on May 3, 2021." in article.text


@pytest.mark.parametrize("data", ["", "   \n\t ", b"", b"\xef\xbb\xbf  "])
def test_empty_input_is_refused(data):
    with pytest.raises(ArticleError, match="empty"):
        read_article(data, name="empty.txt")


def test_a_binary_file_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(ArticleError, match="binary file"):
        read_article(png, name="photo.txt")


def test_a_file_over_the_limit_is_refused_with_its_size():
    data = b"a" * (MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match=r"the file is 5\.0 MB; articles over 5 MB are refused"):
        read_article(data, name="huge.txt")


def test_text_in_windows_1252_is_read():
    article = read_article("Le Sénat a adopté la loi le 3 mars 2021.".encode("cp1252"), name="a.txt")
    assert "Sénat" in article.text


def test_text_longer_than_any_article_is_refused():
    from timeline.extraction.article import MAX_TEXT_CHARACTERS

    with pytest.raises(ArticleError, match="more than one article: split it"):
        read_article("The Senate passed the bill. " * (MAX_TEXT_CHARACTERS // 20), name="many.txt")
