"""A document's uploaded file: recognised by its content, checked against the name it came with,
bounded, read (``portal.services.document_analysis``) and prepared for storage.

Only PDF, DOC, DOCX, XLS, XLSX and ODT are taken. The kind comes from the bytes (a PDF header,
an OLE2 compound file, a ZIP whose parts say Word, Excel or OpenDocument); a file whose name
says otherwise is refused. A ZIP-based file is measured from its central directory before any
part is inflated, so a "DOCX bomb" (a few kilobytes that inflate to gigabytes) is refused
without being opened. The stored name is random with the kind's extension, and /uploads sends
these kinds as downloads of their own type, never as HTML or script.
"""

import io
import secrets
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from portal.extensions import db
from portal.models import DocumentFile
from portal.models.files import StoredFile
from portal.services.document_analysis import AnalysisError, analyse, analyse_bounded
from portal.services.media import MediaError, read_limited, remove_files, write_all

KINDS = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}
ACCEPTED = "PDF, DOC, DOCX, XLS, XLSX hoặc ODT"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAX_PARTS = 2000
ZIP_MAX_INFLATED = 100 * 1024 * 1024  # bytes of all parts inflated
ZIP_MAX_RATIO = 200  # a part inflating more than this, past a megabyte, is a bomb


@dataclass(frozen=True)
class DocumentLimits:
    folder: Path
    max_bytes: int
    preview_pages: int = 3
    seconds: float = 30.0
    bounded: bool = True  # False: read in this process (the demo's own files)


@dataclass
class PreparedFile:
    """A checked file not yet stored: its row and the files (the original, the previews) to write."""

    row: StoredFile  # a DocumentFile, or an ArticleAttachment
    files: dict[str, bytes]


def _zip_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise MediaError("Tệp bị hỏng: không đọc được nội dung nén của tệp.") from None
    inflated = sum(part.file_size for part in parts)
    bomb = any(part.file_size > 1024 * 1024 and part.file_size > ZIP_MAX_RATIO * max(part.compress_size, 1) for part in parts)
    if len(parts) > ZIP_MAX_PARTS or inflated > ZIP_MAX_INFLATED or bomb:
        raise MediaError("Tệp bị từ chối: nội dung nén bung ra quá lớn (có thể là tệp độc hại).")
    names = {part.filename for part in parts}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and archive.read("mimetype").strip() == KINDS["odt"].encode():
        return "odt"
    raise MediaError(f"Tệp nén này không phải văn bản {ACCEPTED}.")


def kind_of(data: bytes) -> str:
    """The file's kind from its content, or ``MediaError``."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE2):
        return "xls" if "Workbook".encode("utf-16-le") in data[:65536 * 4] else "doc"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    raise MediaError(f"Tệp không phải văn bản {ACCEPTED}.")


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _checked_kind(data: bytes, original_name: str) -> str:
    claimed = _extension(original_name)
    if claimed not in KINDS:
        raise MediaError(f"Chỉ nhận tệp {ACCEPTED}.")
    kind = kind_of(data)
    if kind != claimed:
        raise MediaError(f"Tệp có đuôi .{claimed} nhưng nội dung là tệp {kind.upper()}. Hãy kiểm tra lại tệp.")
    return kind


def _display_name(name: str) -> str:
    """The name shown beside the download: the last path part, no control characters, bounded."""
    base = name.replace("\\", "/").rpartition("/")[2]
    cleaned = "".join(char for char in base if char.isprintable()).strip()
    return cleaned[-200:] or "van-ban"


def prepare_file(stream: BinaryIO, original_name: str, limits: DocumentLimits, model: type[StoredFile] = DocumentFile) -> PreparedFile:
    """Check and read an uploaded file, in memory, as a row of ``model``; nothing is written yet."""
    data = read_limited(stream, limits.max_bytes)
    kind = _checked_kind(data, original_name)
    try:
        if limits.bounded:
            analysis = analyse_bounded(data, kind, limits.preview_pages, limits.seconds)
        else:
            analysis = analyse(data, kind, limits.preview_pages)
    except AnalysisError as error:
        raise MediaError(str(error)) from None
    row = model(
        filename=f"{secrets.token_hex(12)}.{kind}",
        original_name=_display_name(original_name),
        extension=kind,
        mime_type=KINDS[kind],
        size=len(data),
        page_count=analysis.page_count,
        preview_pages=len(analysis.previews),
        has_text=bool(analysis.text.strip()),
        text=analysis.text,
    )
    files = {row.filename: data} | {row.preview_filename(n): png for n, png in enumerate(analysis.previews, start=1)}
    return PreparedFile(row, files)



@contextmanager
def files_written(folder: Path, prepared: list[PreparedFile]) -> Iterator[None]:
    """Write the files; if the caller's transaction fails, remove them: nothing is half-stored."""
    names: list[str] = []
    try:
        for item in prepared:
            write_all(folder, item.files)
            names.extend(item.files)
        yield
    except BaseException:
        db.session.rollback()
        remove_files(folder, names)
        raise
