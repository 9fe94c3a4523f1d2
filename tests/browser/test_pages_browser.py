"""The site's own pages in a real Chromium (issue 18, point 1): a reader reaches Lịch sử from the
menu on a phone and a desktop; the webmaster writes a page with the editor."""

import pytest
from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot, sign_in
from tests.live_server import serve


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.mark.parametrize("width", [360, 1280])
def test_a_reader_finds_the_history_of_the_town(browser, live_url, width):
    context = reader_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = watch(page)
    try:
        page.goto(live_url + "/")
        if width == 360:
            page.locator("summary.menu-toggle").click()
        page.get_by_role("link", name="Giới thiệu", exact=True).click()
        page.wait_for_url("**/gioi-thieu")
        page.get_by_role("link", name="Lịch sử", exact=True).click()
        page.wait_for_url("**/gioi-thieu/lich-su")
        assert page.get_by_role("heading", level=1).inner_text() == "Lịch sử"
        crumbs = page.get_by_role("navigation", name="Đường dẫn")
        assert crumbs.get_by_role("link").all_inner_texts() == ["Trang chủ", "Giới thiệu"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("h1").bounding_box()["height"] > 0
        screenshot(page, f"page-history-{width}", full_page=True)
        assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_webmaster_writes_a_page_with_the_editor(browser, admin_url, width):
    context = reader_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = watch(page)
    try:
        sign_in(page, admin_url, "/quan-tri/trang")
        results = axe.Axe().run(page, options=WCAG_AA)
        assert results.violations_count == 0, results.generate_report()
        screenshot(page, f"admin-pages-{width}", full_page=True)
        page.get_by_role("link", name="Viết trang mới").click()
        page.get_by_label("Tiêu đề").fill("Lịch công tác")
        page.get_by_label("Thuộc trang").select_option(label="Giới thiệu")
        page.locator(".jodit-wysiwyg").click()
        page.keyboard.type("Thứ Hai: giao ban đầu tuần.")
        page.get_by_label("Hiện trên trang web").check()
        screenshot(page, f"admin-page-form-{width}", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.get_by_role("button", name="Lưu").click()
        page.get_by_text("Đã lưu trang “Lịch công tác”.").wait_for()
        page.goto(admin_url + "/gioi-thieu/lich-cong-tac")
        assert "Thứ Hai: giao ban đầu tuần." in page.locator(".article-body").inner_text()
        assert errors == []
    finally:
        context.close()
