"""Login throttling that stops password guessing without letting anyone lock others out.

Failed logins are counted over ``LOGIN_FAILURE_WINDOW_SECONDS`` by the client's real address
(``timeline.client_address``: behind a proxy, not the proxy's):

- per username and address pair: at ``LOGIN_FAILURE_LIMIT`` that pair is refused for the window.
  Someone guessing from one place is stopped; the account's owner elsewhere is not.
- per username from anywhere: from ``LOGIN_FAILURE_LIMIT`` on, each attempt must wait after the
  last failure, 1, 2, 4... seconds up to ``LOGIN_MAX_DELAY_SECONDS``: guessing from many addresses
  slows to a crawl while the owner still gets in after a short wait. Only at
  ``LOGIN_USERNAME_LOCK_LIMIT`` failures is the username refused outright for the window.
- per address over all usernames (one password tried on many accounts): the same waits from
  ``LOGIN_ADDRESS_DELAY_FROM`` failures, no lock.

A refused attempt checks no password and is not counted, so hammering a refused login does not
extend the refusal or lock the account.

Counts live in the shared cache (Redis in production, so every web process shares them). While it
is unreachable each process keeps its own count (``timeline.shared_cache.counters``) rather than
refusing every login: the editors keep the admin, and guessing stays bounded, by the limits
times the number of web processes.
"""

import math
import time

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError

from .client_address import client_address
from .matching import match_key
from .shared_cache import counters


def _keys(request, username):
    user = match_key(username or "")
    address = client_address(request) if request is not None else ""
    keys = {
        "pair": f"login-failures:pair:{user}:{address}",
        "user": f"login-failures:user:{user}",
        "user_last": f"login-failures:user-last:{user}",
    }
    if address:  # attempts with no known address (no request) share no address count
        keys.update(
            address=f"login-failures:addr:{address}", address_last=f"login-failures:addr-last:{address}"
        )
    return keys


def _wait(failures, last_failure, delay_from):
    """Seconds still to wait after ``failures`` failures, the last at ``last_failure``."""
    if failures < delay_from or last_failure is None:
        return 0
    delay = min(2 ** min(failures - delay_from, 32), settings.LOGIN_MAX_DELAY_SECONDS)
    return max(0, last_failure + delay - time.time())


def refusal(request, username):
    """Why a login attempt must be refused now, without checking its password; None if it may go on."""
    keys = _keys(request, username)
    found = counters.get_many(list(keys.values()))
    value = {
        name: found.get(keys.get(name)) for name in ("pair", "user", "user_last", "address", "address_last")
    }
    minutes = max(1, math.ceil(settings.LOGIN_FAILURE_WINDOW_SECONDS / 60))
    if (value["pair"] or 0) >= settings.LOGIN_FAILURE_LIMIT:
        return f"Too many failed logins. Try again in {minutes} minutes."
    if (value["user"] or 0) >= settings.LOGIN_USERNAME_LOCK_LIMIT:
        return f"Too many failed logins for this account. Try again in {minutes} minutes."
    wait = max(
        _wait(value["user"] or 0, value["user_last"], settings.LOGIN_FAILURE_LIMIT),
        _wait(value["address"] or 0, value["address_last"], settings.LOGIN_ADDRESS_DELAY_FROM),
    )
    if wait > 0:
        seconds = math.ceil(wait)
        return f"Too many failed logins. Wait {seconds} second{'s' if seconds != 1 else ''} and try again."
    return None


def is_locked_out(request, username):
    return refusal(request, username) is not None


def record_failure(request, username):
    keys = _keys(request, username)
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    now = time.time()
    counters.count(keys["pair"], window)
    counters.count(keys["user"], window)
    counters.set(keys["user_last"], now, window)
    if "address" in keys:
        counters.count(keys["address"], window)
        counters.set(keys["address_last"], now, window)


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        reason = refusal(request, username)
        if reason is not None:
            raise PermissionDenied(reason)
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        reason = refusal(self.request, self.cleaned_data.get("username"))
        if reason is not None:
            raise ValidationError(reason, code="throttled")
        return super().clean()


def count_failed_login(sender, credentials, request=None, **kwargs):
    # A receiver of django.contrib.auth's signal, connected in timeline.signals. Only attempts that
    # got to check a password count (the backend refuses the others).
    username = credentials.get("username")
    if refusal(request, username) is None:
        record_failure(request, username)


def forget_failed_logins(sender, request, user, **kwargs):
    # The pair only: the username's count from elsewhere is someone else's guessing.
    counters.delete(_keys(request, user.get_username())["pair"])
