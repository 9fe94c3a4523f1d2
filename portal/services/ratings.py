"""Casting votes and keeping each article's rating count and sum exact.

The vote row and the article's aggregates change in one transaction: an atomic
``UPDATE … SET rating_count = rating_count + 1`` (never a read-modify-write in Python),
and the unique (article, visitor) constraint, not a look-up first, refuses a second vote.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import Article, User, Vote
from portal.services import audit
from portal.services.content import FIGURES, ArticleFigures, is_visible
from portal.services.publishing import title_contains


class ArticleUnavailable(Exception):
    """The article does not exist or a visitor may not see it yet."""


class AlreadyVoted(Exception):
    """This visitor has already rated this article."""


@dataclass(frozen=True)
class Drift:
    """An article whose stored aggregates disagreed with its vote rows."""

    article_id: int
    title: str
    stored: tuple[int, int]  # (count, sum) before the rebuild
    counted: tuple[int, int]  # (count, sum) from the vote rows


# Built once: building a statement costs more than running it.
_COUNT_VOTE = (
    update(Article)
    .where(Article.id == bindparam("article_id"), is_visible(bindparam("now")))
    .values(rating_count=Article.rating_count + 1, rating_sum=Article.rating_sum + bindparam("stars"))
    .returning(*FIGURES)
)
_INSERT_VOTE = insert(Vote)


def cast_vote(article_id: int, visitor: str, stars: int, now: datetime) -> ArticleFigures:
    """Record ``stars`` from ``visitor`` for a visible article and return its figures with the
    vote, or change nothing at all."""
    if stars not in range(1, 6):
        raise ValueError(f"stars must be 1 to 5, not {stars!r}")
    connection = db.session.connection()
    counted = connection.execute(_COUNT_VOTE, {"article_id": article_id, "now": now, "stars": stars}).one_or_none()
    if counted is None:
        db.session.rollback()
        raise ArticleUnavailable(article_id)
    try:
        connection.execute(_INSERT_VOTE, {"article_id": article_id, "visitor": visitor, "stars": stars, "created_at": now})
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # undoes the count and sum too
        raise AlreadyVoted(article_id) from None
    return ArticleFigures(*counted)


_OWN_VOTE = select(Vote.stars).where(Vote.article_id == bindparam("article_id"), Vote.visitor == bindparam("visitor"))


def own_vote(article_id: int, visitor: str) -> int | None:
    """The stars ``visitor`` gave the article, if any (one look-up on the unique index)."""
    return db.session.connection().execute(_OWN_VOTE, {"article_id": article_id, "visitor": visitor}).scalar_one_or_none()


def rebuild_ratings() -> list[Drift]:
    """Recompute every article's count and sum from its vote rows; return what was wrong."""
    tally = (
        select(Vote.article_id, func.count().label("count"), func.sum(Vote.stars).label("sum"))
        .group_by(Vote.article_id)
        .subquery()
    )
    count, total = func.coalesce(tally.c.count, 0), func.coalesce(tally.c.sum, 0)
    query = (
        select(Article.id, Article.title, Article.rating_count, Article.rating_sum, count, total)
        .outerjoin(tally, tally.c.article_id == Article.id)
        .where((Article.rating_count != count) | (Article.rating_sum != total))
        .order_by(Article.id)
    )
    drifts = [Drift(row[0], row[1], (row[2], row[3]), (row[4], row[5])) for row in db.session.execute(query)]
    if drifts:
        votes_of = select(Vote).where(Vote.article_id == Article.id)
        db.session.execute(
            update(Article)
            .where(Article.id.in_([drift.article_id for drift in drifts]))
            .values(
                rating_count=votes_of.with_only_columns(func.count()).scalar_subquery(),
                rating_sum=votes_of.with_only_columns(func.coalesce(func.sum(Vote.stars), 0)).scalar_subquery(),
            )
            .execution_options(synchronize_session=False)
        )
    db.session.commit()
    return drifts


def reset_rating(article: Article, actor: User) -> None:
    """Start the article's rating afresh: its votes and its aggregates, logged."""
    summary = f"{article.title} (trước đó: {article.rating_count} lượt, tổng {article.rating_sum} sao)"
    db.session.execute(delete(Vote).where(Vote.article_id == article.id))
    article.rating_count = 0
    article.rating_sum = 0
    audit.record(actor, "reset", "rating", article.id, summary)
    db.session.commit()


def rated_articles(search: str = "") -> Select[tuple[Article]]:
    """Articles for the admin's ratings page, most rated first."""
    query = select(Article).order_by(Article.rating_count.desc(), Article.published_at.desc(), Article.id.desc())
    if search.strip():
        query = query.where(title_contains(search))
    return query
