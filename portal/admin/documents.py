"""The văn bản library: the list with filters, uploading files (each a draft with the fields its
file proposes), editing and publishing, replacing a file, managing the lists."""

from flask import abort, flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor, article_addresses, articles_field, ask_first, document_limits
from portal.admin.document_forms import DocumentForm, ReplaceFileForm, TermForm, UploadForm
from portal.admin.forms import ConfirmForm, options
from portal.extensions import db
from portal.models import Article, Document, DocumentFile, DocumentStatus, DocumentTerm, TermKind
from portal.services import documents
from portal.services.document_revisions import every_file, file_ids, revisions_of
from portal.services.document_files import prepare_file
from portal.services.media import MediaError
from portal.web.inputs import int_arg
from portal.web.stored_files import send_stored


def _list_page(form: UploadForm, status: int = 200):
    state = request.args.get("trang_thai", "")
    type_id = int_arg("loai", None)
    words = request.args.get("q", "")[:200]
    query = documents.admin_listing(state if state in set(DocumentStatus) else "", type_id, words)
    pagination = db.paginate(query, page=int_arg("trang", 1), per_page=20, error_out=False)
    return render_template("admin/documents.html", pagination=pagination, form=form, state=state, type_id=type_id,
                           words=words, types=documents.terms_of(TermKind.TYPE), statuses=list(DocumentStatus)), status  # fmt: skip


@bp.get("/van-ban")
def documents_list():
    """Every document, the latest changed first, filtered by state, type and words."""
    return _list_page(UploadForm())


@bp.post("/van-ban/tai-len")
def document_upload():
    """One or more files, each becoming a draft with the fields its file proposes; a single file
    opens its draft for the fields to be confirmed."""
    form = UploadForm()
    if not form.validate_on_submit():
        return _list_page(form, 422)
    made, refused = [], []
    for upload in form.files.data:
        try:
            prepared = prepare_file(upload.stream, upload.filename or "", document_limits())
            made.append(documents.draft_from_file(prepared, document_limits().folder, actor()))
        except MediaError as error:
            refused.append(f"{upload.filename}: {error}")
    if refused:
        form.files.errors = refused
        if made:
            flash(f"Đã tạo {len(made)} bản nháp; các tệp còn lại bị từ chối.", "success")
        return _list_page(form, 422)
    if len(made) == 1:
        flash("Đã tải tệp lên và điền sẵn các trường đọc được từ tệp: hãy kiểm tra rồi lưu.", "success")
        return redirect(url_for("admin.document_edit", document_id=made[0].id))
    flash(f"Đã tạo {len(made)} bản nháp từ {len(made)} tệp, các trường điền sẵn từ tệp: hãy kiểm tra từng văn bản.", "success")
    return redirect(url_for("admin.documents_list", trang_thai=DocumentStatus.DRAFT.value))


def _choices(form: DocumentForm, document: Document) -> None:
    none = [("", "(Chưa chọn)")]
    for field, kind in ((form.type_id, TermKind.TYPE), (form.issuer_id, TermKind.ISSUER), (form.field_id, TermKind.FIELD)):
        field.choices = options(none + [(term.id, term.name) for term in documents.terms_of(kind)])
    published = db.session.execute(documents.admin_listing(DocumentStatus.PUBLISHED, None, "")).scalars()
    others = [(d.id, f"{d.number} {d.title}"[:120]) for d in published if d.id != document.id]
    form.replaced_by_id.choices = options(none + others)
    form.related_ids.choices = options(others)


def _row(model, row_id: int | None):
    return db.session.get(model, row_id) if row_id else None


def _articles(form: DocumentForm) -> list[Article] | None:
    """The articles whose addresses the form lists, or None with the field's error set."""
    return articles_field(form.article_links)


def _fields(form: DocumentForm) -> documents.DocumentFields:
    return documents.DocumentFields(
        number=form.number.data, title=form.title.data, type=_row(DocumentTerm, form.type_id.data),
        issuer=_row(DocumentTerm, form.issuer_id.data), field=_row(DocumentTerm, form.field_id.data),
        place=form.place.data, issued_on=form.issued_on.data, effective_on=form.effective_on.data,
        signer=form.signer.data, signer_title=form.signer_title.data, validity=form.validity.data,
        replaced_by=_row(Document, form.replaced_by_id.data), status=form.status.data, articles=_articles(form),
        related=[db.session.get(Document, related_id) for related_id in form.related_ids.data],
    )  # fmt: skip


