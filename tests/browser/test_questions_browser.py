"""Hỏi đáp in a real Chromium (issue 18, point 6): a resident searches the answered questions
without diacritics and reads one, then asks their own, with and without JavaScript, on a phone
and a desktop; the moderator publishes it with the answer."""

import pytest
from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot, sign_in


@pytest.mark.parametrize(("width", "javascript"), [(360, False), (1280, True)])
def test_a_resident_reads_the_answers_and_asks(browser, citizens_site, width, javascript):
    context = reader_context(browser, viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(citizens_site + "/")
        page.get_by_role("contentinfo").get_by_role("link", name="Hỏi đáp", exact=True).click()  # the footer: the menu folds on a phone
        page.get_by_label("Tìm trong hỏi đáp (có dấu hoặc không dấu)").fill("tiep dan")
        page.get_by_role("button", name="Tìm").last.click()
        page.wait_for_url("**/hoi-dap?q=tiep+dan*")
        screenshot(page, f"questions-{width}", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if javascript:
            assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        page.get_by_role("link", name="Giờ tiếp dân của Thường trực Thị ủy").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Giờ tiếp dân của Thường trực Thị ủy"
        assert "ngày 15 hằng tháng" in page.locator(".answer").inner_text()
        assert "Người hỏi" not in page.content() and "nguoihoi@" not in page.content()  # the asker, never shown
        screenshot(page, f"question-{width}", full_page=True)
        if javascript:
            assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        page.get_by_role("link", name="Gửi câu hỏi của bạn").click()
        page.get_by_label("Họ và tên").fill("Trần Văn Nam")
        page.get_by_label("Thư điện tử").fill("nam@nha.example")
        page.get_by_label("Chủ đề").select_option(label="Thủ tục hành chính")
        page.get_by_label("Câu hỏi ngắn gọn (tiêu đề)").fill(f"Đăng ký khai sinh ({width} px)")
        page.get_by_label("Nội dung câu hỏi").fill("Đăng ký khai sinh ở phường cần giấy tờ gì?")
        page.wait_for_timeout(1100)
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.get_by_role("heading", name="Đã nhận câu hỏi của bạn").wait_for()
        assert page.locator(".reference").inner_text().startswith("HD-")
        screenshot(page, f"question-sent-{width}", full_page=True)
        assert errors == []
    finally:
        context.close()
    admin = reader_context(browser, viewport={"width": width, "height": 800}).new_page()
    try:
        sign_in(admin, citizens_site, "/quan-tri/hoi-dap")
        admin.get_by_role("link", name="HD-").first.wait_for()
        admin.locator("tr", has_text=f"Đăng ký khai sinh ({width} px)").get_by_role("link").click()
        results = axe.Axe().run(admin, options=WCAG_AA)
        assert results.violations_count == 0, results.generate_report()
        admin.get_by_label("Trả lời", exact=True).fill("Mang theo giấy chứng sinh và giấy tờ tùy thân của cha, mẹ.")
        admin.get_by_role("button", name="Đăng cùng câu trả lời").click()
        admin.get_by_text("Đã đăng câu hỏi").wait_for()
        screenshot(admin, f"admin-question-{width}", full_page=True)
        admin.get_by_role("link", name="Xem trên trang").click()
        assert "giấy chứng sinh" in admin.locator(".answer").inner_text()
        assert "Trần Văn Nam" not in admin.content()
    finally:
        admin.context.close()
