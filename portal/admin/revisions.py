"""An article's history in the admin: its revisions and moves, two revisions side by side, a
revision restored; and the autosave of the form being written."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.articles import readable_article
from portal.admin.common import actor
from portal.admin.forms import VersionForm
from portal.extensions import db
from portal.models import Article, ArticleRevision
from portal.services import attachments, autosave, revisions, workflow
from portal.web.inputs import bounded_int, int_arg


def _history_page(article: Article, status: int = 200, refusal: str = ""):
    form = VersionForm(None)
    form.version.data = article.version
    return render_template(
        "admin/article_revisions.html", article=article, revisions=revisions.revisions_of(article.id),
        moves=workflow.history(article.id), form=form, editable=workflow.may_edit(actor(), article), refusal=refusal,
        file_names=attachments.names_by_id(article.id), ids_of=attachments.ids_of,
    ), status  # fmt: skip


@bp.get("/bai-viet/<int:article_id>/phien-ban")
def article_revisions(article_id: int):
    """Every saved version of the article and every move along its path."""
    return _history_page(readable_article(article_id))


def _comparison(article: Article, old_number: int | None, new_number: int | None):
    """Two revisions side by side (by default the last two), changed words marked."""
    kept = revisions.revisions_of(article.id)
    if len(kept) < 2:
        return render_template("admin/article_compare.html", article=article, kept=kept, diff=None)
    new = revisions.revision(article.id, new_number or kept[0].number) or abort(404)
    old = revisions.revision(article.id, old_number or kept[1].number) or abort(404)
    if old.number > new.number:
        old, new = new, old
    return render_template(
        "admin/article_compare.html", article=article, kept=kept, old=old, new=new, diff=revisions.compare(old, new)
    )


@bp.get("/bai-viet/<int:article_id>/so-sanh")
def article_compare(article_id: int):
    """Two revisions chosen in the history (?cu=, ?moi=) side by side."""
    return _comparison(readable_article(article_id), int_arg("cu", None), int_arg("moi", None))


@bp.get("/bai-viet/ban-luu/<int:item_id>")
def article_revision_view(item_id: int):
    """One revision by its id (what the audit entry of an edit points at): compared with the one
    before it; the first revision is shown in the history."""
    revision = db.get_or_404(ArticleRevision, item_id)
    article = readable_article(revision.article_id)
    if revision.number == 1:
        return _history_page(article)
    return _comparison(article, revision.number - 1, revision.number)


@bp.post("/bai-viet/<int:article_id>/phien-ban/khoi-phuc")
def article_revision_restore(article_id: int):
    """Put a revision's content back as a new revision, from the version the page showed."""
    article = readable_article(article_id)
    form = VersionForm()
    number, version = bounded_int(request.form.get("ban"), 1), bounded_int(form.version.data, 1)
    if not form.validate_on_submit() or number is None or version is None:
        abort(400)
    try:
        restored = revisions.restore(article, number, actor(), clock.now(), version)
    except workflow.Forbidden:
        abort(403)
    except workflow.StaleArticle:
        article = readable_article(article_id)
        refusal = (
            "Chưa khôi phục: bài viết vừa được người khác thay đổi sau khi bạn mở trang này. "
            "Danh sách dưới đây đã được tải lại; hãy xem bản mới nhất rồi chọn lại bản cần khôi phục."
        )
        return _history_page(article, 409, refusal)
    except workflow.WorkflowError as error:
        return _history_page(article, 422, str(error))
    flash(f"Đã khôi phục bản {number} thành bản {restored.number}.", "success")
    return redirect(url_for("admin.article_revisions", article_id=article.id))


def _warnings(article: Article | None, version: int | None) -> list[str]:
    """What the person must know before saving: someone else is writing in the same article,
    or has saved it since this form was opened."""
    if article is None:
        return []
    notes = []
    others = autosave.others_typing(actor(), article.id, clock.now())
    if others:
        names = ", ".join(user.shown_name for user in others)
        notes.append(f"Chú ý: {names} cũng đang sửa bài này; ai lưu sau sẽ được báo để không viết đè lên bản của người kia.")
    if version is not None and version != article.version:
        notes.append(
            "Chú ý: bài viết vừa được người khác lưu sau khi bạn mở trang này; nếu bấm “Lưu” bây giờ, "
            "lần lưu sẽ bị từ chối. Hãy mở bài trong thẻ mới để xem bản mới nhất."
        )
    return notes


@bp.post("/bai-viet/tu-luu", defaults={"article_id": None})
@bp.post("/bai-viet/<int:article_id>/tu-luu")
def article_autosave(article_id: int | None):
    """Keep what is typed in the form (static/js/autosave.js posts it every few seconds), or
    forget it (``bo``); answers JSON with the line the editor page shows."""
    article = readable_article(article_id) if article_id is not None else None
    if not VersionForm().validate_on_submit():
        abort(400)
    if request.form.get("bo"):
        autosave.drop(actor(), article_id)
        flash("Đã bỏ bản tự lưu.", "success")
        return redirect(url_for("admin.article_edit", article_id=article_id) if article_id else url_for("admin.article_new"))
    version = bounded_int(request.form.get("version"), 1)
    kept = autosave.keep(actor(), article_id, request.form.to_dict(), version, clock.now())
    warnings = _warnings(article, version)
    return jsonify(message=" ".join([f"Đã tự lưu lúc {kept.saved_at:%H:%M:%S}.", *warnings]), warning=bool(warnings))
