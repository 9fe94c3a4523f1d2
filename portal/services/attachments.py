"""An article's attached files and the library documents it cites: what a save changes, what a
revision keeps of them, what a reader may download.

The files go through the library's pipeline (``portal.services.document_files``: recognised by
content, bounded, read in a limited child process, the first pages of a PDF drawn) and are
written only with the save's transaction (``files_written``). A file taken off the article keeps
its row and bytes (``removed_at``): each revision lists the files the article had then, and
restoring it puts them back.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from portal.extensions import db
from portal.models import Article, ArticleAttachment, Document, DocumentStatus
from portal.services.content import is_visible
from portal.services.document_files import PreparedFile


@dataclass
class AttachmentChanges:
    """What the article form asks of the files: new ones (added at the end, in order), the ids to
    take off, and the place wanted for each kept one (``order``: id → number typed)."""

    folder: Path
    uploads: list[PreparedFile] = field(default_factory=list)
    removed: set[int] = field(default_factory=set)
    order: dict[int, int] = field(default_factory=dict)

    def kept_in_order(self, current: list[ArticleAttachment]) -> list[ArticleAttachment]:
        """The files staying on the article, in the order typed (ties keep their old order)."""
        kept = [item for item in current if item.id not in self.removed]
        return sorted(kept, key=lambda item: (self.order.get(item.id, item.position + 1), current.index(item)))

    def changes(self, current: list[ArticleAttachment]) -> bool:
        return bool(self.uploads) or [item.id for item in self.kept_in_order(current)] != [item.id for item in current]


def ids_text(ids) -> str:
    return ",".join(str(id_) for id_ in ids)


def ids_of(text: str) -> list[int]:
    return [int(part) for part in (text or "").split(",") if part]


def attachment_ids(article: Article) -> str:
    """The files on the article now, as a revision keeps them."""
    return ids_text(item.id for item in article.attachments)


def document_ids(article: Article) -> str:
    """The documents the article cites now, as a revision keeps them."""
    return ids_text(sorted(document.id for document in article.documents))


def apply(article: Article, changes: AttachmentChanges, now: datetime) -> None:
    """Take off, reorder and add the files, in the caller's transaction (the new files' bytes are
    written by the caller, with ``files_written``)."""
    current = list(article.attachments)
    kept = changes.kept_in_order(current)
    for item in current:
        if item not in kept:
            item.removed_at = now
    for position, item in enumerate([*kept, *(upload.row for upload in changes.uploads)]):
        item.position = position
        if item.id is None:
            item.article_id = article.id
            db.session.add(item)
    db.session.flush()
    db.session.expire(article, ["attachments"])


def put_back(article: Article, attachments: str, documents: str, now: datetime) -> None:
    """Make the files and documents a revision kept the article's again (restoring it): its files
    in its order, the others taken off; its documents that are still in the library."""
    wanted = ids_of(attachments)
    rows = db.session.execute(select(ArticleAttachment).where(ArticleAttachment.article_id == article.id)).scalars()
    for item in rows:
        if item.id in wanted:
            item.removed_at, item.position = None, wanted.index(item.id)
        elif item.removed_at is None:
            item.removed_at = now
    article.documents = documents_chosen(ids_of(documents), keep=article.documents)
    db.session.flush()
    db.session.expire(article, ["attachments"])


def documents_chosen(ids: list[int], keep: list[Document] = ()) -> list[Document]:
    """The published documents of ``ids``, and those of ``keep`` among them whatever their state
    (a document hidden since it was cited stays cited, and is not shown)."""
    kept = {document.id: document for document in keep if document.id in ids}
    query = select(Document).where(Document.id.in_(ids), Document.status == DocumentStatus.PUBLISHED)
    found = {document.id: document for document in db.session.execute(query).scalars()}
    return list((found | kept).values())


def names_by_id(article_id: int) -> dict[int, str]:
    """The names of every file the article has had (the history lists each revision's)."""
    query = select(ArticleAttachment.id, ArticleAttachment.original_name).where(ArticleAttachment.article_id == article_id)
    return dict(db.session.execute(query).all())


def names(attachments: str) -> list[str]:
    """The files of a revision by their names, in its order (for the comparison of two revisions)."""
    wanted = ids_of(attachments)
    rows = db.session.execute(select(ArticleAttachment).where(ArticleAttachment.id.in_(wanted))).scalars()
    found = {item.id: item.original_name for item in rows}
    return [found[id_] for id_ in wanted if id_ in found]


def visible_attachment(attachment_id: int, now: datetime) -> ArticleAttachment | None:
    """A file on an article a visitor may read now; None for a draft's, a removed one, any other."""
    query = (
        select(ArticleAttachment)
        .join(Article, Article.id == ArticleAttachment.article_id)
        .where(ArticleAttachment.id == attachment_id, ArticleAttachment.removed_at.is_(None), is_visible(now))
    )
    return db.session.execute(query).scalar_one_or_none()
