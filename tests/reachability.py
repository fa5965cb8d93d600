"""Reachability of the real services that some tests need.

A test that crosses a process boundary uses the real service. When the service is not
reachable the test is skipped with the reason, unless CI=true, where it fails instead.
"""

import os
import socket

import pytest

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def port_open(host, port, timeout=1.0):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def require(available, what):
    """Skip (or fail under CI=true) unless ``available``."""
    if available:
        return
    message = f"{what} is not available"
    if in_ci():
        pytest.fail(f"{message}, and CI=true requires it")
    pytest.skip(message)


def require_postgres():
    require(port_open("127.0.0.1", 5432), "PostgreSQL on 127.0.0.1:5432")


def require_redis():
    require(port_open("127.0.0.1", 6379), "Redis on 127.0.0.1:6379")


def require_chromium():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require(False, "Python Playwright")
    require(os.path.exists(CHROMIUM_PATH), f"Chromium at {CHROMIUM_PATH}")
