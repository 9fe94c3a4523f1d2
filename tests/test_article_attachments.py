"""Files attached to articles and library documents cited by them (issue 17, point 5): added,
reordered and taken off in the article form without JavaScript, listed under the body as "Tài
liệu đính kèm" with their preview and download, public only while the article is, kept in its
revisions; bad files refused with a Vietnamese message and nothing stored."""

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.demo.documents import DOCUMENTS, SEED_DOCUMENT_NUMBER
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Article, ArticleAttachment, Category, Document
from portal.models.attachments import ATTACHMENT_FOLDER
from portal.services import housekeeping, revisions
from tests.helpers import article_version, document_url, seed_article, url_of

NEW = "/quan-tri/bai-viet/moi"
DECISION = next(item for item in DOCUMENTS if item.spec.number == "1250/QĐ-UBND")  # a PDF of three pages or fewer
LETTER = next(item for item in DOCUMENTS if item.spec.number == "512-CV/ThU")
PDF = drawn(DECISION.spec, "pdf")
DOCX = drawn(LETTER.spec, "docx")


def _ids(app) -> tuple[int, int]:
    """A category the editor approves in, and the seed's plan in the library."""
    with app.app_context():
        category = db.session.execute(select(Category.id).where(Category.slug == "tin-tuc-su-kien")).scalar_one()
        plan = db.session.execute(select(Document.id).where(Document.number == SEED_DOCUMENT_NUMBER)).scalar_one()
        return category, plan


def _fields(app, files=(), **overrides) -> dict:
    category, _ = _ids(app)
    return {
        "title": "Thị xã triển khai kế hoạch chuyển đổi số", "slug": "", "summary": "", "body": "<p>Nội dung bài.</p>",
        "category_id": category, "cover_caption": "", "cover_alt": "", "byline": "", "published_at": "", "comment": "",
        "thao_tac": "save", "dinh_kem": "1", "attachment_files": [(io.BytesIO(data), name) for data, name in files],
    } | overrides  # fmt: skip


def _post(browser, url: str, fields: dict):
    return browser.post(url, fields, form_url=NEW, content_type="multipart/form-data")


def _write(app, browser, files=(), **overrides) -> int:
    response = _post(browser, NEW, _fields(app, files, **overrides))
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _edit(app, browser, article_id: int, files=(), **overrides):
    url = f"/quan-tri/bai-viet/{article_id}"
    version = article_version(browser, article_id)
    return _post(browser, url, _fields(app, files, version=version, **overrides))


def _attachments(app, article_id: int) -> list[tuple[int, str]]:
    with app.app_context():
        return [(item.id, item.original_name) for item in db.session.get(Article, article_id).attachments]


def _folder(app) -> Path:
    return Path(app.config["UPLOAD_FOLDER"]) / ATTACHMENT_FOLDER


def _get(client, url: str):
    response = client.get(url)
    response.get_data()
    response.close()
    return response


def test_a_published_article_lists_its_files_and_documents_with_preview_and_download(admin_app, editor):
    _, plan = _ids(admin_app)
    article_id = _write(admin_app, editor, [(PDF, "quyet-dinh.pdf"), (DOCX, "cong-van.docx")],
                        document_ids=[str(plan)], thao_tac="publish")  # fmt: skip
    (pdf_id, pdf_name), (docx_id, docx_name) = _attachments(admin_app, article_id)
    assert (pdf_name, docx_name) == ("quyet-dinh.pdf", "cong-van.docx")
    reader = admin_app.test_client()
    page = reader.get(url_of(admin_app, article_id)).get_data(as_text=True)
    section = page[page.index('id="tai-lieu-dinh-kem"'):]
    assert "Tài liệu đính kèm" in page and f'href="/tin-tuc/dinh-kem/{pdf_id}"' in section
    assert "Tải về cong-van.docx</a>" in section and "(DOCX," in section and "(PDF," in section
    assert f'src="/tin-tuc/dinh-kem/{pdf_id}/trang-1.png"' in section and "Kế hoạch số 14-KH/BTGThU" in section
    download = _get(reader, f"/tin-tuc/dinh-kem/{pdf_id}")
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"] == "attachment; filename=quyet-dinh.pdf"
    assert "sandbox" in download.headers["Content-Security-Policy"] and download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Cache-Control"].startswith("public, max-age=") and download.headers["ETag"]
    picture = _get(reader, f"/tin-tuc/dinh-kem/{pdf_id}/trang-1.png")
    assert picture.status_code == 200 and picture.headers["Content-Type"] == "image/png"
    assert _get(reader, f"/tin-tuc/dinh-kem/{pdf_id}/trang-9.png").status_code == 404
    assert _get(reader, f"/tin-tuc/dinh-kem/{docx_id}/trang-1.png").status_code == 404  # a DOCX has no pictures
    cited = reader.get(document_url(admin_app, SEED_DOCUMENT_NUMBER)).get_data(as_text=True)
    assert "Thị xã triển khai kế hoạch chuyển đổi số" in cited  # the document's page lists the article


