"""The newsroom in a real Chromium (issue 16): a phóng viên writes and submits, the biên tập viên
returns it with a comment, the writer reads it, fixes the article and submits again, the editor
publishes it and it is on the site; the autosave line, the history and the side-by-side
comparison as a person sees them, at a phone's and a desktop's width, checked by axe-core."""

import pytest
from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot, sign_in
from tests.live_server import serve

TITLE = "Phường Trung Lương ra quân làm đường giao thông nông thôn"
SIZES = [(1280, 800), (360, 740)]


@pytest.fixture
def newsroom_url(admin_app):
    with serve(admin_app) as url:
        yield url


def _person(browser, base: str, username: str, width: int = 1280, height: int = 800):
    """A signed-in browser tab of its own (a separate context: a separate session), watched for
    script errors and Content-Security-Policy violations."""
    context = reader_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    sign_in(page, base, "/quan-tri/", username)
    return page


def _type_in_body(page, text: str) -> None:
    body = page.locator(".jodit-wysiwyg")
    body.wait_for()
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def _no_overflow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def test_submit_return_fix_and_publish(browser, newsroom_url):
    writer = _person(browser, newsroom_url, "phongvien")
    writer.goto(newsroom_url + "/quan-tri/bai-viet/moi")
    writer.get_by_label("Tiêu đề").fill(TITLE)
    writer.get_by_label("Tóm tắt").fill("Bà con góp công làm 500 mét đường bê tông.")
    _type_in_body(writer, "Sáng nay, bà con tổ dân phố 3 ra quân làm đường.")
    writer.get_by_label("Chuyên mục").select_option(label="Tin tức - Sự kiện")
    status = writer.locator("#tu-luu")
    status.filter(has_text="Đã tự lưu lúc").wait_for(timeout=15000)  # autosaved a few seconds after typing
    assert writer.get_by_role("button", name="Lưu và đăng").count() == 0  # a writer cannot publish
    writer.get_by_role("button", name="Lưu và gửi duyệt").click()
    writer.wait_for_url("**/quan-tri/bai-viet/*")
    assert "Chờ duyệt" in writer.locator(".messages").inner_text()
    article_url = writer.url

    editor = _person(browser, newsroom_url, "bientap")
    awaiting = editor.locator("section", has=editor.get_by_role("heading", name="Bài chờ bạn duyệt"))
    awaiting.get_by_role("link", name=TITLE).click()
    editor.wait_for_url(article_url)
    editor.get_by_label("Ý kiến gửi kèm").fill("Cần ghi rõ số hộ tham gia và tổng kinh phí.")
    editor.get_by_role("button", name="Trả lại").click()
    editor.wait_for_url(article_url)
    assert "Bị trả lại" in editor.locator(".messages").inner_text()

    writer.goto(newsroom_url + "/quan-tri/")
    came_back = writer.locator("section", has=writer.get_by_role("heading", name="Bài bị trả lại cần sửa"))
    assert "Cần ghi rõ số hộ tham gia và tổng kinh phí." in came_back.inner_text()
    came_back.get_by_role("link", name=TITLE).click()
    assert "Cần ghi rõ số hộ tham gia" in writer.locator(".returned-note").inner_text()
    _type_in_body(writer, " Có 120 hộ tham gia, tổng kinh phí 350 triệu đồng.")
    writer.get_by_role("button", name="Gửi duyệt").click()
    writer.wait_for_url(article_url)
    assert "Chờ duyệt" in writer.locator(".messages").inner_text()

    editor.goto(article_url)
    editor.get_by_role("button", name="Duyệt và đăng").click()
    editor.wait_for_url(article_url)
    assert "Đã đăng" in editor.locator(".messages").inner_text()
    editor.get_by_role("link", name="Xem trên trang").click()
    assert editor.locator("h1").inner_text() == TITLE
    assert "120 hộ tham gia" in editor.locator(".article-body").inner_text()

    editor.goto(article_url + "/phien-ban")
    assert editor.locator(".revisions-table tbody tr").count() == 2  # the first version and the fix
    moves = editor.locator("table").nth(1).inner_text()
    for step in ("Chờ duyệt", "Bị trả lại", "Đã đăng", "Cần ghi rõ số hộ tham gia"):
        assert step in moves
    editor.get_by_role("button", name="So sánh hai bản đã chọn").click()
    added = editor.locator("ins", has_text="120")
    added.first.wait_for()  # the comparison is a new page: wait for it rather than read the old one
    assert added.count() >= 1
    assert writer.problems == [] and editor.problems == []


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_newsroom_pages_as_a_person_sees_them(browser, newsroom_url, width, height):
    editor = _person(browser, newsroom_url, "bientap", width, height)
    editor.goto(newsroom_url + "/quan-tri/bai-viet/moi")
    editor.get_by_label("Tiêu đề").fill(TITLE)
    editor.get_by_label("Tóm tắt").fill("Bà con góp công làm đường.")
    _type_in_body(editor, "Sáng nay, bà con tổ dân phố 3 ra quân làm 500 mét đường bê tông.")
    editor.get_by_role("button", name="Lưu nháp").click()
    editor.wait_for_url("**/quan-tri/bai-viet/*")
    article_url = editor.url
    editor.get_by_label("Tóm tắt").fill("Bà con tổ dân phố 3 góp tiền làm đường.")
    _type_in_body(editor, " Có 120 hộ tham gia, kinh phí 350 triệu đồng, trong đó nhân dân đóng góp 200 triệu.")
    editor.locator("#tu-luu").filter(has_text="Đã tự lưu lúc").wait_for(timeout=15000)
    screenshot(editor, f"newsroom-editor-{width}", full_page=True)
    editor.get_by_role("button", name="Lưu", exact=True).click()
    editor.wait_for_url(article_url)

    for path, name in ((f"{article_url}/phien-ban", "revisions"), (f"{article_url}/so-sanh", "diff"),
                       (newsroom_url + "/quan-tri/bai-viet", "article-list"), (newsroom_url + "/quan-tri/", "dashboard")):  # fmt: skip
        editor.goto(path)
        _no_overflow(editor)
        screenshot(editor, f"newsroom-{name}-{width}", full_page=True)
        results = axe.Axe().run(editor, options=WCAG_AA)  # WCAG 2.0/2.1 A and AA
        assert results.violations_count == 0, results.generate_report()
    editor.goto(f"{article_url}/so-sanh")
    assert editor.locator("td.diff-text del").count() >= 1 and editor.locator("td.diff-text ins").count() >= 2
    assert editor.problems == []


