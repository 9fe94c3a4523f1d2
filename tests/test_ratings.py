"""Rating an article: the widget, both paths (htmx and plain form), every rule, the CLI."""

import os
import re
import secrets
import time
from datetime import datetime
from html import unescape

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, ArticleStatus, RateLimitHits, Vote
from portal.services import ratings
from portal.web import rate_limit_store
from portal.web.cross_origin import REFUSED
from portal.web.visitor import COOKIE_NAME, hashed_client_address
from portal.widgets.forms import STARS_MESSAGE
from portal.widgets.routes_rating import ALREADY_VOTED, MISSING, THANKS, TOO_MANY
from tests.helpers import read

HTMX = {"HX-Request": "true", "HX-Target": "danh-gia", "HX-Current-URL": "http://localhost/"}


class Reader:
    """One visitor with their own cookies: opens the article, then votes on it from the page,
    as a browser does (``Sec-Fetch-Site: same-origin``)."""

    def __init__(self, app, article_id: int, address: str = "127.0.0.1"):
        self.client = app.test_client()
        self.client.environ_base["REMOTE_ADDR"] = address
        self.article_id = article_id
        with app.test_request_context():
            self.url = db.session.get(Article, article_id).url

    def open(self) -> str:
        """The page every reader gets (its live fragment loaded, as htmx does)."""
        return read(self.client, self.url)[0].get_data(as_text=True)

    def live(self) -> str:
        """What the page's live fragment brings this reader (their own vote)."""
        return read(self.client, self.url)[1].get_data(as_text=True)

    def vote(self, stars="4", htmx: bool = True, headers: dict | None = None, **extra):
        data = {"stars": stars} | extra
        if stars is None:
            del data["stars"]
        merged = {"Sec-Fetch-Site": "same-origin"} | (HTMX if htmx else {}) | (headers or {})
        return self.client.post(f"/widgets/rating/{self.article_id}", data=data, headers=merged)

    @property
    def visitor_id(self) -> str:
        from itsdangerous import URLSafeSerializer

        raw = self.client.get_cookie(COOKIE_NAME).value
        return URLSafeSerializer(self.client.application.secret_key, salt="portal-visitor").loads(raw)


def seed_id(app) -> int:
    with app.app_context():
        return db.session.execute(select(Article.id).where(Article.title == SEED_TITLE)).scalar_one()


def stored(app, article_id: int) -> tuple[int, int, int]:
    """(rating_count, rating_sum, vote rows) as the database has them."""
    with app.app_context():
        article = db.session.get(Article, article_id)
        rows = len(db.session.execute(select(Vote).where(Vote.article_id == article_id)).all())
        return article.rating_count, article.rating_sum, rows


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


@pytest.fixture
def seed(demo_app) -> int:
    return seed_id(demo_app)


@pytest.fixture
def any_database_app(demo_app):
    """The demo site on the suite's database: SQLite, or PostgreSQL in CI's second run
    (PORTAL_TEST_DATABASE_URL), for the rules the schema and the SQL enforce."""
    return demo_app


def test_article_page_shows_an_accessible_form_and_no_votes_in_words(demo_app, seed):
    page = Reader(demo_app, seed).open()
    widget = page[page.index('<section class="rating" id="danh-gia"'):]
    widget = widget[: widget.index("</section>")]
    assert "Đánh giá bài viết" in widget and "Bài viết chưa có lượt đánh giá." in widget
    assert 'aria-live="polite"' in widget
    assert f'method="post" action="/widgets/rating/{seed}#danh-gia"' in widget  # back to the widget without JavaScript
    assert f'data-hx-post="/widgets/rating/{seed}"' in widget
    assert 'data-hx-target="closest .rating"' in widget and 'data-hx-swap="outerHTML"' in widget
    assert "<fieldset" in widget and "<legend>Chọn số sao cho bài viết</legend>" in widget
    for stars in range(1, 6):
        option = re.search(rf'<label class="star" for="([^"]+)"><input id="\1" name="stars" required type="radio" value="{stars}">', widget)
        assert option and f"{stars} sao</span></label>" in widget[option.end():option.end() + 120]
    assert "checked" not in widget
    assert '<button type="submit"' in widget and 'name="csrf_token"' not in widget  # the same page for everyone


