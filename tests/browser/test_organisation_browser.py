"""The organisation in a real Chromium (issue 18, point 3): a resident finds whom to call at the
Ban Tuyên giáo on a phone and a desktop; the webmaster's pages pass axe."""

import pytest
from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot, sign_in
from tests.live_server import serve


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


@pytest.mark.parametrize("width", [360, 1280])
def test_a_resident_finds_whom_to_call(browser, live_url, width):
    context = reader_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(live_url + "/to-chuc")
        leaders = page.locator("section[aria-labelledby=lanh-dao] .person-name").all_inner_texts()
        assert leaders[:2] == ["Nguyễn Văn An", "Trần Thị Bình"]
        photo = page.get_by_alt_text("Ảnh Nguyễn Văn An")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
        assert photo.bounding_box()["width"] > 50
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"organisation-{width}", full_page=True)
        assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        page.get_by_role("heading", name="Ban Tuyên giáo Thị ủy").get_by_role("link").click()
        page.wait_for_url("**/to-chuc/ban-tuyen-giao-thi-uy")
        lan = page.locator(".person-card", has_text="Bùi Thị Lan")
        assert lan.get_by_role("link", name="0912 345 678").get_attribute("href") == "tel:0912345678"
        with page.expect_download() as card:
            lan.get_by_role("link", name="Lưu vào danh bạ Bùi Thị Lan (vCard)").click()
        assert card.value.suggested_filename == "bui-thi-lan.vcf"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"unit-{width}", full_page=True)
        assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        assert errors == []
    finally:
        context.close()


def test_the_webmasters_organisation_pages(browser, admin_url):
    context = reader_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        sign_in(page, admin_url, "/quan-tri/to-chuc")
        for path, name in (("/quan-tri/to-chuc", "admin-organisation"), ("/quan-tri/to-chuc/don-vi/moi", "admin-unit-form"),
                           ("/quan-tri/to-chuc/nguoi/moi", "admin-person-form")):  # fmt: skip
            page.goto(admin_url + path)
            results = axe.Axe().run(page, options=WCAG_AA)
            assert results.violations_count == 0, results.generate_report()
            screenshot(page, f"{name}-1280", full_page=True)
    finally:
        context.close()
