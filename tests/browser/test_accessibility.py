"""axe-core in real Chromium: no violation of the WCAG 2.0/2.1 A and AA rules on any page."""

import pytest

from tests.browser.helpers import WCAG_AA, reader_context, sign_in
from tests.live_server import serve
from tests.quality_pages import PAGES, SIGNED_IN, WEBMASTER, quality_site, resolve

pytestmark = pytest.mark.own_sqlite  # its site is SQLite whatever the run: checked once (tests/conftest.py)

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site, served on a free loopback port for the whole module: the checks only read."""
    with quality_site(tmp_path_factory.mktemp("axe")) as app, serve(app) as url:
        yield app, url


@pytest.fixture(scope="module")
def webmaster_page(browser, site):
    """One browser tab signed in as the webmaster, for every signed-in page of the module."""
    context = reader_context(browser)
    tab = context.new_page()
    sign_in(tab, site[1], username=WEBMASTER)  # as the webmaster would, with the app's code
    yield tab
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_with_one_h1(request, site, name):
    app, url = site
    page = request.getfixturevalue("webmaster_page" if name in SIGNED_IN else "page")
    page.goto(url + resolve(app, name))
    results = axe_playwright.Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1


def test_keyboard_user_skips_to_the_content_with_a_visible_focus(page, site):
    app, url = site
    page.goto(url + resolve(app, "article"))
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Bỏ qua, đến nội dung chính"
    assert skip.bounding_box()["y"] >= 0  # shown on screen once focused
    assert skip.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
