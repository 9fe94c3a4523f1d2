"""Votes arriving at once on a real server (Werkzeug's threaded server, a real SQLite file):
the counts stay exact and one visitor still gets exactly one vote."""

import html
import re
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie

import pytest
from sqlalchemy import func, select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, Vote
from tests.counters_support import BROWSER_UA
from tests.helpers import run_together
from tests.live_server import serve

pytestmark = pytest.mark.slow  # left out of the fast subset (README)

THREADS = 8
VOTES_PER_THREAD = 50  # 400 votes
SAME_VISITOR_ATTEMPTS = 20
LIVE_LOADER = re.compile(r'data-hx-get="(/widgets/live[^"]*)" data-hx-trigger="load"')


class Visitor:
    """A browser stand-in: opens the article once (the page, then its live fragment, which
    gives the visitor cookie), then may vote."""

    def __init__(self, base: str, article_path: str, article_id: int):
        self.vote_url = f"{base}/widgets/rating/{article_id}"
        opening = urllib.request.Request(base + article_path, headers={"User-Agent": BROWSER_UA})
        with urllib.request.urlopen(opening, timeout=30) as response:
            live = html.unescape(LIVE_LOADER.search(response.read().decode()).group(1))
        fragment = urllib.request.Request(base + live, headers={"User-Agent": BROWSER_UA, "HX-Request": "true"})
        with urllib.request.urlopen(fragment, timeout=30) as response:
            cookies = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie"):
                cookies.load(header)
        self.cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())

    def vote(self, stars: int) -> int:
        """POST the vote as htmx does; return the HTTP status."""
        body = f"stars={stars}".encode()
        headers = {
            "Cookie": self.cookie,
            "User-Agent": BROWSER_UA,
            "HX-Request": "true",
            "Sec-Fetch-Site": "same-origin",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        request = urllib.request.Request(self.vote_url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


@pytest.fixture
def voting_app(make_app):
    """The demo site without a rate limit, on a real database file (or on PostgreSQL in
    CI's second run, PORTAL_TEST_DATABASE_URL)."""
    return make_app(demo=True, RATING_LIMIT="")


def seed(app) -> tuple[int, str]:
    with app.test_request_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        return article.id, article.url


def totals(app, article_id: int) -> tuple[int, int, int, int]:
    with app.app_context():
        article = db.session.get(Article, article_id)
        rows, stars = db.session.execute(
            select(func.count(), func.coalesce(func.sum(Vote.stars), 0)).where(Vote.article_id == article_id)
        ).one()
        return article.rating_count, article.rating_sum, rows, stars


def test_hundreds_of_simultaneous_votes_are_counted_exactly(voting_app):
    app = voting_app
    article_id, path = seed(app)
    with serve(app) as base:
        voters = [[Visitor(base, path, article_id) for _ in range(VOTES_PER_THREAD)] for _ in range(THREADS)]
        stars_of = {(t, v): 1 + (t * VOTES_PER_THREAD + v) % 5 for t in range(THREADS) for v in range(VOTES_PER_THREAD)}
        began = time.perf_counter()
        statuses = run_together(
            THREADS, lambda t: [voter.vote(stars_of[t, v]) for v, voter in enumerate(voters[t])]
        )
        elapsed = time.perf_counter() - began
    votes = THREADS * VOTES_PER_THREAD
    engine = app.config["SQLALCHEMY_DATABASE_URI"].split(":")[0]
    print(f"\n{engine}: {votes} votes from {votes} visitors in {THREADS} threads: {elapsed:.2f} s ({votes / elapsed:.0f}/s)")
    assert [status for thread in statuses for status in thread] == [200] * votes
    assert totals(app, article_id) == (votes, sum(stars_of.values()), votes, sum(stars_of.values()))


def test_one_visitor_voting_twenty_times_at_once_gets_one_vote(voting_app):
    app = voting_app
    article_id, path = seed(app)
    with serve(app) as base:
        visitor = Visitor(base, path, article_id)
        began = time.perf_counter()
        statuses = run_together(SAME_VISITOR_ATTEMPTS, lambda i: visitor.vote(1 + i % 5))
        elapsed = time.perf_counter() - began
    print(f"\n{SAME_VISITOR_ATTEMPTS} simultaneous votes by one visitor: {sorted(statuses)} in {elapsed:.2f} s")
    assert sorted(statuses) == [200] + [409] * (SAME_VISITOR_ATTEMPTS - 1)
    count, total, rows, stars = totals(app, article_id)
    assert count == rows == 1 and total == stars == 1 + statuses.index(200) % 5
