"""Accounts: argon2 password hashes, sign-in with throttling, and creating accounts."""

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Category, Role, User
from portal.services import admin_sessions, audit
from portal.services.sign_in_throttle import Keys, Throttle, give_back, take_try


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
class SignInResult:
    user: User | None = None
    checked: bool = False  # the password was checked (a counted try), not refused beforehand
    wait: timedelta | None = None  # set when throttled: how long until the next try is allowed
    remaining: int = 0  # tries left for this account from this address


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def create_user(
    username: str, password: str, role: Role, *, display_name: str = "", category_ids: Iterable[int] = ()
) -> User:
    """Make an account; names are compared without case."""
    username = username.strip()
    if not username or len(username) > 80:
        raise AccountError("Tên đăng nhập phải có từ 1 đến 80 ký tự.")
    if len(password) < 10:
        raise AccountError("Mật khẩu phải có ít nhất 10 ký tự.")
    if find_user(username) is not None:
        raise AccountError(f"Tên đăng nhập “{username}” đã có.")
    user = User(username=username, password_hash=hash_password(password), role=role, display_name=display_name.strip())
    user.categories = _categories(category_ids)
    db.session.add(user)
    db.session.commit()
    return user


def _categories(ids: Iterable[int]) -> list[Category]:
    ids = set(ids)
    return list(db.session.execute(select(Category).where(Category.id.in_(ids))).scalars()) if ids else []


def find_user(username: str) -> User | None:
    query = select(User).where(func.lower(User.username) == username.strip().lower())
    return db.session.execute(query).scalar_one_or_none()


def address_key(address: str, secret: str) -> str:
    """A keyed hash of the client address: throttling needs a key, the log must not keep the IP."""
    digest = hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()
    return f"ip:{digest[:40]}"


def _account_key(username: str) -> str:
    return f"user:{username.strip().lower()[:80]}"


def sign_in(username: str, password: str, address_hash: str, now: datetime, throttle: Throttle) -> SignInResult:
    """Count the try, then check the password unless a limit refuses it (see sign_in_throttle)."""
    keys = Keys(account=_account_key(username), address=address_hash)
    attempt = take_try(keys, now, throttle)
    if not attempt.allowed:
        return SignInResult(wait=attempt.wait)
    user = find_user(username)
    matches = _password_matches(user, password)  # always run, known name or not
    if not (matches and user is not None and user.active):
        return SignInResult(checked=True, wait=attempt.wait, remaining=attempt.remaining)
    give_back(keys, now, throttle)
    user.last_sign_in_at = now
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.commit()
    return SignInResult(user=user, checked=True)


def _password_matches(user: User | None, password: str) -> bool:
    """Verify against the account's hash, or a dummy one so an unknown name takes as long."""
    hasher, dummy_hash = _hasher_for(current_app.config["PASSWORD_HASH_PROFILE"])
    try:
        return hasher.verify(user.password_hash if user else dummy_hash, password) and user is not None
    except (VerificationError, InvalidHashError):
        return False


def change_password(user: User, password: str, now: datetime, actor: User | None) -> None:
    """A new password ends every session of the account (whoever knew the old one is out)."""
    if len(password) < 10:
        raise AccountError("Mật khẩu phải có ít nhất 10 ký tự.")
    user.password_hash = hash_password(password)
    admin_sessions.end_all_of(user.id, now)
    audit.record(actor, "update", "user", user.id, f"{user.username}: đổi mật khẩu")
    db.session.commit()


def set_active(user: User, active: bool, now: datetime, actor: User | None) -> None:
    """Disable or enable an account; disabling ends every session of it at once."""
    user.active = active
    if not active:
        admin_sessions.end_all_of(user.id, now)
    audit.record(actor, "update", "user", user.id, f"{user.username}: {'mở khóa' if active else 'khóa'}")
    db.session.commit()
