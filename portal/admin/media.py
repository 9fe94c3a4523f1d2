"""The image library: upload images (with alt text) and the editor's upload endpoint."""

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.admin import bp
from portal.admin.common import actor, image_limits
from portal.admin.forms import ImageForm
from portal.extensions import db
from portal.models import Media, MediaKind
from portal.services.media import MediaError, MissingDescription, save_image
from portal.text import format_size
from portal.web.inputs import int_arg


def _library(form: ImageForm, status: int = 200):
    query = select(Media).where(Media.kind == MediaKind.IMAGE).order_by(Media.created_at.desc(), Media.id.desc())
    pagination = db.paginate(query, page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"], error_out=False)
    limit = format_size(current_app.config["IMAGE_MAX_BYTES"])
    return render_template("admin/media.html", form=form, pagination=pagination, limit=limit), status


@bp.get("/tep")
def media_list():
    """Uploaded images, newest first, with the upload form."""
    return _library(ImageForm(None))


@bp.post("/tep")
def media_upload():
    """Upload one image: checked, EXIF removed, renditions made."""
    form = ImageForm()
    if form.validate_on_submit():
        try:
            media = _save(form.image.data, form.alt.data)
        except MediaError as error:
            form.image.errors = [str(error)]
        else:
            flash(f"Đã tải ảnh lên ({media.width}×{media.height} điểm ảnh).", "success")
            return redirect(url_for("admin.media_list"))
    return _library(form, 422)


def _save(upload, alt: str) -> Media:
    return save_image(upload.stream, alt, image_limits(), actor())


@bp.post("/tep/trong-bai")
def editor_upload():
    """Images pasted or dropped into the body editor, answered in the editor's JSON format."""
    upload = next(iter(request.files.values()), None)
    if upload is None:
        return jsonify(success=False, data={"messages": ["Không có tệp ảnh."], "code": 400}), 400
    try:
        media = _save(upload, request.form.get("alt", ""))  # the editor asks for it before uploading
    except MediaError as error:
        refused = {"messages": [str(error)], "code": 422}
        if isinstance(error, MissingDescription):
            refused["field"] = "alt"  # the editor asks for it again and resends the same file
        return jsonify(success=False, data=refused), 422
    data = {"files": [media.path], "isImages": [True], "baseurl": "", "messages": [], "code": 220}
    return jsonify(success=True, data=data)
