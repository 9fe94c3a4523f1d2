"""Admin sessions that can be ended: the signed cookie carries a random token, this table
decides whether it still opens the admin.

Signing out ends the session it is sent from (other devices stay signed in); a new password
or a disabled account ends every session of that account at once, in the same transaction. A
session not used for the idle time (ADMIN_IDLE_MINUTES) is over.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update

from portal.extensions import db
from portal.models import AdminSession, User

TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often per session


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(user: User, now: datetime, user_agent: str = "") -> str:
    """A new session for ``user``; the token goes in the cookie, only its hash in the table."""
    token = secrets.token_urlsafe(32)
    db.session.add(
        AdminSession(token_hash=_hash(token), user_id=user.id, created_at=now, last_seen_at=now, user_agent=user_agent[:200])
    )
    db.session.commit()
    return token


def user_of(token: str, now: datetime, idle: timedelta) -> User | None:
    """The account whose live session this token is, or None (unknown, ended, idle, disabled)."""
    query = select(AdminSession).where(AdminSession.token_hash == _hash(token))
    record = db.session.execute(query).scalar_one_or_none()
    if record is None or record.revoked_at is not None or not record.user.active:
        return None
    if record.last_seen_at <= now - idle:
        record.revoked_at = now
        db.session.commit()
        return None
    if record.last_seen_at <= now - TOUCH_EVERY:
        record.last_seen_at = now
        db.session.commit()
    return record.user


def end(token: str, now: datetime) -> None:
    """Sign out the session of this token."""
    query = update(AdminSession).where(AdminSession.token_hash == _hash(token), AdminSession.revoked_at.is_(None))
    db.session.execute(query.values(revoked_at=now))
    db.session.commit()


def end_one_of(user_id: int, session_id: int, now: datetime) -> bool:
    """End one open session of this account (another device); False when it is not one."""
    query = update(AdminSession).where(
        AdminSession.id == session_id, AdminSession.user_id == user_id, AdminSession.revoked_at.is_(None)
    )
    ended = db.session.execute(query.values(revoked_at=now)).rowcount == 1
    db.session.commit()
    return ended


def end_all_of(user_id: int, now: datetime) -> None:
    """End every open session of an account; the caller commits, with the change that asked for it."""
    query = update(AdminSession).where(AdminSession.user_id == user_id, AdminSession.revoked_at.is_(None))
    db.session.execute(query.values(revoked_at=now))


def open_of(user_id: int, now: datetime, idle: timedelta) -> list[AdminSession]:
    """The account's sessions still open (not ended, used within the idle time), latest first."""
    query = select(AdminSession).where(
        AdminSession.user_id == user_id, AdminSession.revoked_at.is_(None), AdminSession.last_seen_at > now - idle
    )
    return list(db.session.execute(query.order_by(AdminSession.last_seen_at.desc(), AdminSession.id.desc())).scalars())


def is_token_of(record: AdminSession, token: str) -> bool:
    """Is ``record`` the session of this cookie's token (to mark "this browser" in the list)?"""
    return secrets.compare_digest(record.token_hash, _hash(token))


BROWSERS = (("coc_coc", "Cốc Cốc"), ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
            ("Chrome/", "Chrome"), ("Safari/", "Safari"))  # fmt: skip  (order: each name hides in the later ones)
SYSTEMS = (("Android", "Android"), ("iPhone|iPad", "iOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
           ("Linux", "Linux"))  # fmt: skip


def browser_label(user_agent: str) -> str:
    """"Chrome trên Windows" from a User-Agent, enough for a person to recognise their device."""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "Trình duyệt không rõ")
    system = next((name for pattern, name in SYSTEMS if re.search(pattern, user_agent)), None)
    return f"{browser} trên {system}" if system else browser
