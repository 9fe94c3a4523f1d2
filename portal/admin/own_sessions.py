"""One's own sessions: where the account is signed in, and signing out everywhere."""

from datetime import timedelta

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_login import logout_user

from portal import clock
from portal.admin import SESSION_TOKEN, bp
from portal.admin.common import actor
from portal.admin.forms import ConfirmForm
from portal.services import accounts, admin_sessions


@bp.get("/phien-dang-nhap")
def own_sessions():
    """The account's open sessions, this browser's marked."""
    idle = timedelta(minutes=current_app.config["ADMIN_IDLE_MINUTES"])
    records = admin_sessions.open_of(actor().id, clock.now(), idle)
    token = session.get(SESSION_TOKEN, "")
    rows = [
        (record, admin_sessions.browser_label(record.user_agent), admin_sessions.is_token_of(record, token))
        for record in records
    ]
    return render_template("admin/own_sessions.html", rows=rows, form=ConfirmForm())


@bp.post("/phien-dang-nhap/<int:session_id>/ket-thuc")
def end_session(session_id: int):
    """Sign out one other device (a phone left at the office), this browser staying in."""
    if ConfirmForm().validate_on_submit():
        ended = admin_sessions.end_one_of(actor().id, session_id, clock.now())
        flash("Đã đăng xuất phiên đó." if ended else "Phiên đó đã kết thúc.", "success" if ended else "error")
    return redirect(url_for("admin.own_sessions"))


@bp.post("/phien-dang-nhap/dang-xuat-moi-noi")
def sign_out_everywhere():
    """End every session of the account, this one too: a lost or shared device is out at once."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("admin.own_sessions"))
    accounts.sign_out_everywhere(actor(), clock.now())
    logout_user()
    session.clear()
    flash("Đã đăng xuất khỏi mọi nơi. Vui lòng đăng nhập lại.", "success")
    return redirect(url_for("admin.sign_in"))
