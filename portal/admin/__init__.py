"""The webmaster's area under /quan-tri/: one module per resource, guarded in one place."""

from datetime import timedelta

from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from portal import clock
from portal.extensions import login_manager
from portal.models import User
from portal.services import admin_sessions

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")
SESSION_TOKEN = "admin_session"  # the cookie's key for the token of the admin_session row

PUBLIC_ENDPOINTS = {"admin.sign_in"}
# Biên tập viên may write articles (and upload their images); everything else is for quản trị.
EDITOR_ENDPOINTS = {
    "admin.dashboard",
    "admin.sign_out",
    "admin.articles",
    "admin.article_new",
    "admin.article_edit",
    "admin.article_preview",
    "admin.article_delete",
    "admin.media_list",
    "admin.media_upload",
    "admin.editor_upload",
}


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The account of a live server-side session: an ended, idle or foreign one loads nobody."""
    token = session.get(SESSION_TOKEN)
    if not isinstance(token, str):
        return None
    idle = timedelta(minutes=current_app.config["ADMIN_IDLE_MINUTES"])
    user = admin_sessions.user_of(token, clock.now(), idle)
    return user if user is not None and str(user.id) == user_id else None


@bp.before_request
def guard():
    """Anonymous visitors go to the sign-in page; an editor outside the articles gets 403."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("admin.sign_in", next=request.full_path.rstrip("?") if request.method == "GET" else None))
    if not current_user.is_admin and request.endpoint not in EDITOR_ENDPOINTS:
        abort(403)
    return None


@bp.context_processor
def signed_in_user() -> dict:
    return {"current_user": current_user}


bp.after_request(login_manager._update_remember_cookie)


@bp.after_request
def private(response):
    """Admin pages are never cached by browsers or proxies."""
    response.headers["Cache-Control"] = "no-store"
    return response


from portal.admin import (  # noqa: E402  (the routes need bp)
    articles,
    audit_log,
    auth,
    categories,
    dashboard,
    media,
    ratings,
    settings,
    sidebar,
)

__all__ = ["articles", "audit_log", "auth", "bp", "categories", "dashboard", "media", "ratings", "settings", "sidebar"]
