"""Print view, "Lưu bài viết" download and the "A- A A+" text size (no-JavaScript paths)."""

import re
from html import unescape

import pytest
from sqlalchemy import select

from portal.demo.documents import SEED_DOCUMENT_NUMBER
from portal.demo.loader import SEED_TITLE, read_seed_article
from portal.extensions import db
from portal.models import Article, ArticleStatus
from tests.helpers import document_url


def seed_id(demo_app) -> int:
    with demo_app.app_context():
        return db.session.execute(select(Article.id).where(Article.title == SEED_TITLE)).scalar_one()


def seed_url(client, demo_app) -> str:
    with demo_app.test_request_context():
        return db.session.get(Article, seed_id(demo_app)).url


def test_print_view_has_article_url_and_date_without_menu_or_sidebar(client, demo_app):
    page = client.get(f"/tin-tuc/in/{seed_id(demo_app)}.html").get_data(as_text=True)
    assert f"<h1 class=\"article-title\">{SEED_TITLE}</h1>" in page
    assert re.search(r"Nguồn: http://localhost/tin-tuc/xay-dung-dang/[a-z0-9-]+-\d+\.html · Đăng ngày Thứ Năm, 20/02/2020 08:30", page)
    for absent in ('class="main-nav"', 'class="sidebar"', 'class="site-footer"', 'role="search"'):
        assert absent not in page
    assert f'href="/tin-tuc/luu/{seed_id(demo_app)}.html"' in page
    assert '<meta name="robots" content="noindex">' in page


def test_print_stylesheet_hides_the_chrome_and_prints_the_source(client):
    with client.get("/static/css/portal.css") as response:
        css = response.get_data(as_text=True)
    print_rules = "".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    for hidden in (".site-header", ".main-nav", ".sidebar", ".site-footer", ".search-form", ".tool-links", ".text-size", ".print-hint"):
        assert hidden in print_rules
    assert ".print-only { display: block; }" in print_rules


def test_article_page_prints_its_url_and_date(client, demo_app):
    page = client.get(seed_url(client, demo_app)).get_data(as_text=True)
    assert re.search(r'<p class="print-only print-source">Nguồn: http://localhost/tin-tuc/[^<]+ · Đăng ngày Thứ Năm, 20/02/2020 08:30</p>', page)


def test_save_downloads_a_standalone_html_file(client, demo_app):
    response = client.get(f"/tin-tuc/luu/{seed_id(demo_app)}.html")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="hoi-nghi-trien-khai-nhiem-vu-cong-tac-tuyen-truyen-khoa-giao-nam-2020.html"'
    )
    page = response.get_data(as_text=True)
    assert page.startswith("<!doctype html>") and '<html lang="vi">' in page and "<style>" in page
    assert '<link rel="stylesheet"' not in page and "<script" not in page
    paragraphs, caption, byline = read_seed_article()
    text = unescape(page)
    plan, mention = document_url(demo_app, SEED_DOCUMENT_NUMBER), f"Kế hoạch số {SEED_DOCUMENT_NUMBER}"
    link = f'<a href="http://localhost{plan}" rel="noopener noreferrer">{mention}</a>'  # absolute: it works from the saved file
    assert all("<p>" + paragraph.replace(mention, link) + "</p>" in text for paragraph in paragraphs)
    assert caption in text and byline in text
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', page)
    assert 'src="/uploads/' not in page
    assert "Nguồn: <a href=\"http://localhost/tin-tuc/xay-dung-dang/" in page


def test_drafts_cannot_be_printed_or_saved(client, demo_app):
    with demo_app.app_context():
        article = db.session.get(Article, seed_id(demo_app))
        article.status = ArticleStatus.DRAFT
        db.session.commit()
    assert client.get(f"/tin-tuc/luu/{seed_id(demo_app)}.html").status_code == 404
    assert client.get(f"/tin-tuc/in/{seed_id(demo_app)}.html").status_code == 404


def test_text_size_control_is_a_labelled_keyboard_form(client, demo_app):
    page = client.get(seed_url(client, demo_app)).get_data(as_text=True)
    form = page[page.index('<form class="text-size"') :]
    form = form[: form.index("</form>")]
    assert 'method="post"' in form and 'action="/co-chu"' in form and 'aria-labelledby="co-chu-nhan"' in form
    buttons = re.findall(r'<button type="submit" name="size" value="([a-z-]+)" aria-label="([^"]+)">(A-|A|A\+)</button>', form)
    assert [(value, label) for value, label, _ in buttons] == [
        ("nho-hon", "A- chữ nhỏ hơn"), ("mac-dinh", "A cỡ chữ mặc định"), ("lon-hon", "A+ chữ lớn hơn"),
    ]  # fmt: skip
    assert '#co-chu">' in form and 'id="co-chu"' in form  # without script, back to where the reader was


@pytest.mark.parametrize(
    ("clicks", "level"),
    [(["lon-hon"], "2"), (["lon-hon", "lon-hon", "lon-hon", "lon-hon", "lon-hon"], "4"), (["nho-hon"], "0"), (["lon-hon", "mac-dinh"], "1")],
)
def test_without_javascript_the_choice_is_kept_and_the_browser_zoom_explained(client, demo_app, clicks, level):
    url = seed_url(client, demo_app)
    for choice in clicks:
        response = client.post("/co-chu", data={"size": choice, "next": url}, headers={"Sec-Fetch-Site": "same-origin"})
        assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")
        page = response.get_data(as_text=True)
        assert "<h1>Cỡ chữ</h1>" in page and "Ctrl</kbd>" in page and f'<a href="{url}">Quay lại trang đang đọc</a>' in page
    assert client.get_cookie("co_chu").value == level  # static/js/text-size.js applies it once scripts run
    shared = client.get(url).get_data(as_text=True)
    assert '<html lang="vi">' in shared  # no size printed into the page: it is every reader's


def test_text_size_refuses_bad_input_cross_site_posts_and_foreign_redirects(client, demo_app):
    assert client.post("/co-chu", data={"size": "khong-ro"}).status_code == 400
    refused = client.post("/co-chu", data={"size": "lon-hon"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403 and "trang web khác" in refused.get_data(as_text=True) and client.get_cookie("co_chu") is None
    response = client.post("/co-chu", data={"size": "lon-hon", "next": "//evil.example/"})
    assert '<a href="/#co-chu">' not in response.get_data(as_text=True) and '<a href="/">Quay lại' in response.get_data(as_text=True)
    client.set_cookie("co_chu", "99")
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)
