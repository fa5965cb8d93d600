"""The address of the client that sent a request, as far as the deployment's proxies can vouch."""

from django.conf import settings


def client_address(request):
    """The client's address: the connection's own with no trusted proxy (``TRUSTED_PROXY_COUNT`` 0,
    X-Forwarded-For ignored), else the entry the outermost trusted proxy appended to
    X-Forwarded-For (entries to its left are whatever the client sent). The same rule as DRF's
    ``NUM_PROXIES``, read from one setting."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies <= 0 or not forwarded:
        return remote
    entries = [entry.strip() for entry in forwarded.split(",")]
    return entries[-min(proxies, len(entries))] or remote
