"""One trusted host (issue 13, point 5): a request for another host is refused on every route,
by every method, before anything else runs; every absolute URL the site writes (feeds, sitemap,
robots.txt, canonical, og:url, JSON-LD, the API, the print page) starts with PORTAL_SITE_URL,
whatever Host or X-Forwarded-Host the request carried."""

import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from portal import create_app
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article

SITE = "https://cong.example.vn"
SPOOFED = "evil.example"
# An alias the server also answers to (the app server's own address, say): allowed, but
# never the address written into a page.
ALIAS = "10.0.0.5"
REFUSAL = "Tên miền trong yêu cầu không phải địa chỉ của cổng thông tin này."


@pytest.fixture
def site(make_app):
    return make_app(demo=True, SITE_URL=SITE, ALLOWED_HOSTS=["cong.example.vn", ALIAS])


def _every_request(app) -> list[tuple[str, str]]:
    """(method, path) for every rule of the URL map and every method it takes, "1" in each part."""
    found = []
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:[^:<>]+:)?(\w+)>", "1", rule.rule)
        found += [(method, path) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def test_every_route_refuses_a_spoofed_host(site):
    client = site.test_client()
    requests = _every_request(site)
    assert len(requests) > 60 and ("POST", "/widgets/rating/1") in requests
    answered = {}
    for method, path in requests:
        response = client.open(path, method=method, base_url=f"https://{SPOOFED}")
        answered[(method, path)] = response.status_code
        if path == "/healthz":  # a load balancer checks each app server by its own address
            assert response.status_code == 200
            continue
        assert response.status_code == 400, (method, path, response.status_code)
        body = response.get_json()["error"]["message"] if response.is_json else response.get_data(as_text=True)
        assert REFUSAL in body and SPOOFED not in body
    assert answered[("GET", "/healthz")] == 200


@pytest.mark.parametrize("proxy_fix", [0, 1], ids=["direct", "behind-nginx"])
def test_a_spoofed_forwarded_host_is_refused_or_ignored(make_app, proxy_fix):
    """Behind nginx (PROXY_FIX=1) X-Forwarded-Host is the host, and a foreign one is refused;
    without a proxy the header is not believed at all, so it cannot reach a page."""
    app = make_app(demo=True, SITE_URL=SITE, PROXY_FIX=proxy_fix)
    response = app.test_client().get("/rss", base_url=SITE, headers={"X-Forwarded-Host": SPOOFED})
    if proxy_fix:
        assert response.status_code == 400
    else:
        assert response.status_code == 200 and SPOOFED not in response.get_data(as_text=True)


def _absolute_urls(text: str) -> set[str]:
    return set(re.findall(r"https?://[^\s\"'<>\\]+", text))


def _written_by_the_site(urls: set[str]) -> set[str]:
    """The URLs that point at this site by any of its names (not XML namespaces, schema.org,
    share buttons or the external links of the demo content)."""
    return {url for url in urls if urlsplit(url).hostname in ("cong.example.vn", ALIAS, "localhost")}


def test_every_absolute_url_comes_from_the_configured_address(site):
    with site.test_request_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        article, print_page = seed.url, f"/tin-tuc/in/{seed.id}.html"
    client = site.test_client()
    pages = ["/", article, print_page, "/rss", "/sitemap.xml", "/robots.txt", "/api/v1/articles", "/api/v1/categories"]
    for path in pages:
        response = client.get(path, base_url=f"http://{ALIAS}")
        assert response.status_code == 200, path
        urls = _written_by_the_site(_absolute_urls(response.get_data(as_text=True)))
        assert urls or path == "/", f"{path} writes no absolute URL of the site"
        wrong = {url for url in urls if not url.startswith(SITE + "/")}
        assert not wrong, (path, wrong)
    head = client.get(article, base_url=f"http://{ALIAS}").get_data(as_text=True)
    assert f'<link rel="canonical" href="{SITE}{article}">' in head
    assert f'<meta property="og:url" content="{SITE}{article}">' in head
    assert f"Sitemap: {SITE}/sitemap.xml" in client.get("/robots.txt", base_url=f"http://{ALIAS}").get_data(as_text=True)


def test_the_site_address_alone_allows_its_own_host(make_app):
    app = make_app(SITE_URL=SITE)
    assert app.config["ALLOWED_HOSTS"] == ["cong.example.vn"]
    client = app.test_client()
    assert client.get("/", base_url=SITE).status_code == 200
    assert client.get("/", base_url="http://localhost").status_code == 400


def test_a_leading_dot_allows_every_subdomain(make_app):
    app = make_app(SITE_URL=SITE, ALLOWED_HOSTS=[".example.vn"])
    client = app.test_client()
    assert client.get("/", base_url="https://www.example.vn").status_code == 200
    assert client.get("/", base_url="https://example.vn.evil.example").status_code == 400


def test_make_run_on_loopback_answers_both_loopback_names(make_app):
    app = make_app(SITE_URL="http://127.0.0.1:8000")
    for host in ("http://127.0.0.1:8000", "http://localhost:8000"):
        assert app.test_client().get("/", base_url=host).status_code == 200


@pytest.mark.parametrize("address", ["cong.example.vn", "ftp://cong.example.vn", "https://cong.example.vn/tin-tuc", "https://"])
def test_a_malformed_site_address_stops_the_start_in_vietnamese(tmp_path, monkeypatch, address):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ValueError, match="cần địa chỉ gốc của cổng"):
        create_app({"TESTING": True, "SITE_URL": address})
