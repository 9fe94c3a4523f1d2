"""POST /widgets/rating/<id>: one visitor's 1–5 stars for an article.

htmx gets the widget back (with the right status, 4xx included); a form posted without
JavaScript gets 303 to the article, or the article page itself when the vote was refused.
"""

from flask import current_app, flash, redirect, render_template, request
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, NotFound

from portal import clock
from portal.counters import counting
from portal.errors.handlers import http_error
from portal.extensions import limiter
from portal.news.article_page import render_article, visible_article
from portal.services import ratings
from portal.web.fragments import wants_fragment
from portal.web.visitor import current_visitor
from portal.widgets import bp
from portal.widgets.forms import STARS_MESSAGE, RatingForm
from portal.widgets.rating import missing_article_panel, rating_panel

THANKS = "Cảm ơn bạn đã đánh giá bài viết!"
ALREADY_VOTED = "Bạn đã đánh giá bài viết này."
MISSING = "Không tìm thấy bài viết này, hoặc bài viết chưa được đăng."
EXPIRED = "Phiên làm việc đã hết hạn. Xin chọn số sao và gửi lại."
NOT_A_READER = "Chương trình tự động (bot) không thể đánh giá bài viết. Xin dùng trình duyệt web để đánh giá."
TOO_MANY = "Có quá nhiều lượt đánh giá từ địa chỉ mạng của bạn. Xin thử lại sau ít phút."


def rating_limit() -> str:
    """The configured limit, read per request so tests and deployments can change it."""
    return current_app.config.get("RATING_LIMIT") or ""


@bp.post("/rating/<int:article_id>")
@limiter.limit(rating_limit)
def rate(article_id: int):
    """Cast the visitor's vote, then show the widget with the new numbers."""
    if not counting.is_reader():
        return answer(article_id, 403, NOT_A_READER)
    form = RatingForm()
    if not form.validate():
        return answer(article_id, 400, STARS_MESSAGE, form)
    try:
        ratings.cast_vote(article_id, current_visitor(), form.stars.data, clock.now())
    except ratings.ArticleUnavailable:
        return answer(article_id, 404, MISSING)
    except ratings.AlreadyVoted:
        return answer(article_id, 409, ALREADY_VOTED, form)
    return answer(article_id, 200, THANKS, form)


def answer(article_id: int, status: int, message: str, form: RatingForm | None = None):
    """The widget alone for htmx; otherwise Post/Redirect/Get, or the page with the refusal."""
    article = visible_article(article_id)
    if article is None:
        if not wants_fragment():
            return http_error(NotFound())
        return render_template("widgets/_rating.html", rating=missing_article_panel(MISSING)), 404
    if status == 200 and not wants_fragment():
        flash(message, "rating")
        return redirect(f"{article.url}#danh-gia", code=303)
    panel = rating_panel(article, form=form, message=message, tone="success" if status == 200 else "error")
    if wants_fragment():
        return render_template("widgets/_rating.html", rating=panel), status
    return render_article(article, panel), status


def _refused_before_the_view(error: HTTPException, message: str):
    """CSRF and rate-limit refusals come before the view runs: answer them like the view would."""
    if request.endpoint != "widgets.rate":
        return http_error(error)
    return answer(request.view_args["article_id"], error.code, message)


@bp.errorhandler(CSRFError)
def csrf_refused(error: CSRFError):
    """A missing or wrong CSRF token: 400, with a fresh token in the widget."""
    return _refused_before_the_view(error, EXPIRED)


@bp.errorhandler(RateLimitExceeded)
def too_many_votes(error: RateLimitExceeded):
    """Too many votes from one network address: 429, nothing stored."""
    return _refused_before_the_view(error, TOO_MANY)
