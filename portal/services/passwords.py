"""The password rules of OWASP ASVS 4.0 level 1 (V2.1): at least 12 characters (runs of
spaces counted as one), up to 128 so that long passphrases fit, any character allowed, no
composition rules, and not one of the passwords most often found in breaches.

The breached list is zxcvbn's frequency list of the 30,000 most common passwords (from the
leaked password corpora it was built on), shipped in the package: nothing is fetched at run
time.
"""

import re
import secrets
from functools import cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 12
MAX_LENGTH = 128
READABLE = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread when copied by hand
RULES = f"Từ {MIN_LENGTH} đến {MAX_LENGTH} ký tự, có thể là một câu dài; không dùng mật khẩu phổ biến hay tên đăng nhập."


@cache
def _common() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"])


def problem(password: str, username: str = "") -> str | None:
    """What is wrong with ``password`` as a new password, in Vietnamese, or None."""
    length = len(re.sub(r" {2,}", " ", password))
    if length < MIN_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự (hiện có {length})."
    if len(password) > MAX_LENGTH:
        return f"Mật khẩu dài tối đa {MAX_LENGTH} ký tự."
    folded = password.strip().lower()
    if folded in _common():
        return "Mật khẩu này nằm trong danh sách mật khẩu bị lộ phổ biến; hãy chọn mật khẩu khác."
    if username and username.strip().lower() in folded:
        return "Mật khẩu không được chứa tên đăng nhập."
    return None


def readable_random(length: int) -> str:
    """A random string to copy by hand (temporary passwords, recovery codes), in groups of four or five."""
    raw = "".join(secrets.choice(READABLE) for _ in range(length))
    size = 5 if length % 5 == 0 else 4
    return "-".join(raw[i : i + size] for i in range(0, length, size))
