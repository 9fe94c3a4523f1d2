"""Two-factor sign-in (issue 16, point 4): enrolment with a code computed in the test, sign-in
with the app's code, each code once, recovery codes once, required for quản trị."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pyotp
import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditLog, RecoveryCode, User
from tests.helpers import ADMIN_PASSWORD, CODE_PAGE, AdminBrowser, totp_code
from tests.live_server import serve

ENROL = "/quan-tri/xac-thuc-hai-buoc/bat"


def _password_only(app, username: str, password: str = ADMIN_PASSWORD):
    """The first step alone: a browser that gave the right password and now faces the code page."""
    browser = AdminBrowser(app.test_client())
    token = browser.token("/quan-tri/dang-nhap")
    response = browser.client.post("/quan-tri/dang-nhap", data={"csrf_token": token, "username": username, "password": password})
    return browser, response


def _code_at(app, secret: str, step_offset: int = 0) -> str:
    with app.app_context():
        moment = clock.now().replace(tzinfo=ZoneInfo(app.config["SITE_TIMEZONE"])).timestamp()
    return pyotp.TOTP(secret).generate_otp(int(moment) // 30 + step_offset)


def _enrol(app, browser: AdminBrowser) -> tuple[str, list[str]]:
    """Set up two-factor sign-in as a person does: read the key under the QR code, type the app's code."""
    page = browser.client.get(ENROL).get_data(as_text=True)
    assert "<svg" in page and "Mã QR" in page  # drawn on the server, inline
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    done = browser.post(ENROL, {"code": _code_at(app, secret)})
    assert done.status_code == 200, done.get_data(as_text=True)
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", done.get_data(as_text=True))
    return secret, codes


def test_the_password_alone_opens_nothing_for_an_account_with_two_factor(admin_app):
    browser, response = _password_only(admin_app, "quantri")
    assert response.status_code == 302 and response.headers["Location"].startswith(CODE_PAGE)
    assert browser.client.get("/quan-tri/").headers["Location"].startswith("/quan-tri/dang-nhap")
    page = browser.client.get(CODE_PAGE)
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.get_data(as_text=True)


def test_sign_in_with_the_apps_code_keeps_the_page_asked_for(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    asked = browser.client.get("/quan-tri/bai-viet?q=x").headers["Location"]
    token = browser.token(asked)
    fields = {"csrf_token": token, "username": "quantri", "password": ADMIN_PASSWORD, "next": "/quan-tri/bai-viet?q=x"}
    code_page = browser.client.post("/quan-tri/dang-nhap", data=fields).headers["Location"]
    done = browser.enter_code(code_page, totp_code(admin_app, "quantri"))
    assert done.status_code == 302 and done.headers["Location"] == "/quan-tri/bai-viet?q=x"
    assert browser.client.get("/quan-tri/").status_code == 200


@pytest.mark.parametrize(("code", "message"), [("", "Không được để trống."), ("000000", "Mã không đúng hoặc đã được dùng.")])
def test_a_wrong_code_is_refused_and_counted(admin_app, code, message):
    browser, response = _password_only(admin_app, "quantri")
    refused = browser.enter_code(response.headers["Location"], code)
    assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    assert browser.client.get("/quan-tri/").status_code == 302
    if code:
        with admin_app.app_context():
            entry = db.session.execute(select(AuditLog).where(AuditLog.action == "sign_in_failed")).scalar_one()
            assert entry.username == "quantri" and entry.summary.startswith("sai mã xác thực, từ máy #")


def test_each_code_is_used_once(admin_app):
    code = totp_code(admin_app, "quantri")
    first, response = _password_only(admin_app, "quantri")
    assert first.enter_code(response.headers["Location"], code).status_code == 302
    second, response = _password_only(admin_app, "quantri")
    replayed = second.enter_code(response.headers["Location"], code)  # seen over a shoulder
    assert replayed.status_code == 400
    assert second.enter_code(response.headers["Location"], totp_code(admin_app, "quantri")).status_code == 302


def test_five_wrong_codes_make_the_sixth_wait(admin_app):
    browser, response = _password_only(admin_app, "quantri")
    for attempt in range(5):
        refused = browser.enter_code(response.headers["Location"], f"{attempt:06d}")
        assert refused.status_code == (429 if attempt == 4 else 400)
    blocked = browser.enter_code(response.headers["Location"], totp_code(admin_app, "quantri"))
    assert blocked.status_code == 429 and "thử lại sau" in blocked.get_data(as_text=True)


def test_the_code_page_needs_a_recent_right_password(admin_app, fixed_clock):
    admin_app.config["CLOCK"] = fixed_clock
    browser = AdminBrowser(admin_app.test_client())
    assert browser.client.get(CODE_PAGE).headers["Location"] == "/quan-tri/dang-nhap"
    browser, response = _password_only(admin_app, "quantri")
    token = browser.token(response.headers["Location"])
    fixed_clock.moment = fixed_clock.moment.replace(minute=6)  # past TWO_FACTOR_PENDING_MINUTES
    late = browser.client.post(CODE_PAGE, data={"csrf_token": token, "code": totp_code(admin_app, "quantri")})
    assert late.headers["Location"] == "/quan-tri/dang-nhap"


def test_an_admin_without_two_factor_must_set_it_up_first(admin_app):
    with admin_app.app_context():
        user = db.session.execute(select(User).where(User.username == "quantri")).scalar_one()
        user.totp_secret = user.totp_enabled_at = None
        db.session.commit()
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri").status_code == 302  # the password alone: nothing else to ask yet
    for page in ("/quan-tri/", "/quan-tri/tai-khoan", "/quan-tri/bai-viet"):
        assert browser.client.get(page).headers["Location"] == ENROL
    secret, codes = _enrol(admin_app, browser)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert browser.client.get("/quan-tri/tai-khoan").status_code == 200
    with admin_app.app_context():
        user = db.session.execute(select(User).where(User.username == "quantri")).scalar_one()
        assert user.totp_secret == secret and user.two_factor_on
        hashes = db.session.execute(select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)).scalars().all()
        assert len(hashes) == 10 and not set(codes) & set(hashes)  # kept hashed only
        assert ("quantri", "two_factor_on") in db.session.execute(select(AuditLog.username, AuditLog.action)).all()


