"""Caching of public reads that is invalidated the moment the data behind them changes.

Every cached page or API list is stored under a key that includes the *content version*, a
counter in the shared cache that any write to events, citations, sources, organizations, laws or
jurisdictions bumps once its transaction commits. A reader after an edit therefore asks for a key
that has never been filled and renders fresh; the old entries simply expire.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "timeline:content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet (or evicted): start a new series
        cache.set(VERSION_KEY, content_version() + 1, timeout=None)


def content_changed(**kwargs):
    """Receiver of every write to public content (connected in ``timeline.signals``)."""
    # After commit: a reader that sees the new version also sees the committed rows.
    transaction.on_commit(bump_content_version)


def request_key(prefix, request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    accept = hashlib.sha256(request.headers.get("Accept", "").encode()).hexdigest()[:16]
    return f"{prefix}:{content_version()}:{path}:{accept}"


def cache_public_response(prefix, timeout=None):
    """Cache successful anonymous GET responses of a view under the current content version.

    Signed-in users and requests with credentials (editors and tokens that may see drafts)
    always get a fresh response and never fill the cache.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = settings.PUBLIC_CACHE_SECONDS if timeout is None else timeout
            if (
                request.method not in ("GET", "HEAD")
                or not seconds
                or request.user.is_authenticated
                or "HTTP_AUTHORIZATION" in request.META
            ):
                return view(request, *args, **kwargs)
            key = request_key(prefix, request)
            cached = cache.get(key)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, seconds))
            else:
                cache.set(key, response, seconds)
            return response

        return wrapper

    return decorator
