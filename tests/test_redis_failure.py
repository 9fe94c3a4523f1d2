"""Redis failing under traffic: a redis-server of the test's own is killed and started again.
Pages keep answering 200, nothing answers 500, and Redis is used again once it is back,
without restarting the app."""

import re
import threading
import time
import urllib.error
import urllib.request

import pytest
import redis

from portal import create_app
from portal.extensions import cache, db, limiter
from tests.gunicorn_server import flask_command, gunicorn_server
from tests.real_services import own_redis_server


def wait_until(condition, timeout: float = 30, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {condition.__doc__ or condition}")
        time.sleep(step)


class Readers:
    """Threads reading pages in a loop until stopped; each response is kept with the phase
    (before / down / back) it was sent in."""

    def __init__(self, base_url: str, paths: list[str], threads: int = 6):
        self.base_url, self.paths = base_url, paths
        self.phase = "before"
        self.responses: list[tuple[str, str, int]] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self._read, args=(n,)) for n in range(threads)]

    def _read(self, number: int) -> None:
        view = number
        while not self.done.is_set():
            path, phase = self.paths[view % len(self.paths)], self.phase
            try:
                with urllib.request.urlopen(self.base_url + path, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with self.lock:
                self.responses.append((phase, path, status))
            view += 1

    def count(self, phase: str) -> int:
        with self.lock:
            return sum(1 for response in self.responses if response[0] == phase)

    def more_in(self, phase: str, how_many: int) -> None:
        wait_until(lambda: self.count(phase) >= how_many)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        for thread in self.threads:
            thread.join(timeout=60)


def check_no_page_failed(readers: Readers) -> None:
    statuses = {(phase, status) for phase, _, status in readers.responses}
    assert statuses == {("before", 200), ("down", 200), ("back", 200)}, statuses


def check_health_follows_redis(server, expected: str) -> None:
    status, body = server.health()
    assert status == 200 and body["database"]["status"] == "ok"
    assert body["redis"]["status"] == expected
    assert body["status"] == ("ok" if expected == "ok" else "degraded")


def test_gunicorn_keeps_serving_while_redis_dies_and_returns(tmp_path):
    with own_redis_server(tmp_path) as redis_server:
        settings = {"PORTAL_INSTANCE_PATH": str(tmp_path / "instance"), "PORTAL_REDIS_URL": redis_server.url}
        flask_command(settings, "db", "upgrade")
        flask_command(settings, "portal", "demo")
        with gunicorn_server(settings, tmp_path / "gunicorn.log") as server:
            pid = server.process.pid
            with urllib.request.urlopen(server.url + "/", timeout=10) as response:
                home = response.read().decode()
            paths = ["/", "/ban-do", *sorted(set(re.findall(r'href="(/tin-tuc/[^"]+)"', home)))[:10]]
            with Readers(server.url, paths) as readers:
                readers.more_in("before", 30)
                check_health_follows_redis(server, "ok")
                redis_server.stop()
                readers.phase = "down"
                readers.more_in("down", 60)
                check_health_follows_redis(server, "unavailable")
                redis_server.start()
                readers.phase = "back"
                wait_until(lambda: server.health()[1]["redis"]["status"] == "ok")
                readers.more_in("back", 30)
            check_no_page_failed(readers)
            check_health_follows_redis(server, "ok")
            print(
                f"\nredis failure: {len(readers.responses)} page views, "
                + ", ".join(f"{readers.count(phase)} {phase}" for phase in ("before", "down", "back"))
                + ", every one 200"
            )
            assert server.process.pid == pid and server.process.poll() is None  # never restarted
            assert "Traceback" not in server.log_text()


@pytest.fixture
def redis_app(tmp_path, monkeypatch):
    """An app whose limits and cache are in a Redis of the test's own, with two throwaway views:
    one limited to 3 requests a minute, one cached for a minute (it counts its real runs)."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))
    with own_redis_server(tmp_path) as redis_server:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/portal.sqlite3",
                          "REDIS_URL": redis_server.url})  # fmt: skip
        with app.app_context():
            db.create_all()
        runs = []

        @app.get("/thu/gioi-han")
        @limiter.limit("3 per minute")
        def limited():
            return "đã nhận"

        @app.get("/thu/bo-nho-dem")
        @cache.cached(timeout=60)
        def cached():
            runs.append(1)
            return f"lần chạy {len(runs)}"

        yield app, redis_server, runs


def keys(redis_server, pattern: str) -> list[bytes]:
    with redis.Redis.from_url(redis_server.url) as client:
        return client.keys(pattern)


def test_rate_limits_fall_back_to_memory_and_return_to_redis(redis_app):
    app, redis_server, _ = redis_app
    client = app.test_client()
    assert [client.get("/thu/gioi-han").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert keys(redis_server, "portal:limits:*")
    redis_server.stop()
    # The limiter counts in memory while Redis is away: limited, never a 500.
    assert [client.get("/thu/gioi-han").status_code for _ in range(4)] == [200, 200, 200, 429]
    redis_server.start()  # empty: it keeps nothing on disk
    wait_until(lambda: client.get("/thu/gioi-han").status_code and bool(keys(redis_server, "portal:limits:*")))


def test_cache_is_skipped_while_redis_is_down_and_used_again(redis_app):
    app, redis_server, runs = redis_app
    client = app.test_client()
    assert [client.get("/thu/bo-nho-dem").get_data(as_text=True) for _ in range(2)] == ["lần chạy 1"] * 2
    assert keys(redis_server, "portal:cache:*")
    redis_server.stop()
    down = [client.get("/thu/bo-nho-dem") for _ in range(2)]
    assert [r.status_code for r in down] == [200, 200] and len(runs) == 3  # the view ran every time
    redis_server.start()
    assert [client.get("/thu/bo-nho-dem").get_data(as_text=True) for _ in range(2)] == ["lần chạy 4"] * 2
