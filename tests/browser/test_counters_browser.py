"""The live counters in real Chromium: they change when someone else arrives, without a
reload, and they poll only while the tab is visible."""

import urllib.request

import pytest

from portal.counters import counting
from portal.text import format_number
from tests.browser.helpers import reader_context
from tests.counters_support import BROWSER_UA
from tests.live_server import serve

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

# Headless Chromium says "HeadlessChrome", which the counters rightly take for a bot;
# these tests play a resident with an ordinary Chrome.
HIDE_TAB = """() => {
  Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"});
  document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW_TAB = """() => {
  Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "visible"});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


@pytest.fixture
def resident(browser):
    context = reader_context(browser)
    yield context.new_page()
    context.close()


def another_visitor_arrives(base_url: str) -> None:
    """A reader without JavaScript: the home page, then its counting image."""
    for path in ("/", "/widgets/dem.gif"):
        request = urllib.request.Request(base_url + path, headers={"User-Agent": BROWSER_UA})
        with urllib.request.urlopen(request) as response:
            assert response.status == 200


def figures(page) -> list[str]:
    return page.locator("#bo-dem dd").all_inner_texts()


def test_counters_change_live_when_another_visitor_arrives(make_app, resident):
    app = make_app(demo=True, COUNTERS_REFRESH_SECONDS=1)
    with app.app_context():  # the demo's invented history already fills this month up to yesterday
        month_before = counting.current_counters().month.visits
    with serve(app) as base_url:
        with resident.expect_response("**/widgets/live?*"):  # the page's live fragment: it counts this visit
            resident.goto(base_url + "/")
        resident.wait_for_timeout(100)  # its out-of-band swap
        resident.evaluate("() => { window.sameDocument = true; }")
        total, online, today, month = (text.split()[-1] for text in figures(resident))
        assert (total, online, today, month) == ("791.936", "1", "1", format_number(month_before + 1))
        another_visitor_arrives(base_url)
        counters = resident.locator("#bo-dem dd")
        expect(counters.nth(1)).to_have_text("số người đang truy cập 2", timeout=10_000)
        expect(counters.nth(0)).to_have_text("tổng lượt truy cập 791.937")
        expect(counters.nth(2)).to_have_text("lượt truy cập hôm nay 2")
        assert resident.evaluate("() => window.sameDocument") is True  # not reloaded
        assert resident.locator("#bo-dem").count() == 1  # swapped inside, not nested
        assert resident.locator("#bo-dem").get_attribute("aria-live") == "polite"


def test_counters_pause_while_the_tab_is_hidden(make_app, resident):
    app = make_app(demo=True, COUNTERS_REFRESH_SECONDS=1)
    with serve(app) as base_url:
        resident.goto(base_url + "/")
        with resident.expect_request("**/widgets/counters"):  # polling while visible
            pass
        resident.evaluate(HIDE_TAB)
        resident.wait_for_timeout(300)  # let a request already on its way finish
        polled: list[str] = []
        resident.on("request", lambda request: polled.append(request.url) if "/widgets/counters" in request.url else None)
        resident.wait_for_timeout(3_500)
        assert polled == []


def test_counters_refresh_at_once_when_the_tab_is_shown_again(make_app, resident):
    app = make_app(demo=True, COUNTERS_REFRESH_SECONDS=600)
    with serve(app) as base_url:
        with resident.expect_response("**/widgets/live?*"):
            resident.goto(base_url + "/")
        resident.evaluate(HIDE_TAB)
        another_visitor_arrives(base_url)
        with resident.expect_request("**/widgets/counters", timeout=10_000):  # polling would take 600 s
            resident.evaluate(SHOW_TAB)
        expect(resident.locator("#bo-dem dd").nth(1)).to_have_text("số người đang truy cập 2")
