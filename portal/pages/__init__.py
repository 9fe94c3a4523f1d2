"""The site's own pages at their clean addresses (/gioi-thieu/lich-su), and the organisation
with its units and people (/to-chuc)."""

import re

from flask import Blueprint
from flask.blueprints import BlueprintSetupState
from werkzeug.routing import PathConverter

bp = Blueprint("pages", __name__)


def _page_paths(state: BlueprintSetupState) -> None:
    """The converter of the pages' catch-all address: any path but those whose first part is
    another route's (/van-ban, /widgets …), so that a GET on a POST-only address stays a 405
    and the rest of the site is never shadowed. Registered last, it sees every other route."""
    taken = {rule.rule.strip("/").split("/")[0] for rule in state.app.url_map.iter_rules() if not rule.rule.startswith("/<")}
    alternatives = "|".join(re.escape(part) for part in sorted(taken, key=len, reverse=True) if part)

    class PagePath(PathConverter):
        regex = rf"(?!(?:{alternatives})(?:/|$))[^/].*?"

    state.app.url_map.converters["page_path"] = PagePath


bp.record_once(_page_paths)

from portal.pages import english, organisation, routes  # noqa: E402,F401
