"""The site's one address (SITE_URL): every absolute URL is built from it, other hosts get 400.

A page that echoed the request's Host in its links (RSS, sitemap, canonical, og:url, JSON-LD,
the API) would be stored by a cache or a CDN in front with whatever Host an attacker sent. So
absolute URLs never come from the request, and a Host the site does not answer to is refused
before anything else runs.

The check is ours rather than Flask's TRUSTED_HOSTS: Flask refuses the host while it builds the
request's URL adapter, and then the error page itself cannot build a single link.
"""

from urllib.parse import urlsplit

from flask import Flask, current_app, has_request_context, request
from werkzeug.exceptions import BadRequest
from werkzeug.sansio.utils import host_is_trusted

LOOPBACK_HOSTS = ("localhost", "127.0.0.1")


class UntrustedHost(BadRequest):
    description = "Tên miền trong yêu cầu không phải địa chỉ của cổng thông tin này."


class Portal(Flask):
    """Flask whose absolute URLs (``url_for(..., _external=True)``, in Python and in templates)
    start with SITE_URL, whatever Host the request carried."""

    def url_for(self, endpoint, *, _anchor=None, _method=None, _scheme=None, _external=None, **values) -> str:
        if _external is False or (_external is None and has_request_context()):
            return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme, _external=_external, **values)
        path = super().url_for(endpoint, _anchor=_anchor, _method=_method, _external=False, **values)
        site = urlsplit(self.config["SITE_URL"])
        return f"{_scheme or site.scheme}://{site.netloc}{path}"


def init_app(app: Flask) -> None:
    """Check SITE_URL; answer its host only (both loopback names when it is one of them), or the
    ALLOWED_HOSTS given (".example.vn" allows every subdomain)."""
    site = urlsplit(app.config["SITE_URL"])
    if site.scheme not in ("http", "https") or not site.hostname or site.path not in ("", "/") or site.query:
        raise ValueError(f"PORTAL_SITE_URL={app.config['SITE_URL']!r}: cần địa chỉ gốc của cổng, dạng https://ten-mien.gov.vn")
    if app.config.get("ALLOWED_HOSTS") is None:
        app.config["ALLOWED_HOSTS"] = list(LOOPBACK_HOSTS) if site.hostname in LOOPBACK_HOSTS else [site.hostname]
    app.before_request(_refuse_other_hosts)  # registered first, so it runs before every other hook


def _refuse_other_hosts() -> None:
    # A load balancer checks each app server by its own address; the health JSON holds no URL.
    if request.endpoint == "health.healthz":
        return
    if not host_is_trusted(request.host, current_app.config["ALLOWED_HOSTS"]):
        raise UntrustedHost()
