"""Public pages as documents (portal.web.page_cache): the same bytes for every reader, with
caching headers and 304s, kept by the app per address and content version, renewed at once by a
save on any server and when a scheduled article comes out, and never older than their max age."""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from portal.extensions import db
from portal.models import Album, Article, ArticleStatus, ContentVersion, Poll, Question, WebLink
from portal.web import page_cache
from tests.counters_support import BROWSER_UA, redis_prefix, redis_url_or_skip
from portal.demo.documents import SEED_DOCUMENT_NUMBER
from tests.helpers import HX, document_url, read, seed_article, url_of


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_save_on_one_server_shows_on_every_server_at_once(make_app):
    """Two apps on one database stand for two servers (or two workers): each keeps its own pages."""
    first, second = make_app(demo=True), make_app()
    seed = seed_article(first)
    url = url_of(first, seed.id)
    readers = [first.test_client(), second.test_client()]
    for reader in readers:
        assert seed.title in page(reader, url)  # both have kept the article and the sidebar
    with first.app_context():
        article = db.session.get(Article, seed.id)
        article.title = "Tiêu đề đã sửa"
        link = db.session.execute(select(WebLink).limit(1)).scalar_one()
        link.title = "Liên kết đã đổi tên"
        db.session.commit()
    for reader in readers:
        html = page(reader, url)
        assert '<h1 class="article-title">Tiêu đề đã sửa</h1>' in html
        assert "Liên kết đã đổi tên" in html


def test_only_a_real_change_raises_the_content_version(demo_app):
    seed = seed_article(demo_app)
    client = demo_app.test_client()

    def version() -> int:
        with demo_app.app_context():
            return db.session.execute(select(ContentVersion.version)).scalar()

    before = version()
    page(client, url_of(demo_app, seed.id))
    with demo_app.app_context():  # what a vote writes to the article: its rating columns only
        db.session.execute(update(Article).where(Article.id == seed.id).values(rating_count=1, rating_sum=4))
        db.session.commit()
    assert version() == before  # the page view above (views) and the vote's figures are not content
    with demo_app.app_context():
        article = db.session.get(Article, seed.id)
        article.title = article.title  # no net change
        db.session.commit()
    assert version() == before
    with demo_app.app_context():
        db.session.get(Article, seed.id).summary = "Tóm tắt mới"
        db.session.commit()
    assert version() > before  # the article and its search index both raise it


def test_a_scheduled_article_comes_out_on_time(make_app):
    now = [datetime(2020, 3, 1, 8, 0)]
    app = make_app(demo=True, CLOCK=lambda: now[0])
    seed = seed_article(app)
    with app.app_context():
        scheduled = Article(
            title="Bài hẹn giờ đăng", slug="bai-hen-gio-dang", category_id=seed.category_id, summary="",
            body="<p>Nội dung</p>", status=ArticleStatus.SCHEDULED, published_at=now[0] + timedelta(hours=1),
        )  # fmt: skip
        db.session.add(scheduled)
        db.session.commit()
        scheduled_id = scheduled.id
    scheduled_url = url_of(app, scheduled_id)
    client = app.test_client()
    assert "Bài hẹn giờ đăng" not in page(client, url_of(app, seed.id))  # page kept without it
    assert client.get(scheduled_url).status_code == 404
    now[0] += timedelta(hours=1, minutes=1)
    assert "Bài hẹn giờ đăng" in page(client, url_of(app, seed.id))
    assert client.get(scheduled_url).status_code == 200


def test_a_poll_closes_on_time_in_a_kept_page(make_app):
    """The sidebar's poll (issue 19) leaves with its closing time, as a scheduled article comes out."""
    now = [datetime(2020, 3, 1, 8, 0)]
    app = make_app(demo=True, CLOCK=lambda: now[0])
    with app.app_context():
        poll = db.session.execute(select(Poll).where(Poll.in_sidebar)).scalars().first()
        poll.closes_at = now[0] + timedelta(minutes=30)
        db.session.commit()
        form = f'action="/widgets/poll/{poll.id}"'
    client = app.test_client()
    assert form in page(client, "/") and form in page(client, "/")  # kept, with the form
    now[0] += timedelta(minutes=31)
    assert form not in page(client, "/")


