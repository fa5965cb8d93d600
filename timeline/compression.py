"""Gzip for what the public reads, not for the admin.

BREACH recovers a secret from the compressed size of a page that also reflects what an attacker
sends. Public pages, feeds, downloads and the API's public reads hold no secret (no CSRF token, no
session data); the admin's pages do (CSRF tokens, what only editors see), so they go uncompressed.
"""

from django.middleware.gzip import GZipMiddleware

UNCOMPRESSED_PREFIXES = ("/admin/",)


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNCOMPRESSED_PREFIXES):
            return response
        return super().process_response(request, response)
