"""A poll's own page (/tham-do/<id>): the question with its form, or the results once it has
closed; what a ballot posted without JavaScript is answered with."""

from typing import TYPE_CHECKING

from flask import abort

from portal import clock
from portal.extensions import db
from portal.layout import render_page
from portal.models import Poll
from portal.news import bp
from portal.web.page_cache import public_page

if TYPE_CHECKING:
    from portal.widgets.poll import PollPanel


def render_poll_page(poll: Poll, panel: "PollPanel | None" = None) -> str:
    """The page with ``panel``, one visitor's widget (a ballot posted without JavaScript), else
    the one every reader gets."""
    from portal.widgets.poll import page_panel  # not at the top: portal.widgets imports this module

    return render_page("news/poll.html", poll=poll, poll_panel=panel or page_panel(poll, clock.now()))


@bp.get("/tham-do/<int:poll_id>")
@public_page()
def poll(poll_id: int):
    """One poll, to vote in or to read its results."""
    found = db.session.get(Poll, poll_id)
    if found is None:
        abort(404)
    return render_poll_page(found)
