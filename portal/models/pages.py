"""The site's own pages (Giới thiệu, Lịch sử …): a tree at clean Vietnamese URLs, each save kept
as a revision."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db
from portal.models.content import ENGLISH, VIETNAMESE

# An English page and the Vietnamese page it translates, as for articles.
page_translation = Table(
    "page_translation",
    db.metadata,
    Column("page_id", ForeignKey("page.id", ondelete="CASCADE"), primary_key=True),  # the English version
    Column("original_id", ForeignKey("page.id", ondelete="CASCADE"), nullable=False, unique=True),
)


class Page(db.Model):
    """A page; ``parent_id`` puts it under another, and its address is its slugs from the top
    (``/gioi-thieu/lich-su``). A page that is not published is seen only in the admin."""

    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("parent_id", "slug", name="uq_page_parent_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(String(500), default="", server_default="")
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    published: Mapped[bool] = mapped_column(default=True, server_default=true())
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)
    # "en": an English page, under /en/; its parent, if any, is an English page too.
    language: Mapped[str] = mapped_column(String(2), default=VIETNAMESE, server_default=VIETNAMESE)

    parent: Mapped["Page | None"] = relationship(remote_side=[id], back_populates="children", lazy="joined", join_depth=4)
    children: Mapped[list["Page"]] = relationship(back_populates="parent", order_by="(Page.position, Page.id)", lazy="selectin")
    original: Mapped["Page | None"] = relationship(
        secondary=page_translation, primaryjoin=lambda: Page.id == page_translation.c.page_id,
        secondaryjoin=lambda: Page.id == page_translation.c.original_id, uselist=False, lazy="select",
        back_populates="translation",
    )  # fmt: skip
    translation: Mapped["Page | None"] = relationship(
        secondary=page_translation, primaryjoin=lambda: Page.id == page_translation.c.original_id,
        secondaryjoin=lambda: Page.id == page_translation.c.page_id, uselist=False, lazy="select",
        back_populates="original",
    )  # fmt: skip

    @property
    def ancestors(self) -> list["Page"]:
        """The pages above this one, from the top."""
        chain, page = [], self.parent
        while page is not None:
            chain.insert(0, page)
            page = page.parent
        return chain

    @property
    def slugs(self) -> str:
        """Its slugs from the top: ``gioi-thieu/lich-su``."""
        return "/".join(page.slug for page in (*self.ancestors, self))

    @property
    def path(self) -> str:
        """The page's address: ``/gioi-thieu/lich-su``; an English page's is under /en/ (``/en/about``)."""
        return ("/en/" if self.language == ENGLISH else "/") + self.slugs

    @property
    def visible(self) -> bool:
        """Published, and every page above it too."""
        return self.published and all(page.published for page in self.ancestors)


class PageRevision(db.Model):
    """The page as one save left it, numbered 1, 2, 3 … per page; restoring one adds a new one."""

    __tablename__ = "page_revision"
    __table_args__ = (UniqueConstraint("page_id", "number", name="uq_page_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id", ondelete="CASCADE"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))  # kept if the account goes
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
