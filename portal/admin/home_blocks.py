"""The home page's blocks (quản trị): which categories show, in what order, how many articles
each, with pictures or not; and the home page drawn with the choice before it is saved."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor
from portal.admin.forms import HomeBlocksForm
from portal.layout import render_page
from portal.services import front_page
from portal.services.content import menu_categories
from portal.web.inputs import bounded_int


def _form() -> HomeBlocksForm:
    """The form, one line per top category, filled from what is saved (GET) or what was posted."""
    if request.method == "POST":
        return HomeBlocksForm()
    form = HomeBlocksForm(None)
    for block in front_page.blocks(current_app.config["HOME_ARTICLES_PER_CATEGORY"]):
        form.blocks.append_entry({"category_id": block.category.id, "shown": block.shown, "position": block.position,
                                  "items": block.items, "pictures": block.pictures})  # fmt: skip
    return form


def _chosen(form: HomeBlocksForm) -> list[front_page.Block]:
    """The blocks the form describes; a line naming no top category, or one named twice, is a forged request."""
    categories = {category.id: category for category in menu_categories()}
    chosen = []
    for line in form.blocks:
        category = categories.pop(bounded_int(line.category_id.data, 1) or 0, None)
        if category is None:
            abort(400)
        chosen.append(front_page.Block(category, line.shown.data, line.position.data, line.items.data, line.pictures.data))
    return chosen


def _labels() -> dict[str, str]:
    """The categories' names by id as the form's hidden fields hold it."""
    return {str(category.id): category.name for category in menu_categories()}


@bp.route("/trang-chu", methods=["GET", "POST"])
def home_blocks():
    """Edit the home page's blocks of categories."""
    form = _form()
    if form.validate_on_submit():
        front_page.save_blocks(_chosen(form), actor())
        flash("Đã lưu bố cục trang chủ.", "success")
        return redirect(url_for("admin.home_blocks"))
    status = 422 if form.errors else 200
    return render_template("admin/home_blocks.html", form=form, names=_labels()), status


@bp.post("/trang-chu/xem-truoc")
def home_blocks_preview():
    """The home page as it would be with the choice posted, nothing saved."""
    form = _form()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return render_template("admin/home_blocks.html", form=form, names=_labels()), 422
    home = front_page.compose(clock.now(), _chosen(form), current_app.config["FEATURED_MAX"])
    return render_page("news/home.html", live=False, home=home, preview=True)
