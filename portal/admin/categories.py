"""Categories: list with create, rename/move, reorder, delete when empty."""

from flask import abort, flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor, ask_first
from portal.admin.forms import CategoryForm, MoveForm, options
from portal.extensions import db
from portal.models import Category
from portal.services import categories


def _form(category: Category | None) -> CategoryForm:
    form = CategoryForm(None, obj=category) if request.method == "GET" else CategoryForm(obj=category)
    exclude = category.id if category else None
    parents = [(c.id, c.name) for c in categories.parent_choices(exclude)]
    form.parent_id.choices = options([("", "(Chuyên mục cấp cao nhất)"), *parents])
    return form


def _save(form: CategoryForm, category: Category | None):
    if form.validate_on_submit():
        try:
            saved = categories.save(category, form.name.data, form.slug.data or "", form.parent_id.data, actor())
        except categories.CategoryError as error:
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu chuyên mục “{saved.name}”.", "success")
            return redirect(url_for("admin.categories_list"))
    return None


@bp.route("/chuyen-muc", methods=["GET", "POST"])
def categories_list():
    """The categories in menu order, and the form to add one."""
    form = _form(None)
    if request.method == "POST":
        done = _save(form, None)
        if done:
            return done
    status = 422 if form.errors else 200
    return render_template("admin/categories.html", tree=categories.ordered(), form=form, move=MoveForm()), status


@bp.route("/chuyen-muc/<int:category_id>", methods=["GET", "POST"])
def category_edit(category_id: int):
    """Rename a category or move it under another."""
    category = db.get_or_404(Category, category_id)
    form = _form(category)
    if request.method == "POST":
        done = _save(form, category)
        if done:
            return done
    return render_template("admin/form.html", form=form, heading=f"Sửa chuyên mục “{category.name}”", back=url_for("admin.categories_list")), 422 if form.errors else 200


@bp.post("/chuyen-muc/<int:category_id>/di-chuyen")
def category_move(category_id: int):
    """Move a category one place up or down among its siblings."""
    category = db.get_or_404(Category, category_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    categories.move(category, form.step, actor())
    flash(f"Đã đổi thứ tự chuyên mục “{category.name}”.", "success")
    return redirect(url_for("admin.categories_list"))


@bp.route("/chuyen-muc/<int:category_id>/xoa", methods=["GET", "POST"])
def category_delete(category_id: int):
    """Ask, then delete a category that has no articles and no sub-categories."""
    category = db.get_or_404(Category, category_id)
    asking = ask_first(f"Xoá chuyên mục “{category.name}”?", "Xoá chuyên mục", url_for("admin.categories_list"))
    if asking is not None:
        return asking
    name = category.name
    try:
        categories.delete(category, actor())
    except categories.CategoryError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.categories_list"), code=303)
    flash(f"Đã xoá chuyên mục “{name}”.", "success")
    return redirect(url_for("admin.categories_list"))
