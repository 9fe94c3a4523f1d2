"""A library document's history (issue 17, point 7): each save, file replaced and restore kept as a
revision with the files in use then; a replaced file kept on disk, listed with who and when,
downloaded by the newsroom's editors and restored; bad replacements and refused restores change
nothing."""

import io
from pathlib import Path

from sqlalchemy import func, select

from portal.demo.documents import DOCUMENTS
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Document, DocumentRevision, DocumentSearch
from portal.services import documents

LIST = "/quan-tri/van-ban"
DECISION = next(item for item in DOCUMENTS if item.spec.number == "1250/QĐ-UBND")
LETTER = next(item for item in DOCUMENTS if item.spec.number == "512-CV/ThU")


def _upload(app, browser) -> tuple[int, int, str]:
    """A decision's PDF uploaded as a draft: the document's id, its file's id and stored name."""
    data = {"files": [(io.BytesIO(drawn(DECISION.spec, "pdf")), "cu.pdf")]}
    assert browser.post(f"{LIST}/tai-len", data, form_url=LIST, content_type="multipart/form-data").status_code == 302
    with app.app_context():
        document = db.session.execute(select(Document).order_by(Document.id.desc())).scalars().first()
        return document.id, document.files[0].id, document.files[0].filename


def _replace(browser, document_id: int, file_id: int, content: bytes, name: str):
    url = f"{LIST}/{document_id}/tep/{file_id}"
    data = {"file": (io.BytesIO(content), name)}
    return browser.post(url, data, form_url=f"{LIST}/{document_id}", content_type="multipart/form-data", follow_redirects=True)


def _state(app, document_id: int) -> tuple[list[str], list[str], int]:
    """The names of the files in use, of those replaced, and how many revisions there are."""
    with app.app_context():
        document = db.session.get(Document, document_id)
        count = db.session.execute(select(func.count()).where(DocumentRevision.document_id == document_id)).scalar()
        return [f.original_name for f in document.files], [f.original_name for f in document.old_files], count


def _restore(browser, document_id: int, number: int):
    history = f"{LIST}/{document_id}/lich-su"
    return browser.post(f"{history}/{number}/khoi-phuc", form_url=history, follow_redirects=True)


def test_a_replaced_file_is_kept_listed_downloaded_and_restored(admin_app, editor):
    document_id, old_id, stored = _upload(admin_app, editor)
    assert _state(admin_app, document_id) == (["cu.pdf"], [], 1)
    assert "Đã thay tệp cu.pdf bằng moi.docx" in _replace(editor, document_id, old_id, drawn(LETTER.spec, "docx"), "moi.docx").get_data(as_text=True)
    assert _state(admin_app, document_id) == (["moi.docx"], ["cu.pdf"], 2)
    assert (Path(admin_app.config["UPLOAD_FOLDER"]) / stored).exists()
    history = editor.client.get(f"{LIST}/{document_id}/lich-su").get_data(as_text=True)
    assert "Bản 2" in history and "Thay tệp cu.pdf bằng moi.docx" in history and "bientap" in history
    download = f"{LIST}/{document_id}/tep/{old_id}/tai-ve"
    assert f'href="{download}"' in history and "đã thay lúc" in history
    old = editor.client.get(download)
    assert old.status_code == 200 and old.headers["Content-Type"] == "application/pdf"
    assert old.headers["Content-Disposition"] == "attachment; filename=cu.pdf" and old.headers["Cache-Control"] == "no-store"
    old.close()
    page = _restore(editor, document_id, 1).get_data(as_text=True)
    assert "Đã khôi phục bản 1 thành bản 3." in page and "Khôi phục từ bản 1" in page
    assert _state(admin_app, document_id) == (["cu.pdf"], ["moi.docx"], 3)
    with admin_app.app_context():  # the search row holds the restored file's text again
        document = db.session.get(Document, document_id)
        assert db.session.get(DocumentSearch, document_id).body == documents._search_row(document)["body"]
        assert "1250/QĐ-UBND" in document.files[0].text


def test_a_restore_that_would_break_a_published_document_is_refused(admin_app, editor):
    document_id, _, _ = _upload(admin_app, editor)
    with admin_app.app_context():
        document = db.session.get(Document, document_id)
        fields = {"number": document.number, "title": document.title, "type_id": str(document.type_id),
                  "issuer_id": "", "field_id": "", "issued_on": "2020-06-18", "validity": "in_force",
                  "replaced_by_id": "", "status": "draft"}  # fmt: skip
        issuer = str(document.issuer_id)
    url = f"{LIST}/{document_id}"
    assert editor.post(url, fields).status_code == 302  # revision 2: a draft without its issuer
    assert editor.post(url, fields | {"issuer_id": issuer, "status": "published"}).status_code == 302  # revision 3
    page = _restore(editor, document_id, 2).get_data(as_text=True)
    assert "Chưa khôi phục được: Chưa đăng được văn bản: còn thiếu cơ quan ban hành" in page
    assert _state(admin_app, document_id)[2] == 3  # nothing kept of the attempt
    with admin_app.app_context():
        assert str(db.session.get(Document, document_id).issuer_id) == issuer


def test_a_bad_replacement_changes_nothing(admin_app, editor):
    document_id, file_id, _ = _upload(admin_app, editor)
    folder = Path(admin_app.config["UPLOAD_FOLDER"])
    before = sorted(folder.iterdir())
    for content, name, message in ((b"%PDF-1.4 hong", "hong.pdf", "Tệp PDF bị hỏng"),
                                   (drawn(LETTER.spec, "docx"), "gia.pdf", "Tệp có đuôi .pdf nhưng nội dung là tệp DOCX")):  # fmt: skip
        assert f"Chưa thay được tệp: {message}" in _replace(editor, document_id, file_id, content, name).get_data(as_text=True)
    assert _state(admin_app, document_id) == (["cu.pdf"], [], 1)
    assert sorted(folder.iterdir()) == before


def test_the_demo_documents_have_a_history_and_writers_do_not_reach_it(admin_app, editor, writer):
    with admin_app.app_context():
        plan = db.session.execute(select(Document).where(Document.number == "14-KH/BTGThU")).scalar_one()
        plan_id, file_id = plan.id, plan.files[0].id
    _replace(editor, plan_id, file_id, drawn(DECISION.spec, "pdf"), "ban-moi.pdf")
    history = editor.client.get(f"{LIST}/{plan_id}/lich-su").get_data(as_text=True)
    assert "Bản 2" in history and "Bản 1" in history and "(tự động)" in history
    assert writer.client.get(f"{LIST}/{plan_id}/lich-su").status_code == 403
    assert writer.client.get(f"{LIST}/{plan_id}/tep/{file_id}/tai-ve").status_code == 403
