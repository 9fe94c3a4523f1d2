"""The home page (issue 19, points 1, 2 and 4): tiêu điểm lead it in the editors' order until
their end time, articles leave at their end time as scheduled ones come out at theirs (the kept
page learns of both), and the webmaster's blocks of categories, previewed before they are saved."""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import Article, ArticleStatus, Category, FeaturedArticle, HomeBlock
from tests.helpers import HX, AdminBrowser

NOW = datetime(2020, 6, 30, 12, 0)
LIST = "/quan-tri/bai-viet"


def _add(app, title: str, status=ArticleStatus.PUBLISHED, published_at=NOW - timedelta(days=1), expires_at=None,
         category="xay-dung-dang") -> int:  # fmt: skip
    with app.app_context():
        category_id = db.session.execute(select(Category.id).where(Category.slug == category)).scalar_one()
        article = Article(title=title, slug=re.sub(r"\W+", "-", title.lower()), category_id=category_id, summary="", body="<p>Nội dung</p>",
                          status=status, published_at=published_at, expires_at=expires_at)  # fmt: skip
        db.session.add(article)
        db.session.commit()
        return article.id


def _pin(app, article_id: int, position: int, until=None) -> None:
    with app.app_context():
        db.session.add(FeaturedArticle(article_id=article_id, position=position, until=until, pinned_at=NOW))
        db.session.commit()


def _unpin_all(app) -> None:
    with app.app_context():
        db.session.execute(delete(FeaturedArticle))
        db.session.commit()


def _home(client) -> dict[str, list[str]]:
    """The home page's lead, featured strip and the titles of its blocks, as a reader sees them."""
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    blocks = {
        re.search(r'class="section-title"><a href="[^"]+">([^<]+)', part).group(1): re.findall(r'class="teaser-title"><a href="[^"]+">([^<]+)', part)
        for part in html.split('<section class="home-section')[1:]
    }  # fmt: skip
    return {
        "lead": re.findall(r'class="lead-title"><a href="[^"]+">([^<]+)', html),
        "strip": re.findall(r'class="featured-title"><a href="[^"]+">([^<]+)', html),
        "teasers": [title for titles in blocks.values() for title in titles],
        "party": blocks.get("Xây dựng Đảng", []),
        "sections": list(blocks),
        "banners": re.findall(r'class="thread-banner-title"><a href="[^"]+">([^<]+)', html),
    }


@pytest.fixture
def clock_app(make_app, fixed_clock):
    fixed_clock.moment = NOW
    app = make_app(demo=True, CLOCK=fixed_clock)
    _unpin_all(app)
    return app


def test_demo_home_leads_with_its_featured_articles_and_the_running_thread(client):
    home = _home(client)
    assert home["lead"] == ["Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020"]
    assert home["strip"] == ["Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh"]
    assert home["banners"] == ["Năm văn minh đô thị"]  # the party congress's thread ended with 2020
    assert not set(home["lead"] + home["strip"]) & set(home["teasers"])  # each article once


