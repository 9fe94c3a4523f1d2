"""The benchmark's own tools: the offline CSRF pairs and the cases are real."""

from bench.cases import _csrf_pairs, portal_cases
from portal import visitor


def test_offline_csrf_pairs_pass_flask_wtf(demo_app):
    @demo_app.post("/_csrf-probe")
    def probe():
        return "", 204

    client = demo_app.test_client()
    cookie, token = _csrf_pairs(demo_app, 1)[0]
    name, value = cookie.split("=", 1)
    client.set_cookie(name, value)
    assert client.post("/_csrf-probe", data={"csrf_token": token}).status_code == 204
    assert client.post("/_csrf-probe", data={"csrf_token": token[::-1]}).status_code == 400


def test_cases_send_new_visitors_to_real_articles(demo_app):
    cases = {case.name: case for case in portal_cases(demo_app)}
    client = demo_app.test_client()
    articles = cases["article"].requests
    assert len({r.path for r in articles}) == len(articles) > 20
    for request in articles[:5]:
        assert request.cookie == ""
        response = client.get(request.path)
        assert response.status_code == 200
        assert visitor.COOKIE_NAME in response.headers["Set-Cookie"]  # a new visitor each time
        client.delete_cookie(visitor.COOKIE_NAME)
    rating = cases["rating"].requests
    assert len({r.body for r in rating}) == len(rating)
    assert all(r.path.startswith("/widgets/rating/") and "stars=" in r.body for r in rating)


def test_counter_polls_come_from_known_visitors(demo_app):
    poll = next(case for case in portal_cases(demo_app) if case.name == "counters").requests[0]
    client = demo_app.test_client()
    name, value = poll.cookie.split("=", 1)
    client.set_cookie(name, value)
    assert "Set-Cookie" not in client.get("/").headers  # the signed cookie is recognised
