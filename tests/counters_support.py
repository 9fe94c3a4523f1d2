"""Shared by the counter tests: a reader's User-Agent, and a Redis to test against."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.real_services import delete_redis_keys, redis_key_prefix

BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
DEFAULT_TEST_REDIS = "redis://127.0.0.1:6379/15"


def redis_url_or_skip() -> str:
    """PORTAL_TEST_REDIS_URL, else the local Redis's database 15; skip when none answers."""
    redis = pytest.importorskip("redis", reason="the redis client is not installed")
    url = os.environ.get("PORTAL_TEST_REDIS_URL") or DEFAULT_TEST_REDIS
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        client.ping()
    except (redis.RedisError, OSError) as error:
        pytest.skip(f"no Redis answers at {url} ({error}); set PORTAL_TEST_REDIS_URL to run the Redis store tests")
    finally:
        client.close()
    return url


@contextmanager
def redis_prefix(url: str) -> Iterator[str]:
    """A random key prefix for one test; its keys (and only its keys) are deleted after."""
    prefix = redis_key_prefix()
    try:
        yield prefix
    finally:
        delete_redis_keys(url, prefix)
