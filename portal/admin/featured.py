"""Tiêu điểm from the article list: pin, unpin and reorder (portal.services.featured).

Each button is a plain form that comes back to the list with a message; with htmx it swaps
the list's tiêu điểm panel alone (and the pinned article's button in its row), the message
inside the panel, where the focus goes."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.articles import featured_context, readable_article
from portal.admin.common import actor
from portal.admin.forms import FeatureForm, MoveForm
from portal.services import featured
from portal.web.fragments import wants_fragment


def _answer(article, message: str, status: int = 200):
    """The panel for htmx, or back to the list with the message."""
    if not wants_fragment():
        flash(message, "success" if status == 200 else "error")
        return redirect(url_for("admin.articles"))
    row = article if request.form.get("hang") == "1" else None  # pressed in the article's row: its button changes too
    context = featured_context(clock.now()) | {"message": message, "failed": status != 200, "row": row}
    response = current_app.make_response((render_template("admin/_featured.html", **context), status))
    response.vary.add("HX-Request")
    return response


def _act(article, change, done: str):
    try:
        change()
    except featured.NotAllowed:
        abort(403)
    except featured.FeaturedError as error:
        return _answer(article, str(error), 409)
    return _answer(article, done)


@bp.post("/tieu-diem/<int:article_id>/ghim")
def article_feature(article_id: int):
    """Pin a published article as tiêu điểm (last in the list), or change when its pin ends."""
    article = readable_article(article_id)
    form = FeatureForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _answer(article, "Thời điểm bỏ ghim không hợp lệ.", 422)
    limit = current_app.config["FEATURED_MAX"]
    change = lambda: featured.pin(article, actor(), clock.now(), limit, form.until.data)  # noqa: E731
    return _act(article, change, f"Đã ghim “{article.title}” làm tiêu điểm.")


@bp.post("/tieu-diem/<int:article_id>/bo-ghim")
def article_unfeature(article_id: int):
    """Take an article off the tiêu điểm list."""
    article = readable_article(article_id)
    if not FeatureForm().validate_on_submit():
        abort(400)
    return _act(article, lambda: featured.unpin(article, actor(), clock.now()), f"Đã bỏ ghim “{article.title}”.")


@bp.post("/tieu-diem/<int:article_id>/di-chuyen")
def article_feature_move(article_id: int):
    """Move a featured article one place up or down."""
    article = readable_article(article_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    done = f"Đã chuyển “{article.title}” {'lên' if form.step < 0 else 'xuống'} một bậc."
    return _act(article, lambda: featured.move(article, actor(), clock.now(), form.step), done)
