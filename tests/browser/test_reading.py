"""A resident reads the news in a real browser."""

from tests.browser.conftest import CHROMIUM  # noqa: F401  (documents which browser)


def test_home_to_article_in_chromium(page, live_url):
    page.goto(live_url + "/")
    assert page.locator("h1").count() == 1
    page.get_by_role("link", name="Xây dựng Đảng").first.click()
    page.wait_for_url("**/tin-tuc/xay-dung-dang/")
    page.get_by_role("link", name="Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020").click()
    assert page.locator("h1").inner_text() == "Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020"
    assert page.locator(".byline").inner_text() == "Nguyễn Thị Hường - BTG Thị ủy"
    assert page.locator(".byline").evaluate("e => getComputedStyle(e).textAlign") == "right"
    assert page.evaluate("typeof htmx") == "object"
