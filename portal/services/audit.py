"""The audit log: every change a webmaster makes is written in the same transaction as the change."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select

from portal import clock
from portal.extensions import db
from portal.models import AuditLog, User

ACTION_LABELS = {
    "sign_in": "đăng nhập",
    "sign_in_failed": "đăng nhập không thành công",
    "sign_in_locked": "bị tạm chặn đăng nhập",
    "sign_out": "đăng xuất",
    "sign_out_everywhere": "đăng xuất khỏi mọi nơi",
    "create": "tạo",
    "update": "sửa",
    "replace_file": "thay tệp",
    "disable": "khóa",
    "enable": "mở khóa",
    "password_change": "đổi mật khẩu",
    "password_reset": "đặt lại mật khẩu",
    "two_factor_on": "bật xác thực hai bước",
    "two_factor_off": "tắt xác thực hai bước",
    "recovery_codes": "tạo mã dự phòng",
    "recovery_code_used": "dùng mã dự phòng",
    "publish": "đăng",
    "schedule": "hẹn giờ đăng",
    "delete": "xoá",
    "reset": "đặt lại",
    "upload": "tải lên",
    "reorder": "sắp xếp",
    "submit": "gửi duyệt",
    "withdraw": "rút về để sửa",
    "return": "trả lại",
    "unpublish": "gỡ xuống",
    "trash": "chuyển vào thùng rác",
    "restore": "khôi phục",
    "purge": "xoá hẳn",
    "forget": "xoá dữ liệu cá nhân",
    "reject": "không đăng",
    "close": "khoá",
    "feature": "ghim tiêu điểm",
    "unfeature": "bỏ ghim tiêu điểm",
    "merge": "gộp",
}
TARGET_LABELS = {
    "article": "bài viết",
    "article_revision": "bản lưu bài viết",
    "category": "chuyên mục",
    "media": "tệp",
    "sidebar_block": "khối bên phải",
    "song": "bài hát",
    "web_link": "liên kết",
    "settings": "cài đặt",
    "rating": "đánh giá",
    "user": "tài khoản",
    "online_record": "số online cao nhất",
    "page": "trang",
    "unit": "đơn vị",
    "person": "người trong tổ chức",
    "contact_message": "thư liên hệ",
    "question": "câu hỏi",
    "menu_item": "mục trình đơn",
    "album": "album ảnh",
    "poll": "thăm dò ý kiến",
    "home_blocks": "khối trang chủ",
    "thread": "chuyên đề",
    "tag": "thẻ",
}
COMMAND_LINE = "(dòng lệnh)"  # the name logged for a change made with `flask portal …`
UNKNOWN = "(tên không có)"  # the name logged for a sign-in try with a name that has no account


def record(
    actor: User | None, action: str, target_type: str, target_id: int | None, summary: str = "", by: str = COMMAND_LINE
) -> None:
    """Add an entry to the current transaction; the caller commits it with the change itself.
    No actor: the change was made on the server's command line, or ``by`` the site itself."""
    db.session.add(
        AuditLog(
            user_id=actor.id if actor else None,
            username=actor.username if actor else by,
            action=action,
            target_type=target_type,
            target_id=target_id,
            summary=summary[:500],
            created_at=clock.now(),
        )
    )


def entries(
    username: str | None = None, action: str | None = None, since: date | None = None, until: date | None = None
) -> Select[tuple[AuditLog]]:
    """The log, newest first: by one person (as logged), one action, from and to a day (both included)."""
    query = select(AuditLog)
    if username:
        query = query.where(AuditLog.username == username)
    if action:
        query = query.where(AuditLog.action == action)
    if since:
        query = query.where(AuditLog.created_at >= datetime.combine(since, time.min))
    if until:
        query = query.where(AuditLog.created_at < datetime.combine(until + timedelta(days=1), time.min))
    return query.order_by(AuditLog.created_at.desc(), AuditLog.id.desc())


def names() -> list[str]:
    """Every name the log has entries under (accounts, also removed ones, the command line, the site itself)."""
    return list(db.session.execute(select(AuditLog.username).distinct().order_by(AuditLog.username)).scalars())
