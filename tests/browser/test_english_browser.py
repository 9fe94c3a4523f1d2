"""The English section on a phone in a real Chromium (issue 18, point 4): a visitor from abroad
switches from the Vietnamese home page to English, opens the menu, finds the leaders and whom to
call, and switches back from a page to its Vietnamese counterpart."""

from axe_playwright_python import sync_playwright as axe

from tests.browser.helpers import WCAG_AA, reader_context, screenshot

WIDTH = 360


def test_a_visitor_switches_to_english_and_back_on_a_phone(browser, live_url):
    context = reader_context(browser, viewport={"width": WIDTH, "height": 740})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(live_url + "/")
        page.locator(".language-switch").get_by_role("link", name="English").click()
        page.wait_for_url("**/en/")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == "Hong Linh Town Party Committee"
        leaders = page.locator("section[aria-labelledby=lanh-dao] .person-title").all_inner_texts()
        assert leaders[:2] == ["Secretary of the Town Party Committee", "Standing Deputy Secretary"]
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        assert page.locator(".site-header").bounding_box()["height"] < 740 / 3
        screenshot(page, f"english-home-{WIDTH}", full_page=True)
        results = axe.Axe().run(page, options=WCAG_AA)
        assert results.violations_count == 0, results.generate_report()
        page.get_by_text("Menu", exact=True).click()  # the folded menu, in English
        page.locator(".main-nav").get_by_role("link", name="Functions and duties").click()
        page.wait_for_url("**/en/about-us/functions-and-duties")
        assert page.get_by_role("heading", level=1).inner_text() == "Functions and duties"
        screenshot(page, f"english-page-{WIDTH}", full_page=True)
        page.locator(".language-switch").get_by_role("link", name="Tiếng Việt").click()
        page.wait_for_url("**/gioi-thieu/chuc-nang-nhiem-vu")
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.get_by_role("heading", level=1).inner_text() == "Chức năng nhiệm vụ"
        assert errors == []
    finally:
        context.close()
