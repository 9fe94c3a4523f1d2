"""The văn bản library's public pages, feed, sitemap and API (issue 17, points 1–3 and 6)."""

import re
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select

from portal.demo.documents import DOCUMENTS, SEED_DOCUMENT_NUMBER
from portal.extensions import db
from portal.models import Document, DocumentStatus
from tests.helpers import document_url, seed_article, url_of


ROW = re.compile(r'<td class="document-number"><a href="[^"]+">([^<]+)</a>')


def rows(page: str) -> list[str]:
    """The số/ký hiệu of the table's rows, in order."""
    return ROW.findall(page)


def test_the_list_shows_every_published_document_newest_first(client):
    page = client.get("/van-ban").get_data(as_text=True)
    numbers = rows(page)
    issued = sorted(DOCUMENTS, key=lambda item: item.spec.issued_on, reverse=True)
    assert numbers == [item.spec.number for item in issued] and len(numbers) >= 12
    for heading in ("Số/ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp"):
        assert f'<th scope="col">{heading}</th>' in page
    assert "30/01/2020" in page and "csrf_token" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loai=ke-hoach", {"14-KH/BTGThU", "86/KH-UBND", "09/KH-UBND"}),
        ("co-quan=ban-tuyen-giao-thi-uy", {"14-KH/BTGThU", "45-BC/BTGThU", "03-HD/BTGThU"}),
        ("linh-vuc=tuyen-giao&nam=2020", {"14-KH/BTGThU", "45-BC/BTGThU"}),
        ("nam=2023", {"09/KH-UBND"}),
        ("loai=quyet-dinh&nam=2021", set()),
    ],
)
def test_filters_are_bookmarkable_addresses(client, query, expected):
    response = client.get(f"/van-ban?{query}")
    assert response.status_code == 200
    assert set(rows(response.get_data(as_text=True))) == expected


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("loai=khong-co", 404, "Không có loại văn bản «khong-co»"),
        ("nam=hai-nghin", 400, "Tham số «nam» phải là số nguyên"),
        ("q=%21%21", 400, "Từ khoá cần có ít nhất một chữ cái"),
        ("page=99", 404, ""),
    ],
)
def test_bad_filters_get_a_message_and_the_right_status(client, query, status, message):
    response = client.get(f"/van-ban?{query}")
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_the_list_is_paged(make_app):
    app = make_app(demo=True, DOCUMENTS_PER_PAGE=5)
    client = app.test_client()
    first, last = client.get("/van-ban").get_data(as_text=True), client.get("/van-ban?page=4").get_data(as_text=True)
    assert len(rows(first)) == 5 and len(rows(last)) == len(DOCUMENTS) - 15
    assert 'href="/van-ban?page=2"' in first and "(trang 4/4)" in last


def test_a_search_finds_words_inside_the_files_without_diacritics(client):
    page = client.get("/van-ban?q=ke+hoach+tuyen+giao+2020").get_data(as_text=True)
    assert rows(page)[0] == SEED_DOCUMENT_NUMBER
    # "vi rút corona" is only in the files' text, not in any field
    inside = client.get("/van-ban?q=vi+rut+corona&loai=bao-cao").get_data(as_text=True)
    assert rows(inside) == ["45-BC/BTGThU"]


def test_the_document_page_shows_its_fields_files_preview_and_citing_article(client, demo_app):
    url = document_url(demo_app, SEED_DOCUMENT_NUMBER)
    response = client.get(url)
    assert response.status_code == 200 and response.headers["Cache-Control"].startswith("public, max-age=")
    page = response.get_data(as_text=True)
    for label, value in (("Số/ký hiệu", "14-KH/BTGThU"), ("Ngày ban hành", "30/01/2020"), ("Người ký", "Nguyễn Thị Hường")):
        assert f"<dt>{label}</dt><dd>" in page and value in page
    assert "Ban Tuyên giáo Thị ủy" in page and "Còn hiệu lực" in page and "(PDF, " in page and "3 trang)" in page
    assert page.count('alt="Trang ') == 3 and '"@type": "Legislation"' in page
    seed = seed_article(demo_app)
    assert f'href="{url_of(demo_app, seed.id)}"' in page
    with demo_app.test_request_context():
        document = db.session.execute(select(Document).where(Document.number == SEED_DOCUMENT_NUMBER)).scalar_one()
        preview = document.files[0].preview_urls[0]
    image = client.get(preview)
    assert image.status_code == 200 and image.mimetype == "image/png"
    image.close()


