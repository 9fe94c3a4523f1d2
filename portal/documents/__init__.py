"""The văn bản library's public pages: the list (/van-ban), each document, the feed of new ones."""

from flask import Blueprint

bp = Blueprint("documents", __name__, url_prefix="/van-ban")

from portal.documents import routes  # noqa: E402,F401
