"""The library in the admin (issue 17, point 7): upload one or several files, each a draft with the
fields its file proposes; confirm and publish; replace a file; manage the lists; who may."""

import io
import re
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from portal.demo.documents import DOCUMENTS
from portal.demo.loader import SEED_TITLE
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Article, AuditLog, Document, DocumentFile, DocumentStatus, DocumentTerm, TermKind

LIST = "/quan-tri/van-ban"
UPLOAD = "/quan-tri/van-ban/tai-len"
TERMS = "/quan-tri/van-ban/danh-muc"
DECISION = next(item for item in DOCUMENTS if item.spec.number == "1250/QĐ-UBND")  # a state body's PDF
LETTER = next(item for item in DOCUMENTS if item.spec.number == "512-CV/ThU")  # a party công văn, DOCX


def upload(browser, *files):
    data = {"files": [(io.BytesIO(content), name) for content, name in files]}
    return browser.post(UPLOAD, data, form_url=LIST, content_type="multipart/form-data")


def newest(app) -> Document:
    with app.app_context():
        document = db.session.execute(select(Document).order_by(Document.id.desc())).scalars().first()
        return document, [f.filename for f in document.files], document.type, document.issuer


def count(app, model) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar()


def test_one_file_becomes_a_draft_with_its_fields_proposed(admin_app, editor):
    response = upload(editor, (drawn(DECISION.spec, "pdf"), "quyet-dinh.pdf"))
    document, files, kind, issuer = newest(admin_app)
    assert response.status_code == 302 and response.headers["Location"] == f"/quan-tri/van-ban/{document.id}"
    assert (document.number, document.issued_on, document.place) == ("1250/QĐ-UBND", date(2020, 6, 18), "Hồng Lĩnh")
    assert (kind.name, issuer.name, document.status) == ("Quyết định", "UBND thị xã Hồng Lĩnh", DocumentStatus.DRAFT)
    assert document.title == DECISION.spec.title and document.signer == "Đỗ Văn Long"
    form = editor.client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="1250/QĐ-UBND"' in form and 'value="2020-06-18"' in form and "Thay bằng tệp" in form
    assert all((Path(admin_app.config["UPLOAD_FOLDER"]) / name).exists() for name in files)


def test_several_files_become_drafts_and_a_bad_one_is_named(admin_app, editor):
    before = count(admin_app, Document)
    response = upload(editor, (drawn(DECISION.spec, "pdf"), "a.pdf"), (drawn(LETTER.spec, "docx"), "b.docx"),
                      (b"<html></html>", "c.pdf"))  # fmt: skip
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "c.pdf: Tệp không phải văn bản PDF" in page and "Đã tạo 2 bản nháp" in page
    assert count(admin_app, Document) == before + 2
    letter, _, kind, _ = newest(admin_app)
    assert (letter.number, kind.name, letter.title) == ("512-CV/ThU", "Công văn", LETTER.spec.title)


def test_publishing_needs_the_required_fields_then_shows_the_document(admin_app, editor):
    upload(editor, (drawn(LETTER.spec, "docx"), "cong-van.docx"))
    document, *_ = newest(admin_app)
    url = f"/quan-tri/van-ban/{document.id}"
    with admin_app.app_context():
        issuer = db.session.execute(select(DocumentTerm).where(DocumentTerm.name == "Thị ủy Hồng Lĩnh")).scalar_one()
        kind = db.session.execute(select(DocumentTerm).where(DocumentTerm.name == "Công văn")).scalar_one()
    fields = {"number": "512-CV/ThU", "title": LETTER.spec.title, "type_id": str(kind.id), "issuer_id": "", "field_id": "",
              "issued_on": "2021-04-09", "validity": "in_force", "replaced_by_id": "", "status": "published"}  # fmt: skip
    refused = editor.post(url, fields)
    assert refused.status_code == 422 and "còn thiếu cơ quan ban hành" in refused.get_data(as_text=True)
    saved = editor.post(url, fields | {"issuer_id": str(issuer.id)})
    assert saved.status_code == 302
    with admin_app.test_request_context():
        public = db.session.get(Document, document.id).url
        assert db.session.execute(select(AuditLog).where(AuditLog.target_type == "document", AuditLog.action == "update")).first()
    assert admin_app.test_client().get(public).status_code == 200


