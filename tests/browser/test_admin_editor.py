"""The article editor in a real Chromium at a phone's and a desktop's width: nothing from another
site, no Content-Security-Policy violation, every word of its interface in Vietnamese; and a
scheduled article's status in the admin changing when its time passes."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.test_admin_browser import _sign_in
from tests.live_server import serve

SIZES = [(1280, 800), (360, 740)]
SHOTS = Path("/tmp") / "portal-editor-shots"
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
    _sign_in(page, admin_url)
    page.locator(".jodit-wysiwyg").wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"editor-{width}.png"), full_page=True)
    texts = [page.evaluate(UI_TEXT)]
    for button in ("paragraph", "image", "link", "table"):
        _open(page, f".jodit-toolbar-button_{button} button")
        texts.append(page.evaluate(UI_TEXT))
        if button == "image":
            page.screenshot(path=str(SHOTS / f"editor-image-{width}.png"))
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
