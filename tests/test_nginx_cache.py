"""Real nginx, with the shipped site file, in front of a real gunicorn: pages come from nginx's
cache while the live fragment and the counting image still count every reader exactly; POSTs
and the admin are never kept."""

import re
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench import nginx
from tests.counters_support import BROWSER_UA
from tests.gunicorn_server import counters_widget, gunicorn_server

# own_sqlite: its site is SQLite whatever the run, checked once (tests/conftest.py)
pytestmark = [pytest.mark.slow, pytest.mark.own_sqlite, pytest.mark.skipif(not nginx.available(), reason="nginx is not installed (.ci/run installs it)")]

READERS = 20  # with JavaScript (the live fragment), and as many without (the counting image)


def fetch(url: str, opener=None, data: bytes | None = None, headers: dict | None = None):
    """Status, headers and body of one request, as a reader's browser (User-Agent) sends it."""
    request = urllib.request.Request(url, data=data, headers={"User-Agent": BROWSER_UA, **(headers or {})})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode(errors="replace")  # the image too
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


@pytest.fixture(scope="module")
def site(tmp_path_factory, demo_instance):
    folder = tmp_path_factory.mktemp("nginx")
    settings = {
        "PORTAL_INSTANCE_PATH": str(folder / "instance"),
        "PORTAL_SITE_URL": nginx.SITE_URL,
        "PORTAL_PROXY_FIX": "1",
        "PORTAL_RATING_LIMIT": "",
    }
    demo_instance(settings)
    with gunicorn_server(settings, folder / "gunicorn.log", workers=1) as server:
        app_port = int(server.url.rsplit(":", 1)[1])
        with nginx.nginx_in_front(app_port, folder / "nginx", Path(settings["PORTAL_INSTANCE_PATH"]) / "uploads") as port:
            yield f"http://127.0.0.1:{port}", Path(settings["PORTAL_INSTANCE_PATH"]) / "portal.sqlite3"


def article_figures(database: Path, article_id: int) -> tuple[int, int]:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT view_count, rating_count FROM article WHERE id = :id"), {"id": article_id}).one()
    engine.dispose()
    return tuple(row)


def test_pages_come_from_nginx_while_every_reader_is_counted(site):
    base, database = site
    status, _, home = fetch(base + "/")
    url = re.search(r'href="(/tin-tuc/[^"]+-(\d+)\.html)"', home)
    path, article_id = url.group(1), int(url.group(2))
    first = fetch(base + path)
    assert first[0] == 200 and first[1]["X-Cache-Status"] in ("MISS", "EXPIRED")
    assert "Set-Cookie" not in first[1]
    views_before, _ = article_figures(database, article_id)
    total_before = counters_widget(base)["total"]
    cache_statuses = []
    for reader in range(2 * READERS):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        status, headers, page = fetch(base + path, opener)
        assert status == 200 and page == first[2]  # the same bytes for every reader
        cache_statuses.append(headers["X-Cache-Status"])
        loader = re.search(r'data-hx-get="(/widgets/live[^"]*)"', page).group(1).replace("&amp;", "&")
        counted = (loader, {"HX-Request": "true"}) if reader % 2 else (f"/widgets/dem.gif?bai={article_id}", {})
        status, headers, _ = fetch(base + counted[0], opener, headers=counted[1])
        assert status == 200 and headers.get("X-Cache-Status") is None  # never through the cache
        assert "portal_visitor=" in headers["Set-Cookie"]
    views_after, _ = article_figures(database, article_id)
    hits = cache_statuses.count("HIT")
    print(f"\nnginx: {hits} of {len(cache_statuses)} article pages from nginx's cache; views +{views_after - views_before}")
    assert hits >= len(cache_statuses) - 4  # a page may expire (10 s) once or twice during the run
    assert views_after - views_before == 2 * READERS
    assert counters_widget(base)["total"] - total_before == 2 * READERS  # a new visit each


def test_votes_and_the_admin_are_never_kept(site):
    base, database = site
    _, _, home = fetch(base + "/")
    article_id = int(re.search(r'href="/tin-tuc/[^"]+-(\d+)\.html"', home).group(1))
    before = article_figures(database, article_id)[1]
    for stars in (b"stars=4", b"stars=5"):
        status, headers, body = fetch(base + f"/widgets/rating/{article_id}", data=stars, headers={"HX-Request": "true", "Sec-Fetch-Site": "same-origin"})
        assert status == 200 and "Cảm ơn bạn đã đánh giá" in body and headers.get("X-Cache-Status") is None
    assert article_figures(database, article_id)[1] == before + 2
    for _ in range(2):
        status, headers, body = fetch(base + "/quan-tri/dang-nhap")
        assert status == 200 and headers.get("X-Cache-Status") is None and 'name="csrf_token"' in body
