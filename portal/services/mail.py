"""Mail to the newsroom and to the units citizens write to, in Vietnamese, where an SMTP server is configured.

``PORTAL_MAIL_SERVER`` ("host" or "host:port") turns it on; without it nothing is sent. A
server that is down or refuses never fails the action that sent the mail: the move is already
committed, the failure is logged. Sent with the standard library (smtplib, email)."""

import logging
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formataddr

from flask import current_app, url_for

from portal.models import Article, User

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10


def _server() -> tuple[str, int] | None:
    configured = (current_app.config.get("MAIL_SERVER") or "").strip()
    if not configured:
        return None
    host, _, port = configured.rpartition(":") if configured.count(":") == 1 else (configured, "", "")
    if port and not port.isdigit():
        log.warning("PORTAL_MAIL_SERVER “%s” không hợp lệ (cần host hoặc host:cổng): không gửi thư.", configured)
        return None
    return host, int(port or 25)


def enabled() -> bool:
    """Is an SMTP server configured?"""
    return _server() is not None


@contextmanager
def _connection(server: tuple[str, int]) -> Iterator[smtplib.SMTP]:
    config = current_app.config
    with smtplib.SMTP(*server, timeout=TIMEOUT_SECONDS) as smtp:
        if config.get("MAIL_STARTTLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD", ""))
        yield smtp


def _message(name: str, address: str, subject: str, text: str, reply_to: str = "") -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = formataddr((name, address))
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = subject
    message.set_content(f"Chào {name},\n\n{text}\n\n— Cổng thông tin điện tử (thư tự động)\n")
    return message


def send(recipients: list[User], subject: str, text: str) -> int:
    """Send one message to each account that has an address; how many were sent."""
    server, addressed = _server(), [user for user in recipients if user.email]
    if server is None or not addressed:
        return 0
    try:
        with _connection(server) as smtp:
            for user in addressed:
                smtp.send_message(_message(user.shown_name, user.email, subject, text))
    except (OSError, smtplib.SMTPException) as error:
        log.warning("Không gửi được thư “%s” qua %s:%s: %s", subject, *server, error)
        return 0
    return len(addressed)


def send_to(name: str, address: str, subject: str, text: str, reply_to: str = "") -> bool:
    """Send one message to one address; False when no server is configured or it failed (logged)."""
    server = _server()
    if server is None:
        return False
    try:
        with _connection(server) as smtp:
            smtp.send_message(_message(name, address, subject, text, reply_to))
    except (OSError, smtplib.SMTPException) as error:
        log.warning("Không gửi được thư “%s” qua %s:%s: %s", subject, *server, error)
        return False
    return True


def _edit_address(article: Article) -> str:
    """The article's admin page, from the site's address (SITE_URL), whatever the request's host.
    Built in a request context of its own: a move may be made where no request is at hand."""
    with current_app.test_request_context(base_url=current_app.config["SITE_URL"]):
        return url_for("admin.article_edit", article_id=article.id, _external=True)


def tell_awaiting_approval(article: Article, editors: list[User]) -> int:
    """The editors of the article's category: an article awaits their approval."""
    if _server() is None:
        return 0
    text = (
        f"Bài viết “{article.title}” đang chờ duyệt trong chuyên mục {article.category.name}.\n\n"
        f"Xem, duyệt hoặc trả lại bài tại: {_edit_address(article)}"
    )
    return send(editors, f"Bài chờ duyệt: {article.title}", text)


def tell_returned(article: Article, author: User | None, comment: str) -> int:
    """The author: the article came back, with the editor's comment."""
    if author is None or _server() is None:
        return 0
    text = (
        f"Bài viết “{article.title}” đã được trả lại để sửa.\n\nÝ kiến của biên tập viên:\n{comment}\n\n"
        f"Sửa bài tại: {_edit_address(article)}"
    )
    return send([author], f"Bài bị trả lại: {article.title}", text)