def test_home_ordering_with_featured_expired_and_scheduled_articles(clock_app, fixed_clock):
    """One kept home page, the clock moved on: each change happens at its time, with no write."""
    first = _add(clock_app, "Tiêu điểm thứ nhất", published_at=NOW - timedelta(days=3))
    second = _add(clock_app, "Tiêu điểm thứ hai", published_at=NOW - timedelta(days=2))
    _add(clock_app, "Tin sắp hết hạn", published_at=NOW - timedelta(hours=1), expires_at=NOW + timedelta(hours=1))
    _add(clock_app, "Tin hẹn giờ", status=ArticleStatus.SCHEDULED, published_at=NOW + timedelta(hours=2))
    _add(clock_app, "Tin hết hạn từ trước", published_at=NOW - timedelta(days=5), expires_at=NOW - timedelta(days=1))
    _pin(clock_app, second, 1, until=NOW + timedelta(hours=3))
    _pin(clock_app, first, 2)
    client = clock_app.test_client()

    home = _home(client)
    assert home["lead"] == ["Tiêu điểm thứ hai"] and home["strip"] == ["Tiêu điểm thứ nhất"]
    assert home["party"][0] == "Tin sắp hết hạn"  # newest in its block; the featured ones not again
    assert "Tin hẹn giờ" not in home["teasers"] and "Tin hết hạn từ trước" not in home["teasers"]
    assert not {"Tiêu điểm thứ nhất", "Tiêu điểm thứ hai"} & set(home["teasers"])

    fixed_clock.moment = NOW + timedelta(hours=1, minutes=1)  # the end time has come
    assert "Tin sắp hết hạn" not in _home(client)["teasers"]
    fixed_clock.moment = NOW + timedelta(hours=2, minutes=1)  # the scheduled article is out
    assert _home(client)["party"][0] == "Tin hẹn giờ"
    fixed_clock.moment = NOW + timedelta(hours=3, minutes=1)  # the first pin is over
    home = _home(client)
    assert home["lead"] == ["Tiêu điểm thứ nhất"] and home["strip"] == []
    assert "Tiêu điểm thứ hai" in home["party"]  # back in its category's block

    _unpin_all(clock_app)
    assert _home(client)["lead"] == ["Tin hẹn giờ"]  # no tiêu điểm: the newest leads, as before


def test_an_expired_article_is_gone_everywhere_and_listed_as_expired(clock_app, fixed_clock):
    article_id = _add(clock_app, "Thông báo lịch tiếp dân", expires_at=NOW + timedelta(minutes=30))
    with clock_app.test_request_context():
        url = db.session.get(Article, article_id).url
    client = clock_app.test_client()
    assert client.get(url).status_code == 200
    fixed_clock.moment = NOW + timedelta(minutes=31)
    assert client.get(url).status_code == 404
    for path in ("/rss", "/tin-tuc/xay-dung-dang/", "/sitemap.xml", "/tim-kiem?q=lich+tiep+dan", "/api/v1/articles"):
        assert "Thông báo lịch tiếp dân" not in client.get(path).get_data(as_text=True), path
    with clock_app.app_context():
        article = db.session.get(Article, article_id)
        assert article.status == ArticleStatus.PUBLISHED and article.status_at(fixed_clock.moment) == ArticleStatus.EXPIRED
        found = db.session.execute(select(Article.id).where(Article.status_at(fixed_clock.moment) == "expired")).scalars().all()
        assert found == [article_id]


def test_the_editor_sets_an_end_time_and_the_list_says_het_han(admin_app, admin, fixed_clock):
    admin_app.config["CLOCK"] = fixed_clock
    fixed_clock.moment = NOW
    with admin_app.app_context():
        category_id = db.session.execute(select(Category.id).where(Category.slug == "xay-dung-dang")).scalar_one()
    fields = {"title": "Lịch cắt điện tháng Bảy", "slug": "", "summary": "", "body": "<p>Lịch.</p>", "category_id": category_id,
              "cover_caption": "", "cover_alt": "", "byline": "", "thao_tac": "publish", "published_at": "", "tags": ""}  # fmt: skip
    refused = admin.post("/quan-tri/bai-viet/moi", fields | {"expires_at": "2020-06-30T11:00"})
    assert refused.status_code == 422 and "Thời điểm hết hạn phải ở tương lai." in refused.get_data(as_text=True)
    assert admin.post("/quan-tri/bai-viet/moi", fields | {"expires_at": "2020-07-01T08:00"}).status_code == 302
    with admin_app.app_context():
        article = db.session.execute(select(Article).where(Article.title == "Lịch cắt điện tháng Bảy")).scalar_one()
        assert article.expires_at == datetime(2020, 7, 1, 8, 0)
    fixed_clock.moment = datetime(2020, 7, 1, 8, 1)
    listed = admin.client.get(f"{LIST}?trang_thai=expired").get_data(as_text=True)
    assert "Lịch cắt điện tháng Bảy" in listed and 'class="state state-expired">Hết hạn<' in listed


