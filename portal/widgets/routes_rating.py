"""POST /widgets/rating/<id>: one visitor's 1–5 stars for an article.

htmx gets the widget back (with the right status, 4xx included); a form posted without
JavaScript gets the article page with the widget showing the result (never cached: it holds
the visitor's own vote). No CSRF token: cross-site posts are refused by their headers
(``portal.web.cross_origin``).
"""

from flask import current_app, render_template, request
from flask_limiter import RateLimitExceeded
from werkzeug.exceptions import NotFound

from portal import clock
from portal.counters import counting
from portal.errors.handlers import http_error
from portal.extensions import csrf, limiter
from portal.news.article_page import render_article
from portal.services import content, ratings
from portal.services.content import ArticleFigures
from portal.web.cross_origin import REFUSED, is_cross_origin
from portal.web.fragments import wants_fragment
from portal.web.visitor import current_visitor
from portal.widgets import OVER_THE_LIMIT, bp
from portal.widgets.forms import STARS_MESSAGE, RatingForm
from portal.widgets.rating import RatingPanel, rating_panel

THANKS = "Cảm ơn bạn đã đánh giá bài viết!"
ALREADY_VOTED = "Bạn đã đánh giá bài viết này."
MISSING = "Không tìm thấy bài viết này, hoặc bài viết chưa được đăng."
NOT_A_READER = "Chương trình tự động (bot) không thể đánh giá bài viết. Xin dùng trình duyệt web để đánh giá."
TOO_MANY = "Có quá nhiều lượt đánh giá từ địa chỉ mạng của bạn. Xin thử lại sau ít phút."


def rating_limit() -> str:
    """The configured limit, read per request so tests and deployments can change it."""
    return current_app.config.get("RATING_LIMIT") or ""


@csrf.exempt
@bp.post("/rating/<int:article_id>")
@limiter.limit(rating_limit)
def rate(article_id: int):
    """Cast the visitor's vote, then show the widget with the new numbers."""
    if is_cross_origin():
        return answer(article_id, 403, REFUSED)
    if not counting.is_reader():
        return answer(article_id, 403, NOT_A_READER)
    form = RatingForm()
    if not form.validate():
        return answer(article_id, 400, STARS_MESSAGE, form)
    try:
        figures = ratings.cast_vote(article_id, current_visitor(), form.stars.data, clock.now())
    except ratings.ArticleUnavailable:
        return answer(article_id, 404, MISSING)
    except ratings.AlreadyVoted:
        return answer(article_id, 409, ALREADY_VOTED, form)
    return answer(article_id, 200, THANKS, form, figures)


def answer(article_id: int, status: int, message: str, form: RatingForm | None = None, counted: ArticleFigures | None = None):
    """The widget alone for htmx; otherwise the article page with the widget's answer.

    The widget alone needs only the article's figures, and ``counted``, the figures a vote just
    returned, has them: the visitor's own vote is then the form's stars."""
    tone = "success" if status == 200 else "error"
    if wants_fragment():
        figures = counted or content.visible_figures(article_id, clock.now())
        if figures is None:
            return render_template("widgets/_rating.html", rating=RatingPanel(None, message=MISSING, tone="error")), 404
        panel = rating_panel(article_id, figures, form, message, tone, own_stars=form.stars.data if counted else None)
        return render_template("widgets/_rating.html", rating=panel), status
    article = content.visible_article(article_id, clock.now())
    if article is None:
        return http_error(NotFound())
    panel = rating_panel(article.id, ArticleFigures.of(article), form, message, tone)
    return render_article(article, panel), status, {"Cache-Control": "no-store"}


def too_many_votes(error: RateLimitExceeded):
    """Too many votes from one network address: 429, nothing stored."""
    return answer(request.view_args["article_id"], error.code, TOO_MANY)


OVER_THE_LIMIT["widgets.rate"] = too_many_votes
