"""The admin's front page: what awaits the person, and the counts of their articles."""

from flask import render_template

from portal import clock
from portal.admin import bp
from portal.admin.common import actor
from portal.models.content import STATUS_LABELS
from portal.services import publishing, workflow


@bp.get("/")
def dashboard():
    """An editor's articles awaiting approval, a writer's returned ones, counts and shortcuts."""
    user = actor()
    return render_template(
        "admin/dashboard.html", counts=publishing.status_counts(user, clock.now()),
        awaiting=workflow.awaiting(user), came_back=workflow.came_back(user), status_labels=STATUS_LABELS,
    )  # fmt: skip
