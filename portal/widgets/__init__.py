"""HTMX fragment endpoints: each returns one partial that full pages also include."""

from flask import Blueprint

bp = Blueprint("widgets", __name__, url_prefix="/widgets")

from portal.widgets import routes_counters  # noqa: E402,F401
