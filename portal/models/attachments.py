"""Files attached to an article (PDF, DOC, DOCX, XLS, XLSX, ODT), read and previewed like the
library's (``StoredFile``), listed under the article's body as "Tài liệu đính kèm".

They live in their own folder under the uploads (``ATTACHMENT_FOLDER``), which ``/uploads`` does
not serve: each is sent by a view that asks first whether the reader may see its article (a
draft's files are not public). A file taken off the article keeps its row and its bytes, with the
time it was taken off, so an older revision of the article that listed it can be restored.
"""

from datetime import datetime

from flask import url_for
from sqlalchemy import ForeignKey, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.content import Article
from portal.models.files import StoredFile

ATTACHMENT_FOLDER = "dinh-kem"  # under UPLOAD_FOLDER


class ArticleAttachment(StoredFile, db.Model):
    __tablename__ = "article_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    removed_at: Mapped[datetime | None]  # taken off the article then; kept for its revisions

    def download_url(self, admin: bool = False) -> str:
        """Where the file is downloaded: the public address, or the admin's (any state)."""
        if admin:
            return url_for("admin.article_attachment", article_id=self.article_id, attachment_id=self.id)
        return url_for("news.attachment", attachment_id=self.id)

    def page_urls(self, admin: bool = False) -> list[str]:
        """The pictures of its first pages, public or the admin's."""
        if admin:
            return [url_for("admin.article_attachment_page", article_id=self.article_id, attachment_id=self.id, page=page)
                    for page in range(1, self.preview_pages + 1)]  # fmt: skip
        return [url_for("news.attachment_page", attachment_id=self.id, page=page) for page in range(1, self.preview_pages + 1)]


# The files on the article now, in their order (the article page and the form list them).
Article.attachments = relationship(
    ArticleAttachment,
    primaryjoin=and_(Article.id == ArticleAttachment.article_id, ArticleAttachment.removed_at.is_(None)),
    order_by=(ArticleAttachment.position, ArticleAttachment.id),
    lazy="select",
    viewonly=True,
)
