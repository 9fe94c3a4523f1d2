"""Issue 13, points 3 and 4: sign-in throttling that holds under concurrency and cannot be
turned against the owner, and admin sessions that end on the server."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import select

from portal.extensions import db
from portal.models import AdminSession, AuditLog, SignInThrottle, User
from portal.services import accounts
from tests.helpers import AdminBrowser
from tests.live_server import serve

WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


class _Guesser:
    """One browser of its own (cookie jar, CSRF token) that posts one sign-in when told."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(f"{base}/quan-tri/dang-nhap").read().decode()
        self.token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def guess(self, username: str, password: str) -> tuple[int, str]:
        body = urllib.parse.urlencode({"csrf_token": self.token, "username": username, "password": password})
        try:
            response = self.opener.open(f"{self.base}/quan-tri/dang-nhap", body.encode(), timeout=60)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def test_sixty_simultaneous_guesses_check_exactly_five_passwords(admin_app):
    with serve(admin_app) as base:
        guessers = [_Guesser(base) for _ in range(60)]
        start = threading.Barrier(60)

        def guess(guesser: _Guesser) -> tuple[int, str]:
            start.wait()
            return guesser.guess("quantri", "sai-mat-khau")

        with ThreadPoolExecutor(60) as pool:
            answers = list(pool.map(guess, guessers))
    checked = [page for _, page in answers if WRONG in page]
    assert len(checked) == 5  # a counted try is a checked password; every other one was refused first
    assert sorted(status for status, _ in answers).count(429) == 56  # the fifth failure answers 429 too
    with admin_app.app_context():
        account = db.session.get(SignInThrottle, "user:quantri")
        assert account.failures == 5