def test_an_old_slug_redirects_and_a_hidden_document_is_not_found(client, demo_app):
    url = document_url(demo_app, SEED_DOCUMENT_NUMBER)
    document_id = url.rsplit("-", 1)[1].removesuffix(".html")
    moved = client.get(f"/van-ban/ten-cu-{document_id}.html")
    assert moved.status_code == 301 and moved.headers["Location"].endswith(url)
    with demo_app.app_context():
        db.session.get(Document, int(document_id)).status = DocumentStatus.HIDDEN
        db.session.commit()
    assert client.get(url).status_code == 404
    assert SEED_DOCUMENT_NUMBER not in client.get("/van-ban").get_data(as_text=True)


def test_the_feed_lists_new_documents(client):
    response = client.get("/van-ban/rss")
    assert response.status_code == 200 and response.mimetype == "application/rss+xml"
    titles = [item.findtext("title") for item in ET.fromstring(response.data).iter("item")]
    assert len(titles) == len(DOCUMENTS) and "Kế hoạch 14-KH/BTGThU: tuyên truyền, khoa giáo năm 2020" in titles


def test_the_api_lists_and_shows_documents(client):
    listing = client.get("/api/v1/documents?type=ke-hoach&year=2020").get_json()
    assert listing["total"] == 2 and {item["number"] for item in listing["items"]} == {"14-KH/BTGThU", "86/KH-UBND"}
    plan = next(item for item in listing["items"] if item["number"] == SEED_DOCUMENT_NUMBER)
    detail = client.get(f"/api/v1/documents/{plan['id']}").get_json()
    assert detail["issuer"] == "Ban Tuyên giáo Thị ủy" and detail["files"][0]["pages"] == 3
    assert len(detail["files"][0]["previews"]) == 3
    assert client.get("/api/v1/documents?issuer=khong-co").status_code == 404
    assert client.get("/api/v1/documents?year=1900").status_code == 400
    assert client.get("/api/v1/documents/999999").get_json()["error"]["message"] == "Không tìm thấy văn bản."


def test_the_site_search_lists_documents_beside_articles(client):
    page = client.get("/tim-kiem?q=tuyen+giao").get_data(as_text=True)
    assert '<h2 id="van-ban-tim-thay">Văn bản (' in page and "Kế hoạch 14-KH/BTGThU</a>" in page
    assert 'class="search-result"' in page  # the articles are still there
    assert "Văn bản (" not in client.get("/tim-kiem?q=tuyen+giao&page=2").get_data(as_text=True)
    assert "Văn bản (" not in client.get("/tim-kiem?q=bong+da").get_data(as_text=True)


def test_related_documents_are_listed_both_ways_in_the_demo(client, demo_app):
    plan = client.get(document_url(demo_app, SEED_DOCUMENT_NUMBER)).get_data(as_text=True)
    assert "<h2>Văn bản liên quan</h2>" in plan and "Báo cáo 45-BC/BTGThU</a>" in plan and "Hướng dẫn 03-HD/BTGThU</a>" in plan
    report = client.get(document_url(demo_app, "45-BC/BTGThU")).get_data(as_text=True)
    assert "Kế hoạch 14-KH/BTGThU</a>" in report


def test_only_a_pdf_without_text_is_called_a_scan(client, demo_app):
    assert "bản chụp" not in client.get(document_url(demo_app, SEED_DOCUMENT_NUMBER)).get_data(as_text=True)
    assert "bản chụp" not in client.get(document_url(demo_app, "08-CT/ThU")).get_data(as_text=True)  # a DOCX
