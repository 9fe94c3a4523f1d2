"""Several app servers: two gunicorn processes share one PostgreSQL database and one Redis.

Like two machines, each server has its own instance folder; what must be common is given to
both: the database, Redis, the secret key (a cookie signed by one is read by the other) and
the uploads folder (a shared mount in production). Readers and voters, each with a browser
and a cookie jar of their own, go to both servers at once from many threads; every response
is recorded, so each figure the portal keeps (the total, today's visits and page views, each
article's views and ratings, online) is checked, by its own function, against exactly what
was sent.
"""

import secrets
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from http.cookiejar import CookieJar

import pytest
from sqlalchemy import create_engine, select, text

from portal import clock, create_app
from portal.counters import counting
from portal.extensions import db
from portal.models import Article, TallyKind
from portal.services import settings as site_settings
from portal.web.visitor import COOKIE_NAME
from tests.counters_support import BROWSER_UA
from tests.gunicorn_server import (
    ARTICLE_PATH,
    GunicornServer,
    Visitor,
    counters_widget,
    flask_command,
    gunicorn_server,
    reading_paths,
    use_server_environment,
)
from tests.poll_ballots import VOTERS as POLL_VOTERS
from tests.poll_ballots import vote_together
from tests.real_services import (
    delete_redis_keys,
    redis_key_prefix,
    require_postgresql,
    require_redis,
    throwaway_postgresql_database,
)

pytestmark = pytest.mark.slow  # left out of the fast subset (README)

READERS = 16
VIEWS_PER_READER = 25
VOTERS = 8
VOTES_PER_VOTER = 10


@dataclass
class Cluster:
    servers: list[GunicornServer]
    database_url: str
    redis_url: str
    redis_prefix: str
    settings: dict[str, str]  # the servers' settings, for an app of the test's own


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
            "PORTAL_RATING_LIMIT": "",  # every vote comes from 127.0.0.1: the limit is not under test here
        }
        first = shared | {"PORTAL_INSTANCE_PATH": str(folder / "may-1")}
        own = shared | {"PORTAL_INSTANCE_PATH": str(folder / "test-app")}
        flask_command(first, "db", "upgrade")
        flask_command(first, "portal", "demo")
        try:
            with (
                gunicorn_server(first, folder / "may-1.log") as one,
                gunicorn_server(shared | {"PORTAL_INSTANCE_PATH": str(folder / "may-2")}, folder / "may-2.log") as two,
            ):
                yield Cluster([one, two], database_url, redis_url, prefix, own)
        finally:
            delete_redis_keys(redis_url, prefix)


@contextmanager
def same_settings_app(settings: dict[str, str]):
    """An app of the test's own with the servers' settings, to read the figures through the
    portal's own counter store (the one the servers write with)."""
    with pytest.MonkeyPatch.context() as patch:
        use_server_environment(patch, settings)
        app = create_app()
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            counting.store().close()
            db.engine.dispose()


@dataclass(frozen=True)
class Figures:
    """What the portal holds at one moment."""

    day_range: tuple[date, date]
    total_visits: int
    days: dict[date, tuple[int, int]]  # (visits, page views) of each day around the run
    offset: int
    online: int
    articles: dict[int, tuple[int, int, int]]  # id → (view_count, rating_count, rating_sum)


def read_figures(settings: dict[str, str], around: date) -> Figures:
    with same_settings_app(settings):
        now = clock.now()
        counters = counting.store().counters(now)
        first, last = around - timedelta(days=1), around + timedelta(days=1)
        days = counting.store().tallies(TallyKind.DAY, first, last)
        rows = db.session.execute(select(Article.id, Article.view_count, Article.rating_count, Article.rating_sum))
        return Figures(
            day_range=(first, last),
            total_visits=counters.total.visits,
            days={day: (tally.visits, tally.page_views) for day, tally in days.items()},
            offset=site_settings.visit_offset(),
            online=counters.online,
            articles={row[0]: tuple(row[1:]) for row in rows},
        )


def site_today(settings: dict[str, str]) -> date:
    with same_settings_app(settings):
        return clock.now().date()


@dataclass
class Traffic:
    """Every response of a run: (server index, visitor, method, path, status), and the stars of each vote."""

    responses: list[tuple[int, str, str, str, int]] = field(default_factory=list)
    stars: dict[str, int] = field(default_factory=dict)  # voter → stars
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, server: int, visitor: str, method: str, path: str, status: int) -> None:
        with self.lock:
            self.responses.append((server, visitor, method, path, status))

    def count(self, **where) -> int:
        keys = {"server": 0, "visitor": 1, "method": 2, "path": 3, "status": 4}
        return sum(all(r[keys[k]] == v for k, v in where.items()) for r in self.responses)

    def page_views(self) -> list[tuple[str, str]]:
        """(visitor, path) of every page that answered 200."""
        return [(r[1], r[3]) for r in self.responses if r[2] == "GET" and r[4] == 200]

    def visitors(self) -> set[str]:
        return {visitor for visitor, _ in self.page_views()}

    def votes(self) -> list[tuple[int, int]]:
        """(article id, stars) of every vote the portal took: 200 to htmx, 303 to a plain form."""
        taken = [r for r in self.responses if r[2] == "POST" and r[4] in (200, 303)]
        return [(int(r[3].rsplit("/", 1)[1]), self.stars[r[1]]) for r in taken]


