"""The page is one document for everyone; the live part comes in one request, in real Chromium:
every reader counted exactly, with JavaScript (the live fragment) and without (the counting
image), their own vote shown after a reload, the text size theirs before the first paint."""

from sqlalchemy import select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article
from tests.browser.helpers import reader_context, screenshot

READERS = 4  # with JavaScript, and as many without


def seed(app) -> tuple[int, str]:
    with app.test_request_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        return article.id, article.url


def views(app, article_id: int) -> int:
    with app.app_context():
        return db.session.execute(select(Article.view_count).where(Article.id == article_id)).scalar_one()


def test_every_reader_is_counted_once_with_or_without_javascript(browser, demo_app, live_url):
    article_id, url = seed(demo_app)
    before = views(demo_app, article_id)
    requests: list[str] = []
    for scripts in [True] * READERS + [False] * READERS:
        context = reader_context(browser, java_script_enabled=scripts)
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url) if "/widgets/" in request.url else None)
        waited = "**/widgets/live?*" if scripts else "**/widgets/dem.gif?*"
        with page.expect_response(waited) as counted:
            page.goto(live_url + url)
        assert counted.value.status == 200 and counted.value.headers["cache-control"] == "no-store"
        if scripts:
            page.locator("#luot-xem").filter(has_text=f"Lượt xem: {before + len(requests)}").wait_for()
        context.close()
    assert views(demo_app, article_id) == before + 2 * READERS
    assert len(requests) == 2 * READERS  # one request per page view, the fragment or the image


def test_the_own_vote_and_the_text_size_follow_the_reader_not_the_page(browser, demo_app, live_url):
    article_id, url = seed(demo_app)
    context = reader_context(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_url + url)
    page.get_by_role("radio", name="3 sao").check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Bạn đã đánh giá: 3 sao").wait_for()
    page.get_by_role("button", name="A+ chữ lớn hơn").click()
    with page.expect_response("**/widgets/live?*"):
        page.reload()
    page.get_by_text("Bạn đã đánh giá: 3 sao").wait_for()  # brought by the live fragment
    assert page.evaluate("document.documentElement.getAttribute('data-co-chu')") == "2"
    assert page.locator(".text-size-current").inner_text() == "(115%)"
    screenshot(page.locator("#danh-gia"), "live-own-vote-360")
    stranger = reader_context(browser).new_page()
    held = []  # the live request, answered only once the stranger has chosen a star
    stranger.route("**/widgets/live?*", lambda route: held.append(route))
    stranger.goto(live_url + url)
    stranger.get_by_role("radio", name="4 sao").check()
    with stranger.expect_response("**/widgets/live?*"):
        held[0].continue_()
    stranger.locator(".rating-summary").filter(has_text="Đánh giá: 1 lượt, trung bình 3,0/5").wait_for()
    assert stranger.get_by_role("button", name="Gửi đánh giá").is_visible()  # the same page, their own form
    assert stranger.get_by_role("radio", name="4 sao").is_checked()  # the live figures left their choice alone
    screenshot(stranger.locator("#danh-gia"), "live-star-kept-1280")
    assert stranger.evaluate("document.documentElement.getAttribute('data-co-chu')") is None
    stranger.context.close()
    context.close()
