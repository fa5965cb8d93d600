"""Embedding the timeline in another site: the ``<iframe>`` snippet and oEmbed (oembed.com).

``/embed/?<filters>`` is the only page another origin may frame (see ``timeline.urls``). oEmbed
answers for the timeline, the embed page and the organization, law and jurisdiction pages of this
site, each as the embed of the same events; anything else is a 404 as the specification asks.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from . import selectors

DEFAULT_WIDTH = 640
DEFAULT_HEIGHT = 600
MIN_SIZE = 200


class NotEmbeddable(ValueError):
    pass


def iframe(src, *, width=DEFAULT_WIDTH, height=DEFAULT_HEIGHT, title=None):
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
        'style="border:0;max-width:100%"></iframe>',
        src,
        width,
        height,
        title or _("Policy Timeline"),
    )


def embed_url(request, query):
    url = request.build_absolute_uri(reverse("timeline:embed"))
    return f"{url}?{query}" if query else url


def snippet(request, query):
    url = embed_url(request, query)
    return {"url": url, "html": iframe(url)}


def oembed_discovery_url(request):
    return (
        request.build_absolute_uri(reverse("timeline:oembed"))
        + "?"
        + urlencode({"url": request.build_absolute_uri()})
    )


# Pages whose one URL argument is the filter of the same name.
PAGE_FILTERS = ("organization", "law", "jurisdiction")


def embed_query_for(url, host):
    """The embed's query string for a page URL of this site, or ``NotEmbeddable``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        raise NotEmbeddable("not a page of this site")
    language = translation.get_language_from_path(parts.path)
    with translation.override(language or translation.get_language()):
        try:
            match = resolve(parts.path)
        except Resolver404 as error:
            raise NotEmbeddable("no such page") from error
    if match.namespace != "timeline":
        raise NotEmbeddable("not a timeline page")
    params = {k: v for k, v in parse_qsl(parts.query) if k in (*selectors.FILTER_PARAMS, "order") and v}
    if match.url_name in PAGE_FILTERS:
        params[match.url_name] = next(iter(match.kwargs.values()))
    elif match.url_name not in ("timeline", "embed"):
        raise NotEmbeddable("only timelines can be embedded")
    return language, urlencode(params)


def oembed(request, url, *, maxwidth=None, maxheight=None):
    """The oEmbed "rich" response for ``url``."""
    language, query = embed_query_for(url, request.get_host())
    width, height = DEFAULT_WIDTH, DEFAULT_HEIGHT
    if maxwidth:
        width = max(MIN_SIZE, min(width, maxwidth))
    if maxheight:
        height = max(MIN_SIZE, min(height, maxheight))
    with translation.override(language or translation.get_language()):
        src = embed_url(request, query)
        title = _("Policy Timeline")
        html = iframe(src, width=width, height=height, title=title)
    return {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Policy Timeline",
        "provider_url": request.build_absolute_uri("/"),
        "title": title,
        "html": str(html),
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
