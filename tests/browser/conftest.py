"""Real headless Chromium (Debian's package) driven by Playwright.

The tests are skipped, with the reason, where chromium or Playwright is missing;
.ci/run installs chromium so that CI always runs them.
"""

import shutil
from pathlib import Path

import pytest

from portal import clock
from portal.models import Role
from portal.services import two_factor
from portal.services.accounts import create_user
from tests.browser.helpers import reader_context
from tests.helpers import ADMIN_PASSWORD, TOTP_SECRET
from tests.live_server import serve

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


@pytest.fixture
def citizens_site(make_app):
    """The demo site with a quản trị account ("quantri") and a least time to fill the citizens'
    forms of one second, served on a free loopback port (issue 18)."""
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=1, PASSWORD_HASH_PROFILE="CHEAPEST")
    with app.app_context():
        two_factor.enable(create_user("quantri", ADMIN_PASSWORD, Role.ADMIN), TOTP_SECRET, clock.now(), actor=None)
    with serve(app) as url:
        yield url


@pytest.fixture
def page(browser):
    context = reader_context(browser)
    page = context.new_page()
    yield page
    context.close()


# The browser tests that count and vote: they run on both databases (the PostgreSQL run counts
# in Redis). The others check what a person sees and does; the database work under them is
# checked on both databases by the HTTP tests of the same flows, so they are marked ``ui_only``.
COUNTING = {"test_counters_browser.py", "test_live_fragment_browser.py", "test_poll_browser.py", "test_rating_browser.py"}


@pytest.hookimpl(tryfirst=True)  # before tests/conftest.py's hook, which reads ``ui_only``
def pytest_collection_modifyitems(items):
    """Every browser test is slow (see the markers in pyproject.toml); all but the counting ones are ``ui_only``."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.slow)
            if item.path.name not in COUNTING:
                item.add_marker(pytest.mark.ui_only)
