"""The webmaster in a real Chromium attaches a PDF to an article; a resident on a 360 px phone
finds it under the article, "Tài liệu đính kèm", reads its preview and downloads it (issue 17,
point 5)."""

import pytest
from sqlalchemy import select

from portal.demo.documents import DOCUMENTS
from portal.demo.loader import SEED_TITLE
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Article, ArticleStatus
from tests.browser.helpers import FIND_OVERFLOW, reader_context, screenshot, sign_in
from tests.helpers import url_of
from tests.live_server import serve

DECISION = next(item for item in DOCUMENTS if item.spec.number == "1250/QĐ-UBND")


@pytest.fixture
def admin_url(admin_app):
    with serve(admin_app) as url:
        yield url


def test_an_attached_pdf_is_previewed_and_downloaded_on_a_phone(browser, admin_app, admin_url, tmp_path):
    with admin_app.app_context():
        query = select(Article.id).where(Article.status == ArticleStatus.PUBLISHED, Article.title != SEED_TITLE)
        article_id = db.session.execute(query.order_by(Article.id)).scalars().first()
    pdf = tmp_path / "quyet-dinh-1250.pdf"
    pdf.write_bytes(drawn(DECISION.spec, "pdf"))
    webmaster = reader_context(browser, viewport={"width": 1280, "height": 800})
    resident = reader_context(browser, viewport={"width": 360, "height": 740}, accept_downloads=True)
    try:
        page = webmaster.new_page()
        sign_in(page, admin_url, f"/quan-tri/bai-viet/{article_id}")
        page.get_by_label("Thêm tệp đính kèm").set_input_files(str(pdf))
        page.get_by_role("button", name="Lưu", exact=True).click()
        page.get_by_text("Đã lưu bài viết").wait_for()
        assert page.get_by_role("link", name="quyet-dinh-1250.pdf").is_visible()

        reader = resident.new_page()
        errors: list[str] = []
        reader.on("pageerror", lambda error: errors.append(str(error)))
        reader.goto(admin_url + url_of(admin_app, article_id))
        section = reader.locator("section.article-documents")
        assert section.get_by_role("heading", name="Tài liệu đính kèm").is_visible()
        picture = section.get_by_role("img", name="Trang 1 của tệp quyet-dinh-1250.pdf")
        picture.scroll_into_view_if_needed()
        picture.evaluate("image => image.decode()")
        box = picture.bounding_box()
        assert picture.evaluate("image => image.naturalWidth") > 0 and 0 < box["width"] <= 360
        assert reader.evaluate(FIND_OVERFLOW) == []
        screenshot(section, "article-attachment-360")
        with reader.expect_download() as downloading:
            section.get_by_role("link", name="Tải về quyet-dinh-1250.pdf").click()
        download = downloading.value
        assert download.suggested_filename == "quyet-dinh-1250.pdf"
        assert download.path().read_bytes()[:5] == b"%PDF-"
        assert errors == []
    finally:
        webmaster.close()
        resident.close()
