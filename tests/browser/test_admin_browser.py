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
    page.once("dialog", lambda dialog: dialog.accept("Cây cầu mới nhìn từ bờ sông"))  # the alt text prompt
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
    assert picture.get_attribute("alt") == "Cây cầu mới nhìn từ bờ sông"
    assert "320w" in picture.get_attribute("srcset")
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    assert picture.evaluate("img => img.currentSrc").rsplit("/", 1)[1].startswith(picture.get_attribute("src")[9:33])
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
    dialog.get_by_role("link", name="Huỷ").click()  # cancel closes it in place
    assert dialog.count() == 0 and page.url.endswith("/quan-tri/bai-viet")
    page.locator(".admin-table tbody tr").first.get_by_role("link", name="Xoá").click()
    dialog.wait_for()
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


WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=VI><!--StartFragment-->
<p class=MsoNormal>Đoạn đầu có <b>chữ đậm</b>, <i>chữ nghiêng</i> và <a href="https://honglinh.gov.vn">liên kết</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Mục thứ nhất<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Mục thứ hai<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'><tr>
<td width=301 style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>Ô một</p></td>
<td width=301 style='width:225.4pt'><p class=MsoNormal>Ô hai</p></td></tr></table>
<!--EndFragment--></body></html>"""


def test_paste_from_word_keeps_the_structure(page, admin_url):
    """Word's clipboard HTML (text/html as Word puts it there) pasted into the editor, saved, published."""
    _sign_in(page, admin_url)
    page.get_by_label("Tiêu đề").fill("Văn bản dán từ Word")
    editor = page.locator(".jodit-wysiwyg")
    editor.wait_for()
    editor.click()
    page.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Đoạn đầu");
            document.querySelector(".jodit-wysiwyg").dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        WORD_CLIPBOARD,
    )
    editor.locator("table").wait_for()
    page.get_by_label("Trạng thái").select_option("published")
    page.get_by_role("button", name="Lưu bài viết").click()
    page.wait_for_url("**/quan-tri/bai-viet/*")
    page.goto(admin_url + "/")
    page.get_by_role("link", name="Văn bản dán từ Word").first.click()
    body = page.locator(".article-body")
    assert body.locator("ul > li").all_inner_texts() == ["Mục thứ nhất", "Mục thứ hai"]
    assert body.locator("strong, b").first.inner_text() == "chữ đậm"
    assert body.locator("em, i").first.inner_text() == "chữ nghiêng"
    assert body.locator("a").get_attribute("href") == "https://honglinh.gov.vn"
    assert body.locator("td").all_inner_texts() == ["Ô một", "Ô hai"]
    assert body.locator("[style], [class^=Mso]").count() == 0
