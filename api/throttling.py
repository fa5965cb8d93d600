"""Anonymous rate limit, read from settings at request time (so tests and deployments can change
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]`` without re-importing DRF)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from timeline.client_address import client_address
from timeline.shared_cache import counters


class AnonymousRateThrottle(AnonRateThrottle):
    """Per client address (``TRUSTED_PROXY_COUNT`` says which); authenticated requests are not
    limited. Over the limit: 429 with ``Retry-After``. Counts in the shared cache, in this
    process's memory while it is unreachable."""

    cache = counters

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)
