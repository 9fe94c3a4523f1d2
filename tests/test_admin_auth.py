"""Accounts: the create-admin command, sign-in and sign-out, throttling, session expiry."""

import time
from datetime import timedelta

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import SignInThrottle, User
from tests.helpers import ADMIN_PASSWORD, AdminBrowser


def test_create_admin_takes_the_password_from_the_environment(make_app, monkeypatch):
    app = make_app(PASSWORD_HASH_PROFILE="CHEAPEST")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "mot-mat-khau-dai")
    result = app.test_cli_runner().invoke(args=["portal", "create-admin", "webmaster"])
    assert result.exit_code == 0, result.output
    assert "Đã tạo tài khoản “webmaster” (Quản trị)" in result.output
    with app.app_context():
        user = db.session.execute(select(User)).scalar_one()
        assert user.role == "admin"
        assert user.password_hash.startswith("$argon2id$")
        assert "mot-mat-khau-dai" not in user.password_hash


def test_create_admin_asks_twice_and_makes_editors(make_app, monkeypatch):
    app = make_app(PASSWORD_HASH_PROFILE="CHEAPEST")
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    runner = app.test_cli_runner()
    mismatch = runner.invoke(args=["portal", "create-admin", "an"], input="mat-khau-so-mot\nkhac-han-nhe\n")
    assert mismatch.exit_code != 0  # click asks again after a mismatch, then input runs out
    assert "Đã tạo" not in mismatch.output
    result = runner.invoke(
        args=["portal", "create-admin", "an", "--role", "editor"], input="mat-khau-so-mot\nmat-khau-so-mot\n"
    )
    assert result.exit_code == 0, result.output
    assert "Biên tập viên" in result.output
    again = runner.invoke(args=["portal", "create-admin", "AN"], input="mat-khau-so-mot\nmat-khau-so-mot\n")
    assert again.exit_code == 1
    assert "đã có" in again.output


def test_short_password_is_refused(make_app, monkeypatch):
    app = make_app(PASSWORD_HASH_PROFILE="CHEAPEST")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "ngan")
    result = app.test_cli_runner().invoke(args=["portal", "create-admin", "webmaster"])
    assert result.exit_code == 1
    assert "ít nhất 12 ký tự" in result.output


def test_sign_in_and_out(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    response = browser.sign_in("quantri")
    assert response.status_code == 302
    assert response.headers["Location"] == "/quan-tri/"
    cookie = browser.client.get_cookie("session")
    assert cookie.expires is not None  # a permanent session: it ends after PERMANENT_SESSION_LIFETIME
    assert "Quản trị viên (Quản trị)" in browser.client.get("/quan-tri/").get_data(as_text=True)
    out = browser.post("/quan-tri/dang-xuat", form_url="/quan-tri/")
    assert out.headers["Location"] == "/quan-tri/dang-nhap"
    assert browser.client.get("/quan-tri/").status_code == 302


def test_sign_in_returns_to_the_page_asked_for_but_never_elsewhere(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    assert browser.client.get("/quan-tri/bai-viet?q=x").headers["Location"] == "/quan-tri/dang-nhap?next=/quan-tri/bai-viet?q%3Dx"
    token = browser.token("/quan-tri/dang-nhap")
    for target, expected in [("/quan-tri/bai-viet?q=x", "/quan-tri/bai-viet?q=x"), ("https://evil.example/", "/quan-tri/"),
                             ("//evil.example/quan-tri", "/quan-tri/")]:  # fmt: skip
        fields = {"csrf_token": token, "username": "bientap", "password": ADMIN_PASSWORD, "next": target}
        assert browser.client.post("/quan-tri/dang-nhap", data=fields).headers["Location"] == expected
        browser.client.post("/quan-tri/dang-xuat", data={"csrf_token": browser.token("/quan-tri/")})
        token = browser.token("/quan-tri/dang-nhap")


def test_wrong_password_keeps_the_name_and_says_why(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    response = browser.sign_in("quantri", "sai-mat-khau")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page
    assert 'value="quantri"' in page
    assert "sai-mat-khau" not in page


def test_empty_fields_get_vietnamese_errors(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    response = browser.post("/quan-tri/dang-nhap", {"username": "", "password": ""})
    assert response.status_code == 400
    assert response.get_data(as_text=True).count("Không được để trống.") == 2


def test_five_failures_make_the_account_wait_from_that_address(admin_app, fixed_clock):
    admin_app.config["CLOCK"] = fixed_clock
    browser = AdminBrowser(admin_app.test_client())
    for attempt in range(5):
        # the fifth failure already answers that the next try must wait
        assert browser.sign_in("quantri", "sai-mat-khau").status_code == (429 if attempt == 4 else 400)
    other = AdminBrowser(admin_app.test_client())  # a new session changes nothing: the keys are server-side
    blocked = other.sign_in("quantri")
    page = blocked.get_data(as_text=True)
    assert blocked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in page
    fixed_clock.moment += timedelta(minutes=10)
    assert "thử lại sau 5 phút" in other.sign_in("quantri").get_data(as_text=True)
    fixed_clock.moment += timedelta(minutes=5, seconds=1)
    assert other.sign_in("quantri").status_code == 302


def test_failures_are_stored_without_the_address(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    browser.client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    browser.sign_in("quantri", "sai-mat-khau")
    with admin_app.app_context():
        keys = set(db.session.execute(select(SignInThrottle.key)).scalars())
    assert "user:quantri" in keys
    assert not any("203.0.113.9" in key for key in keys)
    assert any(key.startswith("ip:") for key in keys)


def test_success_clears_the_account_failures(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    for _ in range(4):
        browser.sign_in("quantri", "sai-mat-khau")
    assert browser.sign_in("quantri").status_code == 302
    with admin_app.app_context():
        remaining = db.session.execute(
            select(func.count()).select_from(SignInThrottle).where(SignInThrottle.key.contains("user:quantri"))
        ).scalar()
    assert remaining == 0


def test_session_expires_after_inactivity(admin_app):
    admin_app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=8)
    browser = AdminBrowser(admin_app.test_client())
    browser.sign_in("quantri")
    cookie = browser.client.get_cookie("session")
    lifetime = cookie.expires.timestamp() - time.time()
    assert 7.9 * 3600 < lifetime <= 8 * 3600


def test_disabled_account_cannot_sign_in(admin_app):
    with admin_app.app_context():
        user = db.session.execute(select(User).where(User.username == "bientap")).scalar_one()
        user.active = False
        db.session.commit()
    assert AdminBrowser(admin_app.test_client()).sign_in("bientap").status_code == 400