@bp.route("/van-ban/<int:document_id>", methods=["GET", "POST"])
def document_edit(document_id: int):
    """A document's fields (proposed from its file when it was uploaded), its state, its files."""
    document = db.get_or_404(Document, document_id)
    form = DocumentForm(None, obj=document) if request.method == "GET" else DocumentForm()
    _choices(form, document)
    if request.method == "GET":
        form.related_ids.data = [related.id for related in document.related]
        form.article_links.data = article_addresses(document.articles)
    if form.validate_on_submit() and (fields := _fields(form)).articles is not None:
        try:
            documents.update_document(document, fields, actor())
        except documents.DocumentError as error:
            form.status.errors = [str(error)]
        else:
            flash(f"Đã lưu văn bản {document.number or document.title}.", "success")
            return redirect(url_for("admin.document_edit", document_id=document.id))
    status = 422 if form.errors else 200
    heading = f"Văn bản {document.number}" if document.number else "Văn bản chưa có số"
    page = render_template("admin/document_form.html", form=form, document=document, heading=heading,
                           back=url_for("admin.documents_list"))  # fmt: skip
    return page, status


@bp.post("/van-ban/<int:document_id>/tep/<int:file_id>")
def document_file_replace(document_id: int, file_id: int):
    """Put a new file in place of one of the document's files (its text and previews made anew)."""
    document = db.get_or_404(Document, document_id)
    old = db.get_or_404(DocumentFile, file_id)
    if old.document_id != document.id:
        abort(404)
    form = ReplaceFileForm()
    if form.validate_on_submit():
        try:
            prepared = prepare_file(form.file.data.stream, form.file.data.filename or "", document_limits())
        except MediaError as error:
            flash(f"Chưa thay được tệp: {error}", "error")
        else:
            documents.replace_file(document, old, prepared, document_limits().folder, actor())
            flash(f"Đã thay tệp {old.original_name} bằng {prepared.row.original_name}.", "success")
    else:
        flash("Hãy chọn tệp mới.", "error")
    return redirect(url_for("admin.document_edit", document_id=document.id), code=303)


@bp.get("/van-ban/<int:document_id>/tep/<int:file_id>/tai-ve")
def document_file_download(document_id: int, file_id: int):
    """One of the document's files, in use or replaced, as a download (whatever the document's state)."""
    found = db.get_or_404(DocumentFile, file_id)
    if found.document_id != db.get_or_404(Document, document_id).id:
        abort(404)
    return send_stored(document_limits().folder, found)


@bp.get("/van-ban/<int:document_id>/lich-su")
def document_revisions(document_id: int):
    """Every saved version of the document: when, who, what changed, the files it had then."""
    document = db.get_or_404(Document, document_id)
    return render_template("admin/document_revisions.html", document=document, form=ConfirmForm(),
                           revisions=revisions_of(document.id), files=every_file(document.id), file_ids=file_ids)  # fmt: skip


@bp.post("/van-ban/<int:document_id>/lich-su/<int:number>/khoi-phuc")
def document_revision_restore(document_id: int, number: int):
    """Put a revision's fields and files back, as a new revision."""
    document = db.get_or_404(Document, document_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        restored = documents.restore_revision(document, number, actor())
    except documents.DocumentError as error:
        flash(f"Chưa khôi phục được: {error}", "error")
    else:
        flash(f"Đã khôi phục bản {number} thành bản {restored}.", "success")
    return redirect(url_for("admin.document_revisions", document_id=document_id), code=303)


@bp.route("/van-ban/danh-muc", methods=["GET", "POST"])
def document_terms():
    """The lists of loại, cơ quan and lĩnh vực, and the form to add an entry."""
    form = TermForm()
    if form.validate_on_submit():
        try:
            term = documents.add_term(TermKind(form.kind.data), form.name.data, actor())
        except documents.DocumentError as error:
            form.name.errors = [str(error)]
        else:
            flash(f"Đã thêm «{term.name}».", "success")
            return redirect(url_for("admin.document_terms"))
    lists = {kind: documents.terms_of(kind) for kind in TermKind}
    return render_template("admin/document_terms.html", form=form, lists=lists), 422 if form.errors else 200


@bp.route("/van-ban/danh-muc/<int:term_id>/xoa", methods=["GET", "POST"])
def document_term_delete(term_id: int):
    """Ask, then remove an entry that no document is filed under."""
    term = db.get_or_404(DocumentTerm, term_id)
    asking = ask_first(f"Xoá «{term.name}» khỏi danh sách?", "Xoá", url_for("admin.document_terms"))
    if asking is not None:
        return asking
    try:
        documents.delete_term(term, actor())
    except documents.DocumentError as error:
        flash(str(error), "error")
    else:
        flash(f"Đã xoá «{term.name}».", "success")
    return redirect(url_for("admin.document_terms"), code=303)
