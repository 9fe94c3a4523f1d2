"""Photo albums: the list, the grid, each photo's own page with previous and next as plain
links (no JavaScript), the sitemap, the article's link, and the admin's upload of many photos
at once, where a broken file is named and the others kept."""

import io
import re

from PIL import Image
from sqlalchemy import func, select

from portal.demo.albums import ALBUMS
from portal.extensions import db
from portal.models import Album, AlbumPhoto, Article, Media, Thread
from portal.models.topics import article_thread
from portal.text import slugify

FIRST = slugify(ALBUMS[0][0], 120)  # five photos


def test_the_albums_are_listed_newest_first_and_in_the_sitemap(client):
    page = client.get("/anh").get_data(as_text=True)
    newer, older = (page.index(f'href="/anh/{slugify(title, 120)}"') for title in (ALBUMS[1][0], ALBUMS[0][0]))
    assert newer < older and "srcset=" in page
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert "http://localhost/anh</loc>" in sitemap and f"http://localhost/anh/{FIRST}</loc>" in sitemap
    assert client.get("/anh/trang-2").status_code == 404


def test_an_album_walks_from_photo_to_photo_without_javascript(client):
    grid = client.get(f"/anh/{FIRST}").get_data(as_text=True)
    assert len(re.findall(rf'href="/anh/{FIRST}/\d"', grid)) == 5
    seen, url = [], f"/anh/{FIRST}/1"
    while url:  # follow "Ảnh sau" as a reader without JavaScript does
        page = client.get(url).get_data(as_text=True)
        seen.append(url)
        assert 'srcset="' in page and 'rel="prev"' in page if len(seen) > 1 else 'rel="prev"' not in page
        following = re.search(r'<a href="([^"]+)" rel="next" data-key="ArrowRight">Ảnh sau', page)
        url = following.group(1) if following else None
    assert seen == [f"/anh/{FIRST}/{n}" for n in range(1, 6)]
    back = re.search(r'<a href="([^"]+)" rel="prev" data-key="ArrowLeft">« Ảnh trước', page).group(1)
    assert back == f"/anh/{FIRST}/4" and "(ảnh 5/5)" in page
    assert client.get(f"/anh/{FIRST}/6").status_code == 404 and client.get(f"/anh/{FIRST}/0").status_code == 404
    assert client.get("/anh/khong-co-album-nay").status_code == 404


def test_an_article_lists_the_album_it_links(client, demo_app):
    with demo_app.test_request_context():
        album = db.session.execute(select(Album).where(Album.slug == FIRST)).scalar_one()
        article = db.session.execute(select(Article).where(Article.title == ALBUMS[0][4])).scalar_one()
        url = article.url
    page = client.get(url).get_data(as_text=True)
    assert "Album ảnh" in page and f'href="/anh/{FIRST}"' in page and album.title in page


def test_a_chuyen_de_shows_the_albums_its_articles_link(client, demo_app):
    """An album linked from an article of a chuyên đề is on the chuyên đề's page."""
    with demo_app.test_request_context():
        album = db.session.execute(select(Album).where(Album.slug == FIRST)).scalar_one()
        thread = db.session.execute(select(Thread).order_by(Thread.id)).scalars().first()
        linked = db.session.execute(select(Article).where(Article.title == ALBUMS[0][4])).scalar_one()
        db.session.execute(article_thread.delete().where(article_thread.c.article_id == linked.id, article_thread.c.thread_id == thread.id))
        db.session.execute(article_thread.insert().values(article_id=linked.id, thread_id=thread.id))
        db.session.commit()
        path, title = thread.url, album.title
    page = client.get(path).get_data(as_text=True)
    assert "Album ảnh" in page and f'href="/anh/{FIRST}"' in page and title in page


def _jpeg(colour: tuple) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(out, format="JPEG")
    return out.getvalue()


def test_fifty_photos_with_one_broken_keep_the_forty_nine_and_name_the_broken_one(admin, admin_app):
    with admin_app.app_context():
        album_id = db.session.execute(select(Album.id).where(Album.slug == FIRST)).scalar_one()
        media_before = db.session.execute(select(func.count(Media.id))).scalar()
    good = _jpeg((200, 60, 40))
    files = [(io.BytesIO(good), f"anh-{n:02d}.jpg") for n in range(50)]
    files[17] = (io.BytesIO(good[: len(good) // 3]), "anh-hong.jpg")  # cut short: a broken file
    url = f"/quan-tri/album/{album_id}/anh"
    response = admin.post(url, {"photos": files}, form_url=f"/quan-tri/album/{album_id}", content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Không nhận 1 tệp" in page and "anh-hong.jpg: Tệp ảnh bị hỏng hoặc không đầy đủ." in page
    assert "Đã thêm 49 ảnh vào album." in page
    with admin_app.app_context():
        photos = db.session.execute(select(AlbumPhoto).where(AlbumPhoto.album_id == album_id)).scalars().all()
        assert len(photos) == 5 + 49
        assert db.session.execute(select(func.count(Media.id))).scalar() == media_before + 49
        assert all(photo.media.renditions == "320" for photo in photos[5:])  # 400 px wide: one smaller copy


def test_the_admin_sets_captions_and_the_cover_and_removes_a_photo(admin, admin_app):
    with admin_app.app_context():
        album = db.session.execute(select(Album).where(Album.slug == FIRST)).scalar_one()
        first, second, *_ = [photo.id for photo in album.photos]
    fields = {f"chu-thich-{first}": "Chào cờ buổi sáng", f"mo-ta-{first}": "Lá cờ và hàng người", "anh-bia": str(first),
              f"xoa-{second}": "on"}  # fmt: skip
    response = admin.post(f"/quan-tri/album/{album.id}/chu-thich", fields, form_url=f"/quan-tri/album/{album.id}")
    assert response.status_code == 303
    page = admin_app.test_client().get(f"/anh/{FIRST}/1").get_data(as_text=True)
    assert "Chào cờ buổi sáng" in page and 'alt="Lá cờ và hàng người"' in page and "(ảnh 1/4)" in page
    with admin_app.app_context():
        assert db.session.get(AlbumPhoto, second) is None
        assert db.session.execute(select(Album).where(Album.slug == FIRST)).scalar_one().cover_photo.id == first


def test_a_new_album_needs_a_title_and_a_free_address(admin):
    response = admin.post("/quan-tri/album/moi", {"title": "", "taken_on": "2024-05-01"})
    assert response.status_code == 422 and "Không được để trống." in response.get_data(as_text=True)
    taken = admin.post("/quan-tri/album/moi", {"title": ALBUMS[0][0], "taken_on": "2024-05-01", "published": "y"})
    assert taken.status_code == 422 and "đã có album khác dùng" in taken.get_data(as_text=True)
    made = admin.post("/quan-tri/album/moi", {"title": "Lễ hội đền Chợ Củi", "taken_on": "01/05/2024", "published": "y"})
    assert made.status_code == 302 and made.headers["Location"].startswith("/quan-tri/album/")
