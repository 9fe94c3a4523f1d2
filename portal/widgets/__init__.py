"""HTMX widgets: each endpoint answers htmx with its partial alone and a plain form
with the whole page (or a redirect to it), so every widget works without JavaScript."""

from collections.abc import Callable

from flask import Blueprint, Response, request
from flask_limiter import RateLimitExceeded

bp = Blueprint("widgets", __name__, url_prefix="/widgets")
# endpoint → its answer to a visitor over the votes' limit (429, in the widget or its page)
OVER_THE_LIMIT: dict[str, Callable[[RateLimitExceeded], object]] = {}


@bp.after_request
def _vary_on_htmx(response: Response) -> Response:
    """The same URL answers a fragment or a page: caches must keep them apart."""
    response.vary.add("HX-Request")
    return response


@bp.errorhandler(RateLimitExceeded)
def _over_the_limit(error: RateLimitExceeded):
    """Too many votes from one network address (counted before the view runs): nothing stored."""
    from portal.errors.handlers import http_error

    answer = OVER_THE_LIMIT.get(request.endpoint)
    return answer(error) if answer else http_error(error)


from portal.widgets import routes_live, routes_poll, routes_rating  # noqa: E402,F401
