"""The reader's language: English at unprefixed URLs, the other languages under ``/<code>/``.

A browser that prefers a language the site has (``Accept-Language: zh-HK`` reads as ``zh-hant``,
through Django's fallbacks) is sent from an unprefixed page to its prefixed twin, unless the
reader chose English with the language switcher (the language cookie). Feeds, downloads, the
API and the admin are never redirected: programs read them at a fixed address.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

# The public HTML pages (names in the ``timeline`` namespace) a browser is redirected on.
REDIRECTED_PAGES = {"timeline", "event", "organization", "law", "jurisdiction", "embed"}


def is_public_page(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace == "timeline" and match.url_name in REDIRECTED_PAGES


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if request.method not in ("GET", "HEAD") or translation.get_language_from_path(request.path_info):
            return None
        preferred = translation.get_language_from_request(request, check_path=False)
        if preferred == settings.LANGUAGE_CODE or "text/html" not in request.headers.get("Accept", ""):
            return None
        if not is_public_page(request.path_info):
            return None
        response = HttpResponseRedirect(translate_url(request.get_full_path(), preferred))
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def html_lang(code):
    """BCP 47 with the script and region cased as the standard writes them: "zh-Hant", "en-GB"."""
    return translation.to_locale(code).replace("_", "-")


def choose_language(request):
    """The language switcher: remember the choice in the language cookie and go to the page in it.

    A GET link (no form, no CSRF token on public pages): choosing a language changes nothing but
    how pages read.
    """
    code = request.GET.get("language", "")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    with translation.override(translation.get_language_from_path(next_url) or settings.LANGUAGE_CODE):
        response = HttpResponseRedirect(translate_url(next_url, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
