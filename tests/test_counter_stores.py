"""One contract for every counter store: the same tests against SQL and against Redis.

The Redis run uses PORTAL_TEST_REDIS_URL, or the local Redis's database 15, with a
random key prefix per test; it is skipped, saying why, when no Redis answers.
"""

import shutil
import socket
import subprocess
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from flask import current_app
from sqlalchemy import select

from portal.counters import counting, redis_store
from portal.counters.redis_store import RedisCounterStore
from portal.counters.sql_store import SqlCounterStore
from portal.counters.visits import CountersUnavailable, OnlineRecord, Tally
from portal.extensions import db
from portal.models import Article, ArticleStatus, Category, TallyKind
from tests.counters_support import redis_prefix, redis_url_or_skip

T0 = datetime(2020, 2, 20, 9, 0)


@pytest.fixture(params=["sql", "redis"])
def store(request, make_app):
    """(app, store) with the app context pushed; the app's own store is this one."""
    if request.param == "redis":
        url = redis_url_or_skip()
        with redis_prefix(url) as prefix:
            app = make_app(REDIS_URL=url, REDIS_KEY_PREFIX=prefix)
            with app.app_context():
                assert isinstance(counting.store(), RedisCounterStore)
                yield counting.store()
                counting.store().close()
    else:
        app = make_app(REDIS_URL=None)
        with app.app_context():
            assert isinstance(counting.store(), SqlCounterStore)
            yield counting.store()


def test_a_view_within_thirty_minutes_is_the_same_visit(store):
    assert store.record_page_view("a", T0).new_visit
    assert not store.record_page_view("a", T0 + timedelta(minutes=10)).new_visit
    counters = store.counters(T0 + timedelta(minutes=10))
    assert counters.total == counters.today == counters.month == Tally(visits=1, page_views=2)


def test_a_view_after_thirty_minutes_is_a_new_visit(store):
    store.record_page_view("a", T0)
    assert store.record_page_view("a", T0 + timedelta(minutes=31)).new_visit
    # the gap runs from the last page view, not from the start of the visit
    store.record_page_view("a", T0 + timedelta(minutes=55))
    assert store.counters(T0 + timedelta(minutes=55)).total == Tally(visits=2, page_views=3)


def test_visitors_are_counted_apart(store):
    for visitor in ("a", "b", "c"):
        store.record_page_view(visitor, T0)
    assert store.counters(T0).total == Tally(3, 3)


def test_online_means_seen_in_the_last_five_minutes(store):
    store.record_page_view("a", T0)
    store.record_page_view("b", T0 + timedelta(minutes=2))
    assert store.counters(T0 + timedelta(minutes=4)).online == 2
    assert store.counters(T0 + timedelta(minutes=6)).online == 1
    assert store.counters(T0 + timedelta(minutes=8)).online == 0


def test_a_counter_refresh_keeps_a_visitor_online_without_a_visit(store):
    store.record_page_view("a", T0)
    store.renew_presence("a", T0 + timedelta(minutes=4))
    counters = store.counters(T0 + timedelta(minutes=8))
    assert counters.online == 1
    assert counters.total == Tally(1, 1)
    # presence is not a page view: a refresh does not stretch a's visit
    assert store.record_page_view("a", T0 + timedelta(minutes=31)).new_visit


def test_only_a_visitor_counted_by_a_page_view_is_renewed(store):
    store.renew_presence("b", T0)  # a refresh before any page view
    assert store.counters(T0).online == 0 and store.counters(T0).record is None
    store.record_page_view("a", T0)
    store.renew_presence("a", T0 + timedelta(minutes=29))
    assert store.counters(T0 + timedelta(minutes=33)).online == 1
    store.renew_presence("a", T0 + timedelta(minutes=31))  # the visit is over: refreshes no longer count
    assert store.counters(T0 + timedelta(minutes=35)).online == 0
    assert store.record_page_view("b", T0 + timedelta(minutes=35)).new_visit


def test_a_flood_of_refreshes_by_unknown_visitors_changes_nothing(store):
    store.record_page_view("a", T0)
    before = store.counters(T0)
    for number in range(300):
        store.renew_presence(f"made-up-{number}", T0 + timedelta(seconds=number))
    after = store.counters(T0 + timedelta(minutes=1))
    assert (after.online, after.record, after.total) == (1, before.record, before.total) == (1, before.record, Tally(1, 1))


