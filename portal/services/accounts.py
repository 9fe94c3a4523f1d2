"""Accounts: argon2 password hashes, sign-in with throttling (password, then the authenticator's
code), and the quản trị's management of accounts, each change written to the audit log."""

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import Select, case, func, select

from portal.extensions import db
from portal.models import Category, Role, User
from portal.services import admin_sessions, audit, passwords, two_factor
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
    """An account cannot be changed as asked; the message is for the webmaster."""


@dataclass(frozen=True)
class SignInResult:
    user: User | None = None
    checked: bool = False  # the password or code was checked (a counted try), not refused beforehand
    wait: timedelta | None = None  # set when throttled: how long until the next try is allowed
    remaining: int = 0  # tries left for this account from this address


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _check_password(password: str, username: str) -> None:
    problem = passwords.problem(password, username)
    if problem:
        raise AccountError(problem)


def _checked_username(username: str, user: User | None = None) -> str:
    username = username.strip()
    if not username or len(username) > 80:
        raise AccountError("Tên đăng nhập phải có từ 1 đến 80 ký tự.")
    other = find_user(username)
    if other is not None and other is not user:
        raise AccountError(f"Tên đăng nhập “{username}” đã có.")
    return username


def _categories(ids: Iterable[int]) -> list[Category]:
    ids = set(ids)
    return list(db.session.execute(select(Category).where(Category.id.in_(ids))).scalars()) if ids else []


def create_user(
    username: str, password: str, role: Role, *, display_name: str = "", category_ids: Iterable[int] = ()
) -> User:
    """Make an account (the command line's create-admin, the fixtures); names are compared without case."""
    username = _checked_username(username)
    _check_password(password, username)
    user = User(username=username, password_hash=hash_password(password), role=role, display_name=display_name.strip())
    user.categories = _categories(category_ids)
    db.session.add(user)
    db.session.commit()
    return user


def find_user(username: str) -> User | None:
    query = select(User).where(func.lower(User.username) == username.strip().lower())
    return db.session.execute(query).scalar_one_or_none()


def all_users() -> Select[tuple[User]]:
    """Every account, quản trị first, then by name."""
    order = {Role.ADMIN.value: 0, Role.EDITOR.value: 1, Role.WRITER.value: 2}
    return select(User).order_by(case(order, value=User.role), func.lower(User.username))


def address_key(address: str, secret: str) -> str:
    """A keyed hash of the client address: throttling needs a key, the log must not keep the IP."""
    digest = hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()
    return f"ip:{digest[:40]}"


def _from(address_hash: str) -> str:
    """How the log names an address: a few characters of its keyed hash, never the address."""
    return f"từ máy #{address_hash.removeprefix('ip:')[:8]}"


def _account_key(username: str) -> str:
    return f"user:{username.strip().lower()[:80]}"


def sign_in(username: str, password: str, address_hash: str, now: datetime, throttle: Throttle) -> SignInResult:
    """Count the try, then check the password unless a limit refuses it (see sign_in_throttle).

    The right password alone does not open a session: the view then asks for the code of an
    account with two-factor sign-in (``second_factor``) and records the sign-in (``signed_in``)."""
    keys = Keys(account=_account_key(username), address=address_hash)
    attempt = take_try(keys, now, throttle)
    if not attempt.allowed:
        return SignInResult(wait=attempt.wait)
    user = find_user(username)
    matches = _password_matches(user, password)  # always run, known name or not
    if not (matches and user is not None and user.active):
        why = "tài khoản đang bị khóa" if matches and user is not None else "sai mật khẩu"
        _record_failure(user, f"{why}, {_from(address_hash)}", attempt.wait)
        return SignInResult(checked=True, wait=attempt.wait, remaining=attempt.remaining)
    give_back(keys, now, throttle)
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.commit()
    return SignInResult(user=user, checked=True)


def second_factor(user: User, code: str, address_hash: str, now: datetime, throttle: Throttle) -> SignInResult:
    """The authenticator's code (or a recovery code) after the right password, counted like a
    password try, so that six digits cannot be guessed by trying them all."""
    keys = Keys(account=_account_key(user.username), address=address_hash)
    attempt = take_try(keys, now, throttle)
    if not attempt.allowed:
        return SignInResult(wait=attempt.wait)
    if not (user.active and two_factor.verify(user, code, now)):
        _record_failure(user, f"sai mã xác thực, {_from(address_hash)}", attempt.wait)
        return SignInResult(checked=True, wait=attempt.wait, remaining=attempt.remaining)
    give_back(keys, now, throttle)
    return SignInResult(user=user, checked=True)


def _record_failure(user: User | None, why: str, wait: timedelta | None) -> None:
    """A failed try in the log, under the account tried (an unknown name is not written: it may
    be a password typed in the wrong box); the try that starts a wait is logged as a lock."""
    target = user.id if user else None
    audit.record(user, "sign_in_failed", "user", target, why, by=audit.UNKNOWN)
    if wait is not None:
        audit.record(user, "sign_in_locked", "user", target, f"phải chờ trước lần thử sau, {why}", by=audit.UNKNOWN)
    db.session.commit()


