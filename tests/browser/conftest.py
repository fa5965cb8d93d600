"""Real Chromium through Python Playwright against pytest-django's live_server.

Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run where an
event loop is running unless told it is safe, which it is here (tests only, one thread each).
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.pages.conftest import fresh_counts  # noqa: F401 - the same autouse fixture here
from tests.pages.seed import create_hong_kong_2020
from tests.reachability import CHROMIUM_PATH, require, require_chromium

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
TIMELINEJS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Pages render without a collectstatic run (the manifest storage needs one)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


@pytest.fixture
def seeded(transactional_db):
    # The live server reads the database from another thread: data must be committed.
    return create_hong_kong_2020()


def require_node_module(path):
    require(path.exists(), f"{path.relative_to(ROOT)} (run `npm ci`)")


def require_java():
    require(shutil.which("java") is not None, "java (for the Nu HTML Checker)")
