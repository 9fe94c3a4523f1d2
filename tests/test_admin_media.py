"""Uploads: images checked by content, EXIF removed, renditions made and used; audio by magic bytes."""

import io
import os
import re
import time
import wave
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from sqlalchemy import delete, func, select

from portal.extensions import db
from portal.models import Article, Category, FeaturedArticle, Media, Song
from tests.helpers import article_version

UPLOAD = "/quan-tri/tep"


def _photo(width: int = 2000, height: int = 1200, image_format: str = "JPEG", exif: bool = True) -> bytes:
    image = Image.new("RGB", (width, height), (200, 40, 40))
    out = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Máy ảnh bí mật"  # Make
        data[0x0132] = "2020:02:20 08:30:00"  # DateTime
        options["exif"] = data.tobytes()
    image.save(out, format=image_format, **options)
    return out.getvalue()


def _files(app) -> set[str]:
    return set(os.listdir(app.config["UPLOAD_FOLDER"]))


def _media_count(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Media)).scalar()


def _upload(admin, content: bytes, name: str, alt: str = "Ảnh cầu mới"):
    return admin.post(UPLOAD, {"image": (io.BytesIO(content), name), "alt": alt}, content_type="multipart/form-data")


def test_image_is_stored_with_renditions_and_without_exif(admin_app, admin):
    before = _files(admin_app)
    response = _upload(admin, _photo(), "../../etc/passwd.jpg")
    assert response.status_code == 302
    with admin_app.app_context():
        media = db.session.execute(select(Media).order_by(Media.id.desc()).limit(1)).scalar_one()
        assert (media.width, media.height, media.renditions, media.alt) == (2000, 1200, "320,800,1600", "Ảnh cầu mới")
        assert "passwd" not in media.filename and re.fullmatch(r"[0-9a-f]{24}\.jpg", media.filename)
        names = {media.filename, *(media.rendition_filename(w) for w in (320, 800, 1600))}
    assert _files(admin_app) - before == names
    folder = admin_app.config["UPLOAD_FOLDER"]
    for name in names:
        with Image.open(os.path.join(folder, name)) as stored:
            assert stored.format == "JPEG"
            assert not stored.getexif()
            assert "exif" not in stored.info
    with Image.open(os.path.join(folder, media.rendition_filename(800))) as rendition:
        assert rendition.size == (800, 480)


