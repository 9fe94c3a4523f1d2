"""The site's own pages at their clean addresses (/gioi-thieu/lich-su), and the organisation
with its units and people (/to-chuc)."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from portal.pages import organisation, routes  # noqa: E402,F401
