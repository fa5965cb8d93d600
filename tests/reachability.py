"""Reachability of the real services that some tests need.

A test that crosses a process boundary uses the real service. When the service is not
reachable the test is skipped with the reason, unless CI=true, where it fails instead.
"""

import os
import shutil
import signal
import socket
import subprocess
import time

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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class PrivateRedis:
    """A redis-server of a test's own on a spare loopback port, never the machine's; stopped by its
    PID. ``start()`` again after ``stop()`` brings it back on the same port, empty."""

    def __init__(self, tmp_path):
        self.binary = shutil.which("redis-server")
        self.port, self.tmp_path, self.process = free_port(), tmp_path, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        require(self.binary is not None, "redis-server (for a private Redis)")
        log = open(self.tmp_path / "redis.log", "a")  # noqa: SIM115 - the server writes to it
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        up = lambda: port_open("127.0.0.1", self.port, 0.2) or self.process.poll() is not None  # noqa: E731
        wait_for(up, 20, "redis")
        assert self.process.poll() is None, (self.tmp_path / "redis.log").read_text()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)  # a paused server cannot act on SIGTERM
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        wait_for(lambda: not port_open("127.0.0.1", self.port, 0.2), 10, "redis to stop")

    def pause(self):
        """Stop answering but keep the data and the open port: a network partition, seen from here."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)