def drive(servers: list[GunicornServer], paths: list[str]) -> Traffic:
    """READERS readers and VOTERS voters at once. A reader is one visitor reading pages on
    both servers in turn; each vote is a new visitor who reads the article on one server and
    posts the form on the other (with htmx, or as a plain form)."""
    traffic = Traffic()
    articles = [path for path in paths if ARTICLE_PATH.search(path)]

    def reader(number: int) -> None:
        visitor, name = Visitor(), f"reader-{number}"
        for view in range(VIEWS_PER_READER):
            index = (number + view) % len(servers)
            path = paths[(number * VIEWS_PER_READER + view) % len(paths)]
            traffic.record(index, name, "GET", path, visitor.read(servers[index].url + path)[0])

    def voter(number: int) -> None:
        for vote in range(VOTES_PER_VOTER):
            visitor, name = Visitor(), f"voter-{number}-{vote}"
            path, index = articles[(number * VOTES_PER_VOTER + vote) % len(articles)], (number + vote) % len(servers)
            status, action, fields = visitor.rating_form(servers[index].url + path)
            traffic.record(index, name, "GET", path, status)
            if action:
                traffic.stars[name] = stars = 1 + (number + 3 * vote) % 5
                other = (index + 1) % len(servers)
                fields["stars"] = str(stars)
                answer = visitor.request(servers[other].url + action, fields, htmx=vote % 2 == 0)
                traffic.record(other, name, "POST", action, answer[0])

    started = time.perf_counter()
    with ThreadPoolExecutor(READERS + VOTERS) as pool:
        done = [pool.submit(reader, n) for n in range(READERS)] + [pool.submit(voter, n) for n in range(VOTERS)]
        for future in done:
            future.result()
    traffic.seconds = time.perf_counter() - started
    return traffic


@dataclass
class Run:
    traffic: Traffic
    before: Figures
    after: Figures
    widgets: list[dict[str, int | None]]  # the counters fragment from each server after the run
    paths: list[str]


@pytest.fixture(scope="module")
def run(cluster) -> Run:
    paths = reading_paths(cluster.servers[0].url)
    assert len(paths) > 10
    today = site_today(cluster.settings)
    before = read_figures(cluster.settings, today)
    traffic = drive(cluster.servers, paths)
    after = read_figures(cluster.settings, today)
    widgets = [counters_widget(server.url) for server in cluster.servers]
    print(
        f"\nscale-out: {len(traffic.responses)} requests ({len(traffic.page_views())} page views, "
        f"{len(traffic.votes())} votes) from {len(traffic.visitors())} visitors on {len(paths)} pages, "
        f"{READERS} reader and {VOTERS} voter threads, 2 gunicorn servers (2 workers x 4 threads each), "
        f"{traffic.seconds:.1f} s, {len(traffic.responses) / traffic.seconds:.0f} requests/s; "
        f"total {before.offset + before.total_visits} -> {after.offset + after.total_visits}, "
        f"day page views {day_sum(before, 1)} -> {day_sum(after, 1)}, online {[w['online'] for w in widgets]}"
    )
    return Run(traffic, before, after, widgets, paths)


def day_sum(figures: Figures, column: int) -> int:
    return sum(tally[column] for tally in figures.days.values())


def check_every_request_answered(traffic: Traffic, servers: list[GunicornServer]) -> None:
    """Every page (and its live fragment) 200; every vote taken: 200, the widget to htmx, the article page to a plain form."""
    votes = VOTERS * VOTES_PER_VOTER
    pages = READERS * VIEWS_PER_READER + votes
    assert len(traffic.responses) == pages + votes
    expected = {("GET", 200): pages, ("POST", 200): votes}
    assert Counter((r[2], r[4]) for r in traffic.responses) == expected
    for index in range(len(servers)):
        assert traffic.count(server=index) == len(traffic.responses) // len(servers)


def check_site_total(run: Run) -> None:
    """The total is the offset plus every visit: one for each new visitor of the run."""
    visitors = len(run.traffic.visitors())
    assert run.after.offset == run.before.offset
    assert run.after.total_visits == run.before.total_visits + visitors
    for widget in run.widgets:
        assert widget["total"] == run.after.offset + run.after.total_visits


