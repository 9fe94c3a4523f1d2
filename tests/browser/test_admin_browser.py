"""The webmaster in a real Chromium: sign in, write an article with an image in the editor,
publish it and find it on the home page; then delete one through the htmx dialog."""

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.helpers import reader_context, screenshot, sign_in
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


def test_write_publish_and_find_on_home(page, admin_url, photo):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")

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

    page.get_by_role("button", name="Lưu và đăng").click()
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


def test_an_image_sent_without_a_description_is_asked_for_again(page, admin_url, photo):
    """The server refuses it (422) in Vietnamese; the editor shows that, asks again and sends the
    same file, which lands in the body: nothing is lost, no English status text."""
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
    editor = page.locator(".jodit-wysiwyg")
    editor.wait_for()
    questions: list[str] = []
    answers = iter(["", "Cây cầu mới nhìn từ bờ sông"])  # first left empty, as in a hurry

    def answer(dialog):
        questions.append(dialog.message)
        dialog.accept(next(answers))

    page.on("dialog", answer)
    page.locator(".jodit-toolbar-button_image button").first.click()
    page.locator(".jodit-popup input[type=file]").first.set_input_files(str(photo))
    inserted = editor.locator("img")
    inserted.wait_for()
    assert len(questions) == 2
    assert "Hãy nhập mô tả ảnh" in questions[1] and "Mô tả ảnh cho người khiếm thị" in questions[1]
    assert inserted.get_attribute("src").startswith("/uploads/")
    assert "UNPROCESSABLE" not in page.content()
    screenshot(page, "editor-description-asked-again")


def test_cancelling_the_description_says_why_the_image_is_not_there(page, admin_url, photo):
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
    editor = page.locator(".jodit-wysiwyg")
    editor.wait_for()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(".jodit-toolbar-button_image button").first.click()
    page.locator(".jodit-popup input[type=file]").first.set_input_files(str(photo))
    message = page.locator(".jodit-ui-message")
    message.first.wait_for()
    assert "ảnh cần có mô tả cho người khiếm thị" in message.first.inner_text()
    assert editor.locator("img").count() == 0


def test_move_to_the_bin_through_the_dialog(page, admin_url):
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
    page.goto(admin_url + "/quan-tri/bai-viet")
    first_title = page.locator(".admin-table tbody tr td a").first.inner_text()
    page.locator(".admin-table tbody tr").first.get_by_role("link", name="Thùng rác").click()
    dialog = page.locator("dialog.confirm-dialog")
    dialog.wait_for()
    assert first_title in dialog.inner_text()
    assert page.url.endswith("/quan-tri/bai-viet")  # the dialog came in place, no navigation
    dialog.get_by_role("link", name="Huỷ").click()  # cancel closes it in place
    assert dialog.count() == 0 and page.url.endswith("/quan-tri/bai-viet")
    page.locator(".admin-table tbody tr").first.get_by_role("link", name="Thùng rác").click()
    dialog.wait_for()
    dialog.get_by_role("button", name="Chuyển vào thùng rác").click()
    page.wait_for_url("**/quan-tri/bai-viet?trang_thai=trashed")
    assert f"Đã chuyển bài “{first_title}” vào thùng rác." in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name=first_title).count() == 1  # listed in the bin, restorable


def test_the_editor_page_works_without_javascript(browser, admin_url):
    context = reader_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
        assert page.locator("textarea#body").is_visible()
        page.get_by_label("Tiêu đề").fill("Bài viết không cần JavaScript")
        page.locator("textarea#body").fill("<p>Nội dung <em>gõ tay</em>.</p>")
        page.get_by_role("button", name="Lưu và đăng").click()
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
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
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
    page.get_by_role("button", name="Lưu và đăng").click()
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


