"""Production settings: security headers everywhere, cookies, proxies, body size, no debug."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from flask import render_template, request, session

from portal import create_app
from portal.services import settings
from portal.web.security import DebugUnderGunicorn
from portal.web.visitor import COOKIE_NAME, current_visitor
from tests.counters_support import BROWSER_UA

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
}


@pytest.fixture
def site(demo_app):
    """The demo site plus three throwaway views: a fragment, a session write and a failure."""

    @demo_app.get("/thu/manh")
    def fragment():
        return render_template("widgets/_counters.html", site=settings.current())

    @demo_app.get("/thu/phien")
    def remember():
        session["seen"] = True
        current_visitor()
        return {"remote_addr": request.remote_addr, "scheme": request.scheme, "host": request.host}

    @demo_app.get("/thu/hong")
    def broken():
        raise RuntimeError("hỏng")

    demo_app.config["PROPAGATE_EXCEPTIONS"] = False
    return demo_app


def policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split("; ")}


def assert_security_headers(response) -> None:
    for name, value in EXPECTED.items():
        assert response.headers[name] == value, name
    directives = policy(response)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].startswith("'self' 'sha256-") and directives["style-src"] == "'self'"  # the text size's few lines
    assert directives["frame-ancestors"] == "'self'" and directives["object-src"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]


def first_upload(client) -> str:
    body = client.get("/ban-do").get_data(as_text=True)
    return re.search(r'src="(/uploads/[^"]+)"', body).group(1)


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/", {}, 200),
        ("/thu/manh", {"HX-Request": "true"}, 200),
        ("/khong-co-trang-nay", {}, 404),
        ("/khong-co-trang-nay", {"HX-Request": "true"}, 404),
        ("/static/css/portal.css", {}, 200),
        ("/healthz", {}, 200),
    ],
    ids=["page", "fragment", "error-page", "error-fragment", "static", "health"],
)
def test_security_headers_on_every_kind_of_response(site, path, headers, status):
    with site.test_client().get(path, headers=headers) as response:
        assert response.status_code == status
        assert_security_headers(response)


def test_fragment_is_a_fragment_with_headers(site):
    response = site.test_client().get("/thu/manh", headers={"HX-Request": "true"})
    assert "<html" not in response.get_data(as_text=True) and 'id="bo-dem"' in response.get_data(as_text=True)
    assert_security_headers(response)


def test_security_headers_on_uploads_405_and_500(site):
    client = site.test_client()
    with client.get(first_upload(client)) as upload:
        assert upload.status_code == 200
        assert_security_headers(upload)
    not_allowed = client.post("/")
    assert not_allowed.status_code == 405
    assert_security_headers(not_allowed)
    failed = client.get("/thu/hong")
    assert failed.status_code == 500 and "Đã có lỗi xảy ra" in failed.get_data(as_text=True)
    assert_security_headers(failed)


def test_request_body_limit_answers_413_in_vietnamese(make_app):
    app = make_app(demo=True, MAX_CONTENT_LENGTH=1024)

    @app.post("/thu/gui")
    def receive():
        return {"received": len(request.form.get("noi_dung", ""))}

    response = app.test_client().post("/thu/gui", data={"noi_dung": "x" * 4096})
    assert response.status_code == 413
    assert "Tệp gửi lên quá lớn" in response.get_data(as_text=True)
    assert_security_headers(response)


def test_request_body_limit_is_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    assert create_app().config["MAX_CONTENT_LENGTH"] == 16 * 1024 * 1024
    monkeypatch.setenv("PORTAL_MAX_CONTENT_LENGTH", str(50 * 1024 * 1024))
    assert create_app().config["MAX_CONTENT_LENGTH"] == 50 * 1024 * 1024


def test_templates_have_no_inline_script_or_style():
    """What the CSP would block: <script> with code in it, <style> blocks, style= attributes,
    on…= handlers. JSON-LD data blocks (type="application/ld+json") are data, not script; the
    lines of ``inline_script(…)`` are allowed by their hash (see the next test)."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        if template == TEMPLATES / "news" / "saved.html":
            continue  # the "Lưu bài viết" download: a file read from disk, it carries its own CSS
        source = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", source, re.S):
            attributes, content = match.groups()
            allowed = re.fullmatch(r"\{\{ inline_script\('[^']+'\) \}\}", content.strip())
            if content.strip() and "application/ld+json" not in attributes and not allowed:
                offenders.append(f"{template.name}: inline <script>")
        if re.search(r"<style\b", source):
            offenders.append(f"{template.name}: <style>")
        if re.search(r"\sstyle\s*=", source):
            offenders.append(f"{template.name}: style=")
        if re.search(r"\son[a-z]+\s*=", source):
            offenders.append(f"{template.name}: inline event handler")
    assert offenders == []


