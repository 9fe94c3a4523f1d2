"""The statistics page (/thong-ke): the counters in full, with charts."""

from flask import Blueprint

bp = Blueprint("stats", __name__)

from portal.stats import routes  # noqa: E402,F401