def _png_hex(colour: tuple[int, int, int], size: tuple[int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue().hex()


def _word_rtf_picture(hex_bytes: str, width: int, height: int) -> str:
    """One picture as Word writes it into the clipboard's RTF: PNG in \\shppict, WMF fallback after it."""
    lines = "\r\n".join(hex_bytes[start : start + 128] for start in range(0, len(hex_bytes), 128))
    return (
        r"{\*\shppict{\pict{\*\picprop\shplid1025{\sp{\sn shapeType}{\sv 75}}}"
        rf"\picscalex100\picscaley100\picw{width * 26}\pich{height * 26}\picwgoal{width * 15}\pichgoal{height * 15}"
        "\\pngblip\\bliptag-1{\\*\\blipuid 0123456789abcdef0123456789abcdef}\r\n" + lines + "}}"
        r"{\nonshppict{\pict\picscalex100\picscaley100\picw10\pich10\wmetafile8\bliptag-1" + "\r\n"
        "010009000003dc00000000001c00000000000400000003010800050000000b0200000000}}"
    )


WORD_PICTURES_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"></head>
<body lang=VI><!--StartFragment-->
<p class=MsoNormal>Toàn cảnh <b>lễ khánh thành</b>:<o:p></o:p></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" type="#_x0000_t75" style='width:120pt;height:80pt'>
<v:imagedata src="file:///C:/Users/CANBO~1/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=160 height=107
src="file:///C:/Users/CANBO~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="Picture_x0020_1"><![endif]><o:p></o:p></p>
<p class=MsoNormal>Người dân dự lễ.<o:p></o:p></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_2" type="#_x0000_t75" style='width:90pt;height:90pt'>
<v:imagedata src="file:///C:/Users/CANBO~1/AppData/Local/Temp/msohtmlclip1/01/clip_image003.png" o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=120 height=120
src="file:///C:/Users/CANBO~1/AppData/Local/Temp/msohtmlclip1/01/clip_image004.png" v:shapes="Picture_x0020_2"><![endif]><o:p></o:p></p>
<!--EndFragment--></body></html>"""


def test_paste_from_word_brings_the_pictures(page, admin_url, admin_app):
    """Word's clipboard as Word fills it: HTML with file:/// images and RTF carrying the same pictures.
    The pictures are taken from the RTF, uploaded with the alt texts asked for, and published."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    asked: list[str] = []
    answers = iter(["Toàn cảnh lễ khánh thành", "Người dân dự lễ"])

    def answer(dialog):
        asked.append(dialog.default_value)
        dialog.accept(next(answers))

    page.on("dialog", answer)
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
    page.get_by_label("Tiêu đề").fill("Ảnh dán cùng văn bản Word")
    editor = page.locator(".jodit-wysiwyg")
    editor.wait_for()
    editor.click()
    rtf = (
        r"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0 Times New Roman;}}\pard\plain Toàn cảnh {\b lễ khánh thành}:\par "
        + _word_rtf_picture(_png_hex((200, 40, 40), (160, 107)), 160, 107)
        + r"\par Người dân dự lễ.\par "
        + _word_rtf_picture(_png_hex((40, 160, 60), (120, 120)), 120, 120)
        + r"\par }"
    )
    page.evaluate(
        """([html, rtf]) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/rtf", rtf);
            data.setData("text/plain", "Toàn cảnh lễ khánh thành");
            document.querySelector(".jodit-wysiwyg").dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [WORD_PICTURES_HTML, rtf],
    )
    page.wait_for_function(
        """() => [...document.querySelectorAll(".jodit-wysiwyg img")]
            .filter(img => img.getAttribute("src").startsWith("/uploads/")).length === 2"""
    )
    assert asked == ["Ảnh dán từ Word 1", "Ảnh dán từ Word 2"]
    page.get_by_role("button", name="Lưu và đăng").click()
    page.wait_for_url("**/quan-tri/bai-viet/*")
    assert "Đã lưu bài viết" in page.locator(".messages").inner_text()

    page.goto(admin_url + "/")
    page.get_by_role("link", name="Ảnh dán cùng văn bản Word").first.click()
    body = page.locator(".article-body")
    assert body.locator("b, strong").first.inner_text() == "lễ khánh thành"
    pictures = body.locator("img")
    assert pictures.count() == 2
    assert [pictures.nth(n).get_attribute("alt") for n in range(2)] == ["Toàn cảnh lễ khánh thành", "Người dân dự lễ"]
    sources = [pictures.nth(n).get_attribute("src") for n in range(2)]
    assert all(src.startswith("/uploads/") for src in sources) and sources[0] != sources[1]
    for n in range(2):
        pictures.nth(n).scroll_into_view_if_needed()
        pictures.nth(n).evaluate("img => img.decode()")
    sizes = [pictures.nth(n).evaluate("img => [img.complete, img.naturalWidth, img.naturalHeight]") for n in range(2)]
    assert sizes == [[True, 160, 107], [True, 120, 120]]
    assert "file:" not in body.inner_html()
    assert errors == []

    from portal.extensions import db
    from portal.models import Media

    with admin_app.app_context():
        uploads = {media.path: media for media in db.session.query(Media).all()}
        folder = Path(admin_app.config["UPLOAD_FOLDER"])
    expected = zip(sources, ["Toàn cảnh lễ khánh thành", "Người dân dự lễ"], [(160, 107), (120, 120)])
    for src, alt, size in expected:
        media = uploads[src]
        assert (media.alt, media.width, media.height, media.mime_type) == (alt, *size, "image/png")
        assert (folder / media.filename).is_file()