# --------------------------------------------------------------------------- pinning from the list


def _seed_id(app, title="Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020") -> int:
    with app.app_context():
        return db.session.execute(select(Article.id).where(Article.title == title)).scalar_one()


def _order(app) -> list[int]:
    with app.app_context():
        return list(db.session.execute(select(FeaturedArticle.article_id).order_by(FeaturedArticle.position)).scalars())


def test_an_editor_pins_moves_and_unpins_in_their_categories(admin_app, editor):
    _unpin_all(admin_app)
    seed = _seed_id(admin_app)  # Xây dựng Đảng: the editor's
    other = _seed_id(admin_app, "Đảng bộ phường Đậu Liêu tổ chức thành công đại hội điểm nhiệm kỳ 2020 - 2025")
    outside = _seed_id(admin_app, "Sôi nổi giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019")  # Văn hóa - Thể thao
    page = editor.client.get(LIST).get_data(as_text=True)
    assert f'action="/quan-tri/tieu-diem/{seed}/ghim"' in page and f"/quan-tri/tieu-diem/{outside}/ghim" not in page

    pinned = editor.post(f"/quan-tri/tieu-diem/{seed}/ghim", {"until": ""}, form_url=LIST)
    assert pinned.status_code == 302 and pinned.headers["Location"] == LIST  # without JavaScript: back to the list
    fragment = editor.post(f"/quan-tri/tieu-diem/{other}/ghim", {"until": "", "hang": "1"}, form_url=LIST, headers=HX)
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "<html" not in body and 'id="tieu-diem"' in body
    assert "Đã ghim" in body and f'id="ghim-{other}" class="pin-cell" data-hx-swap-oob="true"' in body  # the row's button too
    assert _order(admin_app) == [seed, other]

    assert editor.post(f"/quan-tri/tieu-diem/{other}/di-chuyen", {"direction": "up"}, form_url=LIST, headers=HX).status_code == 200
    assert _order(admin_app) == [other, seed]
    assert _home(admin_app.test_client())["lead"] == ["Đảng bộ phường Đậu Liêu tổ chức thành công đại hội điểm nhiệm kỳ 2020 - 2025"]

    # outside their categories the article is not theirs to open: as if it did not exist
    assert editor.post(f"/quan-tri/tieu-diem/{outside}/ghim", {"until": ""}, form_url=LIST).status_code == 404
    assert editor.post(f"/quan-tri/tieu-diem/{other}/bo-ghim", {}, form_url=LIST).status_code == 302
    assert _order(admin_app) == [seed]


def test_pinning_is_refused_past_the_limit_for_hidden_articles_and_past_times(admin_app, admin):
    _unpin_all(admin_app)
    admin_app.config["FEATURED_MAX"] = 1
    seed = _seed_id(admin_app)
    assert admin.post(f"/quan-tri/tieu-diem/{seed}/ghim", {"until": ""}, form_url=LIST).status_code == 302
    second = _seed_id(admin_app, "Sôi nổi giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019")
    full = admin.post(f"/quan-tri/tieu-diem/{second}/ghim", {"until": ""}, form_url=LIST, headers=HX)
    assert full.status_code == 409 and "Đã có 1 bài tiêu điểm" in full.get_data(as_text=True)
    past = admin.post(f"/quan-tri/tieu-diem/{seed}/ghim", {"until": "2001-01-01T00:00"}, form_url=LIST, headers=HX)
    assert past.status_code == 409 and "phải ở tương lai" in past.get_data(as_text=True)
    bad = admin.post(f"/quan-tri/tieu-diem/{seed}/ghim", {"until": "ngày mai"}, form_url=LIST, headers=HX)
    assert bad.status_code == 422
    draft = _add(admin_app, "Bản nháp", status=ArticleStatus.DRAFT)
    admin_app.config["FEATURED_MAX"] = 5
    hidden = admin.post(f"/quan-tri/tieu-diem/{draft}/ghim", {"until": ""}, form_url=LIST, headers=HX)
    assert hidden.status_code == 409 and "Chỉ ghim được bài đang hiện trên trang." in hidden.get_data(as_text=True)
    assert _order(admin_app) == [seed]