def test_remaining_tries_are_shown(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    for left in (4, 3, 2, 1):
        page = browser.sign_in("quantri", "sai-mat-khau").get_data(as_text=True)
        assert f"{WRONG} Còn {left} lần thử." in page
    last = browser.sign_in("quantri", "sai-mat-khau")
    assert last.status_code == 429
    assert f"{WRONG} Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in last.get_data(as_text=True)


def test_a_colleague_behind_the_same_address_still_signs_in(admin_app):
    office = "198.51.100.7"
    stranger = AdminBrowser(admin_app.test_client())
    stranger.client.environ_base["REMOTE_ADDR"] = office
    for _ in range(5):
        stranger.sign_in("quantri", "sai-mat-khau")
    assert stranger.sign_in("quantri").status_code == 429  # this account from this address waits
    colleague = AdminBrowser(admin_app.test_client())
    colleague.client.environ_base["REMOTE_ADDR"] = office
    assert colleague.sign_in("bientap").status_code == 302
    owner = AdminBrowser(admin_app.test_client())
    owner.client.environ_base["REMOTE_ADDR"] = "192.0.2.1"  # the webmaster at home is not locked out
    assert owner.sign_in("quantri").status_code == 302


def test_one_address_trying_many_names_is_stopped(admin_app):
    admin_app.config["SIGN_IN_ADDRESS_MAX_FAILURES"] = 8
    browser = AdminBrowser(admin_app.test_client())
    for attempt in range(8):
        browser.sign_in(f"khong-co-{attempt}", "sai-mat-khau")
    assert browser.sign_in("bientap").status_code == 429


def test_the_account_is_slowed_with_growing_delays_not_locked(admin_app, fixed_clock):
    admin_app.config |= {"CLOCK": fixed_clock, "SIGN_IN_ACCOUNT_FREE_FAILURES": 3}
    attackers = [AdminBrowser(admin_app.test_client()) for _ in range(6)]
    for number, attacker in enumerate(attackers[:3]):
        attacker.client.environ_base["REMOTE_ADDR"] = f"203.0.113.{number}"
        assert attacker.sign_in("quantri", "sai-mat-khau").status_code == 400
    waits = []
    for number, attacker in enumerate(attackers[3:], start=3):
        attacker.client.environ_base["REMOTE_ADDR"] = f"203.0.113.{number}"
        page = attacker.sign_in("quantri", "sai-mat-khau").get_data(as_text=True)
        waits.append(int(re.search(r"thử lại sau (\d+) giây", page).group(1)))
        refused = attacker.sign_in("quantri", "sai-mat-khau")  # within the delay: not even checked
        assert refused.status_code == 429 and WRONG not in refused.get_data(as_text=True)
        fixed_clock.moment += timedelta(seconds=waits[-1])
    assert waits == [1, 2, 4]
    assert AdminBrowser(admin_app.test_client()).sign_in("quantri").status_code == 302


def _copied_cookie(admin_app) -> tuple[AdminBrowser, str]:
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri").status_code == 302
    return browser, browser.client.get_cookie("session").value


def _opens_admin(admin_app, cookie: str) -> bool:
    thief = admin_app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get("/quan-tri/").status_code == 200


def test_a_copied_cookie_is_refused_after_sign_out(admin_app):
    browser, copy = _copied_cookie(admin_app)
    assert _opens_admin(admin_app, copy)
    browser.post("/quan-tri/dang-xuat", form_url="/quan-tri/")
    assert not _opens_admin(admin_app, copy)


def test_sign_out_ends_only_the_session_it_comes_from(admin_app):
    _, elsewhere = _copied_cookie(admin_app)
    browser, _ = _copied_cookie(admin_app)
    browser.post("/quan-tri/dang-xuat", form_url="/quan-tri/")
    assert _opens_admin(admin_app, elsewhere)


def test_a_new_password_or_a_disabled_account_ends_every_session(admin_app, fixed_clock):
    copies = [_copied_cookie(admin_app)[1] for _ in range(2)]
    with admin_app.app_context():
        user = db.session.execute(select(User).where(User.username == "quantri")).scalar_one()
        accounts.change_password(user, "mot-mat-khau-moi-dai", fixed_clock(), actor=None)
    assert not any(_opens_admin(admin_app, copy) for copy in copies)
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri", "mot-mat-khau-moi-dai").status_code == 302
    copy = browser.client.get_cookie("session").value
    with admin_app.app_context():
        user = db.session.execute(select(User).where(User.username == "quantri")).scalar_one()
        accounts.set_active(user, False, fixed_clock(), actor=None)
        accounts.set_active(user, True, fixed_clock(), actor=None)  # enabling again does not bring the sessions back
    assert not _opens_admin(admin_app, copy)


def test_changing_ones_own_password_in_the_admin_ends_the_other_sessions(admin_app):
    """The webmaster, signed in at the office and on a phone, changes the password on the phone:
    the office session (a copied cookie, as a thief would hold) is out, the phone stays in."""
    _, office = _copied_cookie(admin_app)
    phone, _ = _copied_cookie(admin_app)
    url = "/quan-tri/doi-mat-khau"
    assert 'href="/quan-tri/doi-mat-khau"' in phone.client.get("/quan-tri/").get_data(as_text=True)
    fields = {"current": "mat-khau-rat-dai-2020", "new": "mot-mat-khau-moi-dai", "confirm": "mot-mat-khau-moi-dai"}
    cases = [
        ({"confirm": "khac-han-mat-khau"}, 422, "Hai lần nhập mật khẩu mới không giống nhau."),
        ({"new": "ngan", "confirm": "ngan"}, 422, "Mật khẩu phải có ít nhất 12 ký tự (hiện có 4)."),
        ({"current": "sai-mat-khau"}, 400, "Mật khẩu hiện tại không đúng. Còn 4 lần thử."),
    ]
    for changed, status, message in cases:
        refused = phone.post(url, fields | changed)
        assert refused.status_code == status and message in refused.get_data(as_text=True)
    assert _opens_admin(admin_app, office)  # nothing changed yet
    done = phone.post(url, fields)
    assert done.status_code == 302 and done.headers["Location"] == "/quan-tri/"
    assert "Đã đổi mật khẩu" in phone.client.get("/quan-tri/").get_data(as_text=True)
    assert not _opens_admin(admin_app, office)
    assert AdminBrowser(admin_app.test_client()).sign_in("quantri", "mot-mat-khau-moi-dai").status_code == 302
    with admin_app.app_context():
        entry = db.session.execute(select(AuditLog).where(AuditLog.action == "password_change")).scalar_one()
    assert (entry.username, entry.summary) == ("quantri", "quantri: đổi mật khẩu")


def test_an_idle_session_expires(admin_app, fixed_clock):
    admin_app.config |= {"CLOCK": fixed_clock, "ADMIN_IDLE_MINUTES": 60}
    browser, copy = _copied_cookie(admin_app)
    fixed_clock.moment += timedelta(minutes=59)
    assert browser.client.get("/quan-tri/").status_code == 200  # a use keeps it alive …
    fixed_clock.moment += timedelta(minutes=59)
    assert browser.client.get("/quan-tri/").status_code == 200
    fixed_clock.moment += timedelta(minutes=60)  # … an hour without one ends it
    assert browser.client.get("/quan-tri/").headers["Location"].startswith("/quan-tri/dang-nhap")
    assert not _opens_admin(admin_app, copy)
    with admin_app.app_context():
        record = db.session.execute(select(AdminSession)).scalar_one()
        assert record.revoked_at == fixed_clock.moment


def test_the_commands_change_a_password_and_disable_an_account(admin_app, monkeypatch):
    runner = admin_app.test_cli_runner()
    _, copy = _copied_cookie(admin_app)
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "mot-mat-khau-moi-dai")
    changed = runner.invoke(args=["portal", "set-password", "quantri"])
    assert changed.exit_code == 0, changed.output
    assert "mọi phiên đăng nhập của tài khoản đã kết thúc" in changed.output
    assert not _opens_admin(admin_app, copy)
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri", "mot-mat-khau-moi-dai").status_code == 302
    copy = browser.client.get_cookie("session").value
    assert runner.invoke(args=["portal", "set-active", "quantri", "off"]).exit_code == 0
    assert not _opens_admin(admin_app, copy)
    assert AdminBrowser(admin_app.test_client()).sign_in("quantri", "mot-mat-khau-moi-dai").status_code == 400
    unknown = runner.invoke(args=["portal", "set-active", "khong-co", "off"])
    assert unknown.exit_code == 1 and "Không có tài khoản “khong-co”." in unknown.output
