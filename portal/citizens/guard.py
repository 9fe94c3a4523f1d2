"""What keeps bots and floods out of the citizens' forms, without any third-party service.

- A honeypot: a field people do not see (hidden by CSS, labelled "leave empty" for the few who
  meet it anyway), which form-filling bots fill.
- A least time to fill: the form carries when it was rendered, signed (``stamp``). The page is
  shared and cached for PAGE_MAX_AGE seconds, so the time measured is at least the real one: a
  bot posting at once from a fresh page is refused; a stamp older than CITIZEN_FORM_MAX_HOURS
  (or forged) asks the person to send again, their words kept.
- A limit per network address (CITIZEN_FORM_LIMIT, Flask-Limiter, shared through Redis).
- Cross-site posts refused by their headers (``portal.web.cross_origin``): the pages are
  shared, so they carry no CSRF token.
"""

import time
from collections.abc import Callable

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

from portal.layout import render_page
from portal.web.cross_origin import REFUSED, is_cross_origin

HONEYPOT_FILLED = "Không gửi được: ô “Để trống ô này” phải để trống."
TOO_FAST = "Bạn gửi nhanh quá, như một chương trình tự động. Xin kiểm tra lại nội dung rồi bấm Gửi một lần nữa."
STALE = "Trang biểu mẫu đã mở quá lâu hoặc không hợp lệ. Nội dung bạn viết vẫn còn dưới đây: xin bấm Gửi một lần nữa."
TOO_MANY = "Có quá nhiều thư gửi từ địa chỉ mạng của bạn. Xin thử lại sau ít phút."
NOT_SENT = "Chưa gửi được. Xin sửa các ô được đánh dấu dưới đây."


# The form page each citizens' POST endpoint answers a refusal with, given (status, message):
# the limit is counted before the view runs, so its refusal comes through the blueprint's handler.
REFUSED_PAGES: dict[str, Callable] = {}


def _signer() -> TimestampSigner:
    return TimestampSigner(current_app.secret_key, salt="portal-citizen-form")


def stamp() -> str:
    """When the form was rendered, signed."""
    return _signer().sign("form").decode()


def refusal(honeypot: str, signed: str) -> tuple[int, str] | None:
    """Why this post is refused, with its status; None when it may go on to be validated."""
    if is_cross_origin():
        return 403, REFUSED
    if honeypot:
        return 422, HONEYPOT_FILLED
    config = current_app.config
    try:
        _value, made = _signer().unsign(signed or "", max_age=config["CITIZEN_FORM_MAX_HOURS"] * 3600, return_timestamp=True)
    except (SignatureExpired, BadSignature):
        return 400, STALE
    if time.time() - made.timestamp() < config["CITIZEN_FORM_MIN_SECONDS"]:
        return 422, TOO_FAST
    return None


def checked(form) -> tuple[int, str] | None:
    """Why a posted citizens' form is refused (the guard first, then the fields' own checks,
    422), with its status; None when it may be stored."""
    refused = refusal(form.website.data, form.stamp.data)
    if refused:
        return refused
    if not form.validate():
        return 422, NOT_SENT
    return None


def form_page(template: str, form, status: int = 200, message: str = ""):
    """A citizens' form page with a fresh stamp: the shared page (200), or an answer to a post
    showing what was written and why it was refused (never cached)."""
    form.stamp.data = stamp()
    body = render_page(template, form=form, message=message, live=status == 200)
    return body if status == 200 else (body, status, {"Cache-Control": "no-store"})


def form_limit() -> str:
    """The configured limit, read per request so tests and deployments can change it."""
    return current_app.config.get("CITIZEN_FORM_LIMIT") or ""
