"""Sidebar blocks: order and visibility, the map, the songs and the website links."""

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.admin import bp
from portal.admin.common import actor, audio_limits, ask_first, image_limits
from portal.admin.forms import ConfirmForm, LinkForm, MapForm, MoveForm, SongForm
from portal.extensions import db
from portal.models import BlockKind, SidebarBlock, Song, WebLink
from portal.services import sidebar_blocks as sidebar_admin
from portal.services.media import MediaError, save_audio, save_image

KINDS = {"khoi": SidebarBlock, "bai-hat": Song, "lien-ket": WebLink}


def _back():
    return redirect(url_for("admin.sidebar"))


@bp.get("/khoi-ben-phai")
def sidebar():
    """The blocks in order with show/hide, and the songs and links they list."""
    return render_template(
        "admin/sidebar.html", blocks=sidebar_admin.blocks(), songs=sidebar_admin.songs(),
        links=sidebar_admin.links(), move=MoveForm(), confirm=ConfirmForm(), kinds=BlockKind,
    )  # fmt: skip


@bp.post("/khoi-ben-phai/<any(khoi, 'bai-hat', 'lien-ket'):kind>/<int:item_id>/di-chuyen")
def sidebar_move(kind: str, item_id: int):
    """Move a block, a song or a link one place up or down."""
    item = db.get_or_404(KINDS[kind], item_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    sidebar_admin.move(item, form.step, actor())
    flash(f"Đã đổi thứ tự “{item.title}”.", "success")
    return _back()


@bp.post("/khoi-ben-phai/khoi/<int:block_id>/hien-an")
def block_toggle(block_id: int):
    """Show a hidden block or hide a shown one."""
    block = db.get_or_404(SidebarBlock, block_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    sidebar_admin.set_visible(block, not block.visible, actor())
    flash(f"Đã {'hiện' if block.visible else 'ẩn'} khối “{block.title}”.", "success")
    return _back()


@bp.route("/khoi-ben-phai/ban-do", methods=["GET", "POST"])
def map_edit():
    """The map block: title, image, caption and link."""
    block = db.first_or_404(select(SidebarBlock).where(SidebarBlock.kind == BlockKind.MAP))
    form = MapForm(None, obj=block) if request.method == "GET" else MapForm(obj=block)
    if form.validate_on_submit():
        try:
            sidebar_admin.check_web_address(form.link.data, "link") if form.link.data else None
            image = save_image(form.image_file.data.stream, form.alt.data, image_limits(), actor()) if form.image_file.data else None
            sidebar_admin.update_map(block, form.title.data, form.caption.data or "", form.link.data or "", image, actor())
        except sidebar_admin.SidebarError as error:
            getattr(form, error.field).errors = [str(error)]
        except MediaError as error:
            form.image_file.errors = [str(error)]
        else:
            flash("Đã lưu khối bản đồ.", "success")
            return _back()
    return render_template("admin/form.html", form=form, heading="Khối bản đồ", back=url_for("admin.sidebar"), multipart=True), 422 if form.errors else 200


@bp.route("/bai-hat/moi", methods=["GET", "POST"], defaults={"song_id": None})
@bp.route("/bai-hat/<int:song_id>", methods=["GET", "POST"])
def song_form(song_id: int | None):
    """Add a song (title, composer, performer, audio file), or edit one or replace its audio."""
    song = db.get_or_404(Song, song_id) if song_id else None
    form = SongForm(None, obj=song) if request.method == "GET" else SongForm(obj=song)
    if form.validate_on_submit():
        try:
            audio = save_audio(form.audio_file.data.stream, form.title.data, audio_limits(), actor()) if form.audio_file.data else None
        except MediaError as error:
            form.audio_file.errors = [str(error)]
        else:
            saved = sidebar_admin.save_song(song, form.title.data, form.composer.data or "",
                                            form.performer.data or "", audio, actor())  # fmt: skip
            flash(f"Đã lưu bài hát “{saved.title}”.", "success")
            return _back()
    return render_template("admin/form.html", form=form, heading=f"Bài hát “{song.title}”" if song else "Thêm bài hát", back=url_for("admin.sidebar"), multipart=True), 422 if form.errors else 200


@bp.route("/lien-ket/moi", methods=["GET", "POST"], defaults={"link_id": None})
@bp.route("/lien-ket/<int:link_id>", methods=["GET", "POST"])
def link_form(link_id: int | None):
    """Add a website link, or edit one."""
    link = db.get_or_404(WebLink, link_id) if link_id else None
    form = LinkForm(None, obj=link) if request.method == "GET" else LinkForm(obj=link)
    if form.validate_on_submit():
        try:
            saved = sidebar_admin.save_link(link, form.title.data, form.url.data, actor())
        except sidebar_admin.SidebarError as error:
            form.url.errors = [str(error)]
        else:
            flash(f"Đã lưu liên kết “{saved.title}”.", "success")
            return _back()
    return render_template("admin/form.html", form=form, heading=f"Liên kết “{link.title}”" if link else "Thêm liên kết website", back=url_for("admin.sidebar")), 422 if form.errors else 200


@bp.route("/khoi-ben-phai/<any('bai-hat', 'lien-ket'):kind>/<int:item_id>/xoa", methods=["GET", "POST"])
def sidebar_delete(kind: str, item_id: int):
    """Ask, then delete a song or a link."""
    item = db.get_or_404(KINDS[kind], item_id)
    asking = ask_first(f"Xoá “{item.title}”?", "Xoá", url_for("admin.sidebar"))
    if asking is not None:
        return asking
    sidebar_admin.delete_item(item, actor())
    flash(f"Đã xoá “{item.title}”.", "success")
    return _back()