def test_a_wrong_enrolment_code_keeps_the_same_qr_code(admin_app, writer):
    first = writer.client.get(ENROL).get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', first).group(1)
    refused = writer.post(ENROL, {"code": "12345"})
    assert refused.status_code == 400 and "Mã gồm 6 chữ số." in refused.get_data(as_text=True)
    assert secret in refused.get_data(as_text=True)
    wrong = writer.post(ENROL, {"code": "000000"})
    assert wrong.status_code == 400 and "Mã không đúng" in wrong.get_data(as_text=True)


def test_a_recovery_code_opens_once(admin_app, writer):
    secret, codes = _enrol(admin_app, writer)
    used = codes[0].upper().replace("-", " ")  # typed as read from paper
    browser, response = _password_only(admin_app, "phongvien")
    assert browser.enter_code(response.headers["Location"], used).status_code == 302
    again, response = _password_only(admin_app, "phongvien")
    assert again.enter_code(response.headers["Location"], used).status_code == 400
    status = browser.client.get("/quan-tri/xac-thuc-hai-buoc").get_data(as_text=True)
    assert "Còn <strong>9</strong> mã dự phòng" in status
    asked = browser.client.get("/quan-tri/xac-thuc-hai-buoc/ma-du-phong").get_data(as_text=True)
    assert "Các mã cũ, kể cả mã đã in hay chép, sẽ không dùng được nữa." in asked  # asked first
    renewed = browser.post("/quan-tri/xac-thuc-hai-buoc/ma-du-phong")
    fresh = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", renewed.get_data(as_text=True))
    assert len(fresh) == 10
    third, response = _password_only(admin_app, "phongvien")
    assert third.enter_code(response.headers["Location"], codes[1]).status_code == 400  # the old set is gone


def test_optional_two_factor_can_be_turned_off_with_a_code_but_not_for_quan_tri(admin_app, admin, writer):
    secret, _ = _enrol(admin_app, writer)
    off = "/quan-tri/xac-thuc-hai-buoc/tat"
    assert writer.post(off, {"code": "999999"}).status_code == 400
    done = writer.post(off, {"code": _code_at(admin_app, secret, 1)})
    assert done.status_code == 302
    with admin_app.app_context():
        assert not db.session.execute(select(User).where(User.username == "phongvien")).scalar_one().two_factor_on
    assert admin.client.get(off).headers["Location"] == "/quan-tri/xac-thuc-hai-buoc"
    assert "bắt buộc xác thực hai bước" in admin.client.get("/quan-tri/xac-thuc-hai-buoc").get_data(as_text=True)


def test_the_command_line_turns_off_a_lost_phone_of_the_only_admin(admin_app):
    result = admin_app.test_cli_runner().invoke(args=["portal", "two-factor-off", "quantri"])
    assert result.exit_code == 0 and "Đã tắt xác thực hai bước của “quantri”." in result.output
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri").status_code == 302  # the password alone …
    assert browser.client.get("/quan-tri/").headers["Location"] == ENROL  # … then set it up again
    with admin_app.app_context():
        assert ("(dòng lệnh)", "two_factor_off") in db.session.execute(select(AuditLog.username, AuditLog.action)).all()
        assert db.session.execute(select(RecoveryCode)).first() is None


class _Person:
    """A browser of its own against a live server: the password step done, the code page open."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        token = self._token("/quan-tri/dang-nhap")
        fields = {"csrf_token": token, "username": "quantri", "password": ADMIN_PASSWORD}
        self.opener.open(f"{base}/quan-tri/dang-nhap", urllib.parse.urlencode(fields).encode())
        self.token = self._token(CODE_PAGE)

    def _token(self, path: str) -> str:
        page = self.opener.open(self.base + path).read().decode()
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def enter(self, code: str) -> str:
        """The address the code step leads to (the admin when the code was taken)."""
        body = urllib.parse.urlencode({"csrf_token": self.token, "code": code}).encode()
        try:
            return self.opener.open(self.base + CODE_PAGE, body, timeout=60).geturl()
        except urllib.error.HTTPError as refused:
            return f"{refused.code}"


def test_one_code_sent_twice_at_once_signs_in_once(admin_app):
    """Requests with the same code at the same moment (a code caught in transit and raced): the
    step is claimed by one conditional UPDATE, so exactly one is let in; the others are refused,
    none fails (on PostgreSQL the winner's reset of the throttle rows once made the losers' locking
    miss a row: a 500)."""
    with serve(admin_app) as base:
        people = [_Person(base) for _ in range(4)]  # four counted tries: under the five that start a wait
        code = totp_code(admin_app, "quantri")  # once they are ready: a busy machine may take a while
        start = threading.Barrier(len(people))

        def race(person: _Person) -> str:
            start.wait()
            return person.enter(code)

        with ThreadPoolExecutor(len(people)) as pool:
            landed = list(pool.map(race, people))
    assert sorted(landed) == ["400"] * 3 + [f"{base}/quan-tri/"]
