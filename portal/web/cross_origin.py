"""Cross-site requests refused without a token, for the public forms (rating, text size).

Public pages are the same bytes for everyone and carry no CSRF token, so a public POST is
protected the way Go 1.25's ``http.CrossOriginProtection`` does it: a browser says where a
request comes from in ``Sec-Fetch-Site`` (every browser since 2023); ``same-origin`` and
``none`` (typed or bookmarked) pass, anything else is refused. An older browser sends no
``Sec-Fetch-Site``; then an ``Origin`` that names another host is refused. A request with
neither header is no browser's cross-site request (a script can forge anything anyway, and
the rate limits and the one-vote-per-visitor rule handle scripts), so it passes.

The admin keeps Flask-WTF's tokens: its pages are never cached.
"""

from urllib.parse import urlsplit

from flask import request

REFUSED = "Yêu cầu này đến từ một trang web khác nên không được chấp nhận. Xin gửi từ chính trang của cổng thông tin."


def is_cross_origin() -> bool:
    """True when the browser says this request (a public form's POST) was sent by another site."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return origin is not None and urlsplit(origin).netloc.lower() != request.host.lower()
