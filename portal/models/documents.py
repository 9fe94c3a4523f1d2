"""The văn bản library: official documents with their fields, files, links and search index.

A document (``Document``) is what an official site lists: số/ký hiệu, loại, cơ quan ban hành,
lĩnh vực, trích yếu, người ký and chức vụ, the dates and whether it is still in force. Loại,
cơ quan and lĩnh vực are rows of one table of terms (``DocumentTerm``, told apart by ``kind``),
so the webmaster manages the lists. A document has one or more files (``DocumentFile``) with
the text extracted from them and the preview images rendered at upload; it may cite other
documents and be cited by articles. Each save is kept as a revision (``DocumentRevision``) with
the files in use then; a replaced file is kept, so an older revision can be restored whole.

``document_search`` holds each document's folded words (fields and the text of its files) for
search, with SQLite FTS5 and PostgreSQL tsvector built through DDL events as for articles
(``portal.models.search``); migration 0015 builds the same on an existing database.
"""

import enum
from datetime import date, datetime

from flask import url_for
from sqlalchemy import DDL, CheckConstraint, and_, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db
from portal.models.content import Article
from portal.models.files import StoredFile


class TermKind(enum.StrEnum):
    """The three lists a document is filed under."""

    TYPE = "type"
    ISSUER = "issuer"
    FIELD = "field"

    @property
    def label(self) -> str:
        return TERM_LABELS[self]


TERM_LABELS = {TermKind.TYPE: "Loại văn bản", TermKind.ISSUER: "Cơ quan ban hành", TermKind.FIELD: "Lĩnh vực"}


class DocumentStatus(enum.StrEnum):
    PUBLISHED = "published"
    DRAFT = "draft"
    HIDDEN = "hidden"

    @property
    def label(self) -> str:
        return {"published": "Đã đăng", "draft": "Nháp", "hidden": "Đã ẩn"}[self.value]


class Validity(enum.StrEnum):
    """Tình trạng hiệu lực."""

    IN_FORCE = "in_force"
    EXPIRED = "expired"
    REPLACED = "replaced"

    @property
    def label(self) -> str:
        return {"in_force": "Còn hiệu lực", "expired": "Hết hiệu lực", "replaced": "Bị thay thế"}[self.value]