def test_a_drafts_files_are_seen_only_in_the_admin(admin_app, writer):
    article_id = _write(admin_app, writer, [(PDF, "du-thao.pdf")])
    [(attachment_id, _)] = _attachments(admin_app, article_id)
    with admin_app.app_context():
        stored = db.session.get(ArticleAttachment, attachment_id).filename
    reader = admin_app.test_client()
    assert _get(reader, f"/tin-tuc/dinh-kem/{attachment_id}").status_code == 404
    assert _get(reader, f"/tin-tuc/dinh-kem/{attachment_id}/trang-1.png").status_code == 404
    assert _get(reader, f"/uploads/{ATTACHMENT_FOLDER}/{stored}").status_code == 404  # not by its stored name either
    own = _get(writer.client, f"/quan-tri/bai-viet/{article_id}/dinh-kem/{attachment_id}")
    assert own.status_code == 200 and own.headers["Cache-Control"] == "no-store"
    preview = writer.client.get(f"/quan-tri/bai-viet/{article_id}/xem-truoc").get_data(as_text=True)
    assert f'src="/quan-tri/bai-viet/{article_id}/dinh-kem/{attachment_id}/trang-1.png"' in preview
    assert _get(reader, f"/quan-tri/bai-viet/{article_id}/dinh-kem/{attachment_id}").status_code == 302  # to sign in
    seed = seed_article(admin_app)  # not the writer's: its file is not theirs to open in the admin either
    with admin_app.app_context():
        [outline] = db.session.get(Article, seed.id).attachments
        assert _get(writer.client, f"/quan-tri/bai-viet/{seed.id}/dinh-kem/{outline.id}").status_code == 404
        assert _get(reader, f"/tin-tuc/dinh-kem/{outline.id}").status_code == 200  # the seed is public


def test_files_are_reordered_and_taken_off_and_each_revision_keeps_its_list(admin_app, editor):
    article_id = _write(admin_app, editor, [(PDF, "a.pdf"), (DOCX, "b.docx")], thao_tac="publish")
    (a, _), (b, _) = _attachments(admin_app, article_id)
    assert _edit(admin_app, editor, article_id, **{f"thu_tu_{a}": "2", f"thu_tu_{b}": "1"}).status_code == 302
    assert [name for _, name in _attachments(admin_app, article_id)] == ["b.docx", "a.pdf"]
    assert _edit(admin_app, editor, article_id, bo_tep=str(a)).status_code == 302
    assert _attachments(admin_app, article_id) == [(b, "b.docx")]
    assert _get(admin_app.test_client(), f"/tin-tuc/dinh-kem/{a}").status_code == 404  # taken off: not public
    assert _get(editor.client, f"/quan-tri/bai-viet/{article_id}/dinh-kem/{a}").status_code == 200  # kept for the history
    with admin_app.app_context():
        kept = [(r.number, r.attachment_ids) for r in revisions.revisions_of(article_id)]
    assert kept == [(3, str(b)), (2, f"{b},{a}"), (1, f"{a},{b}")]
    history = editor.client.get(f"/quan-tri/bai-viet/{article_id}/phien-ban").get_data(as_text=True)
    assert "Tệp đính kèm: b.docx</span>" in history and "Tệp đính kèm: a.pdf, b.docx</span>" in history
    compared = editor.client.get(f"/quan-tri/bai-viet/{article_id}/so-sanh?cu=1&moi=3").get_data(as_text=True)
    assert "Tài liệu đính kèm" in compared and "<del>a.pdf</del>" in compared
    restored = editor.post(f"/quan-tri/bai-viet/{article_id}/phien-ban/khoi-phuc",
                           {"ban": "1", "version": article_version(editor, article_id)},
                           form_url=f"/quan-tri/bai-viet/{article_id}/phien-ban")  # fmt: skip
    assert restored.status_code == 302
    assert _attachments(admin_app, article_id) == [(a, "a.pdf"), (b, "b.docx")]
    assert _get(admin_app.test_client(), f"/tin-tuc/dinh-kem/{a}").status_code == 200


