"""Hostile input, refused in one place (issue 13, points 1 and 9).

Every integer the app takes from a URL, a query string, a form or a cookie goes through
``bounded_int``: an id or page number no database column can hold (SQLite raises
OverflowError from 2**63, PostgreSQL's INTEGER stops at 2**31 - 1) never reaches a query.
The ``int`` URL converter is replaced by a bounded one for every route; ``int_arg`` reads
query parameters; ``local_path`` is the one place that decides where a redirect may go;
a URL longer than ``MAX_URL_LENGTH`` is answered 414 before any view runs; and a NUL
character in the path, the query or a form field is answered 400, since no PostgreSQL
text column can hold one (SQLite would store it and PostgreSQL raise DataError).
"""

from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request
from wtforms.validators import Regexp
from werkzeug.routing import IntegerConverter, ValidationError

MAX_INT = 2**31 - 1  # the largest id or page number both databases' INTEGER columns hold
_MAX_DIGITS = len(str(MAX_INT))
# What browsers drop from a URL before reading it (WHATWG URL): C0 controls and space at both
# ends, tab and newlines anywhere. "/\t/evil.example" is "//evil.example" to a browser.
_EDGE = "".join(map(chr, range(0x21)))
_INSIDE = str.maketrans("", "", "\t\n\r")


def bounded_int(raw: str | None, minimum: int = 0, maximum: int = MAX_INT) -> int | None:
    """``raw`` as an int if it is plain ASCII digits within [minimum, maximum], else None.

    The length is checked before ``int()``: Python refuses strings of more than 4,300 digits
    with a ValueError, and a short string is cheap to convert."""
    if not raw or len(raw) > _MAX_DIGITS or not raw.isascii() or not raw.isdigit():
        return None
    value = int(raw)
    return value if minimum <= value <= maximum else None


class BoundedIntConverter(IntegerConverter):
    """Werkzeug's ``<int:…>`` with an upper bound by default: a too large id is a 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = MAX_INT, signed: bool = False):
        super().__init__(map, fixed_digits, min, max, signed)

    def to_python(self, value: str) -> int:
        if len(value.lstrip("-")) > _MAX_DIGITS:
            raise ValidationError()
        return super().to_python(value)


def int_arg(name: str, default: int | None, minimum: int = 1, maximum: int = MAX_INT) -> int | None:
    """The query parameter ``name`` as a bounded int; ``default`` when absent or empty, 400 when malformed."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    value = bounded_int(raw, minimum, maximum)
    if value is None:
        abort(400, f"Tham số «{name}» phải là số nguyên từ {minimum} đến {maximum}.")
    return value


def form_int(value) -> int | None:
    """A SelectField ``coerce`` for ids: None for no choice, ValueError (a form error) when out of range."""
    if value in (None, "", "0"):
        return None
    if isinstance(value, int):
        return value
    number = bounded_int(str(value), 1)
    if number is None:
        raise ValueError("Lựa chọn không hợp lệ.")
    return number


def local_path(target: str | None, default: str, prefix: str = "/") -> str:
    """``target`` if, read the way a browser reads it, it is a path on this site under ``prefix``; else ``default``."""
    cleaned = (target or "").strip(_EDGE).translate(_INSIDE)
    parts = urlsplit(cleaned)
    if (
        not cleaned.startswith(prefix)
        or cleaned.startswith("//")
        or "\\" in cleaned
        or any(ord(char) < 0x20 or ord(char) == 0x7F for char in cleaned)
        or parts.scheme
        or parts.netloc
    ):
        return default
    return cleaned


def _refuse_long_url() -> None:
    """414 for a URL (path and query, as sent) longer than MAX_URL_LENGTH bytes.

    The app answers before the server's own limit does (gunicorn's limit_request_line is raised
    above it in deploy/gunicorn.conf.py), so the client gets a Vietnamese page, or the API's
    documented JSON error, rather than the server's bare 414."""
    environ = request.environ
    sent = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    length = len(sent) if sent else len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", "")) + 1
    if length > current_app.config["MAX_URL_LENGTH"]:
        abort(414)


def _refuse_nul() -> None:
    """400 for a NUL character in the path, a query parameter or a form field (names included)."""
    fields = [request.args] + ([request.form] if request.method in ("POST", "PUT", "PATCH") else [])
    if "\x00" in request.path or any("\x00" in name + "".join(values) for field in fields for name, values in field.lists()):
        abort(400, "Địa chỉ hoặc dữ liệu gửi lên có ký tự không hợp lệ (NUL).")


def init_app(app: Flask) -> None:
    """Bound ``<int:…>`` in every route (call before the blueprints are registered), the URL length and NUL."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.before_request_funcs.setdefault(None, [])[:0] = [_refuse_long_url, _refuse_nul]


# What a phone number and an email address may look like, in the admin's and the citizens' forms.
PHONE = Regexp(r"^[0-9 +().-]*$", message="Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + . - ( ).")
EMAIL = Regexp(r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$", message="Địa chỉ thư điện tử không hợp lệ.")
