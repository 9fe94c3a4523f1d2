"""The published catalogue as data: filtered article listings, categories and site counters,
for the JSON API."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select

from portal.extensions import db
from portal.models import Article, Category
from portal.services.content import in_category_tree, published


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a listing asks for; every field optional."""

    category: Category | None = None
    published_from: date | None = None
    published_to: date | None = None


def article_listing(now: datetime, wanted: ArticleFilter) -> Select[tuple[Article]]:
    """Visible articles matching ``wanted``, newest first; both dates are inclusive."""
    query = published(now)
    if wanted.category is not None:
        query = query.where(in_category_tree(wanted.category.id))
    if wanted.published_from is not None:
        query = query.where(Article.published_at >= datetime.combine(wanted.published_from, time.min))
    if wanted.published_to is not None:
        query = query.where(Article.published_at < datetime.combine(wanted.published_to + timedelta(days=1), time.min))
    return query


def category_by_slug(slug: str) -> Category | None:
    return db.session.execute(select(Category).where(Category.slug == slug)).scalar_one_or_none()


def categories_with_counts(now: datetime) -> list[tuple[Category, int]]:
    """Every category in the menu's order, with how many visible articles it holds itself."""
    visible = published(now).order_by(None).subquery()
    counts = select(visible.c.category_id, func.count().label("n")).group_by(visible.c.category_id).subquery()
    query = (
        select(Category, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.category_id == Category.id)
        .order_by(Category.position, Category.id)
    )
    return [(category, count) for category, count in db.session.execute(query)]


def reading_totals(now: datetime) -> tuple[int, int, int]:
    """(visible articles, their page views, their rating votes), in one query."""
    visible = published(now).order_by(None).subquery()
    query = select(
        func.count(), func.coalesce(func.sum(visible.c.view_count), 0), func.coalesce(func.sum(visible.c.rating_count), 0)
    ).select_from(visible)
    articles, views, votes = db.session.execute(query).one()
    return int(articles), int(views), int(votes)
