"""The webmaster's area under /quan-tri/: one module per resource, guarded in one place."""

from datetime import timedelta

from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from portal import clock
from portal.extensions import login_manager
from portal.models import User
from portal.services import admin_sessions, rights, two_factor

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")
SESSION_TOKEN = "admin_session"  # the cookie's key for the token of the admin_session row

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
    """Anonymous visitors go to the sign-in page; an account outside its rights gets 403
    (portal.services.rights decides)."""
    if request.endpoint in rights.SIGNED_OUT:
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("admin.sign_in", next=request.full_path.rstrip("?") if request.method == "GET" else None))
    if not rights.may_reach(current_user, request.endpoint):
        abort(403)
    step = rights.required_step(current_user, two_factor.required(current_user))
    if step is not None and request.endpoint not in (step, "admin.sign_out"):
        return redirect(url_for(step))
    return None


@bp.context_processor
def signed_in_user() -> dict:
    """The account, and whether it may open a page (the navigation shows only those)."""
    return {"current_user": current_user, "may_reach": lambda endpoint: rights.may_reach(current_user, endpoint)}


bp.after_request(login_manager._update_remember_cookie)


@bp.after_request
def private(response):
    """Admin pages are never cached by browsers or proxies."""
    response.headers["Cache-Control"] = "no-store"
    return response


from portal.admin import (  # noqa: E402  (the routes need bp)
    accounts,
    albums,
    articles,
    audit_log,
    auth,
    categories,
    contact,
    dashboard,
    documents,
    featured,
    home_blocks,
    media,
    menu,
    organisation,
    own_sessions,
    pages,
    polls,
    questions,
    ratings,
    revisions,
    settings,
    sidebar,
    topics,
    two_factor_setup,
)

__all__ = ["accounts", "albums", "articles", "audit_log", "auth", "bp", "categories", "contact", "dashboard", "documents", "featured", "home_blocks",
           "media", "menu", "organisation", "own_sessions", "pages", "polls", "questions", "ratings", "revisions", "settings", "sidebar", "topics",
           "two_factor_setup"]  # fmt: skip
