"""Error pages in Vietnamese, with the site's layout where the database allows it."""

from flask import Blueprint

bp = Blueprint("errors", __name__)

from portal.errors import handlers  # noqa: E402,F401
