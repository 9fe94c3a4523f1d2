"""A resident votes in the sidebar's poll with the keyboard alone, in real Chromium, and sees the
results drawn as bars (SVG) without the page being loaded again (issue 19)."""

from tests.browser.helpers import screenshot


def test_voting_in_the_sidebar_poll_with_the_keyboard(page, live_url):
    page.goto(live_url + "/")
    poll = page.locator(".block-poll .poll")
    page.evaluate("window.chuaTaiLai = 'van-con'")  # lost if the page were loaded again
    page.get_by_role("link", name="Trang cuộc thăm dò").focus()
    for _ in range(8):  # Shift+Tab back from the block's link into the poll's button, then its choices
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.type === 'radio'"):
            break
    assert page.evaluate("!!document.activeElement.closest('.block-poll')")
    page.keyboard.press("ArrowDown")  # the next choice, ticked as it gets the focus
    chosen = page.evaluate("document.activeElement.labels[0].innerText.trim()")
    page.keyboard.press("Enter")  # submits the form
    poll.locator("svg.poll-chart").wait_for()
    text = poll.inner_text()
    assert "Cảm ơn bạn đã bình chọn!" in text and f"{chosen}: 100,0% (1 phiếu) – bạn đã chọn" in text
    assert "1 người đã bình chọn." in text
    assert page.evaluate("window.chuaTaiLai") == "van-con"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate("document.activeElement.classList.contains('poll-question')")  # focus kept in the widget
    screenshot(poll, "tham-do-ket-qua")