def test_after_an_expired_session_autosave_resumes_once_signed_in_again(browser, newsroom_url):
    writer = _person(browser, newsroom_url, "phongvien")
    writer.goto(newsroom_url + "/quan-tri/bai-viet/moi")
    writer.get_by_label("Tiêu đề").fill(TITLE)
    writer.context.clear_cookies()  # the session is over (signed out elsewhere, idle too long)
    _type_in_body(writer, "Đoạn viết sau khi phiên đăng nhập đã hết hạn.")
    status = writer.locator("#tu-luu")
    status.filter(has_text="Phiên đăng nhập đã hết hạn").wait_for(timeout=15000)
    assert writer.locator("#tu-luu.autosave-warning").count() == 1
    other_tab = writer.context.new_page()
    sign_in(other_tab, newsroom_url, "/quan-tri/", "phongvien")  # signed in again, in another tab
    status.filter(has_text="Đã tự lưu lúc").wait_for(timeout=30000)  # picked up the new session
    writer.get_by_label("Chuyên mục").select_option(label="Tin tức - Sự kiện")
    writer.get_by_role("button", name="Lưu nháp").click()  # the form's own token was renewed too
    writer.wait_for_url("**/quan-tri/bai-viet/*")
    assert "Đã lưu bài viết" in writer.locator(".messages").inner_text()
    assert "Đoạn viết sau khi phiên đăng nhập đã hết hạn." in writer.locator(".jodit-wysiwyg").inner_text()
