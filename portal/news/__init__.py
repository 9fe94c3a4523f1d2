"""Public reading pages: home, categories, articles, the town map and uploaded files;
photo albums and polls; search,
feeds, sitemap and robots."""

from flask import Blueprint

bp = Blueprint("news", __name__)

from portal.news import albums, feeds, polls, reading, routes, search  # noqa: E402,F401
