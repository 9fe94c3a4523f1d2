"""Load the demo's văn bản library: the documents of ``portal.demo.documents``, drawn by our own
code, read and stored through the same pipeline as an upload (``prepare_file``), published.

Drawing and reading the files is the costly part (fonts subset, pages rendered), so it is done
once per process and the result reused by every later load (the test suite loads the demo for
several kinds of site in one session).
"""

import io
from functools import lru_cache
from pathlib import Path

from flask import current_app

from portal.demo.documents import DOCUMENTS, SEED_ATTACHMENT, SEED_ATTACHMENT_NAME, DemoDocument
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Article, ArticleAttachment, Document, DocumentFile, DocumentStatus, TermKind, Validity
from portal.models.attachments import ATTACHMENT_FOLDER
from portal.services import documents
from portal.services.document_files import DocumentLimits, PreparedFile, prepare_file
from portal.services.media import write_all
from portal.text import slugify

TYPES = ["Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Thông báo", "Báo cáo", "Công văn", "Hướng dẫn"]
FIELDS = ["Tuyên giáo", "Xây dựng Đảng", "Đô thị", "Văn hóa - xã hội", "Kinh tế", "Y tế", "Môi trường",
          "Thông tin và truyền thông", "Quốc phòng - an ninh", "Tiếp công dân"]  # fmt: skip


# The propaganda board's 2020 plan names its guidance and its report (each page lists the other).
RELATED = {"14-KH/BTGThU": ["45-BC/BTGThU", "03-HD/BTGThU"]}


@lru_cache(maxsize=None)
def _prepared(index: int) -> tuple[DocumentFile, dict[str, bytes]]:
    item = DOCUMENTS[index]
    data = drawn(item.spec, item.kind)
    name = f"{slugify(item.spec.number)}.{item.kind}"
    limits = DocumentLimits(Path("."), max_bytes=len(data), bounded=False)
    prepared = prepare_file(io.BytesIO(data), name, limits)
    return prepared.row, prepared.files


@lru_cache(maxsize=None)
def _prepared_attachment() -> tuple[ArticleAttachment, dict[str, bytes]]:
    data = drawn(SEED_ATTACHMENT, "pdf")
    prepared = prepare_file(io.BytesIO(data), SEED_ATTACHMENT_NAME, DocumentLimits(Path("."), len(data), bounded=False), ArticleAttachment)
    return prepared.row, prepared.files


COLUMNS = ("filename", "original_name", "extension", "mime_type", "size", "page_count", "preview_pages", "has_text", "text")


def _fresh_copy(index: int) -> PreparedFile:
    """A new row for the cached file, under the same names (each load is its own database)."""
    row, files = _prepared(index)
    return PreparedFile(DocumentFile(**{name: getattr(row, name) for name in COLUMNS}), files)


def attach_outline(article: Article) -> None:
    """The seed article's attached file: the outline of the conference it reports, drawn as a PDF."""
    row, files = _prepared_attachment()
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / ATTACHMENT_FOLDER
    folder.mkdir(exist_ok=True)
    write_all(folder, files)
    db.session.add(ArticleAttachment(article_id=article.id, **{name: getattr(row, name) for name in COLUMNS}))
    db.session.flush()


def _fields(item: DemoDocument) -> documents.DocumentFields:
    spec = item.spec
    return documents.DocumentFields(
        number=spec.number,
        title=spec.title,
        type=documents.term_named(TermKind.TYPE, item.type_name),
        issuer=documents.term_named(TermKind.ISSUER, item.issuer),
        field=documents.term_named(TermKind.FIELD, item.field),
        place=spec.place,
        issued_on=spec.issued_on,
        effective_on=item.effective_on,
        signer=spec.signer,
        signer_title=spec.position.capitalize(),
        validity=Validity.EXPIRED if item.expired else Validity.IN_FORCE,
        status=DocumentStatus.PUBLISHED,
    )


def load_library() -> dict[str, Document]:
    """Every demo document, published; returned by số/ký hiệu (the seed article links one)."""
    for name in TYPES:
        documents.term_named(TermKind.TYPE, name)
    for name in FIELDS:
        documents.term_named(TermKind.FIELD, name)
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    loaded = {}
    for index, item in enumerate(DOCUMENTS):
        loaded[item.spec.number] = documents.add_document(_fields(item), [_fresh_copy(index)], folder)
    for number, others in RELATED.items():
        loaded[number].related = [loaded[other] for other in others]
    db.session.commit()
    return loaded
