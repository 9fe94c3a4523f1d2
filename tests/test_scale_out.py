"""Several app servers: two gunicorn processes share one PostgreSQL database and one Redis.

Like two machines, each server has its own instance folder; what must be common is given to
both: the database, Redis, the secret key (a cookie signed by one is read by the other) and
the uploads folder (a shared mount in production). Each figure has its own check function;
the traffic driver records every response so further figures (visits, views, votes, online)
can be checked against exactly what was sent.
"""

import re
import secrets
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.cookiejar import CookieJar

import pytest
from sqlalchemy import create_engine, text

from portal.visitor import COOKIE_NAME
from tests.gunicorn_server import GunicornServer, flask_command, gunicorn_server
from tests.real_services import (
    delete_redis_keys,
    redis_key_prefix,
    require_postgresql,
    require_redis,
    throwaway_postgresql_database,
)

THREADS = 16
VIEWS_PER_THREAD = 25


@dataclass
class Cluster:
    servers: list[GunicornServer]
    database_url: str
    redis_url: str
    redis_prefix: str


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The demo site migrated into a fresh PostgreSQL database, served by two gunicorns."""
    database_base, redis_url = require_postgresql(), require_redis()
    folder = tmp_path_factory.mktemp("scale-out")
    prefix = redis_key_prefix()
    with throwaway_postgresql_database(database_base) as database_url:
        shared = {
            "PORTAL_DATABASE_URL": database_url,
            "PORTAL_REDIS_URL": redis_url,
            "PORTAL_REDIS_KEY_PREFIX": prefix,
            "PORTAL_SECRET_KEY": secrets.token_hex(32),
            "PORTAL_UPLOAD_FOLDER": str(folder / "uploads-shared"),
        }
        first = shared | {"PORTAL_INSTANCE_PATH": str(folder / "may-1")}
        flask_command(first, "db", "upgrade")
        flask_command(first, "portal", "demo")
        with (
            gunicorn_server(first, folder / "may-1.log") as one,
            gunicorn_server(shared | {"PORTAL_INSTANCE_PATH": str(folder / "may-2")}, folder / "may-2.log") as two,
        ):
            yield Cluster([one, two], database_url, redis_url, prefix)
        delete_redis_keys(redis_url, prefix)


@dataclass
class Traffic:
    """Every response of a run: (server index, path, status)."""

    responses: list[tuple[int, str, int]] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, **where) -> int:
        keys = {"server": 0, "path": 1, "status": 2}
        return sum(all(r[keys[k]] == v for k, v in where.items()) for r in self.responses)


def reading_paths(server: GunicornServer) -> list[str]:
    """Home, every category and article linked from it, and the map."""
    with urllib.request.urlopen(server.url + "/", timeout=10) as response:
        home = response.read().decode()
    return ["/", "/ban-do", *sorted(set(re.findall(r'href="(/tin-tuc/[^"]+)"', home)))]


def drive_page_views(servers: list[GunicornServer], paths: list[str]) -> Traffic:
    """THREADS readers, each with its own cookie jar, alternating between the servers."""
    traffic, lock = Traffic(), threading.Lock()

    def reader(number: int) -> None:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        for view in range(VIEWS_PER_THREAD):
            index = (number + view) % len(servers)
            path = paths[(number * VIEWS_PER_THREAD + view) % len(paths)]
            try:
                with opener.open(servers[index].url + path, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                traffic.responses.append((index, path, status))

    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(reader, range(THREADS)))
    traffic.seconds = time.perf_counter() - started
    return traffic


def check_every_page_answered(traffic: Traffic, servers: list[GunicornServer]) -> None:
    sent = THREADS * VIEWS_PER_THREAD
    assert len(traffic.responses) == sent
    assert traffic.count(status=200) == sent, Counter(r[2] for r in traffic.responses)
    for index in range(len(servers)):
        assert traffic.count(server=index) == sent // len(servers)


def check_servers_healthy(servers: list[GunicornServer]) -> None:
    for server in servers:
        status, body = server.health()
        assert status == 200 and body["database"]["status"] == "ok" and body["redis"]["status"] == "ok"


def test_page_views_on_both_servers(cluster):
    paths = reading_paths(cluster.servers[0])
    assert len(paths) > 10
    traffic = drive_page_views(cluster.servers, paths)
    check_every_page_answered(traffic, cluster.servers)
    check_servers_healthy(cluster.servers)
    print(
        f"\nscale-out: {len(traffic.responses)} page views over {len(paths)} pages on 2 gunicorn servers "
        f"from {THREADS} threads in {traffic.seconds:.1f} s, {traffic.count(status=200)} answered 200"
    )


def test_one_database_behind_both(cluster):
    """An article published straight into the database shows on both servers at once."""
    title = f"Tin chung hai máy chủ {secrets.token_hex(3)}"
    engine = create_engine(cluster.database_url)
    try:
        with engine.begin() as connection:
            category_id = connection.execute(text("SELECT id FROM category ORDER BY id LIMIT 1")).scalar_one()
            connection.execute(
                text(
                    "INSERT INTO article (title, slug, summary, body, cover_caption, byline, category_id, status,"
                    " published_at, created_at, updated_at, view_count, rating_count, rating_sum)"
                    " VALUES (:title, :slug, '', '', '', '', :category, 'published', :now, :now, :now, 0, 0, 0)"
                ),
                {"title": title, "slug": f"tin-chung-{secrets.token_hex(3)}", "category": category_id,
                 "now": datetime.now() - timedelta(hours=1)},  # newest, and past in the site's zone (UTC+7)
            )  # fmt: skip
    finally:
        engine.dispose()
    for server in cluster.servers:
        with urllib.request.urlopen(server.url + "/", timeout=10) as response:
            assert title in response.read().decode()


def test_visitor_cookie_from_one_server_is_valid_on_the_other(cluster):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(cluster.servers[0].url + "/", timeout=10) as first:
        assert COOKIE_NAME in first.headers.get("Set-Cookie", "")
    with opener.open(cluster.servers[1].url + "/", timeout=10) as second:
        assert second.headers.get("Set-Cookie") is None  # the same visitor, not a new one
