"""Login throttling: after LOGIN_FAILURE_LIMIT failures for a username or from an address within
LOGIN_FAILURE_WINDOW_SECONDS, further attempts are refused until the window passes.

Counts live in the cache (Redis in production, so every web process shares them).
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from .matching import match_key


def _keys(request, username):
    keys = [f"login-failures:user:{match_key(username or '')}"]
    address = request.META.get("REMOTE_ADDR") if request is not None else None
    if address:
        keys.append(f"login-failures:addr:{address}")
    return keys


def is_locked_out(request, username):
    # An address may try several usernames before it is stopped; a username gets the limit.
    limits = [settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_FAILURE_LIMIT * 4]
    counts = cache.get_many(_keys(request, username))
    return any(
        counts.get(key, 0) >= limit for key, limit in zip(_keys(request, username), limits, strict=False)
    )


def record_failure(request, username):
    for key in _keys(request, username):
        cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_locked_out(request, username):
            raise PermissionDenied("too many failed logins")
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        if is_locked_out(self.request, self.cleaned_data.get("username")):
            minutes = max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)
            raise ValidationError(
                f"Too many failed logins. Try again in {minutes} minutes.", code="throttled"
            )
        return super().clean()


def count_failed_login(sender, credentials, request=None, **kwargs):
    # Receivers of django.contrib.auth's signals, connected in timeline.signals.
    record_failure(request, credentials.get("username"))


def forget_failed_logins(sender, request, user, **kwargs):
    cache.delete(_keys(None, user.get_username())[0])
