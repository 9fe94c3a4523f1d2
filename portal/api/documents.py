"""GET /documents and /documents/<id>: the văn bản library in the JSON API."""

from flask import current_app, jsonify, request, url_for

from portal.api import bp, json_error
from portal.api.openapi import MAX_ID, MAX_PAGE, MAX_PER_PAGE
from portal.api.routes import BadParameter, UnknownCategory, positive_int
from portal.extensions import db
from portal.models import Document, DocumentFile, TermKind
from portal.services import documents
from portal.web.page_cache import public_page

FILTERS = (("type", TermKind.TYPE), ("issuer", TermKind.ISSUER), ("field", TermKind.FIELD))


def _file_data(file: DocumentFile) -> dict:
    return {
        "name": file.original_name,
        "format": file.extension,
        "mime_type": file.mime_type,
        "size": file.size,
        "pages": file.page_count,
        "has_text": file.has_text,
        "url": url_for("news.upload", filename=file.filename, _external=True),
        "previews": [url_for("news.upload", filename=file.preview_filename(n), _external=True) for n in range(1, file.preview_pages + 1)],
    }


def _document_data(document: Document) -> dict:
    return {
        "id": document.id,
        "number": document.number,
        "title": document.title,
        "type": document.type.name,
        "issuer": document.issuer.name,
        "field": document.field.name if document.field else None,
        "issued_on": document.issued_on.isoformat(),
        "effective_on": document.effective_on.isoformat() if document.effective_on else None,
        "place": document.place,
        "signer": document.signer,
        "signer_title": document.signer_title,
        "validity": document.validity_label,
        "url": url_for("documents.document", slug=document.slug, document_id=document.id, _external=True),
        "files": [_file_data(file) for file in document.files],
    }


def _filters() -> documents.Filters:
    chosen = {}
    for argument, kind in FILTERS:
        slug = request.args.get(argument, "")
        if slug and slug not in {term.slug for term in documents.terms_of(kind)}:
            raise UnknownCategory(f"Không có {kind.label.lower()} «{slug[:80]}».")
        chosen[argument] = slug
    year = positive_int("year", 0, 2100) or None
    if year is not None and year < 1945:
        raise BadParameter("Tham số «year» phải từ 1945 đến 2100.")
    return documents.Filters(chosen["type"], chosen["issuer"], chosen["field"], year)


@bp.get("/documents")
@public_page("page", "per_page", "type", "issuer", "field", "year")
def documents_list():
    """Published documents, newest issued first, filtered by type, issuer, field and year."""
    page = positive_int("page", 1, MAX_PAGE)
    per_page = positive_int("per_page", current_app.config["DOCUMENTS_PER_PAGE"], MAX_PER_PAGE)
    found = db.paginate(documents.listing(_filters()), page=page, per_page=per_page, error_out=False, count=True)
    items = [_document_data(document) for document in found.items]
    return jsonify({"items": items, "page": page, "per_page": per_page, "total": found.total, "pages": found.pages})


@bp.get("/documents/<int:document_id>")
@public_page()
def document_detail(document_id: int):
    """One published document with its files."""
    found = documents.visible_document(document_id) if document_id <= MAX_ID else None
    if found is None:
        return json_error(404, "Không tìm thấy văn bản.")
    return jsonify(_document_data(found))
