"""The admin's front page."""

from flask import render_template

from portal import clock
from portal.admin import bp
from portal.models import ArticleStatus
from portal.services import publishing


@bp.get("/")
def dashboard():
    """Counts of articles by status and shortcuts to the admin's pages."""
    counts = publishing.status_counts(clock.now())
    return render_template("admin/dashboard.html", counts=counts, statuses=ArticleStatus)
