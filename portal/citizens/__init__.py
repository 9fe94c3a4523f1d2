"""The citizens' ways to write in: the contact form (/lien-he) and questions answered in
public (/hoi-dap)."""

from flask import Blueprint, request
from flask_limiter import RateLimitExceeded

from portal.errors.handlers import http_error

bp = Blueprint("citizens", __name__)

from portal.citizens import contact, guard, questions  # noqa: E402,F401


@bp.errorhandler(RateLimitExceeded)
def too_many(error: RateLimitExceeded):
    """Too many posts from one network address (counted before the view): 429, nothing stored,
    the form shown again with what was written."""
    page = guard.REFUSED_PAGES.get(request.endpoint)
    if page is None:
        return http_error(error)
    return page(error.code, guard.TOO_MANY)
