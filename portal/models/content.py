"""Categories, articles and uploaded media."""

import enum
from collections.abc import Callable
from datetime import datetime

from flask import url_for
from sqlalchemy import CheckConstraint, Column, ColumnElement, ForeignKey, Index, String, Table, Text, and_, case, literal
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db


class ArticleStatus(enum.StrEnum):
    """The article's path (portal.services.workflow moves it): nháp → chờ duyệt → (trả lại) →
    đã đăng or hẹn giờ → gỡ xuống → thùng rác."""

    DRAFT = "draft"
    PENDING = "pending"
    RETURNED = "returned"
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    UNPUBLISHED = "unpublished"
    TRASHED = "trashed"
    # Never stored: a published or scheduled article past its end time (``expires_at``), as
    # ``status_at`` reports it; it left the public site by itself, without anything rewriting it.
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    ArticleStatus.DRAFT: "Nháp",
    ArticleStatus.PENDING: "Chờ duyệt",
    ArticleStatus.RETURNED: "Bị trả lại",
    ArticleStatus.PUBLISHED: "Đã đăng",
    ArticleStatus.SCHEDULED: "Hẹn giờ",
    ArticleStatus.UNPUBLISHED: "Đã gỡ xuống",
    ArticleStatus.TRASHED: "Trong thùng rác",
    ArticleStatus.EXPIRED: "Hết hạn",
}
# The only states a visitor may ever see (a scheduled article once its time has come).
PUBLIC_STATES = frozenset({ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED})
HIDDEN_STATES = tuple(status.value for status in ArticleStatus if status not in PUBLIC_STATES)


class MediaKind(enum.StrEnum):
    IMAGE = "image"
    AUDIO = "audio"


class Category(db.Model):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))

    parent: Mapped["Category | None"] = relationship(
        remote_side=[id], back_populates="children", lazy="raise"
    )
    children: Mapped[list["Category"]] = relationship(back_populates="parent", lazy="raise")
    articles: Mapped[list["Article"]] = relationship(back_populates="category", lazy="raise")

    @property
    def url(self) -> str:
        return url_for("news.category", slug=self.slug)


def upload_path(filename: str) -> str:
    """An upload's address for HTML stored in article bodies, where no request is at hand."""
    return f"/uploads/{filename}"


