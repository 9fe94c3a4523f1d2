"""The audit log: who changed what, and when, read by person, action and days."""

from flask import current_app, g, render_template, request
from wtforms import DateField, SelectField
from wtforms.validators import Optional, ValidationError

from portal.admin import bp
from portal.admin.forms import AdminForm, options
from portal.extensions import db
from portal.services import audit
from portal.web.inputs import int_arg


class AuditFilterForm(AdminForm):
    """The filter above the log: a GET form, its values in the address (no token needed to read)."""

    class Meta:
        csrf = False

    nguoi = SelectField("Người thực hiện", validators=[Optional()])
    viec = SelectField("Việc", validators=[Optional()])
    tu_ngay = DateField("Từ ngày", validators=[Optional()])
    den_ngay = DateField("Đến ngày", validators=[Optional()])

    def validate_den_ngay(self, field) -> None:
        if field.data and self.tu_ngay.data and field.data < self.tu_ngay.data:
            raise ValidationError("Ngày cuối phải sau ngày đầu.")


FILTERS = ("nguoi", "viec", "tu_ngay", "den_ngay")


@bp.get("/nhat-ky")
def audit_log():
    """Every change made in the admin and every sign-in, newest first, filtered."""
    form = AuditFilterForm(request.args)
    form.nguoi.choices = options([("", "(Mọi người)"), *((name, name) for name in audit.names())])
    form.viec.choices = options([("", "(Mọi việc)"), *audit.ACTION_LABELS.items()])
    context = {"form": form, "actions": audit.ACTION_LABELS, "targets": audit.TARGET_LABELS, "pagination": None}
    if not form.validate():
        return render_template("admin/audit.html", **context), 400
    g.page_query = {name: request.args[name] for name in FILTERS if request.args.get(name)}  # kept by the pager
    query = audit.entries(form.nguoi.data, form.viec.data, form.tu_ngay.data, form.den_ngay.data)
    per_page = current_app.config["ADMIN_PER_PAGE"] * 2
    context["pagination"] = db.paginate(query, page=int_arg("page", 1), per_page=per_page, error_out=False)
    return render_template("admin/audit.html", **context)
