"""The visitor cookie: set once, signed, HttpOnly, SameSite=Lax, never forged, never by a page."""

from portal.web.visitor import COOKIE_NAME
from tests.counters_support import BROWSER_UA
from tests.helpers import read

READER = {"User-Agent": BROWSER_UA}


def visitor_cookie(client):
    return client.get_cookie(COOKIE_NAME)


def test_the_first_live_fragment_sets_a_signed_long_lived_cookie_never_the_page(client):
    page, live = read(client, "/", headers=READER)
    assert not page.headers.getlist("Set-Cookie")
    header = next(h for h in live.headers.getlist("Set-Cookie") if h.startswith(COOKIE_NAME))
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Max-Age=63072000" in header
    first = visitor_cookie(client).value
    page, live = read(client, "/", headers=READER)
    assert not page.headers.getlist("Set-Cookie") and not live.headers.getlist("Set-Cookie")
    assert visitor_cookie(client).value == first


def test_the_counting_image_sets_it_too(client):
    page, image = read(client, "/", headers=READER, javascript=False)
    assert image.mimetype == "image/gif" and image.headers["Cache-Control"] == "no-store"
    assert any(h.startswith(COOKIE_NAME) for h in image.headers.getlist("Set-Cookie"))


def test_forged_cookie_is_replaced(client):
    client.set_cookie(COOKIE_NAME, "ke-gia-mao")
    read(client, "/", headers=READER)
    assert visitor_cookie(client).value != "ke-gia-mao"


def test_static_files_get_no_visitor(client):
    with client.get("/static/css/portal.css") as response:
        assert response.status_code == 200
        assert not response.headers.getlist("Set-Cookie")