def signed_in(user: User, address_hash: str, now: datetime) -> None:
    user.last_sign_in_at = now
    audit.record(user, "sign_in", "user", user.id, _from(address_hash))
    db.session.commit()


def signed_out(user: User, token: str, now: datetime) -> None:
    admin_sessions.end(token, now)
    audit.record(user, "sign_out", "user", user.id)
    db.session.commit()


def _password_matches(user: User | None, password: str) -> bool:
    """Verify against the account's hash, or a dummy one so an unknown name takes as long."""
    hasher, dummy_hash = _hasher_for(current_app.config["PASSWORD_HASH_PROFILE"])
    try:
        return hasher.verify(user.password_hash if user else dummy_hash, password) and user is not None
    except (VerificationError, InvalidHashError):
        return False


def change_password(user: User, password: str, now: datetime, actor: User | None) -> None:
    """A new password ends every session of the account (whoever knew the old one is out)."""
    _check_password(password, user.username)
    user.password_hash = hash_password(password)
    user.must_change_password = False
    admin_sessions.end_all_of(user.id, now)
    audit.record(actor, "password_change", "user", user.id, f"{user.username}: đổi mật khẩu")
    db.session.commit()


def reset_password(user: User, now: datetime, actor: User) -> str:
    """A temporary password, shown once to quản trị and given to the person, who must choose their
    own at the next sign-in; every session of the account ends. Not one's own: that would sign
    quản trị out with a password they never chose ("Đổi mật khẩu" is for that)."""
    if user.id == actor.id:
        raise AccountError("Mật khẩu của chính mình được đổi ở trang “Đổi mật khẩu”.")
    temporary = passwords.readable_random(16)
    user.password_hash = hash_password(temporary)
    user.must_change_password = True
    admin_sessions.end_all_of(user.id, now)
    audit.record(actor, "password_reset", "user", user.id, f"{user.username}: đặt mật khẩu tạm thời")
    db.session.commit()
    return temporary


def turn_off_two_factor(user: User, actor: User) -> None:
    """Quản trị turns off another account's two-factor sign-in (a lost phone); one's own is
    managed on one's own page, where a role that requires it cannot turn it off."""
    if user.id == actor.id:
        raise AccountError("Xác thực hai bước của chính mình được quản lý ở trang “Xác thực hai bước”.")
    two_factor.disable(user, actor=actor)


def _keeps_an_admin(user: User, role: Role, active: bool, actor: User | None) -> None:
    """Refuse the change in the admin that would leave no active quản trị to manage the site (the
    server's command line, which can make one with create-admin, is not held back)."""
    if actor is not None and user.is_admin and (role != Role.ADMIN or not active):
        others = select(func.count()).where(User.role == Role.ADMIN, User.active.is_(True), User.id != user.id)
        if db.session.execute(others).scalar_one() == 0:
            raise AccountError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.")


def add_account(
    username: str, display_name: str, role: Role, category_ids: Iterable[int], actor: User, email: str = ""
) -> tuple[User, str]:
    """An account made by quản trị, with a temporary password to give to the person."""
    temporary = passwords.readable_random(16)
    user = User(
        username=_checked_username(username), display_name=display_name.strip(), role=role, email=email.strip(),
        password_hash=hash_password(temporary), must_change_password=True,
    )  # fmt: skip
    user.categories = _categories(category_ids)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "create", "user", user.id, f"{user.username} ({role.label}{_categories_note(user)})")
    db.session.commit()
    return user, temporary


def _categories_note(user: User) -> str:
    names = ", ".join(category.name for category in user.categories)
    return f"; chuyên mục: {names}" if names else ""


def edit_account(
    user: User, display_name: str, role: Role, category_ids: Iterable[int], actor: User, email: str = ""
) -> None:
    """Change the name shown, the mail address, the role and the categories assigned."""
    if user.id == actor.id and role != user.role:
        raise AccountError("Không thể tự đổi vai trò của chính mình.")
    _keeps_an_admin(user, role, user.active, actor)
    user.display_name, user.email, user.role = display_name.strip(), email.strip(), role
    user.categories = [] if role == Role.ADMIN else _categories(category_ids)
    audit.record(actor, "update", "user", user.id, f"{user.username} ({role.label}{_categories_note(user)})")
    db.session.commit()


def set_active(user: User, active: bool, now: datetime, actor: User | None) -> None:
    """Disable or enable an account; disabling ends every session of it at once."""
    if actor is not None and user.id == actor.id and not active:
        raise AccountError("Không thể tự khóa tài khoản của chính mình.")
    _keeps_an_admin(user, Role(user.role), active, actor)
    user.active = active
    if not active:
        admin_sessions.end_all_of(user.id, now)
    audit.record(actor, "enable" if active else "disable", "user", user.id, user.username)
    db.session.commit()


def sign_out_everywhere(user: User, now: datetime) -> None:
    """End every session of the account, this one included."""
    admin_sessions.end_all_of(user.id, now)
    audit.record(user, "sign_out_everywhere", "user", user.id)
    db.session.commit()