class Later:
    """time.time() for the page cache, moved on by hand: how old a kept page is."""

    def __init__(self, monkeypatch):
        self.seconds = 0.0
        real = page_cache.time.time
        monkeypatch.setattr(page_cache.time, "time", lambda: real() + self.seconds)


def test_printed_figures_are_at_most_max_age_old_and_the_live_fragment_is_fresh(demo_app, monkeypatch):
    later = Later(monkeypatch)
    seed = seed_article(demo_app)
    url = url_of(demo_app, seed.id)
    client = demo_app.test_client()
    views = [int(re.search(r"Lượt xem: ([\d.]+)", read(client, url, headers={"User-Agent": BROWSER_UA})[1].get_data(as_text=True)).group(1)) for _ in range(3)]
    assert views == [1, 2, 3]  # every read counted, shown by the live fragment
    assert "Lượt xem: 0</span>" in page(client, url)  # the kept page: as it was rendered
    with demo_app.app_context():  # votes arrive from elsewhere (another server)
        db.session.execute(update(Article).where(Article.id == seed.id).values(rating_count=2, rating_sum=9))
        db.session.commit()
    assert "Đánh giá: 2 lượt" not in page(client, url)
    later.seconds = demo_app.config["PAGE_MAX_AGE"]
    html = page(client, url)
    assert "Lượt xem: 3</span>" in html and "Đánh giá: 2 lượt, trung bình 4,5/5" in html and '"ratingCount": 2' in html


def test_raw_sql_edits_show_at_once(demo_app):
    """Triggers raise the content version, so even a hand-made UPDATE renews the kept parts."""
    seed = seed_article(demo_app)
    url = url_of(demo_app, seed.id)
    client = demo_app.test_client()
    page(client, url)
    with demo_app.app_context():
        db.session.execute(update(Article).where(Article.id == seed.id).values(summary="Sửa thẳng trong cơ sở dữ liệu"))
        db.session.commit()
    assert "Sửa thẳng trong cơ sở dữ liệu" in page(client, url)


