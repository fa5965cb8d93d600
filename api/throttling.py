"""Anonymous rate limit, read from settings at request time (so tests and deployments can change
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]`` without re-importing DRF)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Per client address; authenticated requests are not limited. Over the limit: 429 with
    ``Retry-After``."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
