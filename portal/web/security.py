"""Production safety: no debug mode under gunicorn, the real client behind a proxy, cookies
that stay on HTTPS, and security headers on every response (pages, fragments, errors, files).

The Content-Security-Policy allows scripts and styles from the site itself only: the
templates carry no inline ``style=`` and no inline ``<script>`` but the few lines allowed by
their hash (``portal.web.assets.INLINE_SCRIPTS``), and ``<meta name="htmx-config">`` in
the shared head (templates/macros/head.html) sets ``includeIndicatorStyles: false`` so htmx
injects no ``<style>`` either.
"""

import os

from flask import Flask, Response, current_app, has_request_context, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.web.assets import inline_script_sources


class DebugUnderGunicorn(RuntimeError):
    """Debug mode in a production server: refused, the app does not start."""


def init_app(app: Flask) -> None:
    refuse_debug_under_gunicorn(app)
    proxies = int(app.config["PROXY_FIX"])
    if proxies:
        # Trust exactly as many X-Forwarded-* hops as there are proxies in front (nginx: 1).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    app.session_interface = HttpsAwareSessionInterface()
    headers = security_headers(app.config, inline_script_sources(app))
    hsts_max_age = int(app.config["HSTS_MAX_AGE"])

    @app.after_request
    def _add_security_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        if hsts_max_age and request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts_max_age}")
        return response


def refuse_debug_under_gunicorn(app: Flask) -> None:
    """Debug mode (DEBUG, PORTAL_DEBUG or FLASK_DEBUG) shows tracebacks and reloads templates on
    every request; gunicorn is how the portal runs in production, so the two never go together.
    gunicorn's arbiter sets SERVER_SOFTWARE=gunicorn/<version> before it loads the app."""
    if app.debug and os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/"):
        raise DebugUnderGunicorn(
            "Debug mode is on under gunicorn: unset PORTAL_DEBUG / FLASK_DEBUG for production "
            "(use `make dev` for the development server)."
        )


def security_headers(config, inline_scripts: str = "") -> dict[str, str]:
    """The headers every response carries, unless a view set its own; ``inline_scripts``: the
    hashes of the few lines the pages carry inline (``portal.web.assets``)."""
    directives = dict(config["CONTENT_SECURITY_POLICY"])
    if inline_scripts:
        directives["script-src"] = f"{directives['script-src']} {inline_scripts}"
    policy = "; ".join(f"{directive} {sources}" for directive, sources in directives.items())
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": config["REFERRER_POLICY"],
        "X-Frame-Options": "SAMEORIGIN",  # frame-ancestors 'self' for browsers that predate CSP 2
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def cookies_secure() -> bool:
    """Cookies get the Secure flag when SESSION_COOKIE_SECURE says so, or when this request came
    over HTTPS: directly, or through a trusted proxy's X-Forwarded-Proto (PORTAL_PROXY_FIX)."""
    return bool(current_app.config["SESSION_COOKIE_SECURE"]) or (has_request_context() and request.is_secure)


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, Secure whenever the request is (see cookies_secure)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return cookies_secure()
