"""Deployment settings: ``DJANGO_SETTINGS_MODULE=config.production``.

Needs ``SECRET_KEY`` (50+ random characters) and ``ALLOWED_HOSTS``; see the README.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import env_bool

if not os.environ.get("SECRET_KEY") and not os.environ.get("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production")

DEBUG = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# X-Forwarded-Proto is believed only from a trusted proxy; a client reaching gunicorn directly
# could otherwise claim HTTPS on a plain connection.
if TRUSTED_PROXY_COUNT:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