def test_pages_carry_caching_headers_and_answer_304(demo_app, monkeypatch):
    later = Later(monkeypatch)
    client = demo_app.test_client()
    first = client.get("/")
    assert first.headers["Cache-Control"] == "public, max-age=10"
    assert first.headers["ETag"] and "Set-Cookie" not in first.headers and "Cookie" not in first.vary
    later.seconds = 4
    again = client.get("/")
    assert again.get_data() == first.get_data() and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "public, max-age=6"  # what is left of the kept page's life
    unchanged = client.get("/", headers={"If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.get_data() == b""
    compressed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip" and compressed.headers["ETag"] != first.headers["ETag"]
    assert client.get("/", headers={"Accept-Encoding": "gzip"}).get_data() == compressed.get_data()  # kept compressed
    assert "Accept-Encoding" in compressed.vary


def test_a_kept_page_is_answered_before_flask(demo_app, monkeypatch):
    """The same address again: the middleware answers it (a 304, a HEAD too) without Flask's
    request, session, routing or hooks; another argument, a second value or a new content
    version goes on to Flask, which still answers with the kept page where it may."""
    entered = []
    front = demo_app.wsgi_app
    assert isinstance(front, page_cache.KeptPagesFirst)
    flask_app = front.wsgi_app
    monkeypatch.setattr(front, "wsgi_app", lambda environ, start: entered.append(environ["PATH_INFO"]) or flask_app(environ, start))
    client = demo_app.test_client()
    first = client.get("/tim-kiem?q=hoi+nghi")
    assert first.status_code == 200 and entered == ["/tim-kiem"]
    again = client.get("/tim-kiem?q=hoi+nghi")
    assert again.get_data() == first.get_data() and entered == ["/tim-kiem"]
    for name in ("ETag", "Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "Vary"):
        assert again.headers[name] == first.headers[name], name
    assert again.headers["Cache-Control"].startswith("public, max-age=") and "Set-Cookie" not in again.headers
    assert client.get("/tim-kiem?q=hoi+nghi", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    head = client.head("/tim-kiem?q=hoi+nghi")
    assert head.status_code == 200 and head.get_data() == b"" and head.headers["Content-Length"] == str(len(first.get_data()))
    assert entered == ["/tim-kiem"]
    assert client.get("/tim-kiem?q=hoi+nghi&utm_source=zalo").get_data() == first.get_data()  # Flask's kept page
    assert client.get("/tim-kiem?q=hoi+nghi&q=khac").status_code == 200
    assert entered == ["/tim-kiem"] * 3
    with demo_app.app_context():
        db.session.execute(update(ContentVersion).values(version=ContentVersion.version + 1))
        db.session.commit()
    assert client.get("/tim-kiem?q=hoi+nghi").status_code == 200 and entered == ["/tim-kiem"] * 4  # rendered again


def test_a_query_string_that_is_not_part_of_the_page_makes_no_new_page(make_app):
    demo_app = make_app(demo=True, REDIS_URL=None)  # this worker's memory, whose entries are counted
    client = demo_app.test_client()
    url = url_of(demo_app, seed_article(demo_app).id)
    plain = client.get(url)
    pages = demo_app.extensions[page_cache.EXTENSION]["pages"].pages
    kept = len(pages)
    for junk in ("?x=1", "?x=2&fbclid=abc", "?utm_source=zalo"):
        assert client.get(url + junk).get_data() == plain.get_data()
    assert len(pages) == kept
    client.get("/tim-kiem?q=hoi&nguon=zalo")
    client.get("/tim-kiem?nguon=facebook&q=hoi")
    assert len(pages) == kept + 1  # one search page, whatever else its address carries


def test_the_kept_pages_are_bounded_in_bytes(make_app):
    app = make_app(demo=True, PAGE_CACHE_BYTES=200_000, REDIS_URL=None)
    client = app.test_client()
    with app.test_request_context():
        urls = [article.url for article in db.session.execute(select(Article)).scalars()]
    for url in urls:
        assert client.get(url).status_code == 200
    pages = app.extensions[page_cache.EXTENSION]["pages"].pages
    assert 0 < pages.currsize <= 200_000 and len(pages) < len(urls)


def test_without_a_max_age_nothing_is_kept(make_app):
    app = make_app(demo=True, PAGE_MAX_AGE=0, REDIS_URL=None)
    response = app.test_client().get("/")
    assert response.headers["Cache-Control"] == "public, no-cache" and len(app.extensions[page_cache.EXTENSION]["pages"].pages) == 0


@pytest.mark.slow
def test_with_redis_every_app_server_shares_the_kept_pages(make_app):
    url = redis_url_or_skip()
    with redis_prefix(url) as prefix:
        first, second = (make_app(demo=index == 0, REDIS_URL=url, REDIS_KEY_PREFIX=prefix) for index in range(2))
        seed = seed_article(first)
        article = url_of(first, seed.id)
        kept = first.test_client().get(article)
        with second.app_context():
            db.session.execute(update(Article).where(Article.id == seed.id).values(view_count=777))  # not content
            db.session.commit()
        assert second.test_client().get(article).get_data() == kept.get_data()  # rendered once, by the first server
        with second.app_context():
            db.session.get(Article, seed.id).title = "Sửa trên máy chủ thứ hai"
            db.session.commit()
        assert "Sửa trên máy chủ thứ hai" in first.test_client().get(article).get_data(as_text=True)


def public_routes(app) -> list[str]:
    """One address for every public GET route of the URL map (the admin, widgets and files aside)."""
    seed = seed_article(app)
    values = {"slug": "xay-dung-dang", "category_slug": "", "article_id": seed.id, "page": 1, "unknown": "khong-co", "filename": "", "document_id": 1, "path": "gioi-thieu/lich-su", "person_id": 1,
              "thread_slug": "nam-van-minh-do-thi", "tag_slug": "hoi-nghi"}
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint.split(".")[0] in ("admin", "widgets", "static", "health"):
                continue
            if rule.endpoint in ("news.upload", "news.attachment", "news.attachment_page"):  # files, not pages
                continue
            if rule.endpoint == "news.article":
                urls.append(url_of(app, seed.id))
                continue
            if rule.endpoint == "pages.english_article":  # issue 18, point 4: the demo's English article
                urls.append(db.session.get(Article, seed.id).translation.url)
                continue
            if rule.endpoint == "pages.english_page":
                urls.append("/en/about-us/functions-and-duties")
                continue
            if rule.endpoint == "citizens.question":  # issue 18: a published question of the demo
                urls.append(db.session.execute(select(Question).where(Question.status == "published")).scalars().first().url)
                continue
            if rule.endpoint in ("news.album", "news.photo"):  # issue 19: the demo's first album, its first photo
                slug = db.session.execute(select(Album.slug).order_by(Album.id)).scalars().first()
                urls.append(app.url_for(rule.endpoint, slug=slug, **({"number": 1} if "number" in rule.arguments else {})))
                continue
            if rule.endpoint == "news.poll":
                urls.append(app.url_for(rule.endpoint, poll_id=db.session.execute(select(Poll.id)).scalars().first()))
                continue
            if rule.endpoint == "documents.document":
                urls.append(document_url(app, SEED_DOCUMENT_NUMBER))
                continue
            urls.append(app.url_for(rule.endpoint, **{name: values[name] for name in rule.arguments}))
    return urls


def test_every_public_route_is_one_page_for_everyone(admin_app, editor):
    """No cookie, no token, no personal state: a stranger, a reader with a visitor cookie and a
    signed-in member of the newsroom get the same bytes, with an ETag."""
    urls = public_routes(admin_app)
    assert len(urls) >= 15
    stranger, reader = admin_app.test_client(), admin_app.test_client()
    read(reader, "/", headers={"User-Agent": BROWSER_UA})  # now carries a visitor cookie
    for url in urls:
        first = stranger.get(url)
        assert first.status_code in (200, 404), url
        body = first.get_data(as_text=True)
        assert "Set-Cookie" not in first.headers and "Cookie" not in first.vary, url
        assert "csrf_token" not in body and "portal_visitor" not in body, url
        if first.status_code == 200:
            assert first.headers["ETag"] and first.headers["Cache-Control"].startswith("public, max-age="), url
    admin_app.config["PAGE_MAX_AGE"] = 0  # nothing kept: each reader's page is rendered for them
    for url in urls:
        # A citizen's form carries the signed second it was rendered in (portal/citizens/guard.py):
        # the same for every reader of a kept page, but three renders may fall in two seconds.
        pages = [re.sub(rb'name="stamp" type="hidden" value="[^"]+"', b"", client.get(url).get_data()) for client in (stranger, reader, editor.client)]
        assert pages[0] == pages[1] == pages[2], url


def test_the_live_fragment_and_the_image_are_never_cached(demo_app):
    client = demo_app.test_client()
    for url, headers in (("/widgets/live?bai=1&bo-dem=1", HX), ("/widgets/dem.gif?bai=1", {})):
        response = client.get(url, headers={"User-Agent": BROWSER_UA, **headers})
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
        assert "ETag" not in response.headers
    assert client.get("/widgets/live").status_code == 302  # without htmx: to the statistics page, not counted


def publish_now(app, title: str, slug: str) -> None:
    """A new article in the seed's category, out since yesterday, saved through the ORM."""
    seed = seed_article(app)
    with app.app_context():
        db.session.add(
            Article(
                title=title, slug=slug, category_id=seed.category_id, summary="", body="<p>Nội dung</p>",
                status=ArticleStatus.PUBLISHED, published_at=datetime.now() - timedelta(days=1),
            )
        )  # fmt: skip
        db.session.commit()


def test_a_new_article_leads_the_home_page_at_once(demo_app):
    client = demo_app.test_client()
    page(client, "/")
    publish_now(demo_app, "Tin mới nhất vừa đăng", "tin-moi-nhat-vua-dang")
    assert "Tin mới nhất vừa đăng" in page(client, "/")


def test_a_kept_search_page_follows_a_new_article(demo_app):
    client = demo_app.test_client()
    assert "Hợp tác xã cá chép đỏ" not in page(client, "/tim-kiem?q=ca+chep+do")
    publish_now(demo_app, "Hợp tác xã cá chép đỏ", "hop-tac-xa-ca-chep-do")
    assert "Hợp tác xã cá chép đỏ" in page(client, "/tim-kiem?q=ca+chep+do")


def test_a_kept_search_page_links_only_its_own_query_string(demo_app):
    client = demo_app.test_client()
    assert "nguon=zalo" not in page(client, "/tim-kiem?q=hoi&nguon=zalo")
    assert "nguon=zalo" not in page(client, "/tim-kiem?q=hoi")
