"""Site settings: name, tagline, address, phone, e-mail, footer."""

from flask import flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor
from portal.admin.forms import SettingsForm
from portal.services import settings as site_settings

FIELDS = ("name", "tagline", "address", "phone", "email", "footer")


@bp.route("/cai-dat", methods=["GET", "POST"])
def settings():
    """Edit the site's own details shown in the header and footer."""
    row = site_settings.for_editing()
    form = SettingsForm(None, obj=row) if request.method == "GET" else SettingsForm()
    if form.validate_on_submit():
        site_settings.save({name: getattr(form, name).data or "" for name in FIELDS}, actor())
        flash("Đã lưu cài đặt trang.", "success")
        return redirect(url_for("admin.settings"))
    return render_template("admin/form.html", form=form, heading="Cài đặt trang", back=url_for("admin.dashboard")), 422 if form.errors else 200
