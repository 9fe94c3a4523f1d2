"""Site settings: name, tagline, address, phone, e-mail, footer, the legal lines, logo and banner."""

from flask import flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor, image_limits
from portal.admin.forms import SettingsForm
from portal.services import settings as site_settings
from portal.services.media import MediaError, prepare_image

FIELDS = ("name", "tagline", "address", "phone", "email", "footer", "owner", "licence", "responsible",
          "name_en", "introduction_en", "owner_en", "licence_en", "responsible_en")  # fmt: skip


@bp.route("/cai-dat", methods=["GET", "POST"])
def settings():
    """Edit the site's own details shown in the header and footer."""
    row = site_settings.for_editing()
    form = SettingsForm(None, obj=row) if request.method == "GET" else SettingsForm()
    if form.validate_on_submit():
        images = _images(form, row)
        if images is not None:
            site_settings.save({name: getattr(form, name).data or "" for name in FIELDS}, actor(), images)
            flash("Đã lưu cài đặt trang.", "success")
            return redirect(url_for("admin.settings"))
    context = {"form": form, "heading": "Cài đặt trang", "back": url_for("admin.dashboard"), "multipart": True}
    return render_template("admin/form.html", **context), 422 if form.errors else 200


def _images(form: SettingsForm, row) -> dict | None:
    """The logo and banner to set (a checked upload, or None to remove one); None when an upload
    is refused (its message on the field)."""
    images: dict = {}
    for name, alt, remove in (("logo", row.name or form.name.data, form.remove_logo.data),
                              ("banner", form.banner_alt.data or "", form.remove_banner.data)):  # fmt: skip
        upload = getattr(form, name)
        if upload.data:
            try:
                images[name] = prepare_image(upload.data.stream, alt, image_limits())
            except MediaError as error:
                upload.errors = [str(error)]
                return None
        elif remove:
            images[name] = None
    return images
