"""The webmaster's accounts, their sign-in throttles, their sessions, and the audit log of what they changed."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db

if TYPE_CHECKING:
    from portal.models.content import Category


class Role(enum.StrEnum):
    """What an account may do; what each role may reach is decided in portal.services.rights."""

    ADMIN = "admin"  # quản trị: everything, accounts and settings
    EDITOR = "editor"  # biên tập viên: approves and publishes in the categories assigned
    WRITER = "writer"  # cộng tác viên / phóng viên: writes and submits in the categories assigned

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.ADMIN: "Quản trị", Role.EDITOR: "Biên tập viên", Role.WRITER: "Cộng tác viên / phóng viên"}

# The categories a writer may write in, or an editor may approve in (quản trị has them all).
user_category = Table(
    "user_category",
    db.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("category.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint("role IN ('admin', 'editor', 'writer')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")  # the newsroom's mail (services.mail)
    password_hash: Mapped[str] = mapped_column(String(200))
    # Set by a reset to a temporary password: the next sign-in must choose a new one first.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    role: Mapped[Role] = mapped_column(String(10), default=Role.EDITOR)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_sign_in_at: Mapped[datetime | None]
    # Two-factor sign-in (RFC 6238): the shared secret (base32), set during enrolment and in
    # force from totp_enabled_at; the last time step accepted, so a code is used only once.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None]

    categories: Mapped[list["Category"]] = relationship(secondary=user_category, order_by="Category.position")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses disabled accounts
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_editor(self) -> bool:
        return self.role == Role.EDITOR

    @property
    def is_writer(self) -> bool:
        return self.role == Role.WRITER

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def shown_name(self) -> str:
        """The display name, or the account name when none is set."""
        return self.display_name or self.username

    @property
    def two_factor_on(self) -> bool:
        return self.totp_enabled_at is not None


class RecoveryCode(db.Model):
    """A one-time code that replaces the authenticator's code once (a lost phone). Only a
    hash is kept; a used code keeps its row with ``used_at`` so the list shows how many remain."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None]


class SignInThrottle(db.Model):
    """Failed sign-ins counted under one key: an account name, a keyed hash of an address
    (never the raw address), or the pair of both. A try is counted before its password is
    checked, in one locked transaction (portal.services.throttle), so a limit holds exactly
    however many tries arrive at once."""

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(150), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_start: Mapped[datetime] = mapped_column(default=clock.now)
    next_try_at: Mapped[datetime | None]  # the account's growing delay


class AdminSession(db.Model):
    """One signed-in admin session. The cookie holds a random token; the table keeps only its
    hash, so a revoked row (sign-out, a new password, a disabled account) or an idle one ends
    the session whatever copy of the cookie is left. One row per session also lists a
    person's open sessions."""

    __tablename__ = "admin_session"
    __table_args__ = (Index("ix_admin_session_user", "user_id", "revoked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_seen_at: Mapped[datetime] = mapped_column(default=clock.now)
    revoked_at: Mapped[datetime | None]
    # The browser's User-Agent, so that a person can tell their sessions apart (never the address).
    user_agent: Mapped[str] = mapped_column(String(200), default="", server_default="")

    user: Mapped[User] = relationship(lazy="joined")


class AuditLog(db.Model):
    """Who did what to which record, and when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_created_at", "created_at"), Index("ix_audit_log_user", "user_id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))  # kept even if the account goes
    action: Mapped[str] = mapped_column(String(30))
    target_type: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    user: Mapped[User | None] = relationship(lazy="raise")
