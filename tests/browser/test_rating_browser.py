"""A resident rates the seed article in real Chromium: in place with htmx, by keyboard
alone, and with JavaScript turned off."""

import re

import pytest
from sqlalchemy import select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article
from tests.browser.helpers import reader_context


@pytest.fixture
def seed_url(demo_app, live_url) -> str:
    with demo_app.test_request_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        return live_url + article.url


def widget(page):
    return page.locator("#danh-gia")


def test_vote_in_place_without_reloading_the_page(page, seed_url):
    page.goto(seed_url)
    assert "Bài viết chưa có lượt đánh giá." in widget(page).inner_text()
    page.evaluate("window.chuaTaiLai = 'van-con'")  # lost if the page were loaded again

    page.get_by_role("radio", name="4 sao").check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    summary = widget(page).locator(".rating-summary")
    summary.filter(has_text="Đánh giá: 1 lượt, trung bình 4,0/5").wait_for()

    assert page.evaluate("window.chuaTaiLai") == "van-con"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.url == seed_url
    assert "Cảm ơn bạn đã đánh giá bài viết!" in widget(page).inner_text()
    assert "Bạn đã đánh giá: 4 sao" in widget(page).inner_text()
    assert widget(page).locator("form").count() == 0  # the own vote, not a form that can only refuse

    page.reload()
    widget(page).get_by_text("Bạn đã đánh giá: 4 sao").wait_for()  # the live fragment brings the own vote
    assert summary.inner_text() == "Đánh giá: 1 lượt, trung bình 4,0/5"
    assert widget(page).locator("form").count() == 0


def test_rating_with_the_keyboard_alone(page, seed_url):
    page.goto(seed_url)
    page.get_by_role("link", name="In bài viết").focus()
    for _ in range(20):  # Tab past the article's tools (save, share, copy link) into the widget
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#danh-gia')"):
            break
    assert page.evaluate("document.activeElement.labels[0].innerText").endswith("1 sao")
    assert page.evaluate("getComputedStyle(document.activeElement.closest('label')).outlineStyle") == "solid"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name="3 sao").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "danh-gia-gui"
    page.keyboard.press("Enter")
    widget(page).locator(".rating-summary").filter(has_text="Đánh giá: 1 lượt, trung bình 3,0/5").wait_for()
    assert "Bạn đã đánh giá: 3 sao" in widget(page).inner_text()
    assert page.evaluate("document.activeElement.id") == "danh-gia-cua-ban"  # focus stays in the widget


def test_rating_with_javascript_turned_off(browser, seed_url):
    context = reader_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(seed_url)
        page.get_by_role("radio", name="5 sao").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Gửi đánh giá").click()
        assert re.search(r"/widgets/rating/\d+#danh-gia$", page.url)  # the article page, this reader's own
        text = widget(page).inner_text()
        assert "Cảm ơn bạn đã đánh giá bài viết!" in text
        assert "Đánh giá: 1 lượt, trung bình 5,0/5" in text
        assert "Bạn đã đánh giá: 5 sao" in text
    finally:
        context.close()
