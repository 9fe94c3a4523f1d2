"""What the home page leads with and how it is laid out: the featured articles (tiêu điểm) in
the editors' order, and the webmaster's blocks of categories."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.content import Article, Category


class FeaturedArticle(db.Model):
    """An article pinned to the top of the home page, at ``position`` (1 leads), until ``until``
    (None: until unpinned). Positions are rewritten 1..n by every change, one change at a time
    (portal.services.featured)."""

    __tablename__ = "featured_article"
    __table_args__ = (CheckConstraint("position >= 1", name="position_positive"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int]
    until: Mapped[datetime | None]
    pinned_by: Mapped[str] = mapped_column(String(80), default="", server_default="")
    pinned_at: Mapped[datetime]

    article: Mapped[Article] = relationship(lazy="joined")


class HomeBlock(db.Model):
    """A category's block on the home page: shown or not, where, how many articles, with their
    pictures or as a plain list. Without any row the home page shows every top category."""

    __tablename__ = "home_block"
    __table_args__ = (CheckConstraint("items BETWEEN 1 AND 20", name="items_bounded"),)

    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"), primary_key=True)
    shown: Mapped[bool] = mapped_column(default=True, server_default=true())
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    items: Mapped[int] = mapped_column(default=4, server_default="4")
    pictures: Mapped[bool] = mapped_column(default=True, server_default=true())

    category: Mapped[Category] = relationship(lazy="joined")
