"""The site's clock: naive local time in the site's time zone.

Every "now" in the portal comes from here, so tests can set ``app.config["CLOCK"]``
to a callable and move time without sleeping.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app


def now() -> datetime:
    """The current local time of the site, without tzinfo (as stored in the database)."""
    clock = current_app.config.get("CLOCK")
    if clock is not None:
        return clock()
    zone = ZoneInfo(current_app.config["SITE_TIMEZONE"])
    return datetime.now(zone).replace(tzinfo=None)