def test_small_image_gets_only_smaller_renditions(admin_app, admin):
    assert _upload(admin, _photo(600, 400, "PNG", exif=False), "logo.png").status_code == 302
    with admin_app.app_context():
        media = db.session.execute(select(Media).order_by(Media.id.desc()).limit(1)).scalar_one()
        assert (media.mime_type, media.renditions) == ("image/png", "320")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Day la mot tep van ban, khong phai anh.\n" * 20, "anh.jpg", "Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ."),
        (b"GIF89a" + b"\x00" * 100, "anh.png", "Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ."),
        (None, "to.jpg", "Tệp quá lớn: tối đa 100 KB."),
        (b"", "rong.jpg", "Tệp rỗng."),
    ],
    ids=["text-renamed-jpg", "gif-renamed-png", "oversized", "empty"],
)
def test_bad_uploads_are_refused_and_nothing_is_written(admin_app, admin, content, name, message):
    if content is None:
        # Werkzeug's test client leaves big request bodies in unclosed temporary files,
        # so the limit is lowered rather than the file made large.
        admin_app.config["IMAGE_MAX_BYTES"] = 100 * 1024
        content = _photo(exif=False) + b"\x00" * (100 * 1024)  # a real JPEG padded past the limit
    files, rows = _files(admin_app), _media_count(admin_app)
    response = _upload(admin, content, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert 'value="Ảnh cầu mới"' in response.get_data(as_text=True)  # the alt text typed is kept
    assert _files(admin_app) == files
    assert _media_count(admin_app) == rows


def test_alt_text_is_required(admin_app, admin):
    response = _upload(admin, _photo(), "anh.jpg", alt="")
    assert response.status_code == 422
    assert "Không được để trống." in response.get_data(as_text=True)
    assert _media_count(admin_app) == 0 or "anh.jpg" not in _files(admin_app)


def _article_fields(app, **overrides) -> dict:
    with app.app_context():
        category_id = db.session.execute(select(Category.id).limit(1)).scalar_one()
    return {"title": "Ảnh bìa mới", "slug": "", "summary": "Tóm tắt", "body": "<p>Nội dung</p>",
            "category_id": category_id, "cover_caption": "Cầu nhìn từ trên cao", "cover_alt": "Cây cầu bê tông",
            "byline": "", "thao_tac": "publish", "published_at": ""} | overrides  # fmt: skip


def test_cover_image_is_used_with_srcset_on_public_pages(admin_app, admin):
    with admin_app.app_context():  # the demo's tiêu điểm would lead the home page, not the newest article
        db.session.execute(delete(FeaturedArticle))
        db.session.commit()
    fields = _article_fields(admin_app, cover_file=(io.BytesIO(_photo()), "bia.jpg"))
    response = admin.post("/quan-tri/bai-viet/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 302
    with admin_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == "Ảnh bìa mới")).unique().scalar_one()
        stem = article.cover.filename.rsplit(".", 1)[0]
    home = admin_app.test_client().get("/").get_data(as_text=True)
    lead = re.search(r'<img src="/uploads/%s\.jpg"[^>]*>' % stem, home).group(0)
    assert f"/uploads/{stem}-320.jpg 320w" in lead and f"/uploads/{stem}-1600.jpg 1600w" in lead
    assert 'width="2000" height="1200"' in lead and "loading" not in lead  # the lead is above the fold
    link = re.search(r'href="(/tin-tuc/[^"]+-%d\.html)"' % article.id, home).group(1)
    page = admin_app.test_client().get(link).get_data(as_text=True)
    cover = re.search(r'<img src="/uploads/%s\.jpg"[^>]*>' % stem, page).group(0)
    assert 'alt="Cây cầu bê tông"' in cover and "srcset=" in cover and "sizes=" in cover
    assert "Cầu nhìn từ trên cao" in page
    for path in re.findall(r"(/uploads/[0-9a-f]+(?:-\d+)?\.jpg)", lead):
        with admin_app.test_client().get(path) as served:  # closes the file the response streams
            assert (served.status_code, served.mimetype) == (200, "image/jpeg")


