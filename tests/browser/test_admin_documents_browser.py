"""The webmaster in a real Chromium files a document: uploads its PDF, finds the fields read from
the file filled in, publishes it and sees it in the library (issue 17, point 7)."""

import pytest

from portal.demo.documents import DOCUMENTS
from portal.demo.official_files import drawn
from tests.browser.helpers import reader_context, screenshot, sign_in
from tests.live_server import serve

DECISION = next(item for item in DOCUMENTS if item.spec.number == "1250/QĐ-UBND")


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


@pytest.mark.parametrize("width", [360, 1280])
def test_upload_confirm_and_publish(browser, admin_url, tmp_path, width):
    pdf = tmp_path / "quyet-dinh-1250.pdf"
    pdf.write_bytes(drawn(DECISION.spec, "pdf"))
    context = reader_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        sign_in(page, admin_url, "/quan-tri/van-ban")
        page.get_by_label("Tệp văn bản").set_input_files(str(pdf))
        page.get_by_role("button", name="Tải lên").click()
        page.wait_for_url("**/quan-tri/van-ban/*")
        assert page.get_by_label("Số/ký hiệu").input_value() == "1250/QĐ-UBND"
        assert page.get_by_label("Ngày ban hành").input_value() == "2020-06-18"
        assert page.get_by_label("Người ký", exact=True).input_value() == "Đỗ Văn Long"
        assert page.get_by_label("Loại văn bản").locator("option:checked").inner_text() == "Quyết định"
        screenshot(page, f"admin-document-form-{width}", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.get_by_label("Trạng thái").select_option(label="Đã đăng")
        page.get_by_role("button", name="Lưu").click()
        page.get_by_text("Đã lưu văn bản 1250/QĐ-UBND.").wait_for()
        page.goto(admin_url + "/van-ban?loai=quyet-dinh&nam=2020")
        assert page.locator(".document-table .document-number").all_inner_texts().count("1250/QĐ-UBND") == 2
        assert errors == []
    finally:
        context.close()