def test_rendered_pages_have_no_inline_script_or_style(client):
    """The pages as served, article bodies included, carry nothing the CSP would block: each
    inline script is one the policy names by its SHA-256."""
    home = client.get("/").get_data(as_text=True)
    paths = {"/", "/ban-do", "/khong-co-trang-nay", *re.findall(r'href="(/tin-tuc/[^"]+)"', home)}
    for path in paths:
        response = client.get(path)
        body, allowed = response.get_data(as_text=True), policy(response)["script-src"].split()
        for code in re.findall(r"<script>(.*?)</script>", body, re.S):
            assert f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'" in allowed, path
        others = re.sub(r"<script>.*?</script>", "", body, flags=re.S)
        assert not re.search(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", others), path
        assert not re.search(r"<style\b|\sstyle\s*=|\son[a-z]+\s*=", body), path
    assert len(paths) > 10


def session_cookie(response) -> str:
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


def visitor_cookie(response) -> str:
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE_NAME))


def test_cookies_are_httponly_samesite_and_not_secure_over_http(site):
    response = site.test_client().get("/thu/phien")
    for cookie in (session_cookie(response), visitor_cookie(response)):
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Secure" not in cookie
    assert "Strict-Transport-Security" not in response.headers


def test_cookies_are_secure_over_https(site):
    response = site.test_client().get("/thu/phien", base_url="https://localhost")
    for cookie in (session_cookie(response), visitor_cookie(response)):
        assert "Secure" in cookie and "HttpOnly" in cookie
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_secure_cookies_can_be_forced(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    response = app.test_client().get("/widgets/dem.gif", headers={"User-Agent": BROWSER_UA})
    assert "Secure" in visitor_cookie(response)


FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "cong.example.vn"}


def test_forwarded_headers_are_ignored_without_proxy_fix(site):
    response = site.test_client().get("/thu/phien", headers=FORWARDED)
    assert response.json == {"remote_addr": "127.0.0.1", "scheme": "http", "host": "localhost"}
    assert "Secure" not in session_cookie(response)


def test_proxy_fix_trusts_one_proxy(make_app):
    app = make_app(PROXY_FIX=1, SITE_URL="https://cong.example.vn")

    @app.get("/thu/phien")
    def remember():
        session["seen"] = True
        return {"remote_addr": request.remote_addr, "scheme": request.scheme, "host": request.host}

    client = app.test_client()
    response = client.get("/thu/phien", headers=FORWARDED)
    assert response.json == {"remote_addr": "203.0.113.7", "scheme": "https", "host": "cong.example.vn"}
    assert "Secure" in session_cookie(response)
    assert "Strict-Transport-Security" in response.headers
    spoofed = client.get("/thu/phien", headers=FORWARDED | {"X-Forwarded-For": "198.51.100.1, 203.0.113.7"})
    assert spoofed.json["remote_addr"] == "203.0.113.7"  # only the hop nginx appended is believed


def test_proxy_fix_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("PORTAL_PROXY_FIX", "1")
    app = create_app()
    assert type(app.wsgi_app).__name__ == "ProxyFix"


@pytest.mark.parametrize("switch", [("PORTAL_DEBUG", "true"), ("FLASK_DEBUG", "1")])
def test_debug_is_refused_under_gunicorn(tmp_path, monkeypatch, switch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv(*switch)
    assert create_app().debug  # the development server may debug…
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/23.0.0")
    with pytest.raises(DebugUnderGunicorn, match="PORTAL_DEBUG"):
        create_app()  # …gunicorn may not


def test_gunicorn_without_debug_starts(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/23.0.0")
    assert not create_app().debug
