"""Every saved version of a library document: its fields and the files it had, kept by each save,
each file replaced and each restore, in the save's own transaction; listed and restored.

A replaced file is never deleted (``DocumentFile.replaced_at``), so a revision's files can be
put back. Documents saved before revisions existed (the demo, older sites) get one "as it was"
revision the first time they change, as articles do (``portal.services.revisions``).
"""

import json
from datetime import date, datetime

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Document, DocumentFile, DocumentRevision, DocumentTerm, User
from portal.services.workflow import AUTOMATIC

FIELDS = ("number", "title", "type_id", "issuer_id", "field_id", "place", "issued_on", "effective_on", "signer",
          "signer_title", "validity", "replaced_by_id", "status")  # fmt: skip
DATES = ("issued_on", "effective_on")


def _fields_of(document: Document) -> str:
    values = {name: getattr(document, name) for name in FIELDS}
    return json.dumps({name: value.isoformat() if isinstance(value, date) else value for name, value in values.items()})


def record(document: Document, actor: User | None, at: datetime, note: str = "") -> DocumentRevision:
    """Keep the document as it now is, with the files it has in use, as its next revision."""
    last = db.session.execute(select(func.max(DocumentRevision.number)).where(DocumentRevision.document_id == document.id))
    revision = DocumentRevision(
        document_id=document.id, number=(last.scalar() or 0) + 1, fields=_fields_of(document),
        file_ids=",".join(str(file.id) for file in document.files), user_id=actor.id if actor else None,
        username=actor.username if actor else AUTOMATIC, note=note, created_at=at,
    )  # fmt: skip
    db.session.add(revision)
    db.session.flush()
    return revision


def keep_baseline(document: Document) -> None:
    """Before the first change of a document that has no revision: keep it as it was."""
    has_one = db.session.execute(select(DocumentRevision.id).where(DocumentRevision.document_id == document.id).limit(1))
    if has_one.first() is None:
        record(document, None, document.updated_at, "Bản có trước khi văn bản có lịch sử sửa đổi")


def revisions_of(document_id: int) -> list[DocumentRevision]:
    """Newest first."""
    query = select(DocumentRevision).where(DocumentRevision.document_id == document_id).order_by(DocumentRevision.number.desc())
    return list(db.session.execute(query).scalars())


def revision(document_id: int, number: int) -> DocumentRevision | None:
    query = select(DocumentRevision).where(DocumentRevision.document_id == document_id, DocumentRevision.number == number)
    return db.session.execute(query).scalar_one_or_none()


def file_ids(revision_: DocumentRevision) -> list[int]:
    return [int(part) for part in revision_.file_ids.split(",") if part]


def every_file(document_id: int) -> dict[int, DocumentFile]:
    """All the document's files, in use or replaced, by id (the history names those of each revision)."""
    query = select(DocumentFile).where(DocumentFile.document_id == document_id)
    return {file.id: file for file in db.session.execute(query).scalars()}


def fields_at(revision_: DocumentRevision) -> dict:
    """The revision's fields as the document has them: terms and the replacing document as rows
    (None when deleted since), dates as dates."""
    values = json.loads(revision_.fields)
    for name in DATES:
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    for name, model in (("type_id", DocumentTerm), ("issuer_id", DocumentTerm), ("field_id", DocumentTerm), ("replaced_by_id", Document)):
        row_id = values.pop(name)
        values[name.removesuffix("_id")] = db.session.get(model, row_id) if row_id else None
    return values


def put_files_back(document: Document, wanted: list[int], at: datetime) -> None:
    """Make the files of ``wanted`` the document's files in use, in that order; the others in use
    become replaced ones (kept)."""
    for file in every_file(document.id).values():
        if file.id in wanted:
            file.replaced_at, file.position = None, wanted.index(file.id)
        elif file.replaced_at is None:
            file.replaced_at = at
    db.session.flush()
    db.session.expire(document, ["files", "old_files"])
