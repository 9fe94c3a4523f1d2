"""Writing through the admin's forms (issue 16, part B): every save kept as a revision, two
revisions compared word by word, a revision restored; autosave; the optimistic check of a save
and of a restore; and the article's path through the form's buttons, forgeries refused."""

import re

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, ArticleAutosave, AuditLog, Category
from portal.services import revisions
from tests.helpers import article_version

NEW = "/quan-tri/bai-viet/moi"


def _category_id(app, slug: str = "tin-tuc-su-kien") -> int:
    with app.app_context():
        return db.session.execute(select(Category.id).where(Category.slug == slug)).scalar_one()


def _fields(app, **overrides) -> dict:
    return {
        "title": "Phường Bắc Hồng ra quân dọn vệ sinh", "slug": "", "summary": "Hàng trăm người tham gia.",
        "body": "<p>Sáng chủ nhật, đoàn viên thanh niên dọn rác dọc bờ sông.</p>", "category_id": _category_id(app),
        "cover_caption": "", "cover_alt": "", "byline": "Phóng viên", "published_at": "", "comment": "",
        "thao_tac": "save",
    } | overrides  # fmt: skip


def _article(app, **where) -> Article | None:
    with app.app_context():
        article = db.session.execute(select(Article).filter_by(**where)).unique().scalar_one_or_none()
        if article is not None:
            db.session.expunge(article)
        return article


