"""Redis failing under traffic: a redis-server of the test's own is killed and started again
while readers and voters keep coming. Pages keep answering 200, votes are stored (they are in
the database), nothing answers 500, the counters show the last figures read or a dash, and
counting resumes in Redis once it is back, without restarting the app. Run under a gunicorn
(two worker processes) and under Werkzeug's threaded server (one process)."""

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from portal import create_app
from portal.counters.redis_store import REDIS_RETRY_AFTER
from portal.extensions import db, limiter
from portal.models import Article, SiteSettings, Vote
from tests.gunicorn_server import (
    ARTICLE_PATH,
    Visitor,
    counters_widget,
    gunicorn_server,
    health,
    reading_paths,
    use_server_environment,
)
from tests.live_server import serve
from tests.real_services import RedisServer, own_redis_server

# left out of the fast subset (README); its site is SQLite whatever the run: checked once (tests/conftest.py)
pytestmark = [pytest.mark.slow, pytest.mark.own_sqlite]

PHASES = ("before", "down", "back")
COUNTERS_KEY = "portal:counters:"  # the default REDIS_KEY_PREFIX, then the counter store's own


def wait_until(condition, timeout: float = 30, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {condition.__doc__ or condition}")
        time.sleep(step)


@dataclass(frozen=True)
class Response:
    phase: str  # before, down or back: when the request was sent
    visitor: str
    method: str
    path: str
    status: int
    stars: int = 0


class Traffic:
    """Reader threads (one visitor each, reading pages in a loop) and voter threads (a new
    visitor for each vote: the article page, then the form, with htmx or plain) until stopped;
    every response is kept with the phase it was sent in."""

    def __init__(self, base_url: str, paths: list[str], readers: int = 4, voters: int = 2):
        self.base_url, self.paths = base_url, paths
        self.articles = [path for path in paths if ARTICLE_PATH.search(path)]
        self.phase = "before"
        self.responses: list[Response] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self._read, args=(n,)) for n in range(readers)]
        self.threads += [threading.Thread(target=self._vote, args=(n,)) for n in range(voters)]

    def _keep(self, response: Response) -> None:
        with self.lock:
            self.responses.append(response)

    def _read(self, number: int) -> None:
        visitor, name, view = Visitor(), f"reader-{number}", number
        while not self.done.is_set():
            path, phase = self.paths[view % len(self.paths)], self.phase
            self._keep(Response(phase, name, "GET", path, visitor.read(self.base_url + path)[0]))
            view += 1

    def _vote(self, number: int) -> None:
        vote = 0
        while not self.done.is_set():
            visitor, name = Visitor(), f"voter-{number}-{vote}"
            path, phase = self.articles[(number + vote) % len(self.articles)], self.phase
            status, action, fields = visitor.rating_form(self.base_url + path)
            self._keep(Response(phase, name, "GET", path, status))
            if action:
                stars, phase = 1 + (number + vote) % 5, self.phase
                fields["stars"] = str(stars)
                status = visitor.request(self.base_url + action, fields, htmx=vote % 2 == 0)[0]
                self._keep(Response(phase, name, "POST", action, status, stars))
            vote += 1

    def count(self, phase: str, method: str = "GET") -> int:
        with self.lock:
            return sum(1 for r in self.responses if r.phase == phase and r.method == method)

    def more_in(self, phase: str, pages: int, votes: int) -> None:
        wait_until(lambda: self.count(phase) >= pages and self.count(phase, "POST") >= votes)

    def visitors_counted_before(self) -> int:
        """Visitors whose page was read before Redis stopped: no figure can be above this."""
        with self.lock:
            return len({r.visitor for r in self.responses if r.phase == "before" and r.method == "GET"})

    def votes(self) -> list[Response]:
        """The votes the portal took: 200, with the widget to htmx and the article page to a plain form."""
        return [r for r in self.responses if r.method == "POST" and r.status == 200]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        for thread in self.threads:
            thread.join(timeout=60)


class Ratings:
    """Each article's rating_count and rating_sum, and the vote rows, read from the site's database."""

    def __init__(self, database_url: str):
        self.engine = create_engine(database_url, poolclass=NullPool)

    def read(self) -> tuple[dict[int, tuple[int, int]], int]:
        with self.engine.connect() as connection:
            articles = connection.execute(select(Article.id, Article.rating_count, Article.rating_sum))
            aggregates = {row[0]: (row[1], row[2]) for row in articles}
            return aggregates, connection.execute(select(func.count()).select_from(Vote)).scalar_one()

    def offset(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(SiteSettings.visit_offset)).scalar_one()


