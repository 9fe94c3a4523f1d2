"""Accounts: argon2 password hashes, sign-in with throttling, and creating accounts."""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import delete, func, select

from portal.extensions import db
from portal.models import Role, SignInFailure, User



@cache
def _hasher_for(profile: str) -> tuple[PasswordHasher, str]:
    """An argon2id hasher (memory-hard) and a hash to verify against when the account does
    not exist, so timing does not tell existing names apart."""
    hasher = PasswordHasher.from_parameters(getattr(profiles, profile))
    return hasher, hasher.hash("tài khoản không tồn tại")


def _hasher() -> PasswordHasher:
    return _hasher_for(current_app.config["PASSWORD_HASH_PROFILE"])[0]


class AccountError(ValueError):
    """An account cannot be created as asked; the message is for the webmaster."""


@dataclass(frozen=True)
class Throttle:
    max_failures: int
    window: timedelta


@dataclass(frozen=True)
class SignInResult:
    user: User | None = None
    wait: timedelta | None = None  # set when throttled: how long until the next try is allowed


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def create_user(username: str, password: str, role: Role) -> User:
    """Make an account; names are compared without case."""
    username = username.strip()
    if not username or len(username) > 80:
        raise AccountError("Tên đăng nhập phải có từ 1 đến 80 ký tự.")
    if len(password) < 10:
        raise AccountError("Mật khẩu phải có ít nhất 10 ký tự.")
    if find_user(username) is not None:
        raise AccountError(f"Tên đăng nhập “{username}” đã có.")
    user = User(username=username, password_hash=hash_password(password), role=role)
    db.session.add(user)
    db.session.commit()
    return user


def find_user(username: str) -> User | None:
    query = select(User).where(func.lower(User.username) == username.strip().lower())
    return db.session.execute(query).scalar_one_or_none()


def address_key(address: str, secret: str) -> str:
    """A keyed hash of the client address: throttling needs a key, the log must not keep the IP."""
    digest = hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()
    return f"ip:{digest[:40]}"


def _account_key(username: str) -> str:
    return f"user:{username.strip().lower()[:80]}"


def _wait(keys: list[str], now: datetime, throttle: Throttle) -> timedelta | None:
    """How long to wait when any key has had ``max_failures`` failures within the window."""
    longest = None
    for key in keys:
        recent = (
            select(SignInFailure.created_at)
            .where(SignInFailure.key == key, SignInFailure.created_at > now - throttle.window)
            .order_by(SignInFailure.created_at.desc())
            .limit(throttle.max_failures)
        )
        times = list(db.session.execute(recent).scalars())
        if len(times) >= throttle.max_failures:
            wait = times[-1] + throttle.window - now
            longest = max(longest or wait, wait)
    return longest


def sign_in(username: str, password: str, address_hash: str, now: datetime, throttle: Throttle) -> SignInResult:
    """Check a password unless the account or the address is throttled; record failures."""
    keys = [_account_key(username), address_hash]
    wait = _wait(keys, now, throttle)
    if wait is not None:
        return SignInResult(wait=wait)
    user = find_user(username)
    matches = _password_matches(user, password)  # always run, known name or not
    if matches and user is not None and user.active:
        db.session.execute(delete(SignInFailure).where(SignInFailure.key == keys[0]))
        user.last_sign_in_at = now
        if _hasher().check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        db.session.commit()
        return SignInResult(user=user)
    db.session.add_all(SignInFailure(key=key, created_at=now) for key in keys)
    db.session.execute(delete(SignInFailure).where(SignInFailure.created_at <= now - throttle.window))
    db.session.commit()
    return SignInResult(wait=_wait(keys, now, throttle))


def _password_matches(user: User | None, password: str) -> bool:
    """Verify against the account's hash, or a dummy one so an unknown name takes as long."""
    hasher, dummy_hash = _hasher_for(current_app.config["PASSWORD_HASH_PROFILE"])
    try:
        return hasher.verify(user.password_hash if user else dummy_hash, password) and user is not None
    except (VerificationError, InvalidHashError):
        return False
