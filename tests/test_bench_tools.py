"""The benchmark's own tools: the offline CSRF pairs and the cases are real."""

from bench.cases import _csrf_pairs, portal_cases
from portal.demo.documents import DOCUMENTS
from portal.web import visitor


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


def test_targets_are_judged_from_the_rows():
    from bench.run import check_targets

    rows = [
        {"case": "article", "articles": 100, "rps": 600.0, "ratio": 0.6, "p50_ms": 20.0},
        {"case": "article", "articles": 100_000, "rps": 500.0, "ratio": 0.4, "p50_ms": 25.0},
        {"case": "search", "articles": 100_000, "rps": 300.0, "ratio": 0.1, "p50_ms": 60.0},
    ]
    verdicts = {check["target"]: check["met"] for check in check_targets(rows, 100, 100_000)}
    assert verdicts["article@100 ratio >= 0.5"] is True
    assert verdicts["article@100000 ratio >= 0.5"] is False
    assert verdicts["counters@100 ratio >= 0.7"] is None  # not measured: n/a, never a number
    assert verdicts["article@100000 within 10 % of @100"] is False  # 500 / 600
    assert verdicts["search@100000 p50 < 50 ms"] is False


def test_warm_up_stops_once_throughput_settles(monkeypatch, tmp_path):
    from types import SimpleNamespace

    from bench import run

    rates = iter([100, 400, 700, 720, 730])
    windows = []

    def wrk(port, requests_file, seconds, connections):
        windows.append(seconds)
        return {"requests": next(rates) * seconds, "duration_us": seconds * 1_000_000}

    monkeypatch.setattr(run, "_wrk", wrk)
    run._warm_up(0, tmp_path / "case.requests", SimpleNamespace(warmup=3, connections=16))
    assert windows == [3, 3, 3, 3]  # 700 then 720: within 10 %, so the fifth window never runs


def test_the_library_cases_answer_and_are_judged(demo_app):
    """At the smallest size the bench's library has 100 documents (as many as articles): five pages."""
    from bench.run import check_targets
    from portal.demo.synthetic_documents import add_synthetic_documents

    with demo_app.app_context():
        add_synthetic_documents(100 - len(DOCUMENTS))
    cases = {case.name: case for case in portal_cases(demo_app)}
    client = demo_app.test_client()
    for name in ("documents", "doc-filter", "doc-search"):
        for request in cases[name].requests:
            assert client.get(request.path).status_code == 200, request.path
    rows = [{"case": "doc-search", "articles": 100, "rps": 400.0}, {"case": "doc-search", "articles": 100_000, "rps": 380.0}]
    verdicts = {check["target"]: check["met"] for check in check_targets(rows, 100, 100_000)}
    assert verdicts["doc-search@100000 within 10 % of @100"] is True and verdicts["documents@100000 within 10 % of @100"] is None