def test_htmx_vote_answers_the_widget_alone_with_new_numbers(any_database_app):
    app, seed = any_database_app, seed_id(any_database_app)
    with app.app_context():
        updated_before = db.session.get(Article, seed).updated_at
    reader = Reader(app, seed)
    response = reader.vote("4")
    assert response.status_code == 200
    body = text_of(response)
    assert "<html" not in body and body.lstrip().startswith('<section class="rating" id="danh-gia"')
    assert "Đánh giá: 1 lượt, trung bình 4,0/5" in body
    assert THANKS in body and "Bạn đã đánh giá: 4 sao" in body
    assert 'name="stars"' not in body  # the own vote replaces the form
    assert "HX-Request" in response.headers["Vary"]
    assert stored(app, seed) == (1, 4, 1)
    with app.app_context():
        vote = db.session.execute(select(Vote)).scalar_one()
        assert (vote.visitor, vote.stars) == (reader.visitor_id, 4)
        assert db.session.get(Article, seed).updated_at == updated_before  # votes never touch the article's edit time


def test_average_is_rounded_to_one_decimal_in_vietnamese(demo_app, seed):
    for stars in ("5", "4"):
        assert Reader(demo_app, seed).vote(stars).status_code == 200
    last = Reader(demo_app, seed).vote("4")
    assert "Đánh giá: 3 lượt, trung bình 4,3/5" in text_of(last)  # 13 / 3 = 4.33
    with demo_app.app_context():
        db.session.execute(update(Article).where(Article.id == seed).values(rating_count=1233, rating_sum=4932))
        db.session.commit()
    assert "Đánh giá: 1.234 lượt, trung bình 4,0/5" in text_of(Reader(demo_app, seed).vote("4"))


def test_without_javascript_the_vote_answers_the_article_page_with_the_thanks(demo_app, seed):
    reader = Reader(demo_app, seed)
    reader.open()
    response = reader.vote("5", htmx=False)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"  # this reader's own page
    page = text_of(response)
    assert '<html lang="vi">' in page and page.count(THANKS) == 1  # beside the stars, not again at the top of the page
    widget = page[page.index('id="danh-gia"'):]
    assert THANKS in widget and "Đánh giá: 1 lượt, trung bình 5,0/5" in widget and "Bạn đã đánh giá: 5 sao" in widget
    assert stored(demo_app, seed) == (1, 5, 1)
    assert THANKS not in reader.open()  # the shared page has no message


def test_reload_keeps_showing_the_visitors_own_vote(demo_app, seed):
    reader = Reader(demo_app, seed)
    reader.vote("2")
    page, live = reader.open(), reader.live()
    assert "Bạn đã đánh giá:" not in page  # the page is the same for every reader
    assert '<section class="rating" id="danh-gia" aria-labelledby="danh-gia-tieu-de" data-hx-swap-oob="true">' in live
    assert "Bạn đã đánh giá: 2 sao" in live
    assert 'name="stars"' not in live  # the own vote replaces the form
    other = Reader(demo_app, seed).live()
    assert "Bạn đã đánh giá:" not in other and 'id="danh-gia"' not in other  # the figures alone: a chosen star stays
    assert '<div class="rating-live" id="danh-gia-so-lieu" aria-live="polite" data-hx-swap-oob="true">' in other
    assert "Đánh giá: 1 lượt, trung bình 2,0/5" in other and 'name="stars"' not in other


def test_boosted_and_history_restore_requests_get_the_page_path(demo_app, seed):
    boosted = Reader(demo_app, seed).vote("3", headers={"HX-Boosted": "true"})
    assert boosted.status_code == 200 and '<html lang="vi">' in text_of(boosted)
    restore = Reader(demo_app, seed).vote("3", headers={"HX-History-Restore-Request": "true"})
    assert restore.status_code == 200 and '<html lang="vi">' in text_of(restore)
    assert stored(demo_app, seed) == (2, 6, 2)


INVALID_STARS = ["0", "6", "abc", "", "3.5", "x" * 10_240, " 3", "03", "-1", "٣", None]


