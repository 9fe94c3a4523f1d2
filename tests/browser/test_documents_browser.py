"""A resident finds a plan in the văn bản library and reads it on a phone, in Chromium (issue 17)."""

from tests.browser.helpers import reader_context, screenshot

PHONE = {"width": 360, "height": 740}


def test_a_resident_finds_the_plan_and_reads_its_preview_on_a_phone(browser, live_url):
    context = reader_context(browser, viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(live_url + "/")
        page.locator("summary.menu-toggle").click()
        page.get_by_role("link", name="Văn bản", exact=True).click()
        page.wait_for_url("**/van-ban")
        page.get_by_label("Tìm trong văn bản (cả nội dung tệp)").fill("ke hoach tuyen giao 2020")
        page.get_by_role("button", name="Lọc văn bản").click()
        page.wait_for_url("**/van-ban?q=ke+hoach+tuyen+giao+2020*")
        screenshot(page, "documents-search-360", full_page=True)
        first = page.locator(".document-table tbody tr").first
        assert first.locator(".document-number").inner_text() == "14-KH/BTGThU"
        first.locator(".document-number a").click()
        page.wait_for_url("**/van-ban/ke-hoach-14-kh-btgthu-*.html")
        assert page.get_by_role("heading", level=1).inner_text() == "Kế hoạch số 14-KH/BTGThU"
        preview = page.get_by_alt_text("Trang 1 của kế hoạch 14-KH/BTGThU")
        preview.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=preview.element_handle())
        box = preview.bounding_box()
        assert 250 <= box["width"] <= 360 and box["height"] > box["width"]  # a whole A4 page, as wide as the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        screenshot(page, "document-360", full_page=True)
        assert errors == []
    finally:
        context.close()


def test_the_library_on_a_desktop(browser, live_url):
    context = reader_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_url + "/van-ban")
        page.get_by_label("Loại văn bản").select_option(label="Kế hoạch")
        page.get_by_label("Năm ban hành").select_option("2020")
        page.get_by_role("button", name="Lọc văn bản").click()
        page.wait_for_url("**/van-ban?*loai=ke-hoach*")
        numbers = page.locator(".document-table .document-number").all_inner_texts()
        assert set(numbers) == {"14-KH/BTGThU", "86/KH-UBND"}
        screenshot(page, "documents-1280", full_page=True)
        page.get_by_role("link", name="14-KH/BTGThU").click()
        page.wait_for_url("**/van-ban/ke-hoach-14-kh-btgthu-*.html")
        screenshot(page, "document-1280", full_page=True)
    finally:
        context.close()
