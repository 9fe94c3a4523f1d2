"""HTMX widgets: each endpoint answers htmx with its partial alone and a plain form
with the whole page (or a redirect to it), so every widget works without JavaScript."""

from flask import Blueprint, Response

bp = Blueprint("widgets", __name__, url_prefix="/widgets")


@bp.after_request
def _vary_on_htmx(response: Response) -> Response:
    """The same URL answers a fragment or a page: caches must keep them apart."""
    response.vary.add("HX-Request")
    return response


from portal.widgets import routes_live, routes_rating  # noqa: E402,F401