def redis_tally(redis_server: RedisServer) -> tuple[int, int]:
    """(visits, page views) in total, as the counter store keeps them in Redis."""
    with redis.Redis.from_url(redis_server.url) as client:
        visits, views = client.hmget(COUNTERS_KEY + "total", "visits", "page_views")
    return int(visits or 0), int(views or 0)


def check_no_request_failed(traffic: Traffic) -> None:
    """Every page 200 and every vote taken, in each phase."""
    statuses = Counter((r.phase, r.method, r.status) for r in traffic.responses)
    assert {key[0] for key in statuses} == set(PHASES)
    assert all((status == 200) if method == "GET" else status in (200, 303) for _, method, status in statuses), statuses


def check_health_follows_redis(base_url: str, expected: str) -> None:
    status, body = health(base_url)
    assert status == 200 and body["database"]["status"] == "ok"
    assert body["redis"]["status"] == expected
    assert body["status"] == ("ok" if expected == "ok" else "degraded")


def check_counters_while_down(base_url: str, offset: int, counted: int, last_read: dict, processes: int) -> list[dict]:
    """The fragment answers 200 with the figures its process last read, or a dash: one set of
    figures per process at most, frozen, and never more than was counted before Redis stopped
    (nothing can be counted while it is down). One process read ``last_read`` just before."""
    seen = [counters_widget(base_url) for _ in range(8)]
    assert len({tuple(figures.values()) for figures in seen}) <= processes
    for figures in seen:
        for name, value in figures.items():
            low, high = (offset, offset + counted) if name == "total" else (0, counted)
            assert value is None or low <= value <= high, (name, value, low, high)
            if processes == 1:
                assert value is not None and value >= last_read[name], (name, value, last_read[name])
    return seen


def check_votes_stored(traffic: Traffic, before: tuple, after: tuple) -> None:
    """Every vote taken, before, during and after the outage, is in the database, exactly."""
    votes = traffic.votes()
    assert {vote.phase for vote in votes} == set(PHASES)
    (aggregates_before, rows_before), (aggregates_after, rows_after) = before, after
    assert rows_after == rows_before + len(votes)
    count, stars = Counter(), Counter()
    for vote in votes:
        article = int(vote.path.rsplit("/", 1)[1])
        count[article] += 1
        stars[article] += vote.stars
    for article, (rating_count, rating_sum) in aggregates_after.items():
        was = aggregates_before[article]
        assert (rating_count, rating_sum) == (was[0] + count[article], was[1] + stars[article]), article


def check_counting_resumed(base_url: str, redis_server: RedisServer, came_back: float) -> None:
    """Redis came back empty. Each process leaves it alone for REDIS_RETRY_AFTER seconds
    after its last failure (so a dead Redis costs no timeout per page); after that, with no
    restart, every page view is counted there again, exactly."""
    time.sleep(max(0.0, came_back + REDIS_RETRY_AFTER + 0.5 - time.monotonic()))
    visits, views = redis_tally(redis_server)
    newcomer = Visitor()
    assert [newcomer.read(base_url + "/")[0] for _ in range(3)] == [200] * 3
    assert redis_tally(redis_server) == (visits + 1, views + 3)
    assert counters_widget(base_url)["online"] >= 1


