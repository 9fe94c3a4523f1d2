"""On a small phone, on a desktop and at 400 % zoom nothing spills out sideways.

Screenshots of each page at each size are kept under build/screenshots/ (ignored by git)
for a person to look at.
"""


import pytest

from tests.browser.helpers import FIND_OVERFLOW, reader_context, screenshot
from tests.quality_pages import resolve

SIZES = {
    "phone": (360, 740),
    "desktop": (1280, 800),
    "zoom-400": (320, 640),  # WCAG 1.4.10 reflow: 1280 px at 400 % is 320 CSS px
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ["home", "article", "documents", "document"])
def test_nothing_overflows_horizontally(browser, live_url, demo_app, name, size):
    width, height = SIZES[size]
    context = reader_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(live_url + resolve(demo_app, name), wait_until="networkidle")
    screenshot(page, f"{name}-{width}x{height}", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    assert page.evaluate(FIND_OVERFLOW) == []
    context.close()
