"""What several browser tests use: a Vietnamese reader's context, screenshots for a person
to look at, and signing in to the admin through its form."""

import time
from pathlib import Path

import pyotp

from tests.counters_support import BROWSER_UA
from tests.helpers import ADMIN_PASSWORD, TOTP_SECRET

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"  # ignored by git

# Elements wider than the viewport, left out: those inside a box that scrolls or clips
# them on purpose (wide tables), and the 1-px visually hidden texts.
FIND_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
  return [...document.body.querySelectorAll('*')].filter(e => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1) && !clipped(e);
  }).map(e => e.outerHTML.slice(0, 120));
}"""

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}  # axe-core's rules


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


def sign_in(page, base: str, path: str = "/quan-tri/", username: str = "quantri") -> None:
    """Open an admin page, be sent to the sign-in form, sign in (as quản trị: with the code of
    the authenticator app, TOTP_SECRET) and land on it."""
    page.goto(base + path)
    page.wait_for_url(lambda url: "/quan-tri/dang-nhap?next=" in url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    if "/ma-xac-thuc" in page.url:
        enter_code(page)
    page.wait_for_url("**" + path)


def enter_code(page) -> None:
    """Type the app's code; a code already used in this 30-second step (an earlier sign-in of
    the test) is refused, so then the next step's, which the server accepts for clock drift."""
    for ahead in (0, 30):
        page.get_by_label("Mã xác thực").fill(pyotp.TOTP(TOTP_SECRET).at(time.time() + ahead))
        page.get_by_role("button", name="Xác nhận").click()
        page.wait_for_load_state()
        if "/ma-xac-thuc" not in page.url:
            return