def check_today_visits(run: Run) -> None:
    """The day tallies gained one visit per visitor (summed over the days around the run,
    so a run across the site's midnight counts too); the fragment shows today's."""
    assert day_sum(run.after, 0) == day_sum(run.before, 0) + len(run.traffic.visitors())
    today = max(day for day, tally in run.after.days.items())
    for widget in run.widgets:
        assert widget["today"] == run.after.days[today][0]


def check_today_page_views(run: Run) -> None:
    assert day_sum(run.after, 1) == day_sum(run.before, 1) + len(run.traffic.page_views())


def check_article_views(run: Run) -> None:
    """Each article's view_count gained exactly the times its page was read."""
    found = (ARTICLE_PATH.search(path) for _, path in run.traffic.page_views())
    read = Counter(int(article.group(1)) for article in found if article)
    assert read and sum(read.values()) > VOTERS * VOTES_PER_VOTER
    for article, (views, _, _) in run.after.articles.items():
        assert views == run.before.articles[article][0] + read[article], article


def check_ratings(run: Run) -> None:
    """Each article's rating_count and rating_sum gained exactly the votes cast for it."""
    votes = run.traffic.votes()
    assert len(votes) == VOTERS * VOTES_PER_VOTER
    count, total = Counter(article for article, _ in votes), Counter()
    for article, stars in votes:
        total[article] += stars
    for article, (_, rating_count, rating_sum) in run.after.articles.items():
        before = run.before.articles[article]
        assert (rating_count, rating_sum) == (before[1] + count[article], before[2] + total[article]), article


def check_online_same_on_both(run: Run) -> None:
    """Online is the same from either server: every visitor of the run, all seen just now."""
    expected = run.before.online + len(run.traffic.visitors())
    assert run.after.online == expected
    assert [widget["online"] for widget in run.widgets] == [expected] * len(run.widgets)


def check_servers_healthy(servers: list[GunicornServer]) -> None:
    for server in servers:
        status, body = server.health()
        assert status == 200 and body["database"]["status"] == "ok" and body["redis"]["status"] == "ok"


def test_every_request_answered_on_both_servers(run, cluster):
    check_every_request_answered(run.traffic, cluster.servers)
    check_servers_healthy(cluster.servers)
    for server in cluster.servers:
        assert "Traceback" not in server.log_text()


def test_site_total(run):
    check_site_total(run)


def test_today_visits(run):
    check_today_visits(run)


def test_today_page_views(run):
    check_today_page_views(run)


def test_article_views(run):
    check_article_views(run)


def test_article_ratings(run):
    check_ratings(run)


def test_online_same_from_either_server(run):
    check_online_same_on_both(run)


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
    reader = {"User-Agent": BROWSER_UA}
    with opener.open(urllib.request.Request(cluster.servers[0].url + "/widgets/dem.gif", headers=reader), timeout=10) as first:
        assert COOKIE_NAME in first.headers.get("Set-Cookie", "")  # set by the counting image, never by a page
    with opener.open(urllib.request.Request(cluster.servers[1].url + "/widgets/dem.gif", headers=reader), timeout=10) as second:
        assert second.headers.get("Set-Cookie") is None  # the same visitor, not a new one


def test_a_poll_voted_on_both_servers_counts_exactly(cluster):
    """2,000 distinct visitors from 20 threads, their ballots shared between the two servers
    (issue 19): the poll's voters, each choice's votes and the ballot rows all agree."""
    engine = create_engine(cluster.database_url)
    try:
        with engine.begin() as connection:
            poll_id = connection.execute(
                text("INSERT INTO poll (question, multiple, in_sidebar, voters, created_at) VALUES ('Hai máy chủ?', true, false, 0, :now) RETURNING id"),
                {"now": datetime.now()},
            ).scalar_one()
            choice_ids = [
                connection.execute(text("INSERT INTO poll_choice (poll_id, label, position, votes) VALUES (:poll, :label, :n, 0) RETURNING id"),
                                   {"poll": poll_id, "label": f"Ý {n}", "n": n}).scalar_one()
                for n in range(1, 5)
            ]  # fmt: skip
        statuses, expected, seconds = vote_together([server.url for server in cluster.servers], poll_id, choice_ids)
        print(f"\n{POLL_VOTERS} ballots on two servers from 20 threads: {seconds:.1f} s ({POLL_VOTERS / seconds:.0f}/s)")
        assert statuses == [200] * POLL_VOTERS
        with engine.connect() as connection:
            voters = connection.execute(text("SELECT voters FROM poll WHERE id = :id"), {"id": poll_id}).scalar_one()
            ballots = connection.execute(text("SELECT count(*) FROM poll_ballot WHERE poll_id = :id"), {"id": poll_id}).scalar_one()
            votes = dict(connection.execute(text("SELECT id, votes FROM poll_choice WHERE poll_id = :id"), {"id": poll_id}).all())
    finally:
        engine.dispose()
    assert voters == ballots == POLL_VOTERS and votes == dict(expected)
