"""Photo albums: the list, an album's fields, uploading many photos at once, their captions,
descriptions and cover, deleting."""

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.album_forms import AlbumForm, PhotoUploadForm
from portal.admin.forms import ConfirmForm
from portal.admin.common import actor, article_addresses, articles_field, ask_first, image_limits
from portal.extensions import db
from portal.models import Album
from portal.services import albums
from portal.services.albums import PhotoEdit
from portal.web.inputs import bounded_int

BACK = "admin.albums_list"


@bp.get("/album")
def albums_list():
    """Every album, the newest event first."""
    listing = db.session.execute(db.select(Album).order_by(Album.taken_on.desc(), Album.id.desc())).scalars()
    return render_template("admin/albums.html", albums=list(listing))


def _page(album: Album | None, form: AlbumForm, upload: PhotoUploadForm | None = None, status: int = 200):
    heading = f"Album “{album.title}”" if album else "Album mới"
    return render_template("admin/album_form.html", form=form, upload=upload or PhotoUploadForm(None), album=album,
                           heading=heading, back=url_for(BACK)), status  # fmt: skip


@bp.route("/album/moi", methods=["GET", "POST"])
@bp.route("/album/<int:album_id>", methods=["GET", "POST"])
def album_edit(album_id: int | None = None):
    """An album's own fields; a new one is then given its photos."""
    album = db.get_or_404(Album, album_id) if album_id else None
    form = AlbumForm(None, obj=album) if request.method == "GET" else AlbumForm()
    if request.method == "GET" and album:
        form.article_links.data = article_addresses(album.articles)
    if form.validate_on_submit() and (linked := articles_field(form.article_links)) is not None:
        fields = albums.AlbumFields(form.title.data, form.slug.data or "", form.taken_on.data, form.description.data or "",
                                    form.published.data, linked)  # fmt: skip
        try:
            saved = albums.save_album(album, fields, actor())
        except albums.AlbumError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu album “{saved.title}”." + ("" if album else " Hãy tải ảnh lên."), "success")
            return redirect(url_for("admin.album_edit", album_id=saved.id))
    return _page(album, form, status=422 if form.errors else 200)


@bp.post("/album/<int:album_id>/anh")
def album_upload(album_id: int):
    """Many photos at once: each checked and stored with its renditions; a broken file is left
    out and named, the others kept."""
    album = db.get_or_404(Album, album_id)
    upload = PhotoUploadForm()
    if not upload.validate_on_submit():
        return _page(album, AlbumForm(None, obj=album), upload, 422)
    files = [(item.filename or "(không tên)", item.stream) for item in upload.photos.data if item and item.filename]
    added, refused = albums.add_photos(album, files, image_limits(), actor())
    if added:
        flash(f"Đã thêm {added} ảnh vào album.", "success")
    if refused:
        upload.photos.errors = [f"Không nhận {len(refused)} tệp:", *refused]
        db.session.refresh(album)
        return _page(album, AlbumForm(None, obj=album), upload, 422)
    return redirect(url_for("admin.album_edit", album_id=album.id), code=303)


def _edits(album: Album) -> dict[int, PhotoEdit]:
    form = request.form
    return {
        photo.id: PhotoEdit(form.get(f"chu-thich-{photo.id}", ""), form.get(f"mo-ta-{photo.id}", ""), f"xoa-{photo.id}" in form)
        for photo in album.photos
    }


@bp.post("/album/<int:album_id>/chu-thich")
def album_photos(album_id: int):
    """The photos' captions and descriptions, the cover, and the photos to remove."""
    album = db.get_or_404(Album, album_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    cover = bounded_int(request.form.get("anh-bia"))
    albums.update_photos(album, _edits(album), cover, Path(current_app.config["UPLOAD_FOLDER"]), actor())
    flash("Đã lưu chú thích và ảnh bìa.", "success")
    return redirect(url_for("admin.album_edit", album_id=album.id), code=303)


@bp.route("/album/<int:album_id>/xoa", methods=["GET", "POST"])
def album_delete(album_id: int):
    """Ask, then delete an album with its photos."""
    album = db.get_or_404(Album, album_id)
    asking = ask_first(f"Xoá album “{album.title}” cùng {len(album.photos)} ảnh?", "Xoá album", url_for(BACK))
    if asking is not None:
        return asking
    title = album.title
    albums.delete_album(album, Path(current_app.config["UPLOAD_FOLDER"]), actor())
    flash(f"Đã xoá album “{title}”.", "success")
    return redirect(url_for(BACK), code=303)
