"""Signing in and out, and changing one's own password."""

import math
from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from portal import clock
from portal.admin import SESSION_TOKEN, bp
from portal.admin.forms import ConfirmForm, PasswordChangeForm, SignInForm
from portal.services import accounts, admin_sessions
from portal.services.sign_in_throttle import Throttle
from portal.web.inputs import local_path


def _throttle() -> Throttle:
    config = current_app.config
    return Throttle(
        pair_limit=config["SIGN_IN_MAX_FAILURES"],
        address_limit=config["SIGN_IN_ADDRESS_MAX_FAILURES"],
        account_free=config["SIGN_IN_ACCOUNT_FREE_FAILURES"],
        account_max_delay=timedelta(seconds=config["SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS"]),
        window=timedelta(minutes=config["SIGN_IN_LOCK_MINUTES"]),
    )


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


@bp.route("/dang-nhap", methods=["GET", "POST"])
def sign_in():
    """The sign-in form; failures are counted per account and per address."""
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = SignInForm(None, next=request.args.get("next", "")) if request.method == "GET" else SignInForm()
    if not form.validate_on_submit():
        return render_template("admin/sign_in.html", form=form), 400 if form.errors else 200
    address = accounts.address_key(request.remote_addr or "", current_app.config["SECRET_KEY"])
    result = accounts.sign_in(form.username.data, form.password.data, address, clock.now(), _throttle())
    if result.user is None:
        form.password.errors = [_failure_message(result)]
        return render_template("admin/sign_in.html", form=form), 429 if result.wait else 400
    session.clear()
    session.permanent = True  # the cookie expires after PERMANENT_SESSION_LIFETIME without a request
    session[SESSION_TOKEN] = admin_sessions.start(result.user, clock.now())
    login_user(result.user)
    flash(f"Xin chào {result.user.username}.", "success")
    return redirect(local_path(form.next.data, url_for("admin.dashboard"), prefix="/quan-tri"))


@bp.post("/dang-xuat")
def sign_out():
    """End this session (the server forgets it, so a copy of the cookie is refused too)."""
    if ConfirmForm().validate_on_submit():
        admin_sessions.end(session.get(SESSION_TOKEN, ""), clock.now())
        logout_user()
        session.clear()
        flash("Bạn đã đăng xuất.", "success")
    return redirect(url_for("admin.sign_in"))


@bp.route("/doi-mat-khau", methods=["GET", "POST"])
def change_password():
    """The signed-in account's own password. The current one is checked as a sign-in try (same
    limits), and the change ends every session of the account; this browser gets a new one."""
    form = PasswordChangeForm()

    def page(status: int):
        return render_template("admin/form.html", form=form, heading="Đổi mật khẩu", back=url_for("admin.dashboard")), status

    if not form.validate_on_submit():
        return page(422 if form.errors else 200)
    user = current_user._get_current_object()
    address = accounts.address_key(request.remote_addr or "", current_app.config["SECRET_KEY"])
    checked = accounts.sign_in(user.username, form.current.data, address, clock.now(), _throttle())
    if checked.user is None:
        form.current.errors = [_failure_message(checked, "Mật khẩu hiện tại không đúng.")]
        return page(429 if checked.wait else 400)
    accounts.change_password(user, form.new.data, clock.now(), actor=user)
    session[SESSION_TOKEN] = admin_sessions.start(user, clock.now())
    flash("Đã đổi mật khẩu. Mọi nơi khác đang đăng nhập bằng tài khoản này đã bị đăng xuất.", "success")
    return redirect(url_for("admin.dashboard"))
