"""The main menu: its entries in order, with one level of sub-menu."""

from flask import abort, flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor, ask_first
from portal.admin.forms import MoveForm, options
from portal.admin.page_forms import MenuItemForm
from portal.extensions import db
from portal.models import MenuItem, MenuKind
from portal.models.content import VIETNAMESE
from portal.services import categories, menu, pages


def _form(item: MenuItem | None) -> MenuItemForm:
    form = MenuItemForm(None, obj=item) if request.method == "GET" else MenuItemForm(obj=item)
    form.category_id.choices = options([("", "(Không)"), *categories.choices()])
    form.page_id.choices = options([("", "(Không)"), *((page.id, "— " * depth + page.title) for page, depth in pages.tree(VIETNAMESE))])
    tops = [(top.id, top.label) for top, depth in menu.tree() if depth == 0 and (item is None or top.id != item.id)]
    form.parent_id.choices = options([("", "(Mục cấp cao nhất)"), *tops])
    return form


@bp.route("/trinh-don", methods=["GET", "POST"])
@bp.route("/trinh-don/<int:item_id>", methods=["GET", "POST"])
def menu_edit(item_id: int | None = None):
    """The menu's entries with the form to add one, or the form to change one."""
    item = db.get_or_404(MenuItem, item_id) if item_id else None
    form = _form(item)
    if form.validate_on_submit():
        fields = menu.ItemFields(form.label.data, MenuKind(form.kind.data), form.category_id.data, form.page_id.data,
                                 form.url.data or "", form.parent_id.data)  # fmt: skip
        try:
            saved = menu.save(item, fields, actor())
        except menu.MenuError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu mục “{saved.label}” của trình đơn.", "success")
            return redirect(url_for("admin.menu_edit"))
    kinds = {kind.value: kind.label for kind in MenuKind}
    context = {"form": form, "item": item, "tree": menu.tree(), "move": MoveForm(), "kinds": kinds}
    return render_template("admin/menu.html", **context), 422 if form.errors else 200


@bp.post("/trinh-don/<int:item_id>/di-chuyen")
def menu_item_move(item_id: int):
    """Move an entry one place up or down among those beside it."""
    item = db.get_or_404(MenuItem, item_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    menu.move(item, form.step, actor())
    flash(f"Đã đổi thứ tự mục “{item.label}”.", "success")
    return redirect(url_for("admin.menu_edit"))


@bp.route("/trinh-don/<int:item_id>/xoa", methods=["GET", "POST"])
def menu_item_delete(item_id: int):
    """Ask, then remove an entry and its sub-menu."""
    item = db.get_or_404(MenuItem, item_id)
    asking = ask_first(f"Bỏ mục “{item.label}” (và trình đơn con của nó) khỏi trình đơn?", "Bỏ khỏi trình đơn", url_for("admin.menu_edit"))
    if asking is not None:
        return asking
    label = item.label
    menu.delete(item, actor())
    flash(f"Đã bỏ mục “{label}” khỏi trình đơn.", "success")
    return redirect(url_for("admin.menu_edit"))
