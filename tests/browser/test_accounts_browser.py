"""The account pages as a person sees them (issue 16, point 4), on a phone and a desktop: the
accounts list and form, setting up two-factor sign-in from the QR code, the recovery codes, and
one's sessions; nothing spills out sideways, the QR code is drawn and square, no console error.
Screenshots under build/screenshots/accounts-*.png."""

import re
from pathlib import Path

import pyotp
import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.helpers import FIND_OVERFLOW, WCAG_AA, enter_code, reader_context, screenshot, sign_in
from tests.helpers import ADMIN_PASSWORD
from tests.live_server import serve

SIZES = {"phone": (360, 740), "desktop": (1280, 800)}


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


def _read_qr_code(picture: Path) -> str:
    """What a phone's camera reads in the picture of the QR code (zxing-cpp, the decoder of ZXing)."""
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp is missing")
    found = zxingcpp.read_barcodes(Image.open(picture).convert("L"))
    assert [result.format for result in found] == [zxingcpp.BarcodeFormat.QRCode]
    return found[0].text


@pytest.fixture(params=SIZES)
def sized(request, browser):
    """A page at one of SIZES, its width, and the console errors it logs."""
    width, height = SIZES[request.param]
    context = reader_context(browser, viewport={"width": width, "height": height})
    page, errors = context.new_page(), []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page, width, errors
    context.close()


def _looks_right(page, name: str, errors: list[str]) -> None:
    """What a person sees: a screenshot to look at, nothing sideways, no console error, no axe violation
    (these pages are not all in tests/quality_pages.py: the code step and the set-up need their state)."""
    screenshot(page, name, full_page=True)
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is missing")
    results = axe.Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    assert page.evaluate(FIND_OVERFLOW) == []
    assert errors == []


def test_quan_tri_manages_accounts(sized, admin_url):
    page, width, errors = sized
    page.goto(admin_url + "/quan-tri/tai-khoan")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/quan-tri/dang-nhap/ma-xac-thuc?next=" in url)
    assert page.get_by_label("Mã xác thực").evaluate("e => e === document.activeElement")
    _looks_right(page, f"accounts-sign-in-code-{width}", errors)
    enter_code(page)
    page.wait_for_url("**/quan-tri/tai-khoan")
    assert page.get_by_role("cell", name="phongvien").count() == 1
    _looks_right(page, f"accounts-list-{width}", errors)

    page.get_by_role("link", name="Thêm tài khoản").click()
    page.get_by_label("Tên đăng nhập").fill("ctv.binh")
    page.get_by_label("Vai trò").select_option("writer")
    page.get_by_role("button", name="Tạo tài khoản").click()  # no category: refused, values kept
    expect(page.get_by_text("Hãy chọn ít nhất một chuyên mục").first).to_be_visible()
    assert page.get_by_label("Tên đăng nhập").input_value() == "ctv.binh"
    assert errors == ["Failed to load resource: the server responded with a status of 422 (UNPROCESSABLE ENTITY)"]
    errors.clear()  # the refusal's own status, as asked
    _looks_right(page, f"accounts-form-error-{width}", errors)
    page.get_by_label("Văn hóa - Thể thao").check()
    page.get_by_role("button", name="Tạo tài khoản").click()
    assert re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", page.locator(".temporary-password code").inner_text())
    _looks_right(page, f"accounts-temporary-password-{width}", errors)

    page.goto(admin_url + "/quan-tri/nhat-ky")
    page.get_by_label("Việc").select_option(label="tạo")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("cell", name="ctv.binh (Cộng tác viên / phóng viên; chuyên mục: Văn hóa - Thể thao)")).to_be_visible()
    assert page.get_by_role("cell", name="đăng nhập", exact=True).count() == 0  # filtered out
    _looks_right(page, f"accounts-audit-{width}", errors)


def test_a_writer_sets_up_two_factor_and_sees_their_sessions(sized, admin_url):
    page, width, errors = sized
    sign_in(page, admin_url, "/quan-tri/xac-thuc-hai-buoc/bat", username="phongvien")
    qr = page.locator(".qr-code svg").bounding_box()
    assert qr["width"] >= 150 and abs(qr["width"] - qr["height"]) < 1  # big enough for a phone's camera
    assert qr["x"] + qr["width"] <= width
    _looks_right(page, f"accounts-two-factor-enrol-{width}", errors)

    secret = page.locator("code.secret").inner_text().replace(" ", "")
    assert f"secret={secret}&" in _read_qr_code(screenshot(page.locator(".qr-code"), f"accounts-qr-code-{width}"))
    page.get_by_label("Mã trong ứng dụng").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bật xác thực hai bước").click()
    page.locator(".recovery-codes li").first.wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    _looks_right(page, f"accounts-recovery-codes-{width}", errors)
    page.get_by_role("link", name="Tôi đã cất các mã, tiếp tục").click()
    expect(page.get_by_text("Còn 10 mã dự phòng chưa dùng.")).to_be_visible()  # waits for the page the click opens
    _looks_right(page, f"accounts-two-factor-on-{width}", errors)

    page.get_by_role("link", name="Phiên đăng nhập").click()
    expect(page.get_by_text("(phiên này)")).to_be_visible()
    assert page.get_by_role("cell", name=re.compile("Chrome trên Windows")).count() == 1
    _looks_right(page, f"accounts-sessions-{width}", errors)
    page.get_by_role("button", name="Đăng xuất khỏi mọi nơi").click()
    page.wait_for_url("**/quan-tri/dang-nhap")
    expect(page.get_by_text("Đã đăng xuất khỏi mọi nơi")).to_be_visible()
