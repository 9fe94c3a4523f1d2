"""The article page's sharing: meta tags, JSON-LD, share links and the copy-link fallback."""

import base64
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlparse

from sqlalchemy import select

from portal.demo.loader import SEED_SUMMARY, SEED_TITLE
from portal.extensions import db
from portal.models import Article

SEED_URL = "http://localhost/tin-tuc/xay-dung-dang/hoi-nghi-trien-khai-nhiem-vu-cong-tac-tuyen-truyen-khoa-giao-nam-2020-{id}.html"


class HeadReader(HTMLParser):
    """Collects <meta>, <link> and JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.json_ld: list[dict] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "content" in attributes:
            self.meta[attributes.get("property") or attributes.get("name") or ""] = attributes["content"]
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json_ld = False


def seed(demo_app) -> Article:
    with demo_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        db.session.expunge(article)
        return article


def read_seed_page(client, demo_app) -> tuple[HeadReader, str, str]:
    article = seed(demo_app)
    url = SEED_URL.format(id=article.id)
    page = client.get(url).get_data(as_text=True)
    reader = HeadReader()
    reader.feed(page)
    return reader, page, url


def test_seed_article_has_open_graph_and_twitter_tags(client, demo_app):
    head, _, url = read_seed_page(client, demo_app)
    assert {"rel": "canonical", "href": url} in head.links
    expected = {
        "og:type": "article",
        "og:title": SEED_TITLE,
        "og:url": url,
        "og:site_name": "Thị ủy Hồng Lĩnh",
        "og:locale": "vi_VN",
        "og:image:width": "1200",
        "og:image:height": "675",
        "article:published_time": "2020-02-20T08:30:00+07:00",
        "article:section": "Xây dựng Đảng",
        "twitter:card": "summary_large_image",
        "twitter:title": SEED_TITLE,
    }
    assert {key: head.meta.get(key) for key in expected} == expected
    assert head.meta["og:description"] == SEED_SUMMARY
    # the article's cover, a JPEG: Facebook and Zalo do not show an SVG preview
    assert re.fullmatch(r"http://localhost/uploads/[0-9a-f]{24}\.jpg", head.meta["og:image"])
    assert head.meta["twitter:image"] == head.meta["og:image"]
    assert head.meta["og:image:alt"] == "Hình minh họa chuyên mục Xây dựng Đảng"


def test_seed_article_has_news_article_json_ld_without_rating_until_voted(client, demo_app):
    head, _, url = read_seed_page(client, demo_app)
    (data,) = head.json_ld
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == SEED_TITLE
    assert data["datePublished"] == "2020-02-20T08:30:00+07:00"
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["articleSection"] == "Xây dựng Đảng"
    assert data["publisher"]["name"] == "Thị ủy Hồng Lĩnh"
    assert data["author"] == {"@type": "Person", "name": "Nguyễn Thị Hường - BTG Thị ủy"}
    assert data["image"] == [head.meta["og:image"]]
    assert "aggregateRating" not in data


def test_json_ld_carries_the_rating_once_voted(client, demo_app):
    with demo_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        article.rating_count, article.rating_sum = 12, 52
        db.session.commit()
    head, _, _ = read_seed_page(client, demo_app)
    assert head.json_ld[0]["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.33,
        "ratingCount": 12,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_json_ld_cannot_break_out_of_its_script(client, demo_app):
    with demo_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        article.summary = "</script><script>alert(1)</script>"
        db.session.commit()
    head, page, _ = read_seed_page(client, demo_app)
    assert "<script>alert(1)</script>" not in page
    assert head.json_ld[0]["description"] == "</script><script>alert(1)</script>"


def test_share_links_need_no_third_party_script(client, demo_app):
    _, page, url = read_seed_page(client, demo_app)
    facebook = re.search(r'href="(https://www\.facebook\.com/sharer/sharer\.php\?[^"]+)"', page).group(1)
    assert parse_qs(urlparse(facebook.replace("&amp;", "&")).query)["u"] == [url]
    zalo = re.search(r'href="(https://button-share\.zalo\.me/share_external\?d=[^"]+)"', page).group(1)
    payload = unquote(parse_qs(urlparse(zalo).query, keep_blank_values=True)["d"][0])
    assert json.loads(base64.b64decode(payload)) == {"url": url}
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert scripts and all(src.startswith("/static/") for src in scripts)


def test_copy_link_works_without_javascript(client, demo_app):
    _, page, url = read_seed_page(client, demo_app)
    assert '<label for="lien-ket-bai-viet">' in page
    assert f'<input id="lien-ket-bai-viet" type="url" value="{url}" readonly>' in page
    assert 'data-copy-from="lien-ket-bai-viet" hidden>Sao chép liên kết</button>' in page
    with client.get("/static/js/reading-tools.js") as script:
        assert script.status_code == 200 and b"data-copy-from" in script.data
