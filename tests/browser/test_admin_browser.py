"""The webmaster in a real Chromium: sign in, write an article with an image in the editor,
publish it and find it on the home page; then delete one through the htmx dialog."""

import io

import pytest
from PIL import Image

from tests.conftest import ADMIN_PASSWORD
from tests.live_server import serve


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "anh-cau-moi.png"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 120, 200)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def _sign_in(page, base: str) -> None:
    page.goto(base + "/quan-tri/bai-viet/moi")
    page.wait_for_url(lambda url: "/quan-tri/dang-nhap?next=" in url)
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/quan-tri/bai-viet/moi")


def test_write_publish_and_find_on_home(page, admin_url, photo):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(page, admin_url)

    page.get_by_label("Tiêu đề").fill("Khánh thành cầu Hồng Lĩnh mới")
    page.get_by_label("Tóm tắt").fill("Cây cầu nối hai phường đã thông xe.")
    editor = page.locator(".jodit-wysiwyg")
    editor.wait_for()
    editor.click()
    page.keyboard.type("Sáng nay cầu mới chính thức thông xe. ")
    page.locator(".jodit-toolbar-button_bold button").first.click()
    page.keyboard.type("Người dân rất vui mừng.")
    page.locator(".jodit-toolbar-button_image button").first.click()
    page.locator(".jodit-popup input[type=file]").first.set_input_files(str(photo))
    inserted = editor.locator("img")
    inserted.wait_for()
    assert inserted.get_attribute("src").startswith("/uploads/")

    page.get_by_label("Trạng thái").select_option("published")
    page.get_by_role("button", name="Lưu bài viết").click()
    page.wait_for_url("**/quan-tri/bai-viet/*")
    assert "Đã lưu bài viết" in page.locator(".messages").inner_text()

    page.goto(admin_url + "/")
    page.get_by_role("link", name="Khánh thành cầu Hồng Lĩnh mới").first.click()
    assert page.locator("h1").inner_text() == "Khánh thành cầu Hồng Lĩnh mới"
    body = page.locator(".article-body")
    assert body.locator("strong").inner_text() == "Người dân rất vui mừng."
    picture = body.locator("img")
    assert picture.get_attribute("src").startswith("/uploads/")
    assert picture.evaluate("img => img.complete && img.naturalWidth") == 1200
    assert errors == []


def test_delete_through_the_dialog(page, admin_url):
    _sign_in(page, admin_url)
    page.goto(admin_url + "/quan-tri/bai-viet")
    first_title = page.locator(".admin-table tbody tr td a").first.inner_text()
    page.locator(".admin-table tbody tr").first.get_by_role("link", name="Xoá").click()
    dialog = page.locator("dialog.confirm-dialog")
    dialog.wait_for()
    assert first_title in dialog.inner_text()
    assert page.url.endswith("/quan-tri/bai-viet")  # the dialog came in place, no navigation
    dialog.get_by_role("button", name="Xoá bài viết").click()
    page.wait_for_url("**/quan-tri/bai-viet")
    assert f"Đã xoá bài viết “{first_title}”." in page.locator(".messages").inner_text()


def test_the_editor_page_works_without_javascript(browser, admin_url):
    context = browser.new_context(locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    try:
        _sign_in(page, admin_url)
        assert page.locator("textarea#body").is_visible()
        page.get_by_label("Tiêu đề").fill("Bài viết không cần JavaScript")
        page.locator("textarea#body").fill("<p>Nội dung <em>gõ tay</em>.</p>")
        page.get_by_label("Trạng thái").select_option("published")
        page.get_by_role("button", name="Lưu bài viết").click()
        page.wait_for_url("**/quan-tri/bai-viet/*")
        page.goto(admin_url + "/")
        page.get_by_role("link", name="Bài viết không cần JavaScript").first.click()
        assert page.locator(".article-body em").inner_text() == "gõ tay"
    finally:
        context.close()
