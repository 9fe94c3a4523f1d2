"""Public reading pages: home, categories, articles, chuyên đề and tags, the town map and
uploaded files; photo albums and polls; search, feeds, sitemap and robots."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from portal.news import albums, feeds, polls, reading, routes, search, topics  # noqa: E402,F401
