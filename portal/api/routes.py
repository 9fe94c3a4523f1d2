"""GET endpoints of the JSON API. Input errors answer 400 with a Vietnamese message."""

from datetime import date

from flask import current_app, jsonify, request

from portal import clock
from portal.api import bp, json_error
from portal.api.openapi import MAX_ID, MAX_PAGE, MAX_PER_PAGE, document
from portal.api.serialise import article_data, category_data, listing_data
from portal.counters import counting
from portal.extensions import db
from portal.services import catalogue, content, settings
from portal.web.page_cache import public_page


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message names it."""


class UnknownCategory(LookupError):
    """The category filter names no category."""


def visit_figures() -> dict:
    """"Thống kê" (the webmaster's offset plus the visits counted since), today, this month
    and online, as the sidebar shows them; null figures when the counter store is away."""
    live = counting.current_counters()
    offset = settings.visit_offset()
    if live is None:
        return {"visits": offset, "today": None, "month": None, "online": None}
    return {
        "visits": live.site_total(offset),
        "today": live.today.visits,
        "month": live.month.visits,
        "online": live.online,
    }


def positive_int(name: str, default: int, maximum: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadParameter(f"Tham số «{name}» phải là số nguyên dương.")
    if maximum is not None and int(raw) > maximum:
        raise BadParameter(f"Tham số «{name}» tối đa là {maximum}.")
    return int(raw)


def _date(name: str) -> date | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"Tham số «{name}» phải là ngày dạng NNNN-TT-NN, ví dụ 2020-02-20.") from None


def _article_filter() -> catalogue.ArticleFilter:
    slug = request.args.get("category")
    category = None
    if slug is not None:
        category = catalogue.category_by_slug(slug)
        if category is None:
            raise UnknownCategory(f"Không có chuyên mục «{slug}».")
    start, end = _date("from"), _date("to")
    return catalogue.ArticleFilter(category=category, published_from=start, published_to=end)


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return json_error(400, str(error))


@bp.errorhandler(UnknownCategory)
def unknown_category(error: UnknownCategory):
    return json_error(404, str(error))


@bp.get("/articles")
@public_page("page", "per_page", "category", "from", "to")
def articles():
    """Visible articles, newest first, filtered by category and publication dates."""
    page = positive_int("page", 1, MAX_PAGE)
    per_page = positive_int("per_page", current_app.config["ARTICLES_PER_PAGE"], MAX_PER_PAGE)
    query = catalogue.article_listing(clock.now(), _article_filter())
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)
    return jsonify(listing_data(pagination))


@bp.get("/articles/<int:article_id>")
@public_page()
def article(article_id: int):
    """One visible article with its body."""
    found = content.visible_article(article_id, clock.now()) if article_id <= MAX_ID else None
    if found is None:
        return json_error(404, "Không tìm thấy bài viết.")
    return jsonify(article_data(found, with_body=True))


@bp.get("/categories")
@public_page()
def categories():
    """Every category with its number of visible articles."""
    rows = catalogue.categories_with_counts(clock.now())
    return jsonify({"items": [category_data(category, count) for category, count in rows]})


@bp.get("/counters")
@public_page()
def counters():
    """The site's counters: visits, visible articles, their page views and rating votes."""
    articles_count, views, votes = catalogue.reading_totals(clock.now())
    return jsonify(visit_figures() | {"articles": articles_count, "page_views": views, "rating_votes": votes})


@bp.get("/openapi.json")
@public_page()
def openapi():
    """This API described in OpenAPI 3."""
    return jsonify(document())


@bp.route("/<path:unknown>", methods=["GET", "HEAD"])
def not_found(unknown: str):
    """Anything else under /api/v1/ is a JSON 404, not the HTML error page."""
    return json_error(404)
