"""Real headless Chromium (Debian's package) driven by Playwright.

The tests are skipped, with the reason, where chromium or Playwright is missing;
.ci/run installs chromium so that CI always runs them.
"""

import shutil
from pathlib import Path

import pytest

from tests.counters_support import BROWSER_UA
from tests.live_server import serve

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"  # ignored by git
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does it)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def live_url(demo_app):
    """The demo site served on a free loopback port."""
    with serve(demo_app) as url:
        yield url


def reader_context(browser, **options):
    """A Vietnamese reader's browser context.

    Headless Chromium says "HeadlessChrome" in its User-Agent, which the portal rightly
    takes for a scraper (not counted, cannot vote); the tests act as a reader's Chrome.
    """
    return browser.new_context(locale="vi-VN", user_agent=BROWSER_UA, **options)


@pytest.fixture
def page(browser):
    context = reader_context(browser)
    page = context.new_page()
    yield page
    context.close()


def screenshot(target, name: str, **options) -> Path:
    """Save a picture of a page or an element as build/screenshots/<name>.png, for a person to
    look at; its path is printed (pytest -s, or the report of a failure)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    target.screenshot(path=path, **options)
    print(f"ảnh chụp: {path}")
    return path
