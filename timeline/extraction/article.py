"""An article as the extractor reads it: its main text and what is known about it.

``read_article`` takes what an editor pastes or a folder holds (plain text, Markdown or HTML,
as ``str`` or ``bytes``) and refuses, with ``ArticleError`` naming what is wrong, what is not an
article: nothing, a binary file, a file over ``MAX_ARTICLE_BYTES``, HTML with no text. HTML goes
through trafilatura: the main text and its metadata (title, date, outlet, canonical URL); scripts,
styles and markup are dropped, never run and never read as text.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

# A long feature is about 100 KB of text; 5 MB of HTML is far beyond any real article page, and
# 500,000 characters of text (some 80,000 words, read in about 4 s) beyond any one article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARACTERS = 500_000
KINDS = ("text", "markdown", "html")

_HTML_SNIFF = re.compile(
    r"^\s*(?:<!doctype html|<html|<head|<body|<article|<(?:p|div|meta|title)[\s>])", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BLANK = re.compile(r"[ \t\f\v\u00a0]+")


class ArticleError(ValueError):
    """The input cannot be read as an article; the message says what is wrong."""


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    published: _dt.date | None = None
    outlet: str = ""
    url: str = ""
    language: str = ""
    kind: str = "text"


def kind_of(name: str = "", content_type: str = "", text: str = "") -> str:
    """text, markdown or html: from the file name, else the content type, else the text itself."""
    name = (name or "").lower()
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".md", ".markdown")):
        return "markdown"
    if name.endswith(".txt"):
        return "text"
    content_type = (content_type or "").lower()
    if "html" in content_type:
        return "html"
    if "markdown" in content_type:
        return "markdown"
    return "html" if _HTML_SNIFF.match(text[:2000]) else "text"


def decode(data: bytes, *, name: str = "") -> str:
    """The text of ``data``; ``ArticleError`` for what is too large or not text at all."""
    label = f"{name}: " if name else ""
    check_size(len(data), name=name)
    if b"\x00" in data[:65536]:
        raise ArticleError(f"{label}this is a binary file, not an article (text, Markdown or HTML)")
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("cp1252", errors="replace")
    if len(_CONTROL.findall(text[:65536])) > 8:
        raise ArticleError(f"{label}this is a binary file, not an article (text, Markdown or HTML)")
    return text


def check_size(size: int, *, name: str = "", limit: int = MAX_ARTICLE_BYTES) -> None:
    if size > limit:
        label = f"{name}: " if name else ""
        raise ArticleError(
            f"{label}the file is {size / 1024 / 1024:.1f} MB; articles over "
            f"{limit / 1024 / 1024:.0f} MB are refused (is it really one article?)"
        )


def read_article(
    data: str | bytes,
    *,
    name: str = "",
    content_type: str = "",
    kind: str = "",
    published: _dt.date | None = None,
    url: str = "",
    language: str = "",
    outlet: str = "",
    title: str = "",
) -> Article:
    """The article in ``data``; given values win over what the HTML metadata says."""
    label = f"{name}: " if name else ""
    if isinstance(data, bytes):
        text = decode(data, name=name)
    else:
        check_size(len(data.encode("utf-8", errors="ignore")), name=name)
        text = data
    if not text.strip():
        raise ArticleError(f"{label}the article is empty")
    kind = kind or kind_of(name, content_type, text)
    if kind not in KINDS:
        raise ArticleError(f"{label}unknown article kind {kind!r}: one of {', '.join(KINDS)}")
    if kind == "html":
        article = _from_html(text, label)
    elif kind == "markdown":
        article = _from_markdown(text)
    else:
        article = Article(text=_tidy(text), title=_first_line(text))
    if not article.text.strip():
        raise ArticleError(f"{label}no article text found")
    if len(article.text) > MAX_TEXT_CHARACTERS:
        raise ArticleError(
            f"{label}the text is {len(article.text):,} characters; over {MAX_TEXT_CHARACTERS:,} is more "
            "than one article: split it"
        )
    given = {"published": published, "url": url, "language": language, "outlet": outlet, "title": title}
    given = {key: value for key, value in given.items() if value}
    return replace(article, **given)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    return "\n".join(_BLANK.sub(" ", line).strip() for line in text.split("\n")).strip()


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _from_html(html: str, label: str) -> Article:
    # Imported on the first HTML page: trafilatura (lxml and its models) costs about 0.3 s to load,
    # which plain-text articles, the admin and the API's other pages need not pay.
    import trafilatura  # noqa: PLC0415

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as error:  # lxml raises many kinds on broken markup
        raise ArticleError(f"{label}the HTML could not be read ({error.__class__.__name__})") from error
    if document is None or not (document.text or "").strip():
        raise ArticleError(f"{label}no article text found in the HTML (only markup, scripts or navigation?)")
    published = None
    if document.date:
        try:
            published = _dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return Article(
        text=_tidy(document.text),
        title=(document.title or "").strip(),
        published=published,
        outlet=(document.sitename or "").strip(),
        url=(document.url or "").strip(),
        language=(document.language or "").strip().lower()[:2],
        kind="html",
    )


_MD_RULES = (
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"^\s{0,3}(?:#{1,6}\s*|>\s?|[-*+]\s+|\d+[.)]\s+)", re.M), ""),
    (re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.M), ""),
)


def _from_markdown(text: str) -> Article:
    heading = re.search(r"^\s{0,3}#\s+(.+)$", text, re.M)
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    text = _tidy(text)
    return Article(
        text=text, title=heading.group(1).strip() if heading else _first_line(text), kind="markdown"
    )
