"""Chuyên đề (threads) and tags: what an article is about, beyond its one category.

A thread is curated (name, cover, description, an optional start and end, a banner on the home
page while it runs); a tag is free, made by typing it in the editor, one per slug, so that
"Hội nghị" and "hoi nghi" are one tag. A tag renamed or merged keeps its old slugs in
``tag_redirect`` and their addresses answer 301.
"""

from datetime import datetime

from flask import url_for
from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db
from portal.models.content import Media

article_thread = Table(
    "article_thread",
    db.metadata,
    Column("article_id", ForeignKey("article.id", ondelete="CASCADE"), primary_key=True),
    Column("thread_id", ForeignKey("thread.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_thread_thread", "thread_id"),  # a thread's page lists its articles
)

article_tag = Table(
    "article_tag",
    db.metadata,
    Column("article_id", ForeignKey("article.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_tag_tag", "tag_id"),
)


class Thread(db.Model):
    """A chuyên đề: articles of any category gathered under one campaign or event."""

    __tablename__ = "thread"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    on_home: Mapped[bool] = mapped_column(default=False, server_default=false())  # a banner on the home page while it runs
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)

    cover: Mapped[Media | None] = relationship(lazy="joined")

    @property
    def url(self) -> str:
        return url_for("news.thread", thread_slug=self.slug)

    def runs_at(self, now: datetime) -> bool:
        """Has it started and not yet ended at ``now``?"""
        return (self.starts_at is None or self.starts_at <= now) and (self.ends_at is None or now < self.ends_at)


class Tag(db.Model):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    slug: Mapped[str] = mapped_column(String(100), unique=True)  # the tag's identity: diacritics and case folded

    @property
    def url(self) -> str:
        return url_for("news.tag", tag_slug=self.slug)


class TagRedirect(db.Model):
    """A slug a tag had before it was renamed, or of a tag merged into it: its pages answer 301."""

    __tablename__ = "tag_redirect"

    slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
