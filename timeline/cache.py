"""Caching of public reads that is invalidated the moment the data behind them changes.

Every cached page or API list is stored under a key that includes the *content version*, a
counter in the shared cache that any write to events, citations, sources, organizations, laws or
jurisdictions bumps once its transaction commits. A reader after an edit therefore asks for a key
that has never been filled and renders fresh; the old entries simply expire.

The cache is an optimization: when the shared cache fails, pages are served uncached (and a
warning logged, see ``timeline.shared_cache``). A change made while it was unreachable cannot
bump the version, so a process that saw the failure bumps it once it is back, before using the
cache again. Left open: between Redis coming back with its data (a network partition, not a
restart) and the first such bump, a process that saw no failure may serve an entry cached before
the change; entries live at most ``PUBLIC_CACHE_SECONDS``.
"""

import contextlib
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.db import transaction

from . import shared_cache

VERSION_KEY = "timeline:content-version"

# True when this process may have missed a change: it saw the shared cache fail (a write elsewhere
# may have failed to bump) or its own bump failed. The version is bumped before it is used again.
_version_unsure = False


def content_version():
    """The current content version, or None when it cannot be known: then the public cache must
    not be used at all (never serve a stale page as fresh)."""
    global _version_unsure
    try:
        if _version_unsure:
            _bump()
            _version_unsure = False
        version = shared_cache.call("content version", "get", VERSION_KEY)
        if version is None:
            shared_cache.call("content version", "add", VERSION_KEY, _new_series(), timeout=None)
            version = shared_cache.call("content version", "get", VERSION_KEY)
        return version
    except shared_cache.Unavailable:
        _version_unsure = True
        return None


def bump_content_version():
    global _version_unsure
    try:
        _bump()
    except shared_cache.Unavailable:
        _version_unsure = True  # bumped as soon as this process reaches the shared cache again


def _bump():
    try:
        shared_cache.call("content version", "incr", VERSION_KEY)
    except ValueError:  # not there (Redis restarted, or evicted it): start a new series
        shared_cache.call("content version", "add", VERSION_KEY, _new_series(), timeout=None)


def _new_series():
    # Milliseconds: a new series starts past every version an earlier series can have reached, so
    # its keys never meet entries cached under that earlier series.
    return int(time.time() * 1000)


def content_changed(**kwargs):
    """Receiver of every write to public content (connected in ``timeline.signals``)."""
    # After commit: a reader that sees the new version also sees the committed rows.
    transaction.on_commit(bump_content_version)


def request_key(prefix, request):
    """The cache key of an anonymous request, or None when the content version is unknown.

    Scheme and host are part of it: pages, feeds and API lists hold absolute links.
    """
    version = content_version()
    if version is None:
        return None
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    address = hashlib.sha256(url.encode()).hexdigest()
    accept = hashlib.sha256(request.headers.get("Accept", "").encode()).hexdigest()[:16]
    return f"{prefix}:{version}:{address}:{accept}"


def _store(key, response, seconds):
    with contextlib.suppress(shared_cache.Unavailable):  # logged; the next request renders again
        shared_cache.call("public cache", "set", key, response, seconds)


def cached_under_version(name, compute, seconds):
    """``compute()``, kept in the shared cache as ``name`` under the current content version.

    When the shared cache cannot tell the version or answer, the value is computed afresh: an
    outage never serves a stale value and never fails the request.
    """
    version = content_version()
    if version is None:
        return compute()
    key = f"{name}:{version}"
    try:
        found = shared_cache.call("public cache", "get", key)
    except shared_cache.Unavailable:
        return compute()
    if found is None:
        found = compute()
        _store(key, found, seconds)
    return found


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
            if key is None:
                return view(request, *args, **kwargs)
            try:
                cached = shared_cache.call("public cache", "get", key)
            except shared_cache.Unavailable:
                return view(request, *args, **kwargs)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(lambda rendered: _store(key, rendered, seconds))
            else:
                _store(key, response, seconds)
            return response

        return wrapper

    return decorator