def survive_redis_failure(
    base_url: str, redis_server: RedisServer, ratings: Ratings, processes: int, while_down=lambda: None
) -> str:
    """The whole outage under traffic (``while_down`` runs in the middle of it); a line of
    figures for the report."""
    before, offset = ratings.read(), ratings.offset()
    with Traffic(base_url, reading_paths(base_url)[:12]) as traffic:
        traffic.more_in("before", pages=30, votes=4)
        check_health_follows_redis(base_url, "ok")
        last_read = counters_widget(base_url)
        assert None not in last_read.values()
        redis_server.stop()
        traffic.phase = "down"
        traffic.more_in("down", pages=60, votes=4)
        check_health_follows_redis(base_url, "unavailable")
        shown = check_counters_while_down(base_url, offset, traffic.visitors_counted_before(), last_read, processes)
        while_down()
        redis_server.start()
        came_back = time.monotonic()
        traffic.phase = "back"
        wait_until(lambda: health(base_url)[1]["redis"]["status"] == "ok")
        traffic.more_in("back", pages=30, votes=4)
    check_no_request_failed(traffic)
    check_votes_stored(traffic, before, ratings.read())
    check_counting_resumed(base_url, redis_server, came_back)
    dashes = sum(value is None for figures in shown for value in figures.values())
    return (
        f"{len(traffic.responses)} requests, "
        + ", ".join(f"{traffic.count(p)} pages and {traffic.count(p, 'POST')} votes {p}" for p in PHASES)
        + f"; every page 200, every vote stored; while down the counters showed {dashes} dashes"
        f" in {sum(len(figures) for figures in shown)} figures"
    )


@pytest.fixture
def demo_site(tmp_path, demo_instance):
    """The demo site in a SQLite file, its counters and limits in a Redis of the test's own."""
    with own_redis_server(tmp_path) as redis_server:
        settings = {
            "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
            "PORTAL_REDIS_URL": redis_server.url,
            "PORTAL_RATING_LIMIT": "",  # every vote comes from 127.0.0.1: the limit is not under test here
        }
        demo_instance(settings)
        ratings = Ratings(f"sqlite:///{Path(settings['PORTAL_INSTANCE_PATH']) / 'portal.sqlite3'}")
        yield settings, redis_server, ratings
        ratings.engine.dispose()


def test_gunicorn_keeps_serving_while_redis_dies_and_returns(demo_site, tmp_path):
    settings, redis_server, ratings = demo_site

    def new_server_shows_dashes() -> None:
        """A server started while Redis is down has no figures to show: dashes, on a page that answers 200."""
        with gunicorn_server(settings, tmp_path / "gunicorn-late.log", workers=1) as late:
            assert set(counters_widget(late.url).values()) == {None}
            status, page = Visitor().request(late.url + "/")
            assert status == 200 and 'id="bo-dem"' in page
        assert "Traceback" not in late.log_text()

    with gunicorn_server(settings, tmp_path / "gunicorn.log") as server:
        pid = server.process.pid
        figures = survive_redis_failure(server.url, redis_server, ratings, 2, new_server_shows_dashes)
        print(f"\nredis failure, gunicorn (2 workers x 4 threads): {figures}; one started meanwhile showed dashes")
        assert server.process.pid == pid and server.process.poll() is None  # never restarted
        assert "Traceback" not in server.log_text()


def test_werkzeug_keeps_serving_while_redis_dies_and_returns(demo_site, monkeypatch, caplog):
    settings, redis_server, ratings = demo_site
    use_server_environment(monkeypatch, settings)
    app = create_app()
    with serve(app) as url:
        figures = survive_redis_failure(url, redis_server, ratings, 1)
    print(f"\nredis failure, Werkzeug (threaded, one process): {figures}")
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


@pytest.fixture
def redis_app(tmp_path, monkeypatch):
    """An app whose limits are in a Redis of the test's own, with a throwaway view limited to 3
    requests a minute."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))
    with own_redis_server(tmp_path) as redis_server:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/portal.sqlite3",
                          "REDIS_URL": redis_server.url})  # fmt: skip
        with app.app_context():
            db.create_all()

        @app.get("/thu/gioi-han")
        @limiter.limit("3 per minute")
        def limited():
            return "đã nhận"

        yield app, redis_server


def keys(redis_server, pattern: str) -> list[bytes]:
    with redis.Redis.from_url(redis_server.url) as client:
        return client.keys(pattern)


def test_rate_limits_fall_back_to_memory_and_return_to_redis(redis_app):
    app, redis_server = redis_app
    client = app.test_client()
    assert [client.get("/thu/gioi-han").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert keys(redis_server, "portal:limits:*")
    redis_server.stop()
    # The limiter counts in memory while Redis is away: limited, never a 500.
    assert [client.get("/thu/gioi-han").status_code for _ in range(4)] == [200, 200, 200, 429]
    redis_server.start()  # empty: it keeps nothing on disk
    wait_until(lambda: client.get("/thu/gioi-han").status_code and bool(keys(redis_server, "portal:limits:*")))
