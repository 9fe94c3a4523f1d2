"""Mail to the newsroom against a real SMTP server on loopback (aiosmtpd), started by the test:
an editor of the category hears of an article awaiting approval, the writer of one returned;
without PORTAL_MAIL_SERVER nothing is sent and nothing fails; a server that is down fails nothing."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from portal.extensions import db
from portal.models import Article, Category, User
from tests.helpers import ADMIN_PASSWORD, AdminBrowser, article_version

NEW = "/quan-tri/bai-viet/moi"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield handler, f"127.0.0.1:{controller.port}"
    controller.stop()


def _with_addresses(app) -> None:
    with app.app_context():
        for username in ("bientap", "phongvien", "quantri"):
            user = db.session.execute(select(User).where(User.username == username)).scalar_one()
            user.email = f"{username}@phuong.example.vn"
        db.session.commit()


def _fields(app, **overrides) -> dict:
    with app.app_context():
        category_id = db.session.execute(select(Category.id).where(Category.slug == "tin-tuc-su-kien")).scalar_one()
    return {"title": "Họp dân về đường điện mới", "slug": "", "summary": "", "body": "<p>Tối nay họp ở nhà văn hoá.</p>",
            "category_id": category_id, "cover_caption": "", "cover_alt": "", "byline": "", "published_at": "",
            "comment": "", "thao_tac": "submit"} | overrides  # fmt: skip


def _signed_in(app, username: str) -> AdminBrowser:
    browser = AdminBrowser(app.test_client())
    assert browser.sign_in(username, ADMIN_PASSWORD).status_code == 302
    return browser


def test_editors_hear_of_a_submission_and_the_writer_of_a_return(admin_app, inbox):
    handler, server = inbox
    admin_app.config["MAIL_SERVER"] = server
    _with_addresses(admin_app)
    writer, editor = _signed_in(admin_app, "phongvien"), _signed_in(admin_app, "bientap")
    submitted = writer.post(NEW, _fields(admin_app))
    assert submitted.status_code == 302
    article_id = int(submitted.headers["Location"].rsplit("/", 1)[1])
    # the editor of the category and quản trị (who approves everywhere) are told; not the writer
    recipients = sorted(to for tos, _ in handler.messages for to in tos)
    assert recipients == ["bientap@phuong.example.vn", "quantri@phuong.example.vn"]
    message = handler.messages[0][1]
    assert message["Subject"] == "Bài chờ duyệt: Họp dân về đường điện mới"
    body = message.get_content()
    assert "đang chờ duyệt trong chuyên mục" in body and f"http://localhost/quan-tri/bai-viet/{article_id}" in body

    handler.messages.clear()
    fields = _fields(admin_app, thao_tac="return", comment="Ghi rõ giờ họp.", version=article_version(editor, article_id))
    assert editor.post(f"/quan-tri/bai-viet/{article_id}", fields).status_code == 302
    [(to, message)] = handler.messages
    assert to == ["phongvien@phuong.example.vn"]
    assert message["Subject"] == "Bài bị trả lại: Họp dân về đường điện mới"
    assert "Ghi rõ giờ họp." in message.get_content()


def test_without_a_mail_server_nothing_is_sent_and_nothing_fails(admin_app, inbox):
    handler, _server = inbox
    _with_addresses(admin_app)
    assert admin_app.config["MAIL_SERVER"] is None
    assert _signed_in(admin_app, "phongvien").post(NEW, _fields(admin_app)).status_code == 302
    assert handler.messages == []


def test_a_mail_server_that_is_down_fails_nothing(admin_app):
    admin_app.config["MAIL_SERVER"] = f"127.0.0.1:{_free_port()}"  # nobody listens there
    _with_addresses(admin_app)
    assert _signed_in(admin_app, "phongvien").post(NEW, _fields(admin_app)).status_code == 302
    with admin_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == "Họp dân về đường điện mới")).scalar_one()
        assert article.status == "pending"


def test_a_malformed_mail_server_setting_fails_nothing(admin_app):
    admin_app.config["MAIL_SERVER"] = "smtp.example.vn:hai-lăm"
    _with_addresses(admin_app)
    assert _signed_in(admin_app, "phongvien").post(NEW, _fields(admin_app)).status_code == 302
