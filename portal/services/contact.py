"""Contact messages: stored first with a reference for the sender, then mailed to their unit
when a server is configured (retried by the hourly pass until it goes through); handled in the
admin with a state. The senders' details, of messages and of questions (portal.services.questions),
are cleared after CONTACT_RETENTION_DAYS by the same hourly pass."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, url_for
from sqlalchemy import select, update

from portal.extensions import db
from portal.models import ContactMessage, ContactStatus, MailStatus, Question, QuestionStatus, Unit, User
from portal.services import audit, mail, settings

REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
FORGOTTEN = "(đã xoá theo thời hạn lưu giữ)"


class ContactError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Submission:
    name: str
    email: str
    phone: str
    subject: str
    message: str
    unit_id: int | None


def new_reference(prefix: str) -> str:
    """A reference a person can read out: ``LH-7K3QM9``, eight hundred million of them."""
    return prefix + "-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))


def submit(entry: Submission, now: datetime) -> ContactMessage:
    """Store the message (waiting for its mail when a server is configured), then try the mail."""
    if entry.unit_id is not None and db.session.get(Unit, entry.unit_id) is None:
        raise ContactError("unit_id", "Đơn vị này không còn nữa; xin chọn lại.")
    message = ContactMessage(
        reference=new_reference("LH"), unit_id=entry.unit_id, name=entry.name, email=entry.email, phone=entry.phone,
        subject=entry.subject, message=entry.message, created_at=now,
        mail_status=MailStatus.WAITING if mail.enabled() else MailStatus.NONE,
    )  # fmt: skip
    db.session.add(message)
    db.session.commit()
    if message.mail_status == MailStatus.WAITING:
        tell_unit(message)
    return message


def _recipient(message: ContactMessage) -> tuple[str, str]:
    """The unit's name and address; the site's own address when the unit has none."""
    if message.unit is not None and message.unit.email:
        return message.unit.name, message.unit.email
    site = settings.current()
    return site.name, site.email


def _admin_address(message: ContactMessage) -> str:
    with current_app.test_request_context(base_url=current_app.config["SITE_URL"]):
        return url_for("admin.contact_message", message_id=message.id, _external=True)


def tell_unit(message: ContactMessage) -> bool:
    """Mail the message to its unit; marked sent when the server took it, else left waiting."""
    name, address = _recipient(message)
    if not address:
        return False
    sender = " · ".join(part for part in (message.name, message.email, message.phone) if part)
    text = (
        f"Có thư liên hệ mới gửi qua cổng thông tin, số tham chiếu {message.reference}.\n\n"
        f"Người gửi: {sender}\nTiêu đề: {message.subject}\n\n{message.message}\n\n"
        f"Xem và ghi nhận việc xử lý tại: {_admin_address(message)}"
    )
    if not mail.send_to(name, address, f"[{message.reference}] {message.subject}", text, reply_to=message.email):
        return False
    db.session.execute(update(ContactMessage).where(ContactMessage.id == message.id).values(mail_status=MailStatus.SENT))
    db.session.commit()
    return True


def retry_mail() -> int:
    """Mail the messages still waiting (the server was down); how many went."""
    if not mail.enabled():
        return 0
    waiting = select(ContactMessage).where(ContactMessage.mail_status == MailStatus.WAITING, ContactMessage.forgotten_at.is_(None))
    return sum(tell_unit(message) for message in db.session.execute(waiting).scalars().all())


def forget_expired(now: datetime, by: str) -> int:
    """Clear the senders' details from the contact messages and questions older than the
    retention time: a message's words too, and a question's unless it was published (its
    text is the site's now; the asker was never shown). How many were cleared."""
    limit = now - timedelta(days=current_app.config["CONTACT_RETENTION_DAYS"])
    details = {"name": FORGOTTEN, "email": "", "phone": "", "forgotten_at": now}
    expired = (ContactMessage.created_at < limit) & ContactMessage.forgotten_at.is_(None)
    words = {"subject": FORGOTTEN, "message": FORGOTTEN, "answer": ""}
    cleared = db.session.execute(update(ContactMessage).where(expired).values(**details, **words)).rowcount
    asked = (Question.created_at < limit) & Question.forgotten_at.is_(None)
    published = Question.status == QuestionStatus.PUBLISHED
    cleared += db.session.execute(update(Question).where(asked & published).values(**details)).rowcount
    unpublished = {"title": FORGOTTEN, "question": FORGOTTEN, "words": ""}
    cleared += db.session.execute(update(Question).where(asked & ~published).values(**details, **unpublished)).rowcount
    if cleared:
        audit.record(None, "forget", "contact_message", None, f"{cleared} thư liên hệ và câu hỏi quá hạn lưu giữ", by=by)
    db.session.commit()
    return cleared


def hourly(now: datetime, by: str) -> int:
    """The citizens' part of the site's hourly pass, with the bin's purge (``by``: who runs it, for
    the audit log): clear what is past its retention time, mail what is waiting. How many were cleared."""
    cleared = forget_expired(now, by)
    retry_mail()
    return cleared


def listing(unit_id: int | None, status: str | None):
    """The messages, newest first, of one unit (0: those for no unit) and one state."""
    query = select(ContactMessage).order_by(ContactMessage.created_at.desc(), ContactMessage.id.desc())
    if unit_id == 0:
        query = query.where(ContactMessage.unit_id.is_(None))
    elif unit_id is not None:
        query = query.where(ContactMessage.unit_id == unit_id)
    if status in ContactStatus.__members__.values():
        query = query.where(ContactMessage.status == status)
    return query


def handle(message: ContactMessage, status: ContactStatus, answer: str, send_answer: bool, actor: User, now: datetime) -> bool:
    """Record a new state (and the answer) with who did it; mail the answer to the sender when
    asked and possible. True when an answer was mailed."""
    if send_answer and not (message.email and answer.strip()):
        raise ContactError("send_answer", "Chỉ gửi được trả lời khi người gửi có địa chỉ thư và ô trả lời có nội dung.")
    if send_answer and not mail.enabled():
        raise ContactError("send_answer", "Máy chủ chưa được cấu hình để gửi thư (PORTAL_MAIL_SERVER).")
    message.status, message.answer = status, answer.strip()
    message.handled_by_id, message.handled_by, message.handled_at = actor.id, actor.username, now
    audit.record(actor, "update", "contact_message", message.id, f"{message.reference}: {status.label}")
    db.session.commit()
    if not send_answer:
        return False
    subject = f"Trả lời thư {message.reference}: {message.subject}"
    if not mail.send_to(message.name, message.email, subject, message.answer):
        raise ContactError("send_answer", "Đã lưu, nhưng máy chủ thư không nhận thư trả lời; xin thử gửi lại sau.")
    return True
