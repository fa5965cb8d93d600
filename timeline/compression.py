"""Gzip for the public pages, feeds and downloads; not for the admin nor the API.

BREACH recovers a secret from the compressed size of a page that also reflects what an attacker
sends. Public pages, feeds and downloads hold no secret (no CSRF token, no session data); the
admin's pages do (CSRF tokens, what only editors see), so they go uncompressed. The API keeps the
responses its clients and contract tests read today (a proxy in front may compress them).
"""

from django.middleware.gzip import GZipMiddleware

UNCOMPRESSED_PREFIXES = ("/admin/", "/api/")


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNCOMPRESSED_PREFIXES):
            return response
        return super().process_response(request, response)
