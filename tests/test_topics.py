"""Chuyên đề and tags (issue 19, point 3): their pages, feeds and sitemap entries, the article's
links to them, tags typed in the editor (one tag per slug, bad names refused), renaming and
merging with 301 from the old addresses, and the threads' admin with a cover."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, Category, Tag, TagRedirect, Thread, article_tag
from portal.services import topics
from tests.helpers import HX, seed_article, url_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEW = "/quan-tri/bai-viet/moi"


def _tags_of(app, title: str) -> list[str]:
    with app.app_context():
        article_id = db.session.execute(select(Article.id).where(Article.title == title)).scalar_one()
        return [tag.name for tag in topics.of_article(article_id)[1]]


def _tag_count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Tag.id))).scalar()


def test_thread_page_is_paged_with_its_feed(make_app):
    app = make_app(demo=True, ARTICLES_PER_PAGE=3)
    client = app.test_client()
    first = client.get("/chuyen-de/dai-hoi-dang-bo-thi-xa").get_data(as_text=True)
    assert "<h1>Đại hội Đảng bộ thị xã</h1>" in first and "srcset=" in first  # its cover, with renditions
    assert first.count('class="teaser"') == 3 and 'href="/chuyen-de/dai-hoi-dang-bo-thi-xa/trang-2"' in first
    second = client.get("/chuyen-de/dai-hoi-dang-bo-thi-xa/trang-2").get_data(as_text=True)
    assert second.count('class="teaser"') == 1
    assert client.get("/chuyen-de/dai-hoi-dang-bo-thi-xa/trang-3").status_code == 404
    assert client.get("/chuyen-de/khong-co").status_code == 404
    feed = client.get("/chuyen-de/dai-hoi-dang-bo-thi-xa/rss")
    assert feed.mimetype == "application/rss+xml"
    channel = ET.fromstring(feed.data).find("channel")
    assert channel.findtext("title").endswith(": Đại hội Đảng bộ thị xã") and len(channel.findall("item")) == 4
    listing = client.get("/chuyen-de").get_data(as_text=True)
    assert 'href="/chuyen-de/nam-van-minh-do-thi"' in listing and 'href="/chuyen-de/dai-hoi-dang-bo-thi-xa"' in listing


def test_tag_page_feed_sitemap_and_the_article_links(client, demo_app):
    page = client.get("/the/covid-19").get_data(as_text=True)
    assert "<h1>Thẻ: COVID-19</h1>" in page and page.count('class="teaser"') == 3
    items = ET.fromstring(client.get("/the/covid-19/rss").data).find("channel").findall("item")
    assert len(items) == 3
    assert client.get("/the/khong-co-the-nay").status_code == 404
    seed = seed_article(demo_app)
    article = client.get(url_of(demo_app, seed.id)).get_data(as_text=True)
    assert 'href="/chuyen-de/dai-hoi-dang-bo-thi-xa">Đại hội Đảng bộ thị xã</a>' in article
    assert 'href="/the/hoi-nghi" rel="tag" class="tag-link">Hội nghị</a>' in article
    entries = {url.findtext(f"{SITEMAP}loc") for url in ET.fromstring(client.get("/sitemap.xml").data).iter(f"{SITEMAP}url")}
    assert {"http://localhost/chuyen-de", "http://localhost/chuyen-de/nam-van-minh-do-thi", "http://localhost/the/covid-19"} <= entries


def _article_fields(app, **overrides) -> dict:
    with app.app_context():
        category_id = db.session.execute(select(Category.id).where(Category.slug == "xay-dung-dang")).scalar_one()
        thread_id = db.session.execute(select(Thread.id).where(Thread.slug == "nam-van-minh-do-thi")).scalar_one()
    return {"title": "Ra quân tổng vệ sinh cuối tuần", "slug": "", "summary": "", "body": "<p>Sáng thứ Bảy.</p>",
            "category_id": category_id, "cover_caption": "", "cover_alt": "", "byline": "", "thao_tac": "publish",
            "published_at": "", "thread_ids": str(thread_id)} | overrides  # fmt: skip


def test_tags_typed_in_the_editor_resolve_by_slug_and_new_ones_are_made(admin_app, editor):
    before = _tag_count(admin_app)
    typed = "hoi nghi, HỘI NGHỊ,  Hội   nghị , Vệ sinh môi trường, vệ sinh môi trường"
    assert editor.post(NEW, _article_fields(admin_app, tags=typed)).status_code == 302
    assert _tags_of(admin_app, "Ra quân tổng vệ sinh cuối tuần") == ["Hội nghị", "Vệ sinh môi trường"]
    assert _tag_count(admin_app) == before + 1
    with admin_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == "Ra quân tổng vệ sinh cuối tuần")).scalar_one()
        assert [thread.slug for thread in topics.of_article(article.id)[0]] == ["nam-van-minh-do-thi"]
    assert "Ra quân tổng vệ sinh cuối tuần" in admin_app.test_client().get("/chuyen-de/nam-van-minh-do-thi").get_data(as_text=True)
    edit = editor.client.get(f"/quan-tri/bai-viet/{article.id}").get_data(as_text=True)
    assert 'value="Hội nghị, Vệ sinh môi trường"' in edit and 'list="the-goi-y"' in edit
    assert '<option value="Vệ sinh môi trường"></option>' in edit  # offered next time, without JavaScript


@pytest.mark.parametrize("typed", ["!!!", "hội nghị, ...", "—, –", "#" * 5, "a" * 81])
def test_tag_names_without_letters_or_too_long_are_refused(admin_app, editor, typed):
    before = _tag_count(admin_app)
    response = editor.post(NEW, _article_fields(admin_app, tags=typed))
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "phải có ít nhất một chữ cái hoặc chữ số" in body or "dài quá 80 ký tự" in body
    assert 'value="Ra quân tổng vệ sinh cuối tuần"' in body  # the form keeps what was typed
    with admin_app.app_context():
        assert db.session.execute(select(Article).where(Article.title == "Ra quân tổng vệ sinh cuối tuần")).first() is None
    assert _tag_count(admin_app) == before


def test_tag_suggestions_complete_the_last_tag(admin_app, writer):
    response = writer.client.get("/quan-tri/the/goi-y", query_string={"tags": "Tết Canh Tý, covi"}, headers=HX)
    assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)
    assert '<option value="Tết Canh Tý, COVID-19"></option>' in response.get_data(as_text=True)


def _tag_id(app, slug: str) -> int:
    with app.app_context():
        return db.session.execute(select(Tag.id).where(Tag.slug == slug)).scalar_one()


def test_a_renamed_tag_keeps_its_old_addresses(admin_app, editor):
    tag_id = _tag_id(admin_app, "hoi-nghi")
    page = f"/quan-tri/the/{tag_id}"
    taken = editor.post(f"{page}/doi-ten", {"name": "covid 19"}, form_url=page)
    assert taken.status_code == 422 and "hãy gộp hai thẻ" in taken.get_data(as_text=True)
    assert editor.post(f"{page}/doi-ten", {"name": "Hội nghị và hội thảo"}, form_url=page).status_code == 302
    client = admin_app.test_client()
    assert client.get("/the/hoi-nghi-va-hoi-thao").status_code == 200
    for old, new in (("/the/hoi-nghi", "/the/hoi-nghi-va-hoi-thao"), ("/the/hoi-nghi/rss", "/the/hoi-nghi-va-hoi-thao/rss"),
                     ("/the/hoi-nghi/trang-2", "/the/hoi-nghi-va-hoi-thao/trang-2")):  # fmt: skip
        moved = client.get(old)
        assert (moved.status_code, moved.headers["Location"]) == (301, new)
    assert editor.post("/quan-tri/bai-viet/moi", _article_fields(admin_app, tags="hội nghị")).status_code == 302
    assert _tags_of(admin_app, "Ra quân tổng vệ sinh cuối tuần") == ["Hội nghị và hội thảo"]  # the old name finds it


def test_a_merged_tag_moves_its_articles_and_answers_301(admin_app, editor):
    source, target = _tag_id(admin_app, "tet-canh-ty"), _tag_id(admin_app, "an-sinh-xa-hoi")
    with admin_app.app_context():
        both = select(func.count()).select_from(article_tag).where(article_tag.c.tag_id.in_([source, target]))
        carried = db.session.execute(select(func.count(func.distinct(article_tag.c.article_id))).where(article_tag.c.tag_id.in_([source, target]))).scalar()
        assert db.session.execute(both).scalar() > carried  # an article carries both
    page = f"/quan-tri/the/{source}"
    assert editor.post(f"{page}/gop", {"target": "Không có thẻ này"}, form_url=page).status_code == 422
    assert editor.post(f"{page}/gop", {"target": "tết canh tý"}, form_url=page).status_code == 422  # itself
    merged = editor.post(f"{page}/gop", {"target": "an sinh xa hoi"}, form_url=page)
    assert merged.status_code == 302 and merged.headers["Location"] == f"/quan-tri/the/{target}"
    with admin_app.app_context():
        assert db.session.get(Tag, source) is None
        assert db.session.execute(select(func.count()).select_from(article_tag).where(article_tag.c.tag_id == target)).scalar() == carried
        assert db.session.get(TagRedirect, "tet-canh-ty").tag_id == target
    client = admin_app.test_client()
    moved = client.get("/the/tet-canh-ty")
    assert (moved.status_code, moved.headers["Location"]) == (301, "/the/an-sinh-xa-hoi")
    assert client.get("/the/an-sinh-xa-hoi").get_data(as_text=True).count('class="teaser"') == carried


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 600), (180, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def test_threads_are_made_with_a_cover_edited_and_deleted(admin_app, editor):
    fields = {"name": "Phòng chống dịch COVID-19", "slug": "", "description": "Tin về phòng dịch.\nỞ mọi phường.",
              "starts_at": "2020-03-01T00:00", "ends_at": "2020-02-01T00:00", "on_home": "y", "cover_alt": "Khẩu trang"}  # fmt: skip
    refused = editor.post("/quan-tri/chuyen-de/moi", fields)
    assert refused.status_code == 422 and "Thời điểm kết thúc phải sau thời điểm bắt đầu." in refused.get_data(as_text=True)
    no_alt = fields | {"ends_at": "", "cover_alt": "", "cover_file": (io.BytesIO(_jpeg()), "bia.jpg")}
    assert editor.post("/quan-tri/chuyen-de/moi", no_alt, content_type="multipart/form-data").status_code == 422
    made = editor.post("/quan-tri/chuyen-de/moi", fields | {"ends_at": "", "cover_file": (io.BytesIO(_jpeg()), "bia.jpg")},
                       content_type="multipart/form-data")  # fmt: skip
    assert made.status_code == 302
    page = admin_app.test_client().get("/chuyen-de/phong-chong-dich-covid-19").get_data(as_text=True)
    assert re.search(r'<img src="/uploads/[0-9a-f]+\.jpg" srcset="[^"]+-320\.jpg 320w', page) and "<p>Ở mọi phường.</p>" in page
    assert "Phòng chống dịch COVID-19" in admin_app.test_client().get("/").get_data(as_text=True)  # its banner, running
    with admin_app.app_context():
        thread_id = db.session.execute(select(Thread.id).where(Thread.slug == "phong-chong-dich-covid-19")).scalar_one()
    duplicate = editor.post(f"/quan-tri/chuyen-de/{thread_id}", fields | {"ends_at": "", "slug": "nam-van-minh-do-thi"})
    assert duplicate.status_code == 422 and "Đường dẫn này đã được chuyên đề khác dùng." in duplicate.get_data(as_text=True)
    deleted = editor.post(f"/quan-tri/chuyen-de/{thread_id}/xoa", {})
    assert deleted.status_code == 302
    assert admin_app.test_client().get("/chuyen-de/phong-chong-dich-covid-19").status_code == 404


def test_the_tags_list_counts_articles_and_searches_without_diacritics(admin_app, editor):
    listed = editor.client.get("/quan-tri/the", query_string={"q": "covid"}).get_data(as_text=True)
    assert re.search(r">COVID-19</a></td><td>3</td>", listed) and "Hội nghị" not in listed
    assert "Hội nghị" in editor.client.get("/quan-tri/the", query_string={"q": "hoi nghi"}).get_data(as_text=True)
