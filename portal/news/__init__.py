"""Public reading pages: home, categories, articles, chuyên đề and tags, the town map and
uploaded files; search, feeds, sitemap and robots."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from portal.news import feeds, reading, routes, search, topics  # noqa: E402,F401