def _write(app, browser, **overrides) -> int:
    """A new article saved through the form; its id."""
    fields = _fields(app, **overrides)
    response = browser.post(NEW, fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _edit(browser, article_id: int, fields: dict, version: str | None = None):
    url = f"/quan-tri/bai-viet/{article_id}"
    return browser.post(url, fields | {"version": version or article_version(browser, article_id)})


def test_every_save_keeps_a_revision_and_two_compare_word_by_word(admin_app, writer):
    article_id = _write(admin_app, writer)
    edited = _fields(admin_app, body="<p>Sáng chủ nhật, đoàn viên thanh niên nhặt rác dọc bờ sông Lam.</p>")
    assert _edit(writer, article_id, edited).status_code == 302
    assert _edit(writer, article_id, edited).status_code == 302  # nothing changed: no revision
    with admin_app.app_context():
        kept = revisions.revisions_of(article_id)
        assert [(r.number, r.username) for r in kept] == [(2, "phongvien"), (1, "phongvien")]
        entry = db.session.execute(select(AuditLog).where(AuditLog.target_type == "article_revision")).scalars().all()[-1]
        assert (entry.action, entry.target_id) == ("update", kept[0].id)  # the edit's entry points at its revision
    listing = writer.client.get(f"/quan-tri/bai-viet/{article_id}/phien-ban").get_data(as_text=True)
    assert "Bản 2" in listing and "Bản 1" in listing
    opened = writer.client.get(f"/quan-tri/bai-viet/ban-luu/{entry.target_id}").get_data(as_text=True)
    assert "Bản 1" in opened and "Bản 2" in opened and "<ins>nhặt</ins>" in opened  # where the audit entry points
    page = writer.client.get(f"/quan-tri/bai-viet/{article_id}/so-sanh?cu=1&moi=2").get_data(as_text=True)
    assert "<del>dọn</del>" in page and "<ins>nhặt</ins>" in page and " <ins>Lam</ins>" in page
    assert "Không thay đổi: Tiêu đề" in page


def test_the_prose_diff_marks_words_not_html():
    old, new = revisions.mark_words(revisions.prose("<p>Một <b>hai</b> ba.</p><p>Bốn</p>"),
                                    revisions.prose("<p>Một hai <i>bốn</i> ba.</p><p>Bốn &amp; năm</p>"))  # fmt: skip
    assert str(old) == "Một hai ba.\n\nBốn"
    assert str(new) == "Một hai <ins>bốn</ins> ba.\n\nBốn <ins>&amp; năm</ins>"
    assert revisions.prose('<p>Cầu mới</p><figure><img src="/uploads/a.png" alt="Cầu &amp; sông"><figcaption>Ảnh: Hà</figcaption>'
                           "</figure>") == "Cầu mới\n\n[Ảnh: Cầu & sông] Ảnh: Hà"
    assert revisions.mark_words("<script>", "<b>") == ("&lt;<del>script</del>&gt;", "&lt;<ins>b</ins>&gt;")  # escaped


def test_a_restore_makes_a_new_revision(admin_app, editor):
    article_id = _write(admin_app, editor, title="Tiêu đề đầu tiên")
    assert _edit(editor, article_id, _fields(admin_app, title="Tiêu đề thứ hai")).status_code == 302
    restore = f"/quan-tri/bai-viet/{article_id}/phien-ban/khoi-phuc"
    history = f"/quan-tri/bai-viet/{article_id}/phien-ban"
    response = editor.post(restore, {"ban": "1", "version": article_version(editor, article_id)}, form_url=history)
    assert response.status_code == 302
    assert _article(admin_app, id=article_id).title == "Tiêu đề đầu tiên"
    with admin_app.app_context():
        assert [(r.number, r.title, r.note) for r in revisions.revisions_of(article_id)][0] == (
            3, "Tiêu đề đầu tiên", "Khôi phục từ bản 1")  # fmt: skip


def test_a_restore_under_a_concurrent_edit_is_refused(admin_app, editor, admin):
    article_id = _write(admin_app, editor, title="Bản một")
    assert _edit(editor, article_id, _fields(admin_app, title="Bản hai")).status_code == 302
    seen = article_version(editor, article_id)  # the editor opens the history …
    assert _edit(admin, article_id, _fields(admin_app, title="Bản ba của quản trị")).status_code == 302  # … someone saves
    history = f"/quan-tri/bai-viet/{article_id}/phien-ban"
    refused = editor.post(f"{history}/khoi-phuc", {"ban": "1", "version": seen}, form_url=history)
    assert refused.status_code == 409
    assert "Chưa khôi phục: bài viết vừa được người khác thay đổi" in refused.get_data(as_text=True)
    assert _article(admin_app, id=article_id).title == "Bản ba của quản trị"


def test_a_stale_save_is_refused_and_the_form_keeps_the_text(admin_app, editor, admin):
    article_id = _write(admin_app, editor)
    seen = article_version(editor, article_id)
    assert _edit(admin, article_id, _fields(admin_app, summary="Quản trị sửa tóm tắt.")).status_code == 302
    stale = _edit(editor, article_id, _fields(admin_app, summary="Biên tập viên viết đè."), version=seen)
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert "Bài viết vừa được người khác thay đổi sau khi bạn mở trang này" in page
    assert "Biên tập viên viết đè." in page  # what the person typed is still in the form
    assert _article(admin_app, id=article_id).summary == "Quản trị sửa tóm tắt."
    without = editor.post(f"/quan-tri/bai-viet/{article_id}", _fields(admin_app, summary="Không kèm phiên bản."))
    assert without.status_code == 400  # no version: no save that could overwrite unseen
    assert _article(admin_app, id=article_id).summary == "Quản trị sửa tóm tắt."


def test_autosave_keeps_the_text_and_the_editor_offers_it_back(admin_app, writer, admin):
    article_id = _write(admin_app, writer)
    url = f"/quan-tri/bai-viet/{article_id}"
    typed = _fields(admin_app, body="<p>Câu đang viết dở</p>") | {"version": article_version(writer, article_id)}
    kept = writer.post(f"{url}/tu-luu", typed, form_url=url)
    assert kept.status_code == 200 and kept.json["message"].startswith("Đã tự lưu lúc")
    assert not kept.json["warning"]
    page = writer.client.get(url).get_data(as_text=True)
    assert "Có bản tự lưu lúc" in page and "Câu đang viết dở" not in page
    recovered = writer.client.get(f"{url}?tu-luu=1").get_data(as_text=True)
    assert "Câu đang viết dở" in recovered
    # someone else saves meanwhile: the next autosave says so before the writer saves
    assert _edit(admin, article_id, _fields(admin_app, summary="Đã sửa.")).status_code == 302
    warned = writer.post(f"{url}/tu-luu", typed, form_url=url)
    assert warned.json["warning"] and "vừa được người khác lưu" in warned.json["message"]
    # a real save drops the autosave
    assert _edit(writer, article_id, _fields(admin_app, body="<p>Câu đã viết xong</p>")).status_code == 302
    with admin_app.app_context():
        assert db.session.execute(select(func.count()).select_from(ArticleAutosave)).scalar() == 0


def test_a_new_article_is_autosaved_too(admin_app, writer):
    kept = writer.post("/quan-tri/bai-viet/tu-luu", _fields(admin_app, title="Chưa lưu lần nào"), form_url=NEW)
    assert kept.status_code == 200
    assert "Chưa lưu lần nào" in writer.client.get(f"{NEW}?tu-luu=1").get_data(as_text=True)


def test_the_path_through_the_form(admin_app, writer, editor):
    article_id = _write(admin_app, writer, thao_tac="submit")
    assert _article(admin_app, id=article_id).status == "pending"
    assert "Phường Bắc Hồng ra quân" in editor.client.get("/quan-tri/").get_data(as_text=True)  # awaits the editor
    url = f"/quan-tri/bai-viet/{article_id}"
    no_reason = _edit(editor, article_id, _fields(admin_app, thao_tac="return"))
    assert no_reason.status_code == 422 and "Hãy ghi lý do trả lại" in no_reason.get_data(as_text=True)
    returned = _edit(editor, article_id, _fields(admin_app, thao_tac="return", comment="Thiếu tên người phát biểu."))
    assert returned.status_code == 302
    dashboard = writer.client.get("/quan-tri/").get_data(as_text=True)
    assert "Thiếu tên người phát biểu." in dashboard  # the writer's dashboard shows what came back
    assert "Thiếu tên người phát biểu." in writer.client.get(url).get_data(as_text=True)
    assert _edit(writer, article_id, _fields(admin_app, body="<p>Ông Nguyễn Văn A phát biểu.</p>", thao_tac="submit")).status_code == 302
    assert _edit(editor, article_id, _fields(admin_app, body="<p>Ông Nguyễn Văn A phát biểu.</p>", thao_tac="publish")).status_code == 302
    article = _article(admin_app, id=article_id)
    assert article.status == "published"
    with admin_app.test_request_context():
        address = db.session.get(Article, article_id).url
    assert admin_app.test_client().get(address).status_code == 200
    assert _edit(editor, article_id, _fields(admin_app, body="<p>Ông Nguyễn Văn A phát biểu.</p>", thao_tac="unpublish")).status_code == 302
    assert admin_app.test_client().get(address).status_code == 404  # unpublished: no longer public, kept
    assert _article(admin_app, id=article_id).status == "unpublished"


@pytest.mark.parametrize("move", ["publish", "return", "unpublish"])
def test_a_writer_forging_an_approval_gets_403_and_nothing_changes(admin_app, writer, move):
    article_id = _write(admin_app, writer, thao_tac="submit")
    before = _article(admin_app, id=article_id)
    forged = _edit(writer, article_id, _fields(admin_app, thao_tac=move, comment="tự duyệt"))
    assert forged.status_code == 403
    after = _article(admin_app, id=article_id)
    assert (after.status, after.version, after.published_at) == (before.status, before.version, None)


def test_a_writer_cannot_reach_another_category(admin_app, writer):
    elsewhere = _category_id(admin_app, "xay-dung-dang")
    assert writer.post(NEW, _fields(admin_app, category_id=str(elsewhere))).status_code == 403
    article_id = _write(admin_app, writer)
    moved = _edit(writer, article_id, _fields(admin_app, category_id=str(elsewhere)))
    assert moved.status_code == 403
    with admin_app.app_context():
        assert len(revisions.revisions_of(article_id)) == 1  # the first save only
    assert _article(admin_app, id=article_id).category_id == _category_id(admin_app)
    unknown = writer.post(NEW, _fields(admin_app, category_id="99999"))  # no such category: a form error
    assert unknown.status_code == 422 and "Lựa chọn không hợp lệ." in unknown.get_data(as_text=True)


def test_saving_without_a_change_leaves_others_forms_current(admin_app, editor, admin):
    article_id = _write(admin_app, editor)
    seen = article_version(editor, article_id)
    assert _edit(admin, article_id, _fields(admin_app)).status_code == 302  # "Lưu" with nothing changed
    assert _edit(editor, article_id, _fields(admin_app, summary="Sửa sau."), version=seen).status_code == 302


def test_a_writer_cannot_open_an_article_that_is_not_theirs(admin_app, writer, editor):
    article_id = _write(admin_app, editor)
    assert writer.client.get(f"/quan-tri/bai-viet/{article_id}").status_code == 404
    assert writer.client.get(f"/quan-tri/bai-viet/{article_id}/phien-ban").status_code == 404


def test_two_people_writing_in_the_same_article_are_told_before_saving(admin_app, writer, editor):
    article_id = _write(admin_app, writer)
    url = f"/quan-tri/bai-viet/{article_id}"
    typed = _fields(admin_app) | {"version": article_version(editor, article_id)}
    assert editor.post(f"{url}/tu-luu", typed, form_url=url).json["warning"] is False  # alone so far
    assert "<strong>Biên tập viên</strong> cũng đang sửa bài này" in writer.client.get(url).get_data(as_text=True)
    answer = writer.post(f"{url}/tu-luu", typed, form_url=url).json
    assert answer["warning"] and "Biên tập viên cũng đang sửa bài này" in answer["message"]


def test_the_bin_through_the_admin(admin_app, editor, admin):
    article_id = _write(admin_app, editor, thao_tac="publish")
    url = f"/quan-tri/bai-viet/{article_id}"
    assert editor.post(f"{url}/xoa").headers["Location"] == "/quan-tri/bai-viet?trang_thai=trashed"
    binned = editor.client.get("/quan-tri/bai-viet?trang_thai=trashed").get_data(as_text=True)
    assert "Phường Bắc Hồng ra quân" in binned and "30 ngày" in binned
    assert "Phường Bắc Hồng ra quân" not in editor.client.get("/quan-tri/bai-viet").get_data(as_text=True)
    assert editor.post(f"{url}/khoi-phuc", form_url="/quan-tri/bai-viet?trang_thai=trashed").status_code == 302
    assert _article(admin_app, id=article_id).status == "draft"  # back as a draft, not public again
    assert editor.post(f"{url}/khoi-phuc", form_url=url).headers["Location"] == url  # not in the bin: said so
    assert editor.client.get(f"{url}/xoa-han").status_code == 403  # for quản trị only
    assert editor.post(f"{url}/xoa").status_code == 302
    assert admin.post(f"{url}/xoa-han").headers["Location"] == "/quan-tri/bai-viet?trang_thai=trashed"
    assert _article(admin_app, id=article_id) is None


def test_a_writer_withdraws_a_submitted_article_to_fix_it(admin_app, writer):
    article_id = _write(admin_app, writer, thao_tac="submit")
    url = f"/quan-tri/bai-viet/{article_id}"
    page = writer.client.get(url).get_data(as_text=True)
    assert re.search(r'<input[^>]*id="title"[^>]*readonly', page)  # in review: shown, not editable
    assert re.search(r'<select[^>]*disabled[^>]*id="category_id"|<select[^>]*id="category_id"[^>]*disabled', page)
    fields = _fields(admin_app, thao_tac="withdraw")
    del fields["category_id"]  # a disabled select is not sent
    assert _edit(writer, article_id, fields).status_code == 302
    assert _article(admin_app, id=article_id).status == "draft"
    assert "readonly" not in writer.client.get(url).get_data(as_text=True).split('id="title"')[1].split(">")[0]
