"""Reading comfort and keeping a copy: the "A- A A+" text size and the "Lưu bài viết" download.

The text size is the reader's, so no page carries it (pages are the same for every reader):
static/js/text-size.js applies the "co_chu" cookie before the first paint and
static/js/reading-tools.js changes it. Without JavaScript the form posts here; the cookie is
kept for when scripts run, and the answer explains that the browser's zoom does the same.
"""

from pathlib import Path

from flask import abort, current_app, make_response, render_template, request
from werkzeug.urls import iri_to_uri

from portal import clock
from portal.extensions import csrf
from portal.layout import render_page
from portal.news import bp
from portal.news.sharing import canonical_url
from portal.services import content, saving, settings
from portal.web.cross_origin import REFUSED, is_cross_origin
from portal.web.inputs import bounded_int, local_path
from portal.web.page_cache import public_page

TEXT_SIZE_COOKIE = "co_chu"
TEXT_SIZES = (90, 100, 115, 130, 150)  # per cent of the browser's font size
DEFAULT_TEXT_SIZE = 1
TEXT_SIZE_STEPS = {"nho-hon": -1, "lon-hon": 1}
CHOSEN = {"nho-hon": "nhỏ hơn", "lon-hon": "lớn hơn", "mac-dinh": "mặc định"}


@bp.app_context_processor
def text_size_context() -> dict:
    return {"text_sizes": TEXT_SIZES, "default_text_size": DEFAULT_TEXT_SIZE}


@csrf.exempt  # a public form on a page every reader shares: no token, cross-site posts refused
@bp.post("/co-chu")
def text_size():
    """A-, A or A+ without JavaScript: keep the choice, and say how to zoom with the browser."""
    if is_cross_origin():
        abort(403, REFUSED)
    choice = request.form.get("size", "")
    if choice not in CHOSEN:
        abort(400, "Xin chọn A-, A hoặc A+.")
    level = DEFAULT_TEXT_SIZE
    if choice in TEXT_SIZE_STEPS:
        current = bounded_int(request.cookies.get(TEXT_SIZE_COOKIE), 0, len(TEXT_SIZES) - 1)
        level = min(max((DEFAULT_TEXT_SIZE if current is None else current) + TEXT_SIZE_STEPS[choice], 0), len(TEXT_SIZES) - 1)
    page = render_page("news/text_size.html", live=False, choice=CHOSEN[choice], back=iri_to_uri(local_path(request.form.get("next"), "/")))
    response = make_response(page)
    response.set_cookie(TEXT_SIZE_COOKIE, str(level), max_age=365 * 24 * 3600, samesite="Lax", secure=request.is_secure)
    return response


@bp.get("/tin-tuc/luu/<int:article_id>.html")
@public_page()
def save_article(article_id: int):
    """The article as one HTML file with its styles and pictures inside, to keep or send."""
    found = content.visible_article(article_id, clock.now())
    if found is None:
        abort(404)
    page = render_template(
        "news/saved.html",
        article=found,
        site=settings.current(),
        canonical=canonical_url(found),
        body=saving.absolute_links(
            saving.inline_uploads(found.body, Path(current_app.config["UPLOAD_FOLDER"])), current_app.config["SITE_URL"]
        ),
        saved_at=clock.now(),
    )
    response = make_response(page)
    response.headers["Content-Disposition"] = f'attachment; filename="{found.slug}.html"'
    return response
