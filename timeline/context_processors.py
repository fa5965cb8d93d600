"""What every public page's ``<head>`` and header need: its language, canonical URL, the same page
in the other languages (``hreflang`` alternates and the language switcher)."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from . import embedding, selectors
from .language import html_lang

# The query parameters that name what a page shows (a cursor only says where the reader is).
CANONICAL_PARAMS = (*selectors.FILTER_PARAMS, "order")


# Pages oEmbed describes (as the embed of their events): they link to it.
EMBEDDABLE = ("timeline", "organization", "law", "jurisdiction")


def canonical_url(request):
    params = [(name, request.GET[name]) for name in CANONICAL_PARAMS if request.GET.get(name)]
    url = request.build_absolute_uri(request.path)
    return f"{url}?{urlencode(params)}" if params else url


def public_page(request):
    current = translation.get_language() or settings.LANGUAGE_CODE
    canonical = canonical_url(request)
    languages = []
    for code, name in settings.LANGUAGES:
        languages.append(
            {
                "code": code,
                "lang": html_lang(code),
                "name": name,
                "url": translate_url(canonical, code),
                "switch": reverse("choose_language")
                + "?"
                + urlencode({"language": code, "next": request.get_full_path()}),
                "current": code == current,
            }
        )
    match = request.resolver_match
    embeddable = match is not None and match.namespace == "timeline" and match.url_name in EMBEDDABLE
    return {
        "oembed_url": embedding.oembed_discovery_url(request) if embeddable else None,
        "html_lang": html_lang(current),
        "og_locale": translation.to_locale(current),
        "canonical_url": canonical,
        "languages": languages,
        "default_language_url": translate_url(canonical, settings.LANGUAGE_CODE),
    }
