"""Page parts kept by each worker (portal.layout.page_parts): renewed at once by a save on any server,
when a scheduled article comes out, and never holding a live figure."""

import re
from datetime import datetime, timedelta

from sqlalchemy import select, update

from portal.extensions import db
from portal.models import Article, ArticleStatus, ContentVersion, WebLink
from tests.helpers import seed_article, url_of


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_save_on_one_server_shows_on_every_server_at_once(make_app):
    """Two apps on one database stand for two servers (or two workers): each keeps its own parts."""
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
    assert version() == before + 1


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
    assert "Bài hẹn giờ đăng" not in page(client, url_of(app, seed.id))  # related list kept without it
    assert client.get(scheduled_url).status_code == 404
    now[0] += timedelta(hours=1, minutes=1)
    assert "Bài hẹn giờ đăng" in page(client, url_of(app, seed.id))
    assert client.get(scheduled_url).status_code == 200


def test_views_and_ratings_are_read_on_every_request(demo_app):
    seed = seed_article(demo_app)
    url = url_of(demo_app, seed.id)
    client = demo_app.test_client()
    views = [int(re.search(r"Lượt xem: ([\d.]+)", page(client, url)).group(1).replace(".", "")) for _ in range(3)]
    assert views[1] == views[0] + 1 and views[2] == views[1] + 1
    with demo_app.app_context():  # votes arrive from elsewhere (another server)
        db.session.execute(update(Article).where(Article.id == seed.id).values(rating_count=2, rating_sum=9))
        db.session.commit()
    html = page(client, url)
    assert "Đánh giá: 2 lượt, trung bình 4,5/5" in html and '"ratingCount": 2' in html


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


def test_parts_are_renewed_after_the_maximum_age(make_app, monkeypatch):
    """The guard for a database swapped under a running server (a restore)."""
    app = make_app(demo=True, PAGE_PARTS_MAX_AGE=0)
    built = []
    monkeypatch.setattr("portal.layout.page_parts._next_publication", lambda now: built.append(now))
    client = app.test_client()
    page(client, "/")
    page(client, "/")
    assert len(built) == 2  # the parts were renewed for the second request too


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
    page(client, "/tim-kiem?q=hoi&nguon=zalo")
    assert "nguon=zalo" not in page(client, "/tim-kiem?q=hoi")
