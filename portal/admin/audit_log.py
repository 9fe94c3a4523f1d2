"""The audit log: who changed what, and when."""

from flask import current_app, render_template

from portal.admin import bp
from portal.extensions import db
from portal.services import audit
from portal.web.inputs import int_arg


@bp.get("/nhat-ky")
def audit_log():
    """Every change made in the admin, newest first."""
    pagination = db.paginate(audit.entries(), page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"] * 2, error_out=False)
    return render_template(
        "admin/audit.html", pagination=pagination, actions=audit.ACTION_LABELS, targets=audit.TARGET_LABELS
    )
