"""What citizens write to the site: contact messages (Liên hệ), routed to a unit, and questions
answered in public (Hỏi đáp)."""

import enum
from datetime import datetime

from flask import url_for
from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db


class ContactStatus(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"

    @property
    def label(self) -> str:
        return {"new": "Mới", "in_progress": "Đang xử lý", "answered": "Đã trả lời"}[self.value]


class MailStatus(enum.StrEnum):
    """Whether the unit was told by mail: not at all (no server configured), waiting (stored, not
    yet sent, or the server was down: retried by the hourly pass), or sent."""

    NONE = "none"
    WAITING = "waiting"
    SENT = "sent"


class ContactMessage(db.Model):
    """A message from the contact form, stored before any mail is tried, with the reference
    the sender was given. The sender's details are cleared after CONTACT_RETENTION_DAYS."""

    __tablename__ = "contact_message"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'in_progress', 'answered')", name="status_known"),
        CheckConstraint("mail_status IN ('none', 'waiting', 'sent')", name="mail_status_known"),
        Index("ix_contact_message_listing", "unit_id", "status", "created_at"),
        Index("ix_contact_message_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")
    subject: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[ContactStatus] = mapped_column(String(12), default=ContactStatus.NEW, server_default="new")
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    handled_by: Mapped[str] = mapped_column(String(80), default="", server_default="")  # kept if the account goes
    handled_at: Mapped[datetime | None]
    mail_status: Mapped[MailStatus] = mapped_column(String(8), default=MailStatus.NONE, server_default="none")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    forgotten_at: Mapped[datetime | None]  # when the sender's details were cleared

    unit = relationship("Unit", lazy="joined")

    @property
    def status_label(self) -> str:
        return ContactStatus(self.status).label


class QuestionStatus(enum.StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"pending": "Chờ duyệt", "published": "Đã đăng", "rejected": "Không đăng"}[self.value]


class QuestionTopic(db.Model):
    """A topic of the public questions (Thủ tục hành chính, Đất đai …), ``/hoi-dap?chu-de=<slug>``."""

    __tablename__ = "question_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    position: Mapped[int] = mapped_column(default=0, server_default="0")


class Question(db.Model):
    """A citizen's question: moderated, then published with the unit's answer at
    ``/hoi-dap/<slug>-<id>.html``, or rejected. The asker's details are never shown, and are
    cleared after CONTACT_RETENTION_DAYS like a contact message's. ``words`` is the title,
    question and answer without diacritics, for the list's search."""

    __tablename__ = "question"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'published', 'rejected')", name="status_known"),
        Index("ix_question_listing", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("question_topic.id", ondelete="SET NULL"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(140), default="", server_default="")
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    words: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[QuestionStatus] = mapped_column(String(10), default=QuestionStatus.PENDING, server_default="pending")
    handled_by: Mapped[str] = mapped_column(String(80), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    published_at: Mapped[datetime | None]
    forgotten_at: Mapped[datetime | None]

    topic = relationship("QuestionTopic", lazy="joined")
    unit = relationship("Unit", lazy="joined")

    @property
    def url(self) -> str:
        return url_for("citizens.question", slug=self.slug, question_id=self.id)

    @property
    def status_label(self) -> str:
        return QuestionStatus(self.status).label
