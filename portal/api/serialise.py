"""Models as the JSON the API promises (see openapi.py): absolute URLs, RFC 3339 dates with the
site's offset."""

from flask import current_app, url_for
from flask_sqlalchemy.pagination import Pagination

from portal.models import Article, Category
from portal.services.feeds import w3c


def _moment(value) -> str:
    return w3c(value, current_app.config["SITE_TIMEZONE"])


def category_data(category: Category, article_count: int | None = None) -> dict:
    data = {
        "id": category.id,
        "name": category.name,
        "slug": category.slug,
        "parent_id": category.parent_id,
        "url": url_for("news.category", slug=category.slug, _external=True),
        "feed_url": url_for("news.category_rss", slug=category.slug, _external=True),
    }
    if article_count is not None:
        data["article_count"] = article_count
    return data


def _cover_data(article: Article) -> dict | None:
    if article.cover is None:
        return None
    cover = article.cover
    return {
        "url": url_for("news.upload", filename=cover.filename, _external=True),
        "width": cover.width,
        "height": cover.height,
        "alt": cover.alt,
        "caption": article.cover_caption,
    }


def article_data(article: Article, with_body: bool = False) -> dict:
    url = url_for(
        "news.article", category_slug=article.category.slug, slug=article.slug, article_id=article.id, _external=True
    )
    data = {
        "id": article.id,
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "url": url,
        "category": category_data(article.category),
        "byline": article.byline,
        "published_at": _moment(article.published_at),
        "updated_at": _moment(max(article.updated_at, article.published_at)),
        "cover": _cover_data(article),
        "view_count": article.view_count,
        "rating": {"count": article.rating_count, "average": article.rating_average},
    }
    if with_body:
        data["body_html"] = article.body
    return data


def listing_data(pagination: Pagination) -> dict:
    return {
        "items": [article_data(article) for article in pagination.items],
        "page": pagination.page,
        "per_page": pagination.per_page,
        "total": pagination.total,
        "pages": pagination.pages,
    }
