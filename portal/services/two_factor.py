"""Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes.

The app and the server share a random secret; a code is the HMAC of the current 30-second
step. A code is accepted for the step before and after the server's (clocks drift), and each
step once only: the last step used is kept, so a code seen over a shoulder cannot be replayed.
Recovery codes replace a code once each (a lost phone); only their SHA-256 is kept, which is
enough for ten random characters (50 bits), unlike a password.
"""

import hashlib
import re
import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

import pyotp
import segno
from flask import current_app
from sqlalchemy import delete, func, select, update

from portal.extensions import db
from portal.models import RecoveryCode, User
from portal.services import audit
from portal.services.passwords import readable_random

STEP_SECONDS = 30
DRIFT_STEPS = 1  # accepted either side of the server's step
RECOVERY_CODE_COUNT = 10


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code of ``uri`` as inline SVG, drawn on the server (no script, no other host)."""
    return segno.make(uri, error="m").svg_inline(scale=4, border=4, title="Mã QR để thêm vào ứng dụng xác thực")


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _step(now: datetime) -> int:
    """The RFC 6238 time step of the site's local ``now`` (portal.clock)."""
    moment = now.replace(tzinfo=ZoneInfo(current_app.config["SITE_TIMEZONE"]))
    return int(moment.timestamp()) // STEP_SECONDS


def _matching_step(secret: str, code: str, now: datetime, after: int | None) -> int | None:
    """The step, within the drift and later than ``after``, whose code ``code`` is."""
    totp, current = pyotp.TOTP(secret), _step(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if (after is None or step > after) and secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _normalised(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def _hash(code: str) -> str:
    return hashlib.sha256(_normalised(code).encode()).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    """Replace the account's recovery codes; the caller commits. Returns them, shown once."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        code = readable_random(10)
        codes.append(code)
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_hash(code)))
    return codes


def enable(user: User, secret: str, now: datetime, actor: User | None) -> list[str]:
    """Turn two-factor sign-in on with ``secret``; returns the new recovery codes."""
    user.totp_secret, user.totp_enabled_at = secret, now
    codes = _new_recovery_codes(user)
    audit.record(actor, "two_factor_on", "user", user.id, f"{user.username}: bật xác thực hai bước")
    db.session.commit()
    return codes


def confirm_enrolment(user: User, secret: str, code: str, now: datetime) -> list[str] | None:
    """Enable two-factor sign-in once the app shows a right code for ``secret``; None if wrong."""
    step = _matching_step(secret, _normalised(code), now, None)
    if step is None:
        return None
    user.totp_last_step = step
    return enable(user, secret, now, actor=user)


def disable(user: User, actor: User | None) -> None:
    """Turn two-factor sign-in off (the owner, or quản trị for a lost phone)."""
    user.totp_secret = user.totp_enabled_at = user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.record(actor, "two_factor_off", "user", user.id, f"{user.username}: tắt xác thực hai bước")
    db.session.commit()


def renew_recovery_codes(user: User) -> list[str]:
    """A fresh set of recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(user)
    audit.record(user, "recovery_codes", "user", user.id, f"{user.username}: tạo mã dự phòng mới")
    db.session.commit()
    return codes


def recovery_codes_left(user: User) -> int:
    query = select(func.count()).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    return db.session.execute(query).scalar_one()


def verify(user: User, code: str, now: datetime) -> bool:
    """Is ``code`` the app's code of now (each step once) or an unused recovery code? Either is used up."""
    code = _normalised(code)
    if user.totp_secret is None or not code:
        return False
    if code.isdigit():
        step = _matching_step(user.totp_secret, code, now, user.totp_last_step)
        if step is None:
            return False
        # One update, conditional on the step still being new: two requests with one code, one wins.
        claimed = update(User).where(User.id == user.id, (User.totp_last_step.is_(None)) | (User.totp_last_step < step))
        won = db.session.execute(claimed.values(totp_last_step=step)).rowcount == 1
        db.session.commit()
        return won
    spend = update(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code), RecoveryCode.used_at.is_(None)
    )
    spent = db.session.execute(spend.values(used_at=now)).rowcount == 1
    if spent:
        audit.record(user, "recovery_code_used", "user", user.id, f"{user.username}: dùng một mã dự phòng")
    db.session.commit()
    return spent


def required(user: User) -> bool:
    """Must this account use two-factor sign-in (TWO_FACTOR_ROLES: quản trị by default)?"""
    return user.role in current_app.config["TWO_FACTOR_ROLES"]
