"""The article editor in a real Chromium at a phone's and a desktop's width: nothing from another
site, no Content-Security-Policy violation, every word of its interface in Vietnamese; and a
scheduled article's status in the admin changing when its time passes."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import screenshot, sign_in
from tests.live_server import serve

SIZES = [(1280, 800), (360, 740)]
ENGLISH = [
    "Heading", "Paragraph", "Normal", "Bold", "Italic", "Underline", "Strike", "Insert", "Image", "Link",
    "Apply", "Cancel", "Source", "Advanced", "Alternative", "Class", "Powered", "Jodit", "Upload", "Browse",
    "Align", "Undo", "Redo", "Table", "Quote", "Font", "Size", "Chars", "Words", "Full size", "Title", "follow",
    "Open", "Src", "Width", "Height", "Border", "Margin", "Style", "Delete", "Edit", "Text", "Drop", "click",
]
ENGLISH_WORD = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)

WATCH = """(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", event => window.cspViolations.push(
        event.violatedDirective + " " + (event.blockedURI || "inline") + " " + (event.sample || "") + " "
        + (event.target && event.target.outerHTML ? event.target.outerHTML.slice(0, 120) : "") + " "
        + event.sourceFile + ":" + event.lineNumber + ":" + event.columnNumber), true);
})();"""

UI_TEXT = """() => {
    const seen = [];
    document.querySelectorAll(".jodit-container, .jodit-popup, .jodit-dialog, .jodit").forEach(root => {
        seen.push(root.innerText);
        root.querySelectorAll("[title], [aria-label], [placeholder], [data-placeholder]").forEach(el => {
            ["title", "aria-label", "placeholder", "data-placeholder"].forEach(name => {
                if (el.getAttribute(name)) seen.push(el.getAttribute(name));
            });
        });
    });
    return seen.join("\\n");
}"""


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


def _english(text: str) -> list[str]:
    return sorted({match.group(0) for match in ENGLISH_WORD.finditer(text)})


def _watched(page, base: str) -> list[str]:
    """Every request to another host, from now on."""
    host = urlsplit(base).netloc
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).netloc not in {host, ""} and not request.url.startswith("data:") else None)
    page.add_init_script(WATCH)
    return foreign


def _open(page, selector: str) -> None:
    page.locator(selector).first.click()
    page.wait_for_timeout(300)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_editor_is_local_and_vietnamese(page, admin_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    foreign = _watched(page, admin_url)
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")
    page.locator(".jodit-wysiwyg").wait_for()
    screenshot(page, f"editor-{width}", full_page=True)
    texts = [page.evaluate(UI_TEXT)]
    for button in ("paragraph", "image", "link", "table"):
        _open(page, f".jodit-toolbar-button_{button} button")
        texts.append(page.evaluate(UI_TEXT))
        if button == "image":
            screenshot(page, f"editor-image-{width}")
        page.keyboard.press("Escape")
    _open(page, ".jodit-toolbar-button_source button")  # the HTML source view
    assert page.locator(".jodit-source textarea, textarea.jodit-source__mirror").count() >= 1
    texts.append(page.evaluate(UI_TEXT))
    _open(page, ".jodit-toolbar-button_source button")
    text = "\n".join(texts)
    assert _english(text) == [], text
    assert page.evaluate("window.cspViolations") == []
    assert foreign == []
    assert "POWERED" not in page.content().upper().replace("HIDEPOWEREDBY", "")


def _row_status(page, title: str) -> str:
    return page.locator("tr", has=page.get_by_role("link", name=title)).locator("td").nth(2).inner_text()


def _dashboard_count(page, base: str, label: str) -> int:
    page.goto(base + "/quan-tri/")
    text = page.locator(".stat-list").get_by_role("link", name=re.compile(label)).inner_text()
    return int(text.split(":")[1].strip().replace(".", ""))


def test_a_scheduled_article_shows_as_published_once_its_time_passes(page, admin_app, admin_url, fixed_clock):
    """Scheduled in the editor for 50 minutes from now; an hour later (the test's clock, moved while
    the webmaster keeps working, so the session stays alive) the list, the filter and the dashboard
    say published, as the public site does, and it sorts first."""
    title = "Lịch tiếp công dân tháng 7"
    sign_in(page, admin_url, "/quan-tri/bai-viet/moi")  # the authenticator's code is of the real time
    admin_app.config["CLOCK"] = fixed_clock
    scheduled_before = _dashboard_count(page, admin_url, "Hẹn giờ")
    published_before = _dashboard_count(page, admin_url, "Đã đăng")
    page.goto(admin_url + "/quan-tri/bai-viet/moi")
    page.get_by_label("Tiêu đề").fill(title)
    page.locator(".jodit-wysiwyg").click()
    page.keyboard.type("Lãnh đạo thị xã tiếp công dân vào thứ Năm hằng tuần.")
    page.get_by_label("Thời điểm đăng").fill((fixed_clock() + timedelta(minutes=50)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Lưu và đăng").click()
    page.wait_for_url("**/quan-tri/bai-viet/*")
    page.goto(admin_url + "/quan-tri/bai-viet")
    assert _row_status(page, title) == "Hẹn giờ"
    assert _dashboard_count(page, admin_url, "Hẹn giờ") == scheduled_before + 1
    assert page.request.get(admin_url + "/").text().count(title) == 0  # not public yet

    fixed_clock.moment += timedelta(minutes=30)
    page.goto(admin_url + "/quan-tri/bai-viet")
    assert _row_status(page, title) == "Hẹn giờ"  # 20 minutes to go
    fixed_clock.moment += timedelta(minutes=30)
    page.goto(admin_url + "/quan-tri/bai-viet")
    assert _row_status(page, title) == "Đã đăng"
    assert page.locator("tbody tr").first.get_by_role("link", name=title).count() == 1  # newest first
    page.goto(admin_url + "/quan-tri/bai-viet?trang_thai=published")
    assert _row_status(page, title) == "Đã đăng"
    assert _dashboard_count(page, admin_url, "Hẹn giờ") == scheduled_before
    assert _dashboard_count(page, admin_url, "Đã đăng") == published_before + 1
    assert title in page.request.get(admin_url + "/").text()
    page.goto(admin_url + "/quan-tri/bai-viet")
    screenshot(page, "scheduled-now-published")
