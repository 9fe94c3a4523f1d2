"""Signing in and out, and the admin's front page."""

import math
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from portal import clock
from portal.admin import bp
from portal.admin.forms import ConfirmForm, SignInForm
from portal.models import ArticleStatus
from portal.services import accounts, publishing


def _throttle() -> accounts.Throttle:
    config = current_app.config
    return accounts.Throttle(config["SIGN_IN_MAX_FAILURES"], timedelta(minutes=config["SIGN_IN_LOCK_MINUTES"]))


def _safe_next(target: str | None) -> str:
    """Only a path inside the admin, never another site."""
    if target and target.startswith("/quan-tri") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("admin.dashboard")


def _wait_message(wait: timedelta) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút."


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
        message = _wait_message(result.wait) if result.wait else "Tên đăng nhập hoặc mật khẩu không đúng."
        form.password.errors = [message]
        return render_template("admin/sign_in.html", form=form), 429 if result.wait else 400
    session.clear()
    session.permanent = True  # expires after PERMANENT_SESSION_LIFETIME without a request
    login_user(result.user)
    flash(f"Xin chào {result.user.username}.", "success")
    return redirect(_safe_next(form.next.data))


@bp.post("/dang-xuat")
def sign_out():
    """Sign out and forget the session."""
    if ConfirmForm().validate_on_submit():
        logout_user()
        session.clear()
        flash("Bạn đã đăng xuất.", "success")
    return redirect(url_for("admin.sign_in"))


@bp.get("/")
def dashboard():
    """Counts of articles by status and shortcuts to the admin's pages."""
    counts = publishing.status_counts(clock.now())
    return render_template("admin/dashboard.html", counts=counts, statuses=ArticleStatus)
