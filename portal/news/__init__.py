"""Public reading pages: home, categories, articles, the town map and uploaded files."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from portal.news import routes  # noqa: E402,F401
