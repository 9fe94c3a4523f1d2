from flask import make_response, redirect, render_template, url_for

from portal.counters import counting
from portal.services import settings
from portal.web.fragments import wants_fragment
from portal.widgets import bp


@bp.get("/counters")
def counters():
    """The live counters alone, for htmx polling: renews "online", never a visit.

    Without htmx the address leads to the statistics page, where the same figures are.
    """
    if not wants_fragment():
        response = redirect(url_for("stats.page"))
    else:
        counting.renew_presence()
        html = render_template(
            "widgets/_counters.html", counters=counting.current_counters(), offset=settings.visit_offset()
        )
        response = make_response(html)
        response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "HX-Request"
    return response
