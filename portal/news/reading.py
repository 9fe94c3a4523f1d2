"""Reading comfort and keeping a copy: the "A- A A+" text size and the "Lưu bài viết" download.

The text size lives in a cookie the server reads, so it holds on every page and works without
JavaScript (a plain form); static/js/reading-tools.js applies it at once when scripts run.
"""

from pathlib import Path

from flask import abort, current_app, flash, make_response, redirect, render_template, request

from portal import clock
from portal.layout import site_settings
from portal.news import bp
from portal.news.sharing import canonical_url
from portal.services import content, saving
from portal.web.inputs import bounded_int, local_path

TEXT_SIZE_COOKIE = "co_chu"
TEXT_SIZES = (90, 100, 115, 130, 150)  # per cent of the browser's font size
DEFAULT_TEXT_SIZE = 1
TEXT_SIZE_STEPS = {"nho-hon": -1, "lon-hon": 1}


def current_text_size() -> int:
    """The reader's text size level (an index into TEXT_SIZES), from the cookie."""
    level = bounded_int(request.cookies.get(TEXT_SIZE_COOKIE), 0, len(TEXT_SIZES) - 1)
    return DEFAULT_TEXT_SIZE if level is None else level


@bp.app_context_processor
def text_size_context() -> dict:
    return {"text_size": current_text_size(), "text_sizes": TEXT_SIZES, "default_text_size": DEFAULT_TEXT_SIZE}


@bp.post("/co-chu")
def text_size():
    """A-, A or A+: change the reader's text size, then go back to the page (no-JS path)."""
    choice = request.form.get("size", "")
    if choice != "mac-dinh" and choice not in TEXT_SIZE_STEPS:
        abort(400)
    level = DEFAULT_TEXT_SIZE
    if choice in TEXT_SIZE_STEPS:
        level = min(max(current_text_size() + TEXT_SIZE_STEPS[choice], 0), len(TEXT_SIZES) - 1)
    flash(f"Đã đổi cỡ chữ: {TEXT_SIZES[level]}%.", "success")
    response = redirect(local_path(request.form.get("next"), "/"), code=303)
    response.set_cookie(TEXT_SIZE_COOKIE, str(level), max_age=365 * 24 * 3600, samesite="Lax", secure=request.is_secure)
    return response


@bp.get("/tin-tuc/luu/<int:article_id>.html")
def save_article(article_id: int):
    """The article as one HTML file with its styles and pictures inside, to keep or send."""
    found = content.visible_article(article_id, clock.now())
    if found is None:
        abort(404)
    page = render_template(
        "news/saved.html",
        article=found,
        site=site_settings(),
        canonical=canonical_url(found),
        body=saving.inline_uploads(found.body, Path(current_app.config["UPLOAD_FOLDER"])),
        saved_at=clock.now(),
    )
    response = make_response(page)
    response.headers["Content-Disposition"] = f'attachment; filename="{found.slug}.html"'
    return response
