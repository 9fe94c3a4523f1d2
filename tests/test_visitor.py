"""The visitor cookie: set once, signed, HttpOnly, SameSite=Lax, never forged."""

from portal.web.visitor import COOKIE_NAME


def visitor_cookie(client):
    return client.get_cookie(COOKIE_NAME)


def test_first_visit_sets_a_signed_long_lived_cookie(client):
    response = client.get("/")
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE_NAME))
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Max-Age=63072000" in header
    first = visitor_cookie(client).value
    again = client.get("/")
    assert not any(h.startswith(COOKIE_NAME) for h in again.headers.getlist("Set-Cookie"))
    assert visitor_cookie(client).value == first


def test_forged_cookie_is_replaced(client):
    client.set_cookie(COOKIE_NAME, "ke-gia-mao")
    client.get("/")
    assert visitor_cookie(client).value != "ke-gia-mao"


def test_static_files_get_no_visitor(client):
    with client.get("/static/css/portal.css") as response:
        assert response.status_code == 200
        assert not response.headers.getlist("Set-Cookie")