MAX_BYTES = 100_000  # above the demo's files, below the oversize one
BAD_FILES = [
    (b"<html><script>alert(1)</script></html>", "bao-cao.pdf", "Tệp không phải văn bản PDF, DOC, DOCX, XLS, XLSX hoặc ODT."),
    (DOCX, "doi-ten.pdf", "Tệp có đuôi .pdf nhưng nội dung là tệp DOCX."),
    (b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "hong.pdf", "Tệp PDF bị hỏng hoặc không đọc được."),
    (PDF, "anh.svg", "Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX hoặc ODT."),
    (b"%PDF-" + b"0" * MAX_BYTES, "qua-lon.pdf", "Tệp quá lớn: tối đa"),
]


@pytest.mark.parametrize(("data", "name", "message"), BAD_FILES, ids=[name for _, name, _ in BAD_FILES])
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(admin_app, editor, data, name, message):
    admin_app.config["DOCUMENT_MAX_BYTES"] = MAX_BYTES
    article_id = _write(admin_app, editor, [(PDF, "dau-tien.pdf")])
    with admin_app.app_context():
        before = db.session.execute(select(func.count()).select_from(ArticleAttachment)).scalar()
    files_before = sorted(_folder(admin_app).iterdir())
    refused = _edit(admin_app, editor, article_id, [(DOCX, "tot.docx"), (data, name)], title="Tiêu đề mới")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and f"{name}: {message}" in page
    with admin_app.app_context():
        assert db.session.execute(select(func.count()).select_from(ArticleAttachment)).scalar() == before
        assert db.session.get(Article, article_id).title != "Tiêu đề mới"
    assert sorted(_folder(admin_app).iterdir()) == files_before  # the good file of the same post is not kept either
    assert 'value="Tiêu đề mới"' in page  # the form keeps what was typed


@pytest.mark.parametrize(("value", "message"), [("abc", "Lựa chọn không hợp lệ."), ("999999", "«999999» không có trong danh sách")])
def test_a_forged_document_choice_gets_a_vietnamese_message(admin_app, editor, value, message):
    article_id = _write(admin_app, editor)
    refused = _edit(admin_app, editor, article_id, document_ids=[value])
    assert refused.status_code == 422 and message in refused.get_data(as_text=True)


def test_purging_an_article_removes_its_files_those_of_its_revisions_too(admin_app, editor):
    article_id = _write(admin_app, editor, [(PDF, "ke-hoach.pdf"), (DOCX, "cong-van.docx")])
    taken_off = _attachments(admin_app, article_id)[1][0]
    assert _edit(admin_app, editor, article_id, bo_tep=str(taken_off)).status_code == 302  # kept for the revision
    with admin_app.app_context():
        names = [name for item in db.session.execute(select(ArticleAttachment).where(ArticleAttachment.article_id == article_id)).scalars()
                 for name in item.stored_names]  # fmt: skip
        assert len(names) >= 3 and all((_folder(admin_app) / name).is_file() for name in names)
        article = db.session.get(Article, article_id)
        article.status = "trashed"
        db.session.commit()
        housekeeping.purge(article, None)
        assert db.session.execute(select(func.count(ArticleAttachment.id))
                                  .where(ArticleAttachment.article_id == article_id)).scalar() == 0  # fmt: skip
    assert not any((_folder(admin_app) / name).exists() for name in names)
