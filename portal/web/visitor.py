"""The anonymous visitor: a random id in a long-lived, signed, HttpOnly cookie.

Ratings (one vote per visitor) and the counters (visits, online) key on this id; no
IP address or User-Agent is ever stored. Pages never set the cookie (they are the same bytes
for everyone, see portal.web.page_cache): only a response that needs the id makes one, the
live fragment, the counting image or a vote.
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


def _from_cookie() -> str | None:
    if "visitor_in_cookie" not in g:
        try:
            g.visitor_in_cookie = _serializer().loads(request.cookies.get(COOKIE_NAME, ""))
        except BadSignature:
            g.visitor_in_cookie = None
    return g.visitor_in_cookie


def known_visitor() -> str | None:
    """The id this request has, from its cookie or made by it; None if neither (asking makes none)."""
    return g.get("visitor_id") or _from_cookie()


def current_visitor() -> str:
    """This request's visitor id, from the cookie or newly made (and then set on the response)."""
    if "visitor_id" not in g:
        g.visitor_id = _from_cookie()
        g.visitor_is_new = g.visitor_id is None
        if g.visitor_is_new:
            g.visitor_id = secrets.token_urlsafe(16)
    return g.visitor_id


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
    """Set the cookie on the response of a request that made a new id."""
    app.after_request(_remember_visitor)


def hashed_client_address() -> str:
    """The client's network address as an HMAC keyed with the secret key and salted with
    the day, for rate limits: addresses can be told apart, but no store ever holds one."""
    salted = f"{clock.now():%Y-%m-%d}|{request.remote_addr}".encode()
    return hmac.new(current_app.secret_key.encode(), salted, hashlib.sha256).hexdigest()[:32]
