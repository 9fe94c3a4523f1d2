"""RSS feeds read by a real feed client, the sitemap and robots.txt."""

import time
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest
from sqlalchemy import func, select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Album, Article, ArticleStatus, Category, Document, Page, Question, Thread, Unit
from portal.services import topics
from portal.services.content import published

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed, response.get_data(as_text=True)


def test_site_feed_is_valid_rss_with_full_dates_links_and_guids(client, demo_app):
    feed, raw = parse_feed(client, "/rss")
    assert feed.feed.title == "Thị ủy Hồng Lĩnh"
    assert feed.feed.language == "vi"
    assert feed.entries
    with demo_app.app_context():
        newest = db.session.execute(published(datetime(2030, 1, 1)).limit(1)).scalar_one()
    assert feed.entries[0].title == newest.title
    guids = [entry.id for entry in feed.entries]
    assert len(set(guids)) == len(guids)
    for entry in feed.entries:
        assert entry.link.startswith("http://localhost/tin-tuc/") and entry.link.endswith(".html")
        assert entry.published_parsed is not None
    assert "<pubDate>Mon, 22 Jun 2020 14:50:00 +0700</pubDate>" in raw
    # 14:50 in Hồng Lĩnh is 07:50 UTC; feedparser gives UTC
    assert time.strftime("%Y-%m-%d %H:%M", feed.entries[0].published_parsed) == "2020-06-22 07:50"
    assert 'rel="self"' in raw and "<lastBuildDate>" in raw


def test_category_feed_lists_only_that_category(client, demo_app):
    feed, _ = parse_feed(client, "/rss/xay-dung-dang")
    assert feed.feed.title == "Thị ủy Hồng Lĩnh: Xây dựng Đảng"
    assert SEED_TITLE in [entry.title for entry in feed.entries]
    assert {tag.term for entry in feed.entries for tag in entry.tags} == {"Xây dựng Đảng"}
    assert client.get("/rss/khong-co").status_code == 404


def test_feed_escapes_titles_and_keeps_drafts_out(client, demo_app):
    with demo_app.app_context():
        category = db.session.execute(select(Category).limit(1)).scalar_one()
        db.session.add_all([
            Article(title="Tin <b>đặc biệt</b> & \"mới\"", slug="dac-biet", category=category, summary="a < b",
                    status=ArticleStatus.PUBLISHED, published_at=datetime(2026, 1, 1)),
            Article(title="Bản nháp bí mật", slug="ban-nhap", category=category,
                    status=ArticleStatus.DRAFT, published_at=datetime(2026, 1, 2)),
        ])  # fmt: skip
        db.session.commit()
    feed, _ = parse_feed(client, "/rss")
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == 'Tin <b>đặc biệt</b> & "mới"'
    assert "Bản nháp bí mật" not in titles


def test_pages_announce_their_feeds(client):
    home = client.get("/").get_data(as_text=True)
    assert '<link rel="alternate" type="application/rss+xml" title="Thị ủy Hồng Lĩnh: tin mới" href="/rss">' in home
    category = client.get("/tin-tuc/xay-dung-dang/").get_data(as_text=True)
    assert 'href="/rss/xay-dung-dang"' in category


def test_sitemap_lists_every_visible_article_and_category(client, demo_app):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    entries = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    with demo_app.test_request_context():
        visible = db.session.execute(published(datetime(2030, 1, 1))).scalars().all()
        categories = db.session.execute(select(Category)).scalars().all()
        article_count = db.session.execute(select(func.count(Article.id))).scalar()
        for article in visible:
            assert entries[f"http://localhost{article.url}"] == article.published_at.strftime("%Y-%m-%dT%H:%M:%S+07:00")
        for category in categories:
            assert f"http://localhost{category.url}" in entries
        documents = db.session.execute(select(Document).where(Document.status == "published")).scalars().all()
        own_pages = db.session.execute(select(func.count(Page.id))).scalar()  # issue 18: pages, /to-chuc and its units
        units = db.session.execute(select(func.count(Unit.id))).scalar()
        answered = db.session.execute(select(func.count(Question.id)).where(Question.status == "published")).scalar()
        albums = db.session.execute(select(func.count(Album.id)).where(Album.published)).scalar()  # issue 19: /anh and each album
        threads = db.session.execute(select(func.count(Thread.id))).scalar()  # issue 19: /chuyen-de, each thread, the tags in use
        tags = len(topics.tags_in_use(datetime(2030, 1, 1)))
        for document in documents:
            assert entries[f"http://localhost{document.url}"].startswith(document.updated_at.strftime("%Y-%m-%dT%H:%M"))
    english = 1 + 1 + units  # issue 18, point 4: /en/, /en/organisation and its units (English articles and pages are counted above)
    assert len(entries) == (1 + len(categories) + article_count + 1 + len(documents) + own_pages + 1 + units + 1 + answered
                            + 1 + albums + 1 + threads + tags + english)
    assert "http://localhost/van-ban" in entries
    assert entries["http://localhost/"] == "2020-06-22T14:50:00+07:00"


@pytest.mark.parametrize("line", ["User-agent: *", "Disallow: /quan-tri/", "Sitemap: http://localhost/sitemap.xml"])
def test_robots_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, line):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert line in response.get_data(as_text=True).splitlines()
