"""Signing in (password, then the authenticator's code where two-factor sign-in is on), signing
out, and changing one's own password."""

import math
from datetime import datetime, timedelta

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from portal import clock
from portal.admin import SESSION_TOKEN, bp
from portal.admin.account_forms import CodeForm, PasswordChangeForm
from portal.admin.common import actor
from portal.admin.forms import ConfirmForm, SignInForm
from portal.extensions import db
from portal.models import User
from portal.services import accounts, admin_sessions
from portal.services.sign_in_throttle import Throttle
from portal.web.inputs import local_path

PENDING_USER = "two_factor_user"  # the session's keys between the right password and the code
PENDING_SINCE = "two_factor_since"


def _throttle() -> Throttle:
    config = current_app.config
    return Throttle(
        pair_limit=config["SIGN_IN_MAX_FAILURES"],
        address_limit=config["SIGN_IN_ADDRESS_MAX_FAILURES"],
        account_free=config["SIGN_IN_ACCOUNT_FREE_FAILURES"],
        account_max_delay=timedelta(seconds=config["SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS"]),
        window=timedelta(minutes=config["SIGN_IN_LOCK_MINUTES"]),
    )


def _address() -> str:
    return accounts.address_key(request.remote_addr or "", current_app.config["SECRET_KEY"])


def _wait_message(wait: timedelta) -> str:
    seconds = math.ceil(wait.total_seconds())
    later = f"{seconds} giây" if seconds < 60 else f"{math.ceil(seconds / 60)} phút"
    return f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {later}."


def _failure_message(result: accounts.SignInResult, wrong: str = "Tên đăng nhập hoặc mật khẩu không đúng.") -> str:
    """Why the sign-in failed, and how many tries remain or how long to wait."""
    if not result.checked:
        return _wait_message(result.wait)
    if result.wait:
        return f"{wrong} {_wait_message(result.wait)}"
    return f"{wrong} Còn {result.remaining} lần thử."


def _next_page(target: str | None) -> str:
    return local_path(target, url_for("admin.dashboard"), prefix="/quan-tri")


def _open_session(user: User, target: str | None):
    """Sign ``user`` in on this browser: a new server-side session, logged, then on to the page asked for."""
    session.clear()
    session.permanent = True  # the cookie expires after PERMANENT_SESSION_LIFETIME without a request
    session[SESSION_TOKEN] = admin_sessions.start(user, clock.now(), request.user_agent.string)
    login_user(user)
    accounts.signed_in(user, _address(), clock.now())
    flash(f"Xin chào {user.shown_name}.", "success")
    return redirect(_next_page(target))


@bp.route("/dang-nhap", methods=["GET", "POST"])
def sign_in():
    """The sign-in form; failures are counted per account and per address."""
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = SignInForm(None, next=request.args.get("next", "")) if request.method == "GET" else SignInForm()
    if not form.validate_on_submit():
        return render_template("admin/sign_in.html", form=form), 400 if form.errors else 200
    result = accounts.sign_in(form.username.data, form.password.data, _address(), clock.now(), _throttle())
    if result.user is None:
        form.password.errors = [_failure_message(result)]
        return render_template("admin/sign_in.html", form=form), 429 if result.wait else 400
    if not result.user.two_factor_on:
        return _open_session(result.user, form.next.data)
    session.clear()
    session[PENDING_USER], session[PENDING_SINCE] = result.user.id, clock.now().isoformat()
    return redirect(url_for("admin.two_factor_sign_in", next=form.next.data or None))


def _pending_user() -> User | None:
    """The account whose password was right a few minutes ago (TWO_FACTOR_PENDING_MINUTES)."""
    user_id, since = session.get(PENDING_USER), session.get(PENDING_SINCE)
    if not isinstance(user_id, int) or not isinstance(since, str):
        return None
    limit = timedelta(minutes=current_app.config["TWO_FACTOR_PENDING_MINUTES"])
    if datetime.fromisoformat(since) < clock.now() - limit:
        return None
    user = db.session.get(User, user_id)
    return user if user is not None and user.active and user.two_factor_on else None


@bp.route("/dang-nhap/ma-xac-thuc", methods=["GET", "POST"])
def two_factor_sign_in():
    """The second step: the code of the authenticator app, or a recovery code."""
    user = _pending_user()
    if user is None:
        flash("Vui lòng đăng nhập lại.", "error")
        return redirect(url_for("admin.sign_in"))
    form = CodeForm(None, next=request.args.get("next", "")) if request.method == "GET" else CodeForm()
    if not form.validate_on_submit():
        return render_template("admin/two_factor_sign_in.html", form=form), 400 if form.errors else 200
    result = accounts.second_factor(user, form.code.data, _address(), clock.now(), _throttle())
    if result.user is None:
        form.code.errors = [_failure_message(result, "Mã không đúng hoặc đã được dùng.")]
        return render_template("admin/two_factor_sign_in.html", form=form), 429 if result.wait else 400
    return _open_session(user, form.next.data)


@bp.post("/dang-xuat")
def sign_out():
    """End this session (the server forgets it, so a copy of the cookie is refused too)."""
    if ConfirmForm().validate_on_submit():
        accounts.signed_out(actor(), session.get(SESSION_TOKEN, ""), clock.now())
        logout_user()
        session.clear()
        flash("Bạn đã đăng xuất.", "success")
    return redirect(url_for("admin.sign_in"))


@bp.route("/doi-mat-khau", methods=["GET", "POST"])
def change_password():
    """The signed-in account's own password. The current one is checked as a sign-in try (same
    limits), and the change ends every session of the account; this browser gets a new one."""
    user = actor()
    form = PasswordChangeForm(username=user.username)

    def page(status: int):
        forced = user.must_change_password
        return render_template("admin/password.html", form=form, forced=forced), status

    if not form.validate_on_submit():
        return page(422 if form.errors else 200)
    checked = accounts.sign_in(user.username, form.current.data, _address(), clock.now(), _throttle())
    if checked.user is None:
        form.current.errors = [_failure_message(checked, "Mật khẩu hiện tại không đúng.")]
        return page(429 if checked.wait else 400)
    accounts.change_password(user, form.new.data, clock.now(), actor=user)
    session[SESSION_TOKEN] = admin_sessions.start(user, clock.now(), request.user_agent.string)
    flash("Đã đổi mật khẩu. Mọi nơi khác đang đăng nhập bằng tài khoản này đã bị đăng xuất.", "success")
    return redirect(url_for("admin.dashboard"))
