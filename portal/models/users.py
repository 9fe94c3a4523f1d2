"""The webmaster's accounts, their sign-in throttles, their sessions, and the audit log of what they changed."""

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db


class Role(enum.StrEnum):
    ADMIN = "admin"  # quản trị: everything
    EDITOR = "editor"  # biên tập viên: articles only

    @property
    def label(self) -> str:
        return {"admin": "Quản trị", "editor": "Biên tập viên"}[self.value]


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint("role IN ('admin', 'editor')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(String(10), default=Role.EDITOR)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_sign_in_at: Mapped[datetime | None]

    @property
    def is_active(self) -> bool:  # Flask-Login refuses disabled accounts
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


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

    user: Mapped[User] = relationship(lazy="joined")


class AuditLog(db.Model):
    """Who did what to which record, and when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(80))  # kept even if the account goes
    action: Mapped[str] = mapped_column(String(30))
    target_type: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    user: Mapped[User | None] = relationship(lazy="raise")
