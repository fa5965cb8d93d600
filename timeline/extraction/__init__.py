"""From a news article to candidate events, on text alone (no database): see ``candidates``.

``read_article`` turns what an editor gives (text, Markdown, HTML) into an ``Article``;
``extract`` finds its candidate events with what a ``Knowledge`` says is already known.
"""

from .article import MAX_ARTICLE_BYTES, Article, ArticleError, read_article
from .candidates import Candidate, Extraction, extract
from .names import Knowledge, KnownLaw, KnownOrganization

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "Candidate",
    "Extraction",
    "Knowledge",
    "KnownLaw",
    "KnownOrganization",
    "extract",
    "read_article",
]