@pytest.mark.parametrize("stars", INVALID_STARS, ids=lambda s: repr(s)[:12])
def test_stars_must_be_an_integer_from_1_to_5(demo_app, seed, stars):
    response = Reader(demo_app, seed).vote(stars)
    assert response.status_code == 400
    body = text_of(response)
    assert "<html" not in body and STARS_MESSAGE in body and 'id="danh-gia"' in body
    assert "Bài viết chưa có lượt đánh giá." in body
    assert "HX-Request" in response.headers["Vary"]
    assert stored(demo_app, seed) == (0, 0, 0)


@pytest.mark.parametrize("stars", ["0", "abc", "x" * 10_240])
def test_invalid_stars_without_javascript_show_the_article_with_the_message(demo_app, seed, stars):
    response = Reader(demo_app, seed).vote(stars, htmx=False)
    assert response.status_code == 400
    body = text_of(response)
    assert '<html lang="vi">' in body and f"<h1 class=\"article-title\">{SEED_TITLE}</h1>" in body
    assert STARS_MESSAGE in body[body.index('id="danh-gia"'):]
    assert stored(demo_app, seed) == (0, 0, 0)


def test_invalid_stars_keep_an_earlier_vote_marked(demo_app, seed):
    reader = Reader(demo_app, seed)
    reader.vote("5")
    body = text_of(reader.vote("9"))
    assert STARS_MESSAGE in body and "Bạn đã đánh giá: 5 sao" in body
    assert stored(demo_app, seed) == (1, 5, 1)


def make_hidden(app, article_id: int, **values) -> None:
    """What the webmaster's edit does: through the ORM (the content version moves)."""
    with app.app_context():
        article = db.session.get(Article, article_id)
        for name, value in values.items():
            setattr(article, name, value)
        db.session.commit()


@pytest.mark.parametrize(
    "hide",
    [
        {"status": ArticleStatus.DRAFT},
        {"status": ArticleStatus.SCHEDULED, "published_at": datetime(2100, 1, 1)},
    ],
    ids=["draft", "scheduled-later"],
)
def test_unpublished_article_is_404(demo_app, seed, hide):
    reader = Reader(demo_app, seed)
    reader.open()
    make_hidden(demo_app, seed, **hide)
    response = reader.vote("4")
    assert response.status_code == 404
    body = text_of(response)
    assert "<html" not in body and MISSING in body and "<form" not in body
    assert stored(demo_app, seed) == (0, 0, 0)
    page = reader.vote("4", htmx=False)
    assert page.status_code == 404 and "Không tìm thấy trang" in text_of(page)
    assert stored(demo_app, seed) == (0, 0, 0)


def test_unknown_article_is_404_both_ways(demo_app, seed):
    reader = Reader(demo_app, seed)
    reader.open()
    data = {"stars": "4"}
    fragment = reader.client.post("/widgets/rating/999999", data=data, headers=HTMX)
    assert fragment.status_code == 404 and MISSING in text_of(fragment) and "<html" not in text_of(fragment)
    page = reader.client.post("/widgets/rating/999999", data=data)
    assert page.status_code == 404 and "Không tìm thấy trang" in text_of(page)
    with demo_app.app_context():
        assert db.session.execute(select(Vote)).first() is None


CROSS_SITE = [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # another site of the same domain, e.g. a sub-domain
    {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"},  # the browser's word wins over a forged Origin
    {"Origin": "https://ke-xau.example"},  # an older browser: no Sec-Fetch-Site, another host
    {"Origin": "null"},  # a sandboxed frame or a file
]


@pytest.mark.parametrize("headers", CROSS_SITE, ids=["cross-site", "same-site", "cross-site-with-origin", "other-origin", "null-origin"])
def test_votes_sent_from_another_site_are_403_and_store_nothing(demo_app, seed, headers):
    reader = Reader(demo_app, seed)
    response = reader.client.post(f"/widgets/rating/{seed}", data={"stars": "4"}, headers=HTMX | headers)
    assert response.status_code == 403
    body = text_of(response)
    assert "<html" not in body and REFUSED in body and 'id="danh-gia"' in body
    page = reader.client.post(f"/widgets/rating/{seed}", data={"stars": "4"}, headers=headers)
    assert page.status_code == 403 and '<html lang="vi">' in text_of(page) and REFUSED in text_of(page)
    assert stored(demo_app, seed) == (0, 0, 0)
    assert reader.client.get_cookie(COOKIE_NAME) is None  # no visitor made for a refused request


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "same-origin"}, {"Sec-Fetch-Site": "none"}, {"Origin": "http://localhost"}, {}],
    ids=["same-origin", "typed", "own-origin", "no-browser-headers"],
)
def test_votes_from_the_site_itself_need_no_token(demo_app, seed, headers):
    response = Reader(demo_app, seed).client.post(f"/widgets/rating/{seed}", data={"stars": "4"}, headers=HTMX | headers)
    assert response.status_code == 200 and THANKS in text_of(response)
    assert stored(demo_app, seed) == (1, 4, 1)


