from flask import render_template, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError, default_exceptions

from portal.api import http_error_as_json, is_api_path
from portal.errors import bp
from portal.extensions import db
from portal.i18n import N_
from portal.layout import render_page

# Marked for the English catalogue: the page shows _(title), in English under /en/.
TITLES = {
    400: N_("Yêu cầu không hợp lệ"),
    403: N_("Bạn không có quyền xem trang này"),
    404: N_("Không tìm thấy trang"),
    405: N_("Phương thức không được hỗ trợ"),
    413: N_("Tệp gửi lên quá lớn"),
    414: N_("Địa chỉ trang quá dài"),
    429: N_("Bạn thao tác quá nhanh"),
    500: N_("Đã có lỗi xảy ra"),
}


def _render_error(code: int, headers: list[tuple[str, str]] | None = None, message: str | None = None):
    """The error page with the full layout, or a bare one if the database is failing."""
    title = TITLES.get(code, "Đã có lỗi xảy ra")
    try:
        return render_page("errors/error.html", live=False, code=code, title=title, message=message), code, headers
    except SQLAlchemyError:
        db.session.rollback()
        return render_template("errors/bare.html", code=code, title=title), code, headers


def _own_message(error: HTTPException) -> str | None:
    """The Vietnamese message given to ``abort()`` or set on our own exception class; None
    where Werkzeug's English default description would be all there is to say."""
    standard = default_exceptions.get(error.code)
    return None if standard is None or error.description == standard.description else error.description


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException):
    """Known HTTP errors (404, 405 …) as Vietnamese pages with the right status."""
    if error.code is None or error.code < 400:
        return error
    if is_api_path(request.path):
        return http_error_as_json(error, _own_message(error))
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return _render_error(error.code, headers, _own_message(error))


@bp.app_errorhandler(InternalServerError)
def internal_error(error: InternalServerError):
    """Unexpected failures: undo the half-done transaction, then apologise."""
    db.session.rollback()
    if is_api_path(request.path):
        return http_error_as_json(error)
    return _render_error(500)