def test_cover_needs_alt_text(admin_app, admin):
    fields = _article_fields(admin_app, cover_alt="", cover_file=(io.BytesIO(_photo()), "bia.jpg"))
    response = admin.post("/quan-tri/bai-viet/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Hãy nhập mô tả cho ảnh đại diện." in response.get_data(as_text=True)


def test_bad_cover_leaves_no_article_and_no_file(admin_app, admin):
    files = _files(admin_app)
    fields = _article_fields(admin_app, cover_file=(io.BytesIO(b"<?php echo 1; ?>"), "bia.jpg"))
    response = admin.post("/quan-tri/bai-viet/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ." in response.get_data(as_text=True)
    assert _files(admin_app) == files
    with admin_app.app_context():
        assert db.session.execute(select(Article).where(Article.title == "Ảnh bìa mới")).first() is None


def test_cover_with_a_taken_slug_writes_no_file(admin_app, admin):
    admin.post("/quan-tri/bai-viet/moi", _article_fields(admin_app, slug="da-co"))
    files, rows = _files(admin_app), _media_count(admin_app)
    fields = _article_fields(admin_app, slug="da-co", cover_file=(io.BytesIO(_photo()), "bia.jpg"))
    response = admin.post("/quan-tri/bai-viet/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 422
    assert (_files(admin_app), _media_count(admin_app)) == (files, rows)


def test_editor_upload_answers_in_the_editors_format(admin_app, editor):
    token = editor.token("/quan-tri/bai-viet/moi")
    response = editor.client.post(
        "/quan-tri/tep/trong-bai", data={"image": (io.BytesIO(_photo(900, 600)), "dan.png"), "alt": "Ảnh dán"},
        headers={"X-CSRFToken": token}, content_type="multipart/form-data",
    )  # fmt: skip
    assert response.status_code == 200
    data = response.get_json()["data"]
    assert response.get_json()["success"] is True and re.fullmatch(r"/uploads/[0-9a-f]{24}\.jpg", data["files"][0])
    refused = editor.client.post(
        "/quan-tri/tep/trong-bai", data={"image": (io.BytesIO(b"not an image"), "x.jpg"), "alt": "Ảnh"},
        headers={"X-CSRFToken": token}, content_type="multipart/form-data",
    )  # fmt: skip
    assert refused.status_code == 422
    assert refused.get_json()["data"]["messages"] == ["Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ."]
    without_alt = editor.client.post(
        "/quan-tri/tep/trong-bai", data={"image": (io.BytesIO(_photo()), "x.jpg")},
        headers={"X-CSRFToken": token}, content_type="multipart/form-data",
    )  # fmt: skip
    assert without_alt.status_code == 422
    assert "Hãy nhập mô tả ảnh" in without_alt.get_json()["data"]["messages"][0]
    assert without_alt.get_json()["data"]["field"] == "alt"  # the editor asks again and resends
    assert "field" not in refused.get_json()["data"]
    without_token = editor.client.post("/quan-tri/tep/trong-bai", data={"image": (io.BytesIO(_photo()), "x.jpg")})
    assert without_token.status_code == 400


MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 200
OGG = b"OggS\x00\x02" + b"\x00" * 400
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + b"\x00" * 400


def _wav() -> bytes:
    """A real WAV file (the demo's songs are WAV): a tenth of a second of silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(1)
        sound.setframerate(8000)
        sound.writeframes(b"\x80" * 800)
    return buffer.getvalue()


WAV = _wav()


@pytest.mark.parametrize(("content", "extension"), [(MP3, "mp3"), (OGG, "ogg"), (M4A, "m4a"), (WAV, "wav")])
def test_songs_accept_mp3_ogg_m4a_wav_by_content(admin_app, admin, content, extension):
    fields = {"title": "Khúc hát sông La mới tải", "composer": "Nhạc sĩ", "performer": "Ca sĩ",
              "audio_file": (io.BytesIO(content), "bai-hat.bin")}  # fmt: skip
    response = admin.post("/quan-tri/bai-hat/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 302
    with admin_app.app_context():
        song = db.session.execute(select(Song).where(Song.title == "Khúc hát sông La mới tải")).unique().scalar_one()
        assert song.audio.filename.endswith(f".{extension}")
    sidebar = admin_app.test_client().get("/").get_data(as_text=True)
    assert "Khúc hát sông La mới tải" in sidebar


def test_the_audio_picker_offers_only_sound_files(admin):
    page = admin.client.get("/quan-tri/bai-hat/moi").get_data(as_text=True)
    assert 'accept="audio/mpeg,audio/ogg,audio/mp4,audio/wav,.mp3,.ogg,.m4a,.wav"' in page


def test_songs_refuse_other_files(admin_app, admin):
    files, rows = _files(admin_app), _media_count(admin_app)
    fields = {"title": "Bài giả", "audio_file": (io.BytesIO(b"MZ\x90\x00 an exe"), "bai-hat.mp3")}
    response = admin.post("/quan-tri/bai-hat/moi", fields, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Chỉ nhận tệp âm thanh MP3, OGG, M4A hoặc WAV." in response.get_data(as_text=True)
    assert (_files(admin_app), _media_count(admin_app)) == (files, rows)


def test_oversized_song_is_refused(admin_app, admin):
    admin_app.config["AUDIO_MAX_BYTES"] = 1024
    response = admin.post("/quan-tri/bai-hat/moi", {"title": "Dài", "audio_file": (io.BytesIO(MP3 * 3), "a.mp3")},
                          content_type="multipart/form-data")  # fmt: skip
    assert response.status_code == 422
    assert "Tệp quá lớn: tối đa 1 KB." in response.get_data(as_text=True)


def test_body_images_get_their_renditions_on_save(admin_app, admin):
    token = admin.token("/quan-tri/bai-viet/moi")
    uploaded = admin.client.post(
        "/quan-tri/tep/trong-bai", data={"image": (io.BytesIO(_photo(1000, 500)), "dan.jpg"), "alt": "Cầu mới"},
        headers={"X-CSRFToken": token}, content_type="multipart/form-data",
    ).get_json()["data"]["files"][0]  # fmt: skip
    body = f'<p>Chữ</p><p><img src="{uploaded}"></p>'  # as the editor inserts it
    fields = _article_fields(admin_app, title="Ảnh trong bài", body=body)
    assert admin.post("/quan-tri/bai-viet/moi", fields).status_code == 302
    with admin_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == "Ảnh trong bài")).unique().scalar_one()
        saved = article.body
        stem = uploaded.rsplit(".", 1)[0]
    expected = (f'<img src="{uploaded}" srcset="{stem}-320.jpg 320w, {stem}-800.jpg 800w, {uploaded} 1000w" '
                f'sizes="(min-width: 72rem) 46rem, 100vw" loading="lazy" width="1000" height="500" alt="Cầu mới">')  # fmt: skip
    assert expected in saved
    fields = _article_fields(admin_app, title="Ảnh trong bài", body=saved, thao_tac="save")
    again = admin.post(f"/quan-tri/bai-viet/{article.id}", fields | {"version": article_version(admin, article.id)})
    assert again.status_code == 302
    with admin_app.app_context():
        assert db.session.get(Article, article.id).body == saved  # saving again changes nothing


def _claiming(width: int, height: int, end_marker: bool) -> bytes:
    """A JPEG whose header claims width x height, cut off a few bytes into its picture data."""
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 40)).save(out, format="JPEG")
    data = bytearray(out.getvalue())
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    scan = data.index(b"\xff\xda")
    return bytes(data[: scan + 24]) + (b"\xff\xd9" if end_marker else b"")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_claiming(7000, 7000, end_marker=True), "Ảnh quá lớn: tối đa 25 triệu điểm ảnh."),
        (_claiming(60000, 60000, end_marker=True), "Ảnh quá lớn: tối đa 25 triệu điểm ảnh."),
        (_claiming(4000, 3000, end_marker=True), "Tệp ảnh bị hỏng hoặc không đầy đủ."),
        (_claiming(4000, 3000, end_marker=False), "Tệp ảnh bị hỏng hoặc không đầy đủ."),
        (_photo(800, 600, exif=False)[:-600], "Tệp ảnh bị hỏng hoặc không đầy đủ."),
        (_photo(800, 600, "PNG", exif=False)[:-100], "Tệp ảnh bị hỏng hoặc không đầy đủ."),
    ],
    ids=["bomb-49-megapixels", "bomb-3600-megapixels", "ended-early", "cut-off", "jpeg-cut", "png-cut"],
)
def test_bombs_and_truncated_images_are_refused_quickly(admin_app, admin, content, message):
    files, rows = _files(admin_app), _media_count(admin_app)
    started = time.perf_counter()
    response = _upload(admin, content, "bom.jpg")
    assert time.perf_counter() - started < 2  # the 49 MP image was decoded in 14-21 s
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert (_files(admin_app), _media_count(admin_app)) == (files, rows)


def _stored_files(app) -> list[str]:
    with app.app_context():
        media = db.session.execute(select(Media).order_by(Media.id.desc()).limit(1)).scalar_one()
        names = [media.filename, *(media.rendition_filename(w) for w in media.rendition_widths)]
    return [os.path.join(app.config["UPLOAD_FOLDER"], name) for name in names]


def test_comments_and_every_metadata_segment_are_gone_from_original_and_renditions(admin_app, admin):
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh bí mật"
    Image.new("RGB", (1000, 600), (10, 120, 200)).save(
        out, format="JPEG", comment=b"Ghi chu bi mat", exif=exif.tobytes(), xmp=b"<x:xmpmeta>bi mat</x:xmpmeta>",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )  # fmt: skip
    assert _upload(admin, out.getvalue(), "anh.jpg").status_code == 302
    stored = _stored_files(admin_app)
    assert len(stored) == 3  # the original, 320 and 800
    for path in stored:
        data = Path(path).read_bytes()
        assert b"bi mat" not in data and b"Exif" not in data and b"ICC_PROFILE" not in data
        with Image.open(path) as image:
            assert not ({"comment", "exif", "xmp", "icc_profile"} & set(image.info)), image.info
            assert not [marker for marker, _ in image.applist if marker != "APP0"]


def test_multi_picture_jpegs_from_phones_keep_their_first_picture(admin_app, admin):
    out = io.BytesIO()
    first, second = Image.new("RGB", (900, 600), (200, 40, 40)), Image.new("RGB", (900, 600), (0, 0, 0))
    first.save(out, format="MPO", save_all=True, append_images=[second])
    with Image.open(io.BytesIO(out.getvalue())) as check:
        assert (check.format, check.n_frames) == ("MPO", 2)
    assert _upload(admin, out.getvalue(), "dien-thoai.jpg").status_code == 302
    for path in _stored_files(admin_app):
        with Image.open(path) as image:
            assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
            assert image.convert("RGB").getpixel((10, 10))[0] > 150  # the first picture, not the black one
