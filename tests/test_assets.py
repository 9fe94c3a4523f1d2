"""Static files carry a content hash and are cached for a year; pages go out compressed."""

import gzip
import re

import pytest

from portal.web import assets


def _stylesheet_url(client) -> str:
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', client.get("/").text).group(1)


def test_static_url_carries_the_content_hash(demo_app, tmp_path):
    with demo_app.test_request_context():
        url = assets.static_url("css/portal.css")
        assert re.fullmatch(r"/static/css/portal\.css\?v=[0-9a-f]{12}", url)
        assert assets.content_hash("css/absent.css") is None


def test_hash_follows_the_file(demo_app, tmp_path):
    demo_app.static_folder = str(tmp_path)
    (tmp_path / "site.css").write_text("a { color: red }")
    with demo_app.test_request_context():
        before = assets.static_url("site.css")
        (tmp_path / "site.css").write_text("a { color: blue; }")
        assert assets.static_url("site.css") != before


def test_current_version_is_cached_for_a_year(client):
    response = client.get(_stylesheet_url(client))
    assert response.status_code == 200
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert response.cache_control.public and response.cache_control.immutable


@pytest.mark.parametrize("query", ["", "?v=000000000000"])
def test_unversioned_or_outdated_address_is_not_cached_for_long(client, query):
    response = client.get(f"/static/css/portal.css{query}")
    assert response.status_code == 200
    assert not response.cache_control.immutable
    assert response.cache_control.max_age is None


def test_pages_and_static_text_go_out_compressed(client):
    for url in ("/", _stylesheet_url(client)):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert len(gzip.decompress(response.data)) > len(response.data)


def test_without_accept_encoding_nothing_is_compressed(client):
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert response.text.startswith("<!doctype html>")
