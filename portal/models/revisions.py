"""An article's history: every saved version, every change of state, and the unsaved text
its writers' editors keep on the server while they type."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from portal import clock
from portal.extensions import db
from portal.models.content import Article, ArticleStatus


class ArticleRevision(db.Model):
    """The article as one save left it, numbered 1, 2, 3 … per article. Restoring one copies
    it onto the article and makes a new revision: history is only ever added to."""

    __tablename__ = "article_revision"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_article_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    cover_caption: Mapped[str] = mapped_column(String(500), default="")
    byline: Mapped[str] = mapped_column(String(200), default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="SET NULL"))
    status: Mapped[ArticleStatus] = mapped_column(String(12))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))  # kept if the account goes
    note: Mapped[str] = mapped_column(String(200), default="")  # "Khôi phục từ bản 3", "Bản trước khi có lịch sử"
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    # The attached files (article_attachment ids) and the library documents it cited, in order: "3,7"
    attachment_ids: Mapped[str] = mapped_column(Text, default="", server_default="")
    document_ids: Mapped[str] = mapped_column(Text, default="", server_default="")

    article: Mapped[Article] = relationship(lazy="raise")

    @property
    def status_label(self) -> str:
        return ArticleStatus(self.status).label


class ArticleStateChange(db.Model):
    """One move along the article's path: who (None: the site itself, a scheduled article
    going live), when, from and to which state, and the comment (an editor's reason to return)."""

    __tablename__ = "article_state_change"
    __table_args__ = (
        Index("ix_article_state_change_article", "article_id", "created_at"),
        Index("ix_article_state_change_created_at", "created_at"),
        Index("ix_article_state_change_author", "user_id", "from_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    from_status: Mapped[ArticleStatus | None] = mapped_column(String(12))  # None: the article was created
    to_status: Mapped[ArticleStatus] = mapped_column(String(12))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def from_label(self) -> str:
        return ArticleStatus(self.from_status).label if self.from_status else "(mới tạo)"

    @property
    def to_label(self) -> str:
        return ArticleStatus(self.to_status).label


def authored_by(user_id: int):
    """The ids of the articles created by this account (their first state change)."""
    return select(ArticleStateChange.article_id).where(
        ArticleStateChange.from_status.is_(None), ArticleStateChange.user_id == user_id
    )


# The article's author: who created it, read from its first state change when asked for (the
# article table has no column for it; articles from before the newsroom have none).
Article.author_id = column_property(
    select(ArticleStateChange.user_id)
    .where(ArticleStateChange.article_id == Article.id, ArticleStateChange.from_status.is_(None))
    .limit(1)
    .scalar_subquery(),
    deferred=True,
)


class ArticleAutosave(db.Model):
    """What one person has typed in the article form and not yet saved, posted every few
    seconds: one row per person and article (``article_id`` None: a new article)."""

    __tablename__ = "article_autosave"
    __table_args__ = (Index("ix_article_autosave_owner", "user_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    fields: Mapped[str] = mapped_column(Text)  # the form's text fields, as JSON
    version: Mapped[int | None]  # the article's version the text was typed on
    saved_at: Mapped[datetime] = mapped_column(default=clock.now)
