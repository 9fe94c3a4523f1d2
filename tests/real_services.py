"""The real PostgreSQL and Redis servers the suite runs against, and throwaway room on them.

``PORTAL_TEST_DATABASE_URL`` (``postgresql+psycopg://user@host:port/NAME``) names a database
that exists and that the suite may use to create others (.ci/run creates one per run): every
database the suite makes is ``NAME_<random>``, dropped when done. ``PORTAL_TEST_REDIS_URL``
(``redis://host:port/N``) names a shared Redis: the suite's keys start with a random prefix
and are deleted afterwards, never a FLUSHDB. Without the variables those tests are skipped;
with a variable set but its server not answering they are skipped too, except under CI
(``CI`` set), where a server that .ci/run should have started is a failure.
"""

import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

TEST_DATABASE_URL = os.environ.get("PORTAL_TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def _unreachable(what: str, error: Exception) -> None:
    message = f"{what} does not answer: {error}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_postgresql() -> str:
    """The PostgreSQL URL to create throwaway databases from, or skip the test."""
    if not TEST_DATABASE_URL:
        pytest.skip("PostgreSQL is not configured: set PORTAL_TEST_DATABASE_URL (.ci/run does)")
    return TEST_DATABASE_URL


def require_redis() -> str:
    """The shared Redis URL, or skip the test."""
    if not TEST_REDIS_URL:
        pytest.skip("Redis is not configured: set PORTAL_TEST_REDIS_URL (.ci/run does)")
    try:
        with redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2) as client:
            client.ping()
    except redis.RedisError as error:
        _unreachable(f"Redis at {TEST_REDIS_URL}", error)
    return TEST_REDIS_URL


def database_beside(base_url: str) -> str:
    """The URL of a new database name beside ``base_url``'s (``NAME_<random>``)."""
    base = make_url(base_url)
    return base.set(database=f"{base.database}_{secrets.token_hex(4)}").render_as_string(hide_password=False)


def create_database(url: str) -> None:
    """Create ``url``'s database, empty, from a connection to PORTAL_TEST_DATABASE_URL's server."""
    try:
        _administer(url, f'CREATE DATABASE "{make_url(url).database}"')
    except OperationalError as error:
        _unreachable(f"PostgreSQL at {make_url(url).set(database=None).render_as_string()}", error)


def drop_database(url: str) -> None:
    _administer(url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _administer(url: str, statement: str) -> None:
    """Run ``statement`` outside a transaction, connected to PORTAL_TEST_DATABASE_URL's database
    (the one database the suite is sure it may use) on ``url``'s server."""
    base = make_url(url).set(database=make_url(TEST_DATABASE_URL).database)
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()


@contextmanager
def throwaway_postgresql_database(base_url: str) -> Iterator[str]:
    """Create an empty database beside ``base_url``'s, yield its URL, drop it afterwards."""
    url = database_beside(base_url)
    create_database(url)
    # A test's writes need not outlive a crash: commits do not wait for the disk (every
    # connection to this database, the tests' gunicorn servers' too). Each test restores the
    # demo's rows, so waiting for the disk was most of a test's time on PostgreSQL.
    _administer(url, f'ALTER DATABASE "{make_url(url).database}" SET synchronous_commit = off')
    try:
        yield url
    finally:
        drop_database(url)


def redis_key_prefix() -> str:
    return f"portal-test-{secrets.token_hex(6)}:"


def delete_redis_keys(url: str, prefix: str) -> None:
    """Delete the keys under ``prefix`` that a test wrote into the shared Redis."""
    with redis.Redis.from_url(url) as client:
        keys = list(client.scan_iter(match=f"{prefix}*", count=500))
        if keys:
            client.delete(*keys)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on a free loopback port, that the test may stop and
    start again on the same port (keeping nothing on disk)."""

    def __init__(self, folder: Path):
        if not Path(REDIS_SERVER).exists():
            pytest.skip(f"{REDIS_SERVER} is not installed (Debian package redis-server)")
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        arguments = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [REDIS_SERVER, *arguments, "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with redis.Redis(port=self.port, socket_connect_timeout=0.2) as client:
                    client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        """Kill the server at once, as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@contextmanager
def own_redis_server(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
