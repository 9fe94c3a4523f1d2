"""The anonymous visitor: a random id in a long-lived, signed, HttpOnly cookie.

Ratings (one vote per visitor) and the counters (visits, online) key on this id; no
IP address or User-Agent is ever stored. The cookie is set on the first response.
"""

import hashlib
import hmac
import secrets

from flask import Flask, Response, current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

from portal import clock
from portal.web.security import cookies_secure

COOKIE_NAME = "portal_visitor"
COOKIE_MAX_AGE = 2 * 365 * 24 * 3600


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="portal-visitor")


def current_visitor() -> str:
    """This request's visitor id, from the cookie or newly made (and then set on the response)."""
    if "visitor_id" not in g:
        try:
            g.visitor_id = _serializer().loads(request.cookies.get(COOKIE_NAME, ""))
            g.visitor_is_new = False
        except BadSignature:
            g.visitor_id = secrets.token_urlsafe(16)
            g.visitor_is_new = True
    return g.visitor_id


def is_new_visitor() -> bool:
    current_visitor()
    return g.visitor_is_new


def _remember_visitor(response: Response) -> Response:
    if g.get("visitor_is_new"):
        response.set_cookie(
            COOKIE_NAME,
            _serializer().dumps(g.visitor_id),
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=cookies_secure(),
        )
    return response


def init_app(app: Flask) -> None:
    """Give every visitor of a page (not of a static file or a health check) an id on the first response."""

    @app.before_request
    def _identify_visitor() -> None:
        if request.endpoint not in (None, "static", "health.healthz"):
            current_visitor()

    app.after_request(_remember_visitor)


def hashed_client_address() -> str:
    """The client's network address as an HMAC keyed with the secret key and salted with
    the day, for rate limits: addresses can be told apart, but no store ever holds one."""
    salted = f"{clock.now():%Y-%m-%d}|{request.remote_addr}".encode()
    return hmac.new(current_app.secret_key.encode(), salted, hashlib.sha256).hexdigest()[:32]
