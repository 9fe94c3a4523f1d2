"""The Content-Security-Policy in a real browser: the pages break none of its rules."""

import re

VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  (window.cspViolations = window.cspViolations || []).push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_pages_break_no_content_security_policy_rule(page, live_url):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(VIOLATIONS)
    page.goto(live_url + "/")
    home = page.content()
    article = re.search(r'href="(/tin-tuc/[^"/]+/[^"]+\.html)"', home).group(1)
    for path in ("/", article, "/ban-do", "/khong-co-trang-nay"):
        page.goto(live_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.cspViolations || []") == [], path
        assert page.evaluate("typeof htmx") == "object", path  # the script from 'self' ran
        assert page.evaluate("document.querySelectorAll('style').length") == 0, path  # htmx injected none
        assert page.evaluate("getComputedStyle(document.body).margin") != "8px", path  # portal.css applied
    assert not [text for text in console if "Content Security Policy" in text]
