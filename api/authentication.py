"""Token authentication that counts invalid tokens per client address and refuses more after a limit.

An address that sent ``API_TOKEN_FAILURE_LIMIT`` invalid tokens within
``LOGIN_FAILURE_WINDOW_SECONDS`` gets 429 with ``Retry-After`` for every token it sends until the
window ends, valid or not (otherwise guessing could go on until a guess is right). Requests
without a token are not affected. The address is the one ``TRUSTED_PROXY_COUNT`` vouches for.
"""

import math

from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header

from timeline.client_address import client_address
from timeline.shared_cache import counters


def _key(request):
    return f"token-failures:addr:{client_address(request)}"


class ThrottledTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != self.keyword.lower().encode():
            return None  # not a token: another scheme's, or none
        if (counters.get(_key(request)) or 0) >= settings.API_TOKEN_FAILURE_LIMIT:
            raise exceptions.Throttled(
                wait=settings.LOGIN_FAILURE_WINDOW_SECONDS,
                detail=(
                    "Too many invalid API tokens from this address; try again in "
                    f"{math.ceil(settings.LOGIN_FAILURE_WINDOW_SECONDS / 60)} minutes."
                ),
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            counters.count(_key(request), settings.LOGIN_FAILURE_WINDOW_SECONDS)
            raise
