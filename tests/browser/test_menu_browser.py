"""The main menu in a real Chromium (issue 18, point 2): on a phone it folds behind one button
with the sub-menu indented under its entry; on a desktop the sub-menu drops down on hover and
on keyboard focus."""

from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot


def test_the_menu_on_a_phone(browser, live_url):
    context = reader_context(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(live_url + "/")
        history = page.get_by_role("link", name="Lịch sử", exact=True)
        assert not history.is_visible()
        page.locator("summary.menu-toggle").click()
        about = page.get_by_role("link", name="Giới thiệu", exact=True).bounding_box()
        below = history.bounding_box()
        assert below["y"] > about["y"] and below["x"] > about["x"]  # under its entry, indented
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        screenshot(page.locator(".site-header"), "menu-360")
        history.click()
        page.wait_for_url("**/gioi-thieu/lich-su")
    finally:
        context.close()


def test_the_menu_on_a_desktop(browser, live_url):
    context = reader_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_url + "/")
        history = page.get_by_role("link", name="Lịch sử", exact=True)
        assert not history.is_visible()
        page.get_by_role("link", name="Giới thiệu", exact=True).hover()
        history.wait_for(state="visible")
        screenshot(page, "menu-1280")
        assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        page.mouse.move(5, 700)
        history.wait_for(state="hidden")
        page.get_by_role("link", name="Giới thiệu", exact=True).focus()
        page.keyboard.press("Tab")  # into the sub-menu, which stays open while it has the focus
        assert page.evaluate("document.activeElement.textContent") == "Lịch sử" and history.is_visible()
    finally:
        context.close()
