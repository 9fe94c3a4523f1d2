"""The site's own settings: one row, edited by the webmaster; the main menu; and the content version."""

import enum

from sqlalchemy import DDL, CheckConstraint, ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db


class SiteSettings(db.Model):
    __tablename__ = "site_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="Cổng thông tin điện tử")
    tagline: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    footer: Mapped[str] = mapped_column(Text, default="")
    visit_offset: Mapped[int] = mapped_column(default=0, server_default="0")
    # The footer's legal lines (Nghị định 42/2022/NĐ-CP), the logo and the banner under the masthead.
    owner: Mapped[str] = mapped_column(String(300), default="", server_default="")  # cơ quan chủ quản
    licence: Mapped[str] = mapped_column(String(300), default="", server_default="")  # giấy phép số …
    responsible: Mapped[str] = mapped_column(String(200), default="", server_default="")  # người chịu trách nhiệm chính
    # The English section's name, introduction and footer lines (/en/); empty, the Vietnamese is shown
    # (marked lang="vi"). Addresses and names are shown as written, as the post and people know them.
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    introduction_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    licence_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    responsible_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    logo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    banner_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))

    logo = relationship("Media", foreign_keys=[logo_id], lazy="joined")
    banner = relationship("Media", foreign_keys=[banner_id], lazy="joined")


class MenuKind(enum.StrEnum):
    CATEGORY = "category"
    PAGE = "page"
    DOCUMENTS = "documents"
    LINK = "link"

    @property
    def label(self) -> str:
        return {"category": "Chuyên mục", "page": "Trang", "documents": "Thư viện văn bản", "link": "Liên kết"}[self.value]


class MenuItem(db.Model):
    """An entry of the main menu: a category, a page, the documents library or a link (a path of
    the site, /to-chuc, or an address elsewhere); ``parent_id`` puts it in a top entry's sub-menu
    (one level). An entry whose category or page goes goes with it."""

    __tablename__ = "menu_item"
    __table_args__ = (CheckConstraint("kind IN ('category', 'page', 'documents', 'link')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("menu_item.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(120))
    kind: Mapped[MenuKind] = mapped_column(String(10))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"))
    page_id: Mapped[int | None] = mapped_column(ForeignKey("page.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    category = relationship("Category", lazy="joined")
    page = relationship("Page", lazy="joined")


class ContentVersion(db.Model):
    """One row whose number goes up whenever content a public page shows is written: the
    signal that makes every app server's kept pages new ones (``portal.web.page_cache``).

    Database triggers raise it (``CONTENT_VERSION_DDL``), so every writer counts, raw SQL
    included, in the writer's own transaction. An article's views and rating are not content:
    its trigger watches only the columns a page shows as kept text."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0, server_default="0")


# Tables whose rows public pages show, and for the article the columns that are not live figures.
CONTENT_TABLES = (
    "article", "article_search", "category", "media", "sidebar_block", "song", "web_link", "site_settings",
    "document", "document_term", "document_file", "document_relation", "document_article", "document_search",
    "page", "unit", "person", "question", "question_topic", "menu_item", "article_translation", "page_translation",
    "album", "album_photo", "album_article", "poll", "poll_choice", "article_attachment",
    "featured_article", "home_block", "thread", "article_thread", "tag", "article_tag", "tag_redirect",
)  # fmt: skip
ARTICLE_CONTENT_COLUMNS = (
    "title, slug, summary, body, cover_id, cover_caption, byline, category_id, status, published_at, updated_at, expires_at"
)
# Tables with live figures beside their content: only these columns' updates are content.
WATCHED_COLUMNS = {
    "article": ARTICLE_CONTENT_COLUMNS,
    "poll": "question, multiple, closes_at, in_sidebar, article_id",  # not voters
    "poll_choice": "poll_id, label, position",  # not votes
}
RAISE_VERSION = (  # the row is made by the first write (and again after a TRUNCATE)
    "INSERT INTO content_version (id, version) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _sqlite_triggers() -> list[str]:
    statements = []
    for table in CONTENT_TABLES:
        changed = f"UPDATE OF {WATCHED_COLUMNS[table]}" if table in WATCHED_COLUMNS else "UPDATE"
        for suffix, operation in (("ai", "INSERT"), ("au", changed), ("ad", "DELETE")):
            statements.append(f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE_VERSION}; END")
    return statements


def _postgresql_triggers() -> list[str]:
    statements = [
        "CREATE OR REPLACE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {RAISE_VERSION}; RETURN NULL; END $$"
    ]
    for table in CONTENT_TABLES:
        if table in WATCHED_COLUMNS:
            statements.append(
                f"CREATE OR REPLACE TRIGGER content_version_{table}_au AFTER UPDATE OF {WATCHED_COLUMNS[table]} ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            )
            operations = "INSERT OR DELETE OR TRUNCATE"
        else:
            operations = "INSERT OR UPDATE OR DELETE OR TRUNCATE"
        statements.append(
            f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER {operations} ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        )
    return statements


CONTENT_VERSION_DDL = {"sqlite": _sqlite_triggers(), "postgresql": _postgresql_triggers()}

# After every table exists (create_all, as the tests build their databases); migration 0008 does
# the same on an existing database.
for _dialect, _statements in CONTENT_VERSION_DDL.items():
    for _statement in _statements:
        event.listen(db.metadata, "after_create", DDL(_statement).execute_if(dialect=_dialect))
