"""POST /widgets/poll/<id>: one visitor's ballot in a poll.

As the rating (portal.widgets.routes_rating): htmx gets the widget back with the right status;
a form posted without JavaScript gets the poll's own page with the widget showing the result
(never cached). No CSRF token: cross-site posts are refused by their headers; bots are refused;
the votes of one network address are limited (``RATING_LIMIT``, the votes' limit).
"""

from flask import render_template, request
from flask_limiter import RateLimitExceeded
from werkzeug.exceptions import NotFound

from portal import clock
from portal.counters import counting
from portal.errors.handlers import http_error
from portal.extensions import csrf, db, limiter
from portal.models import Poll
from portal.news.polls import render_poll_page
from portal.services import polls
from portal.web.cross_origin import REFUSED, is_cross_origin
from portal.web.fragments import wants_fragment
from portal.web.inputs import bounded_int
from portal.web.visitor import current_visitor
from portal.widgets import OVER_THE_LIMIT, bp
from portal.widgets.poll import poll_panel
from portal.widgets.routes_rating import rating_limit

THANKS = "Cảm ơn bạn đã bình chọn!"
NOT_A_READER = "Chương trình tự động (bot) không thể bình chọn. Xin dùng trình duyệt web để bình chọn."
TOO_MANY = "Có quá nhiều lượt bình chọn từ địa chỉ mạng của bạn. Xin thử lại sau ít phút."


def _choices() -> list[int] | None:
    """The ticked choices' ids; None when one is not a number."""
    values = [bounded_int(value, 1) for value in request.form.getlist("choice")[:50]]
    return None if None in values else values


@csrf.exempt
@bp.post("/poll/<int:poll_id>")
@limiter.limit(rating_limit)
def vote(poll_id: int):
    """Cast the visitor's ballot, then show the results."""
    if is_cross_origin():
        return answer(poll_id, 403, REFUSED)
    if not counting.is_reader():
        return answer(poll_id, 403, NOT_A_READER)
    chosen = _choices()
    if chosen is None:
        return answer(poll_id, 422, polls.UnknownChoice.message)
    try:
        results = polls.cast_ballot(poll_id, current_visitor(), chosen, clock.now())
    except polls.BallotRefused as refused:
        return answer(poll_id, refused.status, refused.message, set(chosen))
    return answer(poll_id, 200, THANKS, set(chosen), results)


def answer(poll_id: int, status: int, message: str, chosen: set[int] | None = None, results=None):
    """The widget alone for htmx; otherwise the poll's page with the widget's answer."""
    poll = db.session.get(Poll, poll_id)
    if poll is None:
        if wants_fragment():
            return render_template("widgets/_poll_missing.html", message=polls.PollUnavailable.message), 404
        return http_error(NotFound())
    tone = "success" if status == 200 else "error"
    own = chosen if results is not None else None  # after the ballot: what was just cast
    panel = poll_panel(poll, clock.now(), own, results, message, tone, checked=chosen)
    if wants_fragment():
        return render_template("widgets/_poll.html", poll_panel=panel), status
    return render_poll_page(poll, panel), status, {"Cache-Control": "no-store"}


def too_many_ballots(error: RateLimitExceeded):
    """Too many ballots from one network address: 429, nothing stored."""
    return answer(request.view_args["poll_id"], error.code, TOO_MANY)


OVER_THE_LIMIT["widgets.vote"] = too_many_ballots