def test_second_vote_is_409_and_changes_nothing(any_database_app):
    app, seed = any_database_app, seed_id(any_database_app)
    reader = Reader(app, seed)
    assert reader.vote("4").status_code == 200
    again = reader.vote("1")
    assert again.status_code == 409
    body = text_of(again)
    assert "<html" not in body and "Bạn đã đánh giá bài viết này" in body
    assert "Đánh giá: 1 lượt, trung bình 4,0/5" in body and "Bạn đã đánh giá: 4 sao" in body
    page = reader.vote("1", htmx=False)
    assert page.status_code == 409 and ALREADY_VOTED in text_of(page) and '<html lang="vi">' in text_of(page)
    assert stored(app, seed) == (1, 4, 1)


def test_get_on_the_rating_endpoint_is_405(demo_app, seed):
    response = demo_app.test_client().get(f"/widgets/rating/{seed}")
    assert response.status_code == 405
    assert response.headers["Allow"].split(", ").count("POST") == 1
    assert "Phương thức không được hỗ trợ" in text_of(response)
    assert stored(demo_app, seed) == (0, 0, 0)


def test_too_many_votes_from_one_address_is_429(make_app):
    app = make_app(demo=True, RATING_LIMIT="3 per minute")
    seed = seed_id(app)
    for _ in range(3):
        assert Reader(app, seed).vote("5").status_code == 200
    refused = Reader(app, seed).vote("5")
    assert refused.status_code == 429
    body = text_of(refused)
    assert "<html" not in body and TOO_MANY in body and 'id="danh-gia"' in body
    assert int(refused.headers["Retry-After"]) > 0
    page = Reader(app, seed).vote("5", htmx=False)
    assert page.status_code == 429 and TOO_MANY in text_of(page) and '<html lang="vi">' in text_of(page)
    assert stored(app, seed) == (3, 15, 3)
    assert Reader(app, seed, address="203.0.113.9").vote("5").status_code == 200  # another address


def test_the_default_limit_lets_a_whole_classroom_vote_but_stops_a_script(demo_app, seed):
    assert demo_app.config["RATING_LIMIT"] == "60 per 10 minutes;300 per day"
    statuses = [Reader(demo_app, seed).vote(str(1 + n % 5)).status_code for n in range(61)]
    assert statuses[:60] == [200] * 60
    assert statuses[60] == 429
    assert stored(demo_app, seed)[0] == 60


def test_an_empty_limit_turns_it_off(make_app):
    app = make_app(demo=True, RATING_LIMIT="")
    seed = seed_id(app)
    statuses = {Reader(app, seed).vote("3").status_code for _ in range(65)}
    assert statuses == {200}
    assert stored(app, seed) == (65, 195, 65)


def test_portal_rating_limit_sets_the_limit(make_app, monkeypatch):
    monkeypatch.setenv("PORTAL_RATING_LIMIT", "2 per hour")
    app = make_app(demo=True)
    assert app.config["RATING_LIMIT"] == "2 per hour"
    seed = seed_id(app)
    assert [Reader(app, seed).vote("4").status_code for _ in range(3)] == [200, 200, 429]


def limit_keys(app) -> str:
    with app.app_context():
        return " ".join(db.session.scalars(select(RateLimitHits.key)))


