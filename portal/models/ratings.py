"""Votes: one row per visitor and article; the article keeps the exact count and sum."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import db


class Vote(db.Model):
    """A visitor's 1–5 stars for an article. The unique (article, visitor) pair is what
    stops a second vote, so two simultaneous requests cannot both get in."""

    __tablename__ = "vote"
    __table_args__ = (
        UniqueConstraint("article_id", "visitor"),
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars_1_to_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    visitor: Mapped[str] = mapped_column(String(64))  # the random id from the visitor cookie
    stars: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class RateLimitHits(db.Model):
    """Flask-Limiter's count for one key (a limit and a hashed address) in its current fixed
    window, when there is no Redis: in the database, so every worker and every restart of the
    server sees the same count (portal.web.rate_limit_store)."""

    __tablename__ = "rate_limit_hits"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    hits: Mapped[int]
    expires_at: Mapped[float] = mapped_column(index=True)  # seconds since the epoch, as `limits` counts
