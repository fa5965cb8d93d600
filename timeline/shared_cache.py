"""The shared cache (Redis in production) without letting its outage take the site down.

Two kinds of use, two fallbacks:

- The public cache (``timeline.cache``) is an optimization: on an error it serves uncached.
- Counters (login failures, API rate limits, failed tokens) go through ``counters``, which keeps
  counting in this process's memory while the shared cache is unreachable. Each web process then
  counts on its own, so a limit allows at most the limit times the number of processes attempts during an
  outage: weaker than a shared count, still a bound, and nobody is refused for Redis's sake.

After an error the shared cache is not tried again by this process for
``SHARED_CACHE_RETRY_SECONDS``, so an outage costs one failed connection per process per interval,
not one per request; the warning is logged at most once per ``SHARED_CACHE_WARNING_SECONDS``.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache as shared
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from redis import RedisError

logger = logging.getLogger(__name__)

# What Django's Redis backend raises when Redis is down, hangs or refuses (OSError: sockets).
ERRORS = (RedisError, OSError)

_lock = threading.Lock()
_state = {"down_until": 0.0, "last_warning": None, "failures": 0}
_local = LocMemCache("timeline-shared-cache-fallback", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 100_000}})


class Unavailable(Exception):
    """The shared cache could not be used just now (it failed, or failed a moment ago)."""


def is_down():
    return time.monotonic() < _state["down_until"]


def failed(what, error):
    """Note an error of the shared cache: stop trying it for a while and warn, rate-limited."""
    now = time.monotonic()
    with _lock:
        _state["down_until"] = now + settings.SHARED_CACHE_RETRY_SECONDS
        _state["failures"] += 1
        last = _state["last_warning"]
        if last is not None and now - last < settings.SHARED_CACHE_WARNING_SECONDS:
            return
        _state["last_warning"] = now
        failures, _state["failures"] = _state["failures"], 0
    logger.warning(
        "shared cache unavailable (%s: %s); serving without it (%d error%s since the last warning)",
        what,
        error,
        failures,
        "" if failures == 1 else "s",
    )


def call(what, method, *args, **kwargs):
    """``shared.<method>(*args, **kwargs)``, or ``Unavailable`` when the shared cache is down."""
    if is_down():
        raise Unavailable(what)
    try:
        return getattr(shared, method)(*args, **kwargs)
    except ERRORS as error:
        failed(what, error)
        raise Unavailable(what) from error


def reset():
    """Forget a past outage (tests)."""
    with _lock:
        _state.update(down_until=0.0, last_warning=None, failures=0)
    _local.clear()


class _Counters:
    """The cache API that counters use: the shared cache, or this process's memory while the shared
    cache is unreachable (see the module docstring)."""

    def _run(self, method, *args, **kwargs):
        try:
            return call(f"counter {method}", method, *args, **kwargs)
        except Unavailable:
            return getattr(_local, method)(*args, **kwargs)

    def get(self, key, default=None):
        return self._run("get", key, default)

    def get_many(self, keys):
        return self._run("get_many", keys)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self._run("set", key, value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self._run("add", key, value, timeout)

    def incr(self, key, delta=1):
        return self._run("incr", key, delta)

    def delete(self, key):
        return self._run("delete", key)

    def delete_many(self, keys):
        return self._run("delete_many", keys)

    def count(self, key, timeout):
        """Add one to the count under ``key`` (a window of ``timeout`` seconds from its first
        count) and return the new count."""
        self.add(key, 0, timeout=timeout)
        try:
            return self.incr(key)
        except ValueError:  # expired between add and incr
            self.set(key, 1, timeout=timeout)
            return 1


counters = _Counters()