def test_the_limit_keys_on_a_hash_never_on_the_address(make_app):
    demo_app = make_app(demo=True, REDIS_URL=None)  # limits in the database, to read their keys
    seed = seed_id(demo_app)
    Reader(demo_app, seed, address="198.51.100.23").vote("4")
    keys = limit_keys(demo_app)
    assert keys and "198.51.100.23" not in keys
    with demo_app.test_request_context(environ_base={"REMOTE_ADDR": "198.51.100.23"}):
        key = hashed_client_address()
    assert "198.51.100.23" not in key and key in keys
    with demo_app.test_request_context(environ_base={"REMOTE_ADDR": "198.51.100.24"}):
        assert hashed_client_address() != key


def test_without_redis_every_worker_and_every_restart_shares_the_limit(make_app):
    """Two apps on one database are two workers of one server; a third, built after them, is a
    worker restarted by gunicorn's max_requests: none starts the count afresh."""
    first_worker = make_app(demo=True, REDIS_URL=None, RATING_LIMIT="3 per minute")
    assert first_worker.config["RATELIMIT_STORAGE_URI"] == "portal-db://"
    database = {"SQLALCHEMY_DATABASE_URI": first_worker.config["SQLALCHEMY_DATABASE_URI"]}
    seed = seed_id(first_worker)
    assert [Reader(first_worker, seed).vote("4").status_code for _ in range(2)] == [200, 200]
    second_worker = make_app(REDIS_URL=None, RATING_LIMIT="3 per minute", **database)
    assert [Reader(second_worker, seed).vote("4").status_code for _ in range(2)] == [200, 429]
    restarted = make_app(REDIS_URL=None, RATING_LIMIT="3 per minute", **database)
    assert Reader(restarted, seed).vote("4").status_code == 429
    assert Reader(restarted, seed, address="203.0.113.9").vote("4").status_code == 200  # another address
    assert stored(restarted, seed) == (4, 16, 4)


def test_an_expired_window_starts_afresh_in_the_database(make_app, monkeypatch):
    app = make_app(demo=True, REDIS_URL=None, RATING_LIMIT="2 per minute")
    seed = seed_id(app)
    assert [Reader(app, seed).vote("5").status_code for _ in range(3)] == [200, 200, 429]
    later = time.time() + 61
    monkeypatch.setattr(rate_limit_store.time, "time", lambda: later)
    assert Reader(app, seed).vote("5").status_code == 200
    with app.app_context():
        assert set(db.session.scalars(select(RateLimitHits.hits))) == {1}  # both windows began again


REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL")


@pytest.mark.skipif(not REDIS_URL, reason="PORTAL_TEST_REDIS_URL is not set: no Redis server to share the limit through")
def test_with_redis_every_worker_shares_the_limit(make_app, monkeypatch):
    import redis

    prefix = f"portal-test-{secrets.token_hex(6)}"
    monkeypatch.setenv("PORTAL_REDIS_URL", REDIS_URL)
    try:
        first_worker = make_app(demo=True, RATING_LIMIT="2 per minute", RATELIMIT_KEY_PREFIX=prefix)
        assert first_worker.config["RATELIMIT_STORAGE_URI"] == REDIS_URL
        seed = seed_id(first_worker)
        assert [Reader(first_worker, seed, "198.51.100.7").vote("4").status_code for _ in range(2)] == [200, 200]
        second_worker = make_app(RATING_LIMIT="2 per minute", RATELIMIT_KEY_PREFIX=prefix)  # its own connection
        assert Reader(second_worker, seed, "198.51.100.7").vote("4").status_code == 429
        keys = [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter(f"*{prefix}*")]
        assert keys and not any("198.51.100.7" in key for key in keys)
    finally:
        store = redis.Redis.from_url(REDIS_URL)
        for key in store.scan_iter(f"*{prefix}*"):
            store.delete(key)
    assert stored(second_worker, seed) == (2, 8, 2)