def test_day_month_and_year_rollover_keeps_history(store):
    new_year_eve = datetime(2019, 12, 31, 23, 50)
    store.record_page_view("a", new_year_eve)
    store.record_page_view("b", new_year_eve)
    store.record_page_view("a", new_year_eve + timedelta(minutes=20))  # same visit, next year
    store.record_page_view("c", new_year_eve + timedelta(minutes=25))
    store.record_page_view("c", datetime(2020, 2, 1, 8, 0))
    days = store.tallies(TallyKind.DAY, date(2019, 12, 1), date(2020, 2, 29))
    assert days == {
        date(2019, 12, 31): Tally(2, 2),
        date(2020, 1, 1): Tally(1, 2),
        date(2020, 2, 1): Tally(1, 1),
    }
    months = store.tallies(TallyKind.MONTH, date(2019, 1, 1), date(2020, 12, 1))
    assert months == {date(2019, 12, 1): Tally(2, 2), date(2020, 1, 1): Tally(1, 2), date(2020, 2, 1): Tally(1, 1)}
    counters = store.counters(datetime(2020, 2, 1, 8, 0))
    assert counters.today == counters.month == Tally(1, 1)
    assert counters.total == Tally(4, 5)


def test_tallies_are_limited_to_the_range(store):
    for offset in range(5):
        store.record_page_view(f"v{offset}", T0 + timedelta(days=offset))
    days = store.tallies(TallyKind.DAY, date(2020, 2, 21), date(2020, 2, 23))
    assert sorted(days) == [date(2020, 2, 21), date(2020, 2, 22), date(2020, 2, 23)]


def test_the_record_online_is_kept_with_its_time(store):
    assert store.counters(T0).record is None
    for visitor in ("a", "b", "c"):
        store.record_page_view(visitor, T0)
    assert store.counters(T0).record.visitors == 3
    later = T0 + timedelta(hours=2)
    store.record_page_view("d", later)
    record = store.counters(later).record
    assert (record.visitors, record.at) == (3, T0)
    for visitor in ("e", "f", "g"):
        store.record_page_view(visitor, later)
    record = store.counters(later + timedelta(minutes=1)).record
    assert (record.visitors, record.at) == (4, later + timedelta(minutes=1))


def test_a_corrected_record_holds_until_more_are_really_online(store):
    store.correct_record(12_332, T0)  # a pumped figure…
    store.correct_record(2, T0 - timedelta(days=1))  # …put right, lower
    assert store.counters(T0).record == OnlineRecord(2, T0 - timedelta(days=1))
    for visitor in ("a", "b", "c"):
        store.record_page_view(visitor, T0)
    assert store.counters(T0).record == OnlineRecord(3, T0)


def test_article_views_go_to_the_article(store):
    category = Category(name="Tin tức", slug="tin-tuc")
    article = Article(title="Bài", slug="bai", category=category, status=ArticleStatus.PUBLISHED, published_at=T0)
    db.session.add(article)
    db.session.commit()
    views = [store.record_page_view(f"v{n}", T0, article.id).article.views for n in range(3)]
    assert views == [1, 2, 3]
    assert db.session.execute(select(Article.view_count).where(Article.id == article.id)).scalar() == 3
    assert store.record_page_view("x", T0, 999_999).article is None


def test_concurrent_page_views_count_exactly(store):
    app = current_app._get_current_object()
    threads, per_thread = 8, 40
    errors: list[BaseException] = []

    def reader(number: int) -> None:
        with app.app_context():
            try:
                for view in range(per_thread):
                    store.record_page_view(f"t{number}-{view % 10}", T0 + timedelta(seconds=view))
            except BaseException as error:  # reported below, not lost in the thread
                errors.append(error)

    workers = [threading.Thread(target=reader, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    counters = store.counters(T0 + timedelta(seconds=per_thread))
    assert counters.total == Tally(visits=threads * 10, page_views=threads * per_thread)
    assert counters.online == threads * 10


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of this test's own on a free port: (url, start, stop)."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server: list[subprocess.Popen] = []

    def start() -> None:
        command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)]
        server.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
        for _ in range(100):
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop() -> None:
        process = server.pop()
        process.terminate()
        process.wait(timeout=10)

    start()
    yield f"redis://127.0.0.1:{port}/0", start, stop
    while server:
        stop()


def test_redis_going_away_and_coming_back(make_app, private_redis, monkeypatch):
    """While Redis is down nothing raises, the last figures are shown as stale; when it is
    back, counting resumes without a restart."""
    monkeypatch.setattr(redis_store, "REDIS_RETRY_AFTER", 0.2)
    url, start, stop = private_redis
    app = make_app(REDIS_URL=url)
    with app.app_context():
        store = counting.store()
        store.record_page_view("a", T0)
        assert store.counters(T0).total == Tally(1, 1)
        stop()
        assert store.record_page_view("b", T0).new_visit is False
        store.renew_presence("b", T0)
        stale = store.counters(T0)
        assert stale.stale and stale.total == Tally(1, 1)
        with pytest.raises(CountersUnavailable):
            store.tallies(TallyKind.DAY, T0.date(), T0.date())
        start()
        time.sleep(0.3)
        assert store.record_page_view("c", T0).new_visit  # an empty Redis (no save), counting again
        fresh = store.counters(T0)
        assert not fresh.stale and fresh.total == Tally(1, 1)
        store.close()
