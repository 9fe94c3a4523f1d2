"""What several browser tests use: a Vietnamese reader's context, screenshots for a person
to look at, and signing in to the admin through its form."""

from pathlib import Path

from tests.counters_support import BROWSER_UA
from tests.helpers import ADMIN_PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"  # ignored by git


def reader_context(browser, **options):
    """A Vietnamese reader's browser context.

    Headless Chromium says "HeadlessChrome" in its User-Agent, which the portal rightly
    takes for a scraper (not counted, cannot vote); the tests act as a reader's Chrome.
    """
    return browser.new_context(locale="vi-VN", user_agent=BROWSER_UA, **options)


def screenshot(target, name: str, **options) -> Path:
    """Save a picture of a page or an element as build/screenshots/<name>.png, for a person to
    look at; its path is printed (pytest -s, or the report of a failure)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    target.screenshot(path=path, **options)
    print(f"ảnh chụp: {path}")
    return path


def sign_in(page, base: str, path: str = "/quan-tri/") -> None:
    """Open an admin page, be sent to the sign-in form, sign in as quản trị and land on it."""
    page.goto(base + path)
    page.wait_for_url(lambda url: "/quan-tri/dang-nhap?next=" in url)
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**" + path)
