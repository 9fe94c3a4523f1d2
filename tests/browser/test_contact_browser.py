"""The contact form in a real Chromium, with and without JavaScript, on a phone and a desktop
(issue 18, point 5): a mistake is shown beside its field with the words kept, then the message
goes and its reference is shown; the webmaster finds it under its unit."""

import pytest
from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot, sign_in


@pytest.mark.parametrize(("width", "javascript"), [(360, True), (1280, False)])  # each width and each way, as the questions test
def test_a_citizen_writes_to_a_unit(browser, citizens_site, width, javascript):
    context = reader_context(browser, viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    # The refused post is answered 422, which Chromium logs; anything else is a fault.
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" and "status of 422" not in message.text else None)
    try:
        page.goto(citizens_site + "/to-chuc/ban-tuyen-giao-thi-uy")
        page.get_by_role("link", name="Gửi thư liên hệ đến Ban Tuyên giáo Thị ủy").click()
        page.wait_for_url("**/lien-he?don-vi=ban-tuyen-giao-thi-uy")
        assert page.get_by_label("Gửi đến đơn vị").locator("option:checked").inner_text().endswith("Ban Tuyên giáo Thị ủy")
        assert page.get_by_label("Để trống ô này").bounding_box() is None or page.get_by_label("Để trống ô này").bounding_box()["x"] < 0
        page.get_by_label("Họ và tên").fill("Nguyễn Thị Hoa")
        page.get_by_label("Tiêu đề").fill("Hỏi về lịch tiếp dân")
        page.get_by_label("Nội dung", exact=True).fill("Xin cho biết lịch tiếp dân tháng này.")
        page.wait_for_timeout(1100)  # a person takes longer than the least time to fill
        page.get_by_role("button", name="Gửi thư").click()
        page.get_by_text("Xin cho biết thư điện tử hoặc số điện thoại").wait_for()
        assert page.get_by_label("Nội dung", exact=True).input_value() == "Xin cho biết lịch tiếp dân tháng này."
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"contact-error-{width}{'' if javascript else '-nojs'}", full_page=True)
        if javascript:  # axe runs as a script in the page
            assert axe.Axe().run(page, options=WCAG_AA).violations_count == 0
        page.get_by_label("Số điện thoại").fill("0912 345 678")
        page.wait_for_timeout(1100)
        page.get_by_role("button", name="Gửi thư").click()
        page.get_by_role("heading", name="Đã nhận thư của bạn").wait_for()
        reference = page.locator(".reference").inner_text()
        assert reference.startswith("LH-") and len(reference) == 9
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"contact-sent-{width}{'' if javascript else '-nojs'}", full_page=True)
        assert errors == []
    finally:
        context.close()
    admin = reader_context(browser, viewport={"width": width, "height": 800}).new_page()
    try:
        sign_in(admin, citizens_site, "/quan-tri/lien-he")
        admin.get_by_label("Đơn vị").select_option(label="— Ban Tuyên giáo Thị ủy")
        admin.get_by_role("button", name="Lọc").click()
        admin.get_by_role("link", name=reference).click()
        admin.wait_for_url("**/quan-tri/lien-he/*")  # the message's own page, not the list just left
        assert admin.get_by_text("0912 345 678").count() == 1
        results = axe.Axe().run(admin, options=WCAG_AA)
        assert results.violations_count == 0, results.generate_report()
        screenshot(admin, f"admin-contact-message-{width}", full_page=True)
    finally:
        admin.context.close()