def test_replacing_a_file_reads_it_again_and_keeps_the_old_one_for_the_admin(admin_app, editor):
    upload(editor, (drawn(DECISION.spec, "pdf"), "cu.pdf"))
    document, old_files, *_ = newest(admin_app)
    with admin_app.app_context():
        file_id = db.session.get(Document, document.id).files[0].id
    url = f"/quan-tri/van-ban/{document.id}/tep/{file_id}"
    data = {"file": (io.BytesIO(drawn(LETTER.spec, "docx")), "moi.docx")}
    response = editor.post(url, data, form_url=f"/quan-tri/van-ban/{document.id}", content_type="multipart/form-data")
    assert response.status_code == 303
    with admin_app.app_context():
        files = db.session.get(Document, document.id).files
        assert [(f.original_name, f.extension) for f in files] == [("moi.docx", "docx")] and "512-CV/ThU" in files[0].text
        new_id = files[0].id
    folder = Path(admin_app.config["UPLOAD_FOLDER"])
    assert all((folder / name).exists() for name in old_files)  # kept: the admin lists it as replaced
    form = editor.client.get(f"/quan-tri/van-ban/{document.id}").get_data(as_text=True)
    assert "Tệp đã thay" in form and "cu.pdf</a> (PDF," in form
    bad = {"file": (io.BytesIO(b"MZ\x90\x00"), "virus.pdf")}
    page = editor.post(f"/quan-tri/van-ban/{document.id}/tep/{new_id}", bad, form_url=f"/quan-tri/van-ban/{document.id}",
                       content_type="multipart/form-data", follow_redirects=True)  # fmt: skip
    assert "Chưa thay được tệp: Tệp không phải văn bản" in page.get_data(as_text=True)


def test_the_lists_are_managed_by_quan_tri(admin_app, admin, editor):
    assert editor.client.get(TERMS).status_code == 403
    added = admin.post(TERMS, {"kind": "field", "name": "Giáo dục - đào tạo"})
    assert added.status_code == 302
    again = admin.post(TERMS, {"kind": "field", "name": "Giao duc  dao tao"})
    assert again.status_code == 422 and "đã có trong danh sách lĩnh vực" in again.get_data(as_text=True)
    with admin_app.app_context():
        term = db.session.execute(select(DocumentTerm).where(DocumentTerm.slug == "giao-duc-dao-tao")).scalar_one()
        used = db.session.execute(select(DocumentTerm).where(DocumentTerm.kind == TermKind.TYPE, DocumentTerm.slug == "ke-hoach")).scalar_one()
    refused = admin.post(f"{TERMS}/{used.id}/xoa", form_url=f"{TERMS}/{used.id}/xoa", follow_redirects=True)
    assert "Không xoá được «Kế hoạch»: còn" in refused.get_data(as_text=True)
    assert admin.post(f"{TERMS}/{term.id}/xoa", form_url=f"{TERMS}/{term.id}/xoa").status_code == 303
    assert "<li>Giáo dục" not in admin.client.get(TERMS).get_data(as_text=True)


def test_writers_do_not_reach_the_library(writer):
    assert writer.client.get(LIST).status_code == 403


def test_the_list_filters_by_state_and_words(admin_app, editor):
    upload(editor, (drawn(DECISION.spec, "pdf"), "qd.pdf"))
    drafts = editor.client.get(f"{LIST}?trang_thai=draft").get_data(as_text=True)
    assert "1250/QĐ-UBND" in drafts and "14-KH/BTGThU" not in drafts
    found = editor.client.get(f"{LIST}?q=BTGThU").get_data(as_text=True)
    assert "14-KH/BTGThU" in found and "1250/QĐ-UBND" not in found
    assert count(admin_app, DocumentFile) >= len(DOCUMENTS)


def test_linking_articles_lists_the_document_under_them_and_them_on_its_page(admin_app, editor):
    with admin_app.test_request_context():
        plan = db.session.execute(select(Document).where(Document.number == "14-KH/BTGThU")).scalar_one()
        decision = db.session.execute(select(Document).where(Document.number == "1250/QĐ-UBND")).scalar_one().id
        other = db.session.execute(select(Article).where(Article.title != SEED_TITLE).order_by(Article.id)).scalars().first()
        url, document_page, article_page = f"/quan-tri/van-ban/{plan.id}", plan.url, other.url
        fields = {"number": plan.number, "title": plan.title, "type_id": str(plan.type_id), "issuer_id": str(plan.issuer_id),
                  "field_id": str(plan.field_id), "issued_on": "2020-01-30", "validity": "in_force", "replaced_by_id": "",
                  "status": "published"}  # fmt: skip
    form = editor.client.get(url).get_data(as_text=True)
    seed_line = re.search(r'id="article_links"[^>]*>\s*([^<]+)<', form).group(1).strip()
    assert seed_line.endswith(".html")  # the seed article, which cites the plan
    wrong = editor.post(url, fields | {"article_links": f"{seed_line}\nhttp://localhost/khong-co-bai-nay"})
    assert wrong.status_code == 422 and "Không tìm thấy bài viết ở địa chỉ: http://localhost/khong-co-bai-nay" in wrong.get_data(as_text=True)
    saved = editor.post(url, fields | {"article_links": f"{seed_line}\nhttp://localhost{article_page}", "related_ids": [str(decision)]})
    assert saved.status_code == 302
    with admin_app.app_context():  # the form's choice replaces the demo's two related documents
        assert [related.id for related in db.session.get(Document, plan.id).related] == [decision]
    reader = admin_app.test_client()
    below = reader.get(article_page).get_data(as_text=True)
    assert "Tài liệu đính kèm" in below and f'href="{document_page}">Kế hoạch số 14-KH/BTGThU</a>' in below
    assert "Tải về 14-kh-btgthu.pdf" in below
    assert f'href="{article_page}"' in reader.get(document_page).get_data(as_text=True)
