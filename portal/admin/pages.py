"""The site's own pages: the tree with reorder and delete, the editor, the revisions."""

from flask import abort, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor, ask_first
from portal.admin.forms import ConfirmForm, MoveForm, options
from portal.admin.page_forms import PageForm
from portal.extensions import db
from portal.models import Page
from portal.models.content import ENGLISH, VIETNAMESE
from portal.services import english, pages


def _form(page: Page | None, language: str = VIETNAMESE) -> PageForm:
    form = PageForm(None, obj=page) if request.method == "GET" else PageForm(obj=page)
    language = page.language if page else language
    below = {page.id} | {p.id for p, _depth in pages.tree(language) if page in p.ancestors} if page else set()
    parents = [(p.id, "— " * depth + p.title) for p, depth in pages.tree(language) if p.id not in below]
    form.parent_id.choices = options([("", "(Trang cấp cao nhất)"), *parents])
    return form


@bp.get("/trang")
def pages_list():
    """Every page in the tree, with its address and state."""
    return render_template("admin/pages.html", tree=pages.tree(), move=MoveForm())


@bp.route("/trang/moi", methods=["GET", "POST"])
@bp.route("/trang/<int:page_id>", methods=["GET", "POST"])
def page_edit(page_id: int | None = None):
    """Write a new page, or change one; each save is kept as a revision."""
    page = db.get_or_404(Page, page_id) if page_id else None
    form = _form(page)
    if form.validate_on_submit():
        fields = pages.PageFields(form.title.data, form.slug.data or "", form.parent_id.data, form.summary.data or "",
                                  form.body.data, form.published.data)  # fmt: skip
        try:
            saved = pages.save(page, fields, actor(), clock.now())
        except pages.PageError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu trang “{saved.title}”.", "success")
            return redirect(url_for("admin.page_edit", page_id=saved.id))
    return render_template("admin/page_form.html", form=form, page=page), 422 if form.errors else 200


@bp.route("/trang/<int:page_id>/ban-tieng-anh", methods=["GET", "POST"])
def page_translate(page_id: int):
    """Write the English version of a Vietnamese page, from its text; if it has one, edit that."""
    original = db.get_or_404(Page, page_id)
    if original.language != VIETNAMESE:
        abort(404)
    if original.translation is not None:
        return redirect(url_for("admin.page_edit", page_id=original.translation.id))
    form = _form(None, ENGLISH)
    if request.method == "GET":
        first = english.page_for_translation(original)
        form.title.data, form.parent_id.data, form.summary.data, form.body.data = first.title, first.parent_id, first.summary, first.body
        form.published.data = first.published
    if form.validate_on_submit():
        fields = pages.PageFields(form.title.data, form.slug.data or "", form.parent_id.data, form.summary.data or "",
                                  form.body.data, form.published.data, ENGLISH)  # fmt: skip
        try:
            saved = english.save_page_translation(original, fields, actor(), clock.now())
        except pages.PageError as error:
            db.session.rollback()
            getattr(form, error.field or "title").errors = [str(error)]
        else:
            flash(f"Đã lưu bản tiếng Anh “{saved.title}”.", "success")
            return redirect(url_for("admin.page_edit", page_id=saved.id))
    return render_template("admin/page_form.html", form=form, page=None, translation_of=original), 422 if form.errors else 200


@bp.post("/trang/<int:page_id>/di-chuyen")
def page_move(page_id: int):
    """Move a page one place up or down among the pages beside it."""
    page = db.get_or_404(Page, page_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    pages.move(page, form.step, actor())
    flash(f"Đã đổi thứ tự trang “{page.title}”.", "success")
    return redirect(url_for("admin.pages_list"))


@bp.route("/trang/<int:page_id>/xoa", methods=["GET", "POST"])
def page_delete(page_id: int):
    """Ask, then delete a page that has no sub-pages (its revisions go with it)."""
    page = db.get_or_404(Page, page_id)
    asking = ask_first(f"Xoá trang “{page.title}” và các bản lưu của nó?", "Xoá trang", url_for("admin.pages_list"))
    if asking is not None:
        return asking
    title = page.title
    try:
        pages.delete(page, actor())
    except pages.PageError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.pages_list"), code=303)
    flash(f"Đã xoá trang “{title}”.", "success")
    return redirect(url_for("admin.pages_list"))


@bp.get("/trang/<int:page_id>/phien-ban")
def page_revisions(page_id: int):
    """The page's saved versions, newest first, each with a button to bring it back."""
    page = db.get_or_404(Page, page_id)
    return render_template("admin/page_revisions.html", page=page, revisions=pages.revisions_of(page.id), form=ConfirmForm())


@bp.post("/trang/<int:page_id>/phien-ban/<int:number>/khoi-phuc")
def page_revision_restore(page_id: int, number: int):
    """Put an older version's text back on the page, as a new version."""
    page = db.get_or_404(Page, page_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        restored = pages.restore(page, number, actor(), clock.now())
    except pages.PageError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.page_revisions", page_id=page.id), code=303)
    flash(f"Đã khôi phục bản {number} thành bản {restored.number}.", "success")
    return redirect(url_for("admin.page_revisions", page_id=page.id))
