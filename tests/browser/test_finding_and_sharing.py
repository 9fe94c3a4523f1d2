"""Search from the header, the copy-link button, the text size control and printing, in Chromium."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import reader_context

SEED_TITLE = "Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020"


def open_seed_article(page, live_url):
    page.goto(live_url + "/tim-kiem?q=hoi+nghi+tuyen+truyen+khoa+giao")
    # the results, not the sidebar's list of most read articles, which holds it too
    page.locator("#noi-dung").get_by_role("link", name=SEED_TITLE).click()
    page.wait_for_url(re.compile(r".*/tin-tuc/xay-dung-dang/.*\.html$"))


def test_search_box_in_the_header_finds_without_diacritics(page, live_url):
    page.goto(live_url + "/")
    page.get_by_label("Tìm kiếm").fill("hoi nghi tuyen truyen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem?q=hoi+nghi+tuyen+truyen")
    first = page.locator(".search-result").first
    assert first.locator("h2").inner_text() == SEED_TITLE
    assert first.locator("mark").first.inner_text() == "Hội"


def test_copy_link_button_copies_the_address(browser, live_url):
    context = reader_context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    page = context.new_page()
    try:
        open_seed_article(page, live_url)
        page.bring_to_front()  # the clipboard answers a focused page only (a CI run waited 30 s for it)
        button = page.get_by_role("button", name="Sao chép liên kết")
        assert button.is_visible()  # shown once the script runs; hidden without it
        button.click()
        expect(page.locator(".copy-status")).to_have_text("Đã sao chép liên kết.")
        assert page.evaluate("navigator.clipboard.readText()") == page.locator("#lien-ket-bai-viet").input_value()
    finally:
        context.close()


def test_text_size_works_from_the_keyboard_and_persists(page, live_url):
    open_seed_article(page, live_url)
    body_size = "() => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)"
    normal = page.evaluate(body_size)
    larger = page.get_by_role("button", name="Chữ lớn hơn")
    larger.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.dataset.coChu === '2'")
    assert page.evaluate(body_size) > normal
    page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.dataset.coChu === '3'")
    page.goto(live_url + "/")  # the server reads the cookie the script wrote
    assert page.locator("html").get_attribute("data-co-chu") == "3"
    open_seed_article(page, live_url)
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    page.wait_for_function("document.documentElement.dataset.coChu === undefined")
    assert page.evaluate(body_size) == normal


def test_print_media_hides_menu_and_sidebar_and_shows_the_source(page, live_url):
    open_seed_article(page, live_url)
    page.emulate_media(media="print")
    for selector in (".main-nav", ".sidebar", ".site-header", ".tool-links", ".text-size", ".site-footer"):
        assert not page.locator(selector).is_visible(), selector
    source = page.locator(".print-only.print-source")
    assert source.is_visible()
    assert "Đăng ngày Thứ Năm, 20/02/2020 08:30" in source.inner_text()