class Media(db.Model):
    """An uploaded file kept under the instance's uploads folder with a generated name."""

    __tablename__ = "media"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MediaKind] = mapped_column(String(10))
    filename: Mapped[str] = mapped_column(String(200), unique=True)
    mime_type: Mapped[str] = mapped_column(String(80))
    size: Mapped[int] = mapped_column(default=0)
    width: Mapped[int | None]
    height: Mapped[int | None]
    alt: Mapped[str] = mapped_column(String(300), default="")
    # Widths of the smaller copies kept beside the file ("320,800"), named <stem>-<width>.<ext>.
    renditions: Mapped[str] = mapped_column(String(60), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def url(self) -> str:
        return url_for("news.upload", filename=self.filename)

    @property
    def rendition_widths(self) -> list[int]:
        return [int(width) for width in self.renditions.split(",") if width]

    def rendition_filename(self, width: int) -> str:
        stem, _, extension = self.filename.rpartition(".")
        return f"{stem}-{width}.{extension}"

    def srcset_with(self, address: Callable[[str], str]) -> str:
        """The ``srcset`` value listing every kept width, the original last; empty without renditions."""
        if not self.renditions or not self.width:
            return ""
        sources = [f"{address(self.rendition_filename(width))} {width}w" for width in self.rendition_widths]
        return ", ".join([*sources, f"{address(self.filename)} {self.width}w"])

    @property
    def srcset(self) -> str:
        return self.srcset_with(lambda filename: url_for("news.upload", filename=filename))

    @property
    def path(self) -> str:
        return upload_path(self.filename)


# Languages of articles and pages: Vietnamese, the site's own, and English, whose versions live
# under /en/ (``portal.pages.english``).
VIETNAMESE, ENGLISH = "vi", "en"

# An English article and the Vietnamese one it translates: one row per pair, each side at most once.
article_translation = Table(
    "article_translation",
    db.metadata,
    Column("article_id", ForeignKey("article.id", ondelete="CASCADE"), primary_key=True),  # the English version
    Column("original_id", ForeignKey("article.id", ondelete="CASCADE"), nullable=False, unique=True),
)


class Article(db.Model):
    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_listing", "status", "published_at"),
        Index("ix_article_category_listing", "category_id", "status", "published_at"),
        # Walked in order, newest first or most read first, so a LIMIT stops early at any size:
        Index("ix_article_published_at", "published_at"),
        Index("ix_article_category_published", "category_id", "published_at"),
        Index("ix_article_most_read", "view_count", "published_at"),
        Index("ix_article_expires_at", "expires_at"),  # the page cache asks for the next end time to come
        CheckConstraint("rating_count >= 0 AND rating_sum >= 0", name="rating_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # sanitised HTML, see services.content
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"))
    cover_caption: Mapped[str] = mapped_column(String(500), default="")
    byline: Mapped[str] = mapped_column(String(200), default="")
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    status: Mapped[ArticleStatus] = mapped_column(String(12), default=ArticleStatus.DRAFT)
    published_at: Mapped[datetime | None]
    # When it leaves the public site by itself (None: never), filtered like published_at (is_visible).
    expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    # Set by the service that edits the article; counters and votes must not touch it.
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)
    view_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # Raised by every save and move of the article (portal.services.workflow.claim): a form
    # carries the version it was opened at, and a save from an older one is refused.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    trashed_at: Mapped[datetime | None]  # when it went to the bin, purged 30 days later
    rating_count: Mapped[int] = mapped_column(default=0, server_default="0")
    rating_sum: Mapped[int] = mapped_column(default=0, server_default="0")
    # "en": an English version, shown only under /en/ and never in the Vietnamese lists.
    language: Mapped[str] = mapped_column(String(2), default=VIETNAMESE, server_default=VIETNAMESE)

    category: Mapped[Category] = relationship(back_populates="articles", lazy="joined")
    cover: Mapped[Media | None] = relationship(lazy="joined")
    # The Vietnamese article this English one translates, and the other way round.
    original: Mapped["Article | None"] = relationship(
        secondary=article_translation, primaryjoin=lambda: Article.id == article_translation.c.article_id,
        secondaryjoin=lambda: Article.id == article_translation.c.original_id, uselist=False, lazy="select",
        back_populates="translation",
    )  # fmt: skip
    translation: Mapped["Article | None"] = relationship(
        secondary=article_translation, primaryjoin=lambda: Article.id == article_translation.c.original_id,
        secondaryjoin=lambda: Article.id == article_translation.c.article_id, uselist=False, lazy="select",
        back_populates="original",
    )  # fmt: skip

    @property
    def url(self) -> str:
        if self.language == ENGLISH:
            return url_for("pages.english_article", slug=self.slug, article_id=self.id)
        return url_for("news.article", category_slug=self.category.slug, slug=self.slug, article_id=self.id)

    @property
    def rating_average(self) -> float | None:
        return self.rating_sum / self.rating_count if self.rating_count else None

    @property
    def status_label(self) -> str:
        return ArticleStatus(self.status).label

    # The state a person sees at ``now``, in Python and in SQL alike: a scheduled article whose
    # time has come is published, and a public one past its end time has expired (the public
    # shows, then hides, it; nothing has to rewrite the row).
    @hybrid_method
    def status_at(self, now: datetime) -> ArticleStatus:
        if self.status in PUBLIC_STATES and self.expires_at is not None and self.expires_at <= now:
            return ArticleStatus.EXPIRED
        live = self.status == ArticleStatus.SCHEDULED and self.published_at is not None and self.published_at <= now
        return ArticleStatus.PUBLISHED if live else ArticleStatus(self.status)

    @status_at.expression
    def status_at(cls, now: datetime) -> ColumnElement[str]:
        expired = and_(cls.status.in_(PUBLIC_STATES), cls.expires_at <= now)
        live = and_(cls.status == ArticleStatus.SCHEDULED, cls.published_at <= now)
        return case(
            (expired, literal(ArticleStatus.EXPIRED.value)), (live, literal(ArticleStatus.PUBLISHED.value)), else_=cls.status
        )

    @hybrid_method
    def changed_at(self, now: datetime) -> datetime:
        """The last time the article changed for a reader: its last edit, or the moment it went live."""
        if self.status in PUBLIC_STATES and self.published_at is not None:
            if self.updated_at < self.published_at <= now:
                return self.published_at
        return self.updated_at

    @changed_at.expression
    def changed_at(cls, now: datetime) -> ColumnElement[datetime]:
        went_live = and_(cls.status.not_in(HIDDEN_STATES), cls.published_at > cls.updated_at, cls.published_at <= now)
        return case((went_live, cls.published_at), else_=cls.updated_at)
