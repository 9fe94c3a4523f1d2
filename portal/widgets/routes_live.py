"""The live part of every page, in one small request that also counts the page view.

A full page is the same bytes for every reader, so what is live or personal comes from here:
the page loads GET /widgets/live once with htmx (``templates/includes/_live.html``), which
answers with out-of-band swaps of what that page shows (``bo-dem=1``: the counters; ``bai``: the
article's views and its rating widget with the reader's own vote; ``tham-do``: the results of
the page's polls the reader has voted in), and counts the view: the
visit, the reader's presence and the article's view, in one write transaction. Without
JavaScript the page's ``<noscript>`` image, GET /widgets/dem.gif, counts the same view. While
the tab stays open, GET /widgets/counters refreshes the counters and keeps the reader online.

Bots and prefetches are answered but not counted; these answers are never cached, and the
first two set the visitor cookie for a new reader.
"""

import base64

from flask import redirect, render_template, request, url_for

from portal import clock
from portal.counters import counting
from portal.extensions import db
from portal.models import Poll
from portal.services import content, polls, settings
from portal.web.fragments import wants_fragment
from portal.web.inputs import bounded_int, int_arg
from portal.web.visitor import known_visitor
from portal.widgets import bp
from portal.widgets.poll import PollPanel, poll_panel
from portal.widgets.rating import rating_panel

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")  # a 1×1 transparent GIF
NEVER_KEPT = {"Cache-Control": "no-store"}


def _count_view():
    """Count the view of the page (and of its article, ``bai``); the article's figures after
    it, or as they are when the view was not counted (None: no article a reader may see)."""
    article_id = int_arg("bai", None)
    view = counting.count_page_view(article_id)
    if article_id is None:
        return None, None
    figures = view.article if view else content.visible_figures(article_id, clock.now())
    return article_id, figures


def _voted_polls() -> list[PollPanel]:
    """The polls of the page (``tham-do``, at most two) in which this reader has voted, with
    their results: the page shows everyone the form."""
    visitor = known_visitor()
    if not visitor:
        return []
    panels = []
    for poll_id in {bounded_int(value, 1) for value in request.args.getlist("tham-do")[:2]} - {None}:
        own = polls.own_choices(poll_id, visitor)
        if own and (poll := db.session.get(Poll, poll_id)) is not None:
            panels.append(poll_panel(poll, clock.now(), own))
    return panels


@bp.get("/live")
def live():
    """What the page shows live, as out-of-band swaps; the page view counted."""
    if not wants_fragment():
        return redirect(url_for("stats.page"))
    article_id, figures = _count_view()
    counters = counting.current_counters() if request.args.get("bo-dem") else None
    html = render_template(
        "widgets/_live.html",
        oob=True,
        figures=figures,
        rating=rating_panel(article_id, figures) if figures else None,
        show_counters=bool(request.args.get("bo-dem")),
        counters=counters,
        offset=settings.visit_offset(),
        polls=_voted_polls(),
    )
    return html, NEVER_KEPT


@bp.get("/dem.gif")
def counted_image():
    """The counting image in a page's ``<noscript>``: the same count, a 1×1 picture back."""
    _count_view()
    return PIXEL, NEVER_KEPT | {"Content-Type": "image/gif"}


@bp.get("/counters")
def counters():
    """The live counters alone, for htmx polling: renews "online", never a visit. Without htmx
    the address leads to the statistics page, where the same figures are."""
    if not wants_fragment():
        return redirect(url_for("stats.page"))
    counting.renew_presence()
    return render_template("widgets/_counters.html", counters=counting.current_counters(), offset=settings.visit_offset()), NEVER_KEPT
