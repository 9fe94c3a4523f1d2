"""The read-only JSON API, versioned under /api/v1/, described by /api/v1/openapi.json.

GET only, so it needs no CSRF exemption: any other method is answered 405 (as JSON) before
CSRF protection looks at it, and a write route added later stays protected by default."""

from flask import Blueprint, jsonify
from werkzeug.exceptions import HTTPException

PREFIX = "/api/v1"
bp = Blueprint("api", __name__, url_prefix=PREFIX)

ERROR_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    404: "Không tìm thấy tài nguyên được yêu cầu.",
    405: "API chỉ cho phép đọc (GET).",
    414: "Địa chỉ yêu cầu quá dài.",
    500: "Đã có lỗi xảy ra phía máy chủ.",
}


def json_error(status: int, message: str | None = None):
    """An API error: {"error": {"status": …, "message": …}} with the same HTTP status."""
    body = {"error": {"status": status, "message": message or ERROR_MESSAGES.get(status, "Đã có lỗi xảy ra.")}}
    return jsonify(body), status


def is_api_path(path: str) -> bool:
    return path == PREFIX or path.startswith(f"{PREFIX}/")


def http_error_as_json(error: HTTPException, message: str | None = None):
    """What the errors blueprint answers for an HTTP error under /api/v1/ (unknown paths included)."""
    response, status = json_error(error.code or 500, message or ERROR_MESSAGES.get(error.code or 500))
    for key, value in error.get_headers():
        if key.lower() == "allow":
            response.headers[key] = value
    return response, status


from portal.api import documents, routes  # noqa: E402,F401