class DocumentTerm(db.Model):
    """One entry of a list: a loại (Kế hoạch), a cơ quan (Ban Tuyên giáo Thị ủy) or a lĩnh vực."""

    __tablename__ = "document_term"
    __table_args__ = (
        UniqueConstraint("kind", "slug", name="uq_document_term_kind_slug"),
        CheckConstraint("kind IN ('type', 'issuer', 'field')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TermKind] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0, server_default="0")


document_relation = Table(
    "document_relation",
    db.metadata,
    Column("document_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("related_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
)
document_article = Table(
    "document_article",
    db.metadata,
    Column("document_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ForeignKey("article.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_document_article_article", "article_id"),  # an article page asks for the documents it cites
)


class Document(db.Model):
    __tablename__ = "document"
    __table_args__ = (
        Index("ix_document_listing", "status", "issued_on", "id"),
        CheckConstraint("status IN ('published', 'draft', 'hidden')", name="status_known"),
        CheckConstraint("validity IN ('in_force', 'expired', 'replaced')", name="validity_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(80))  # số/ký hiệu: 14-KH/BTGThU
    title: Mapped[str] = mapped_column(String(500))  # trích yếu
    slug: Mapped[str] = mapped_column(String(200))
    # A draft made from an uploaded file may lack these until a person fills them in; the
    # service refuses to publish a document without them (portal.services.documents).
    type_id: Mapped[int | None] = mapped_column(ForeignKey("document_term.id"), index=True)
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("document_term.id"), index=True)
    field_id: Mapped[int | None] = mapped_column(ForeignKey("document_term.id"), index=True)
    place: Mapped[str] = mapped_column(String(120), default="", server_default="")
    issued_on: Mapped[date | None]
    effective_on: Mapped[date | None]
    signer: Mapped[str] = mapped_column(String(120), default="", server_default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    validity: Mapped[Validity] = mapped_column(String(10), default=Validity.IN_FORCE, server_default="in_force")
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    status: Mapped[DocumentStatus] = mapped_column(String(10), default=DocumentStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)

    type: Mapped[DocumentTerm | None] = relationship(foreign_keys=[type_id], lazy="joined")
    issuer: Mapped[DocumentTerm | None] = relationship(foreign_keys=[issuer_id], lazy="joined")
    field: Mapped[DocumentTerm | None] = relationship(foreign_keys=[field_id], lazy="joined")
    replaced_by: Mapped["Document | None"] = relationship(remote_side=[id], lazy="select")
    # The files in use; a replaced one is kept, with the time it was replaced, in ``old_files``.
    files: Mapped[list["DocumentFile"]] = relationship(
        primaryjoin=lambda: and_(Document.id == DocumentFile.document_id, DocumentFile.replaced_at.is_(None)),
        back_populates="document", order_by="DocumentFile.position", lazy="selectin", cascade="all, delete-orphan",
    )  # fmt: skip
    old_files: Mapped[list["DocumentFile"]] = relationship(
        primaryjoin=lambda: and_(Document.id == DocumentFile.document_id, DocumentFile.replaced_at.is_not(None)),
        order_by="DocumentFile.replaced_at.desc()", lazy="select", viewonly=True,
    )  # fmt: skip
    related: Mapped[list["Document"]] = relationship(
        secondary=document_relation,
        primaryjoin=lambda: Document.id == document_relation.c.document_id,
        secondaryjoin=lambda: Document.id == document_relation.c.related_id,
        lazy="select",
    )
    # The other side of ``related``: documents that name this one; a page shows both (``relatives``).
    relating: Mapped[list["Document"]] = relationship(
        secondary=document_relation,
        primaryjoin=lambda: Document.id == document_relation.c.related_id,
        secondaryjoin=lambda: Document.id == document_relation.c.document_id,
        lazy="select",
        viewonly=True,
    )
    articles: Mapped[list[Article]] = relationship(secondary=document_article, back_populates="documents", lazy="select")

    @property
    def url(self) -> str:
        return url_for("documents.document", slug=self.slug, document_id=self.id)

    @property
    def relatives(self) -> list["Document"]:
        """The published documents related either way, each once, newest first."""
        both = {document.id: document for document in [*self.related, *self.relating] if document.status == DocumentStatus.PUBLISHED}
        return sorted(both.values(), key=lambda document: (document.issued_on, document.id), reverse=True)

    @property
    def status_label(self) -> str:
        return DocumentStatus(self.status).label

    @property
    def validity_label(self) -> str:
        return Validity(self.validity).label

    @property
    def is_scan(self) -> bool:
        """Its PDF has no text layer (a scan) and no file has text: it is found by its fields only.
        (Word, Excel and OpenDocument files other than DOCX are not read, which makes no scan.)"""
        return any(file.extension == "pdf" for file in self.files) and not any(file.has_text for file in self.files)


class DocumentFile(StoredFile, db.Model):
    """A file of a document, in the uploads folder (``StoredFile``)."""

    __tablename__ = "document_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    replaced_at: Mapped[datetime | None]  # a newer file took its place then; kept, never shown to readers

    document: Mapped[Document] = relationship(back_populates="files", lazy="raise")

    @property
    def url(self) -> str:
        return url_for("news.upload", filename=self.filename)

    @property
    def preview_urls(self) -> list[str]:
        return [url_for("news.upload", filename=self.preview_filename(page)) for page in range(1, self.preview_pages + 1)]


class DocumentRevision(db.Model):
    """The document as one save left it, numbered 1, 2, 3 … per document: its fields (JSON, as
    ``portal.services.documents`` writes them) and the ids of the files in use then, in order.
    Files are never deleted while their document lives, so restoring a revision brings its files
    back too; restoring adds a new revision (history is only ever added to)."""

    __tablename__ = "document_revision"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_document_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    number: Mapped[int]
    fields: Mapped[str] = mapped_column(Text)
    file_ids: Mapped[str] = mapped_column(Text, default="")  # "12,15"
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))  # kept if the account goes
    note: Mapped[str] = mapped_column(String(300), default="")  # "Thay tệp a.pdf bằng b.pdf", "Khôi phục từ bản 2"
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


# The other side: the library documents an article cites (chosen in the article form too).
Article.documents = relationship(Document, secondary=document_article, back_populates="articles", lazy="select")


def document_path(document: Document) -> str:
    """A document's address for HTML stored in article bodies, where no request is at hand."""
    return f"/van-ban/{document.slug}-{document.id}.html"


# The search index ---------------------------------------------------------------------------

DOCUMENT_FTS_TABLE = "document_search_fts"
PG_DOCUMENT_INDEX = "ix_document_search_words"
PG_WORDS_COLUMN = "words"


class DocumentSearch(db.Model):
    """One document's words, folded: ``title`` (số/ký hiệu, loại, trích yếu) and ``body`` (the
    other fields and the text of its files); written by ``portal.services.documents``."""

    __tablename__ = "document_search"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


DOCUMENT_SEARCH_DDL = {
    "sqlite": [
        f"CREATE VIRTUAL TABLE {DOCUMENT_FTS_TABLE} USING fts5(title, body, "
        "content='document_search', content_rowid='document_id', tokenize='unicode61')",
        "CREATE TRIGGER document_search_ai AFTER INSERT ON document_search BEGIN "
        f"INSERT INTO {DOCUMENT_FTS_TABLE}(rowid, title, body) VALUES (new.document_id, new.title, new.body); END",
        "CREATE TRIGGER document_search_ad AFTER DELETE ON document_search BEGIN "
        f"INSERT INTO {DOCUMENT_FTS_TABLE}({DOCUMENT_FTS_TABLE}, rowid, title, body) "
        "VALUES ('delete', old.document_id, old.title, old.body); END",
        "CREATE TRIGGER document_search_au AFTER UPDATE ON document_search BEGIN "
        f"INSERT INTO {DOCUMENT_FTS_TABLE}({DOCUMENT_FTS_TABLE}, rowid, title, body) "
        "VALUES ('delete', old.document_id, old.title, old.body); "
        f"INSERT INTO {DOCUMENT_FTS_TABLE}(rowid, title, body) VALUES (new.document_id, new.title, new.body); END",
    ],
    "postgresql": [
        f"ALTER TABLE document_search ADD COLUMN {PG_WORDS_COLUMN} tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
        f"CREATE INDEX {PG_DOCUMENT_INDEX} ON document_search USING gin ({PG_WORDS_COLUMN})",
    ],
}

for _dialect, _statements in DOCUMENT_SEARCH_DDL.items():
    for _statement in _statements:
        event.listen(DocumentSearch.__table__, "after_create", DDL(_statement).execute_if(dialect=_dialect))
event.listen(
    DocumentSearch.__table__, "before_drop", DDL(f"DROP TABLE IF EXISTS {DOCUMENT_FTS_TABLE}").execute_if(dialect="sqlite")
)
