"""The one place that decides whether a request wants a widget alone or the whole page."""

from flask import request


def wants_fragment() -> bool:
    """True when htmx asks for a widget alone: not a boosted link and not a history restore,
    which both need the whole page. Views that can answer both must send ``Vary: HX-Request``."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request