def test_a_failing_limit_store_neither_refuses_nor_loses_votes(make_app):
    app = make_app(demo=True, RATING_LIMIT="2 per minute", RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0")
    seed = seed_id(app)
    statuses = [Reader(app, seed).vote("5").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]  # limited in memory while the store is away
    assert stored(app, seed) == (2, 10, 2)


def test_the_address_hash_changes_with_the_day(make_app, fixed_clock):
    app = make_app(CLOCK=fixed_clock)
    with app.test_request_context(environ_base={"REMOTE_ADDR": "198.51.100.23"}):
        today = hashed_client_address()
        fixed_clock.moment = datetime(2020, 7, 1, 12, 0)
        assert hashed_client_address() != today


def test_the_schema_refuses_bad_stars_and_double_votes(any_database_app):
    app, seed = any_database_app, seed_id(any_database_app)
    with app.app_context():
        for stars in (0, 6):
            db.session.add(Vote(article_id=seed, visitor="v-schema", stars=stars))
            with pytest.raises(IntegrityError):
                db.session.commit()
            db.session.rollback()
        db.session.add(Vote(article_id=seed, visitor="v-schema", stars=3))
        db.session.commit()
        db.session.add(Vote(article_id=seed, visitor="v-schema", stars=4))
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_cast_vote_changes_the_row_and_aggregates_together(any_database_app, fixed_clock):
    app, seed = any_database_app, seed_id(any_database_app)
    with app.app_context():
        ratings.cast_vote(seed, "v1", 5, fixed_clock())
        with pytest.raises(ratings.AlreadyVoted):
            ratings.cast_vote(seed, "v1", 1, fixed_clock())
        with pytest.raises(ValueError):
            ratings.cast_vote(seed, "v3", 6, fixed_clock())
        with pytest.raises(ratings.ArticleUnavailable):
            ratings.cast_vote(seed, "v2", 4, datetime(2000, 1, 1))  # before it was published
        assert ratings.own_vote(seed, "v1") == 5 and ratings.own_vote(seed, "v2") is None
        vote = db.session.execute(select(Vote)).scalar_one()
        assert vote.created_at == fixed_clock()
    assert stored(app, seed) == (1, 5, 1)


def test_editing_or_republishing_keeps_the_ratings(demo_app, seed):
    Reader(demo_app, seed).vote("4")
    Reader(demo_app, seed).vote("5")
    make_hidden(demo_app, seed, status=ArticleStatus.DRAFT, title="Tiêu đề đã sửa")
    make_hidden(demo_app, seed, status=ArticleStatus.PUBLISHED, published_at=datetime(2020, 3, 1))
    assert stored(demo_app, seed) == (2, 9, 2)
    assert "Đánh giá: 2 lượt, trung bình 4,5/5" in Reader(demo_app, seed).open()


def test_deleting_an_article_deletes_its_votes(demo_app, seed):
    Reader(demo_app, seed).vote("4")
    with demo_app.app_context():
        db.session.delete(db.session.get(Article, seed))
        db.session.commit()
        assert db.session.execute(select(Vote)).first() is None


def test_rebuild_reports_and_fixes_drift(any_database_app):
    app, seed = any_database_app, seed_id(any_database_app)
    for stars in ("4", "5", "3"):
        Reader(app, seed).vote(stars)
    runner = app.test_cli_runner()
    clean = runner.invoke(args=["portal", "ratings", "rebuild"])
    assert clean.exit_code == 0 and "đều khớp" in clean.output
    with app.app_context():
        other = db.session.execute(select(Article.id).where(Article.id != seed).limit(1)).scalar_one()
    make_hidden(app, seed, rating_count=7, rating_sum=20)
    make_hidden(app, other, rating_count=2, rating_sum=9)
    fixed = runner.invoke(args=["portal", "ratings", "rebuild"])
    assert fixed.exit_code == 0, fixed.output
    assert f"Bài #{seed} «{SEED_TITLE}»: 7 lượt/20 sao → 3 lượt/12 sao" in fixed.output
    assert f"Bài #{other} " in fixed.output and "2 lượt/9 sao → 0 lượt/0 sao" in fixed.output
    assert "Đã sửa 2 bài viết" in fixed.output
    assert stored(app, seed) == (3, 12, 3)
    assert stored(app, other) == (0, 0, 0)
    assert "đều khớp" in runner.invoke(args=["portal", "ratings", "rebuild"]).output
