"""/healthz: can this app server reach its database and Redis? For load balancers and monitoring."""

from flask import Blueprint

bp = Blueprint("health", __name__)

from portal.health import routes  # noqa: E402,F401
