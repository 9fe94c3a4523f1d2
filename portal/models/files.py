"""What an uploaded văn bản file is, wherever it hangs: a document's file (``DocumentFile``) or an
article's attachment (``ArticleAttachment``). The columns and names are the same for both, so one
pipeline (``portal.services.document_files``) checks, reads and prepares either."""

from datetime import datetime

from sqlalchemy import String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock


class StoredFile:
    """A file stored under a random name (``<24 hex>.<kind>``), with the text read from it and the
    PNG pictures of its first pages (``<stem>-p1.png`` …) drawn when it was uploaded."""

    filename: Mapped[str] = mapped_column(String(200), unique=True)
    original_name: Mapped[str] = mapped_column(String(200))
    extension: Mapped[str] = mapped_column(String(8))
    mime_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int]
    page_count: Mapped[int | None]
    preview_pages: Mapped[int] = mapped_column(default=0, server_default="0")
    has_text: Mapped[bool] = mapped_column(default=False, server_default=false())
    text: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    def preview_filename(self, page: int) -> str:
        return f"{self.filename.rpartition('.')[0]}-p{page}.png"

    @property
    def stored_names(self) -> list[str]:
        """The file and its pictures, as written in the folder."""
        return [self.filename, *(self.preview_filename(page) for page in range(1, self.preview_pages + 1))]

    @property
    def type_label(self) -> str:
        return self.extension.upper()
