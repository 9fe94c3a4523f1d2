"""axe-core in real Chromium: no violation of the WCAG 2.0/2.1 A and AA rules on any page."""

import pytest

from tests.browser.helpers import WCAG_AA, sign_in
from tests.live_server import serve
from tests.quality_pages import CONFIG, PAGES, SIGNED_IN, WEBMASTER, add_webmaster, resolve

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing")


@pytest.fixture
def site(make_app):
    """The demo site, served on a free loopback port."""
    app = make_app(demo=True, **CONFIG)
    add_webmaster(app)
    with serve(app) as url:
        yield app, url


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(page, site, name):
    app, url = site
    if name in SIGNED_IN:
        sign_in(page, url, username=WEBMASTER)  # as the webmaster would, with the app's code
    page.goto(url + resolve(app, name))
    results = axe_playwright.Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


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


@pytest.mark.parametrize("name", PAGES)
def test_page_has_one_h1(page, site, name):
    app, url = site
    if name in SIGNED_IN:
        sign_in(page, url, username=WEBMASTER)  # as the webmaster would, with the app's code
    page.goto(url + resolve(app, name))
    assert page.locator("h1").count() == 1
