"""An editor pins an article as tiêu điểm from the article list with the keyboard alone, moves it
to the top, and sees it lead the home page (issue 19, point 1), in real Chromium."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import screenshot, sign_in
from tests.live_server import serve

TITLE = "Sơ kết thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị năm 2019"  # Xây dựng Đảng: the editor's


def about(label: str) -> re.Pattern:
    """A button's accessible name: its words, then what it acts on (read from a visually hidden part)."""
    return re.compile(rf"^{re.escape(label)}\s*: {re.escape(TITLE.split('/')[0])}")  # Playwright cannot take "/" in it


def test_an_editor_pins_an_article_with_the_keyboard_and_it_leads_the_home_page(page, admin_app):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.set_viewport_size({"width": 1280, "height": 800})
    with serve(admin_app) as base:
        sign_in(page, base, "/quan-tri/bai-viet?q=chi+thi+05", username="bientap")
        panel = page.locator("#tieu-diem")
        assert panel.get_by_role("heading").inner_text() == "Tiêu điểm trên trang chủ (2/5)"

        page.get_by_role("button", name=about("Ghim tiêu điểm")).focus()
        page.keyboard.press("Enter")
        message = panel.get_by_role("status")
        message.wait_for()
        assert message.inner_text() == f"Đã ghim “{TITLE}” làm tiêu điểm."
        expect(page.locator(":focus")).to_have_attribute("role", "status")  # the focus follows the change
        assert page.get_by_role("button", name=about("Bỏ ghim")).count() == 2  # its row says so too, and the panel

        for place in (2, 1):  # third of three: up, and up again, each time from the keyboard
            with page.expect_response(lambda response: "/di-chuyen" in response.url):
                page.get_by_role("button", name=about("▲ Lên")).press("Enter")  # focused and pressed in one step
            expect(panel.locator(".featured-list > li").nth(place - 1).get_by_role("link")).to_have_text(TITLE)
            expect(page.locator(":focus")).to_have_attribute("role", "status")  # the focus on the message again
        expect(panel.get_by_role("status")).to_have_text(f"Đã chuyển “{TITLE}” lên một bậc.")
        screenshot(page, "tieu-diem-1280")

        page.goto(base + "/")
        assert page.locator(".lead-title").inner_text() == TITLE
    assert errors == []