def test_a_writer_cannot_pin(admin_app, writer):
    seed = _seed_id(admin_app, "Sôi nổi giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019")
    assert writer.post(f"/quan-tri/tieu-diem/{seed}/ghim", {"until": ""}, form_url="/quan-tri/doi-mat-khau").status_code == 403
    assert f"/quan-tri/tieu-diem/{seed}/ghim" not in writer.client.get(LIST).get_data(as_text=True)


# --------------------------------------------------------------------------- the webmaster's blocks


def _block_fields(app, choice: dict[str, tuple[bool, int, int, bool]]) -> dict:
    """The layout form's fields: slug → (shown, position, items, pictures); unnamed categories hidden."""
    with app.app_context():
        categories = db.session.execute(select(Category).where(Category.parent_id.is_(None)).order_by(Category.position)).scalars().all()
        fields = {}
        for index, category in enumerate(categories):
            shown, position, items, pictures = choice.get(category.slug, (False, 50 + index, 4, True))
            fields |= {f"blocks-{index}-category_id": str(category.id), f"blocks-{index}-position": str(position), f"blocks-{index}-items": str(items)}
            fields |= {f"blocks-{index}-shown": "y"} if shown else {}
            fields |= {f"blocks-{index}-pictures": "y"} if pictures else {}
        return fields


def test_the_webmaster_chooses_the_blocks_previews_then_saves(admin_app, admin):
    choice = {"van-hoa-the-thao": (True, 1, 2, False), "xay-dung-dang": (True, 2, 3, True)}
    fields = _block_fields(admin_app, choice)
    preview = admin.post("/quan-tri/trang-chu/xem-truoc", fields, form_url="/quan-tri/trang-chu")
    shown = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Bản xem trước" in shown
    assert re.findall(r'class="section-title"><a href="[^"]+">([^<]+)', shown) == ["Văn hóa - Thể thao", "Xây dựng Đảng"]
    with admin_app.app_context():
        assert db.session.execute(select(HomeBlock)).first() is None  # nothing saved by a preview
    assert _home(admin_app.test_client())["sections"][0] == "Tin tức - Sự kiện"

    assert admin.post("/quan-tri/trang-chu", fields).status_code == 302
    home = admin_app.test_client().get("/").get_data(as_text=True)
    assert re.findall(r'class="section-title"><a href="[^"]+">([^<]+)', home) == ["Văn hóa - Thể thao", "Xây dựng Đảng"]
    culture = home.split('id="cm-')[1]
    assert culture.count('class="teaser"') == 2 and "teaser-thumb" not in culture  # two, without pictures
    page = admin.client.get("/quan-tri/trang-chu").get_data(as_text=True)
    assert page.index("Văn hóa - Thể thao") < page.index("Xây dựng Đảng") < page.index("Tin tức - Sự kiện")


def test_bad_blocks_are_refused(admin_app, admin):
    fields = _block_fields(admin_app, {"xay-dung-dang": (True, 1, 0, True)})
    refused = admin.post("/quan-tri/trang-chu", fields)
    assert refused.status_code == 422 and "Từ 1 đến 20." in refused.get_data(as_text=True)
    forged = _block_fields(admin_app, {}) | {"blocks-0-category_id": "999999"}
    assert admin.post("/quan-tri/trang-chu", forged).status_code == 400
    twice = _block_fields(admin_app, {}) | {"blocks-1-category_id": _block_fields(admin_app, {})["blocks-0-category_id"]}
    assert admin.post("/quan-tri/trang-chu", twice).status_code == 400
    with admin_app.app_context():
        assert db.session.execute(select(HomeBlock)).first() is None


def test_the_blocks_page_is_the_webmasters(admin_app, editor):
    assert editor.client.get("/quan-tri/trang-chu").status_code == 403
    assert isinstance(editor, AdminBrowser)
