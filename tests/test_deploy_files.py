"""The files a webmaster copies (deploy/): gunicorn's settings, the nginx site, the systemd
unit; each is checked by the program that reads it."""

import http.client
import re
import runpy
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench import nginx
from portal import config
from tests.gunicorn_server import (
    CONFIG,
    GUNICORN,
    ROOT,
    gunicorn_command,
    gunicorn_server,
    server_environment,
)
from tests.real_services import free_port

# left out of the fast subset (README); its site is SQLite whatever the run: checked once (tests/conftest.py)
pytestmark = [pytest.mark.slow, pytest.mark.own_sqlite]

DEPLOY = ROOT / "deploy"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def test_gunicorn_settings_for_two_cores():
    settings = runpy.run_path(str(CONFIG))
    assert (settings["workers"], settings["threads"], settings["worker_class"]) == (2, 4, "gthread")
    assert settings["bind"] == "127.0.0.1:8000" and not settings["preload_app"]


def test_gunicorn_loads_the_app_with_these_settings(tmp_path):
    result = subprocess.run(
        [str(GUNICORN), "--check-config", "-c", str(CONFIG), "wsgi:app"],
        cwd=ROOT, env=server_environment({"PORTAL_INSTANCE_PATH": str(tmp_path)}),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("switch", [("PORTAL_DEBUG", "true"), ("FLASK_DEBUG", "1")])
def test_gunicorn_refuses_to_start_in_debug_mode(tmp_path, switch):
    """A real gunicorn master: its worker refuses to load the app, so the server stops."""
    settings = {"PORTAL_INSTANCE_PATH": str(tmp_path), switch[0]: switch[1]}
    result = subprocess.run(
        gunicorn_command("--workers", "1"),
        cwd=ROOT, env=server_environment(settings), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "DebugUnderGunicorn: Debug mode is on under gunicorn" in result.stderr


def nginx_config(folder: Path, uploads: Path, port: int, upstream: str = "127.0.0.1:8000") -> Path:
    """The example site as it ships, on ``port``, with every file nginx writes kept in ``folder``."""
    if not nginx.available():
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    return nginx.write_config(folder, uploads, port, upstream)


def test_nginx_site_passes_nginx_t(tmp_path):
    config = nginx_config(tmp_path, tmp_path, free_port())
    result = subprocess.run(nginx.command(config, "-t"), capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        headers = {name.lower(): ", ".join(response.headers.get_all(name)) for name in response.headers}
        return response.status, headers, response.read()


def test_nginx_in_front_of_gunicorn(tmp_path, demo_instance):
    """The example site really serving: files from disk, compressed and cached, pages proxied."""
    instance = tmp_path / "instance"
    settings = {"PORTAL_INSTANCE_PATH": str(instance), "PORTAL_PROXY_FIX": "1", "PORTAL_SITE_URL": "http://cong.example.vn"}
    demo_instance(settings)
    with gunicorn_server(settings, tmp_path / "gunicorn.log", workers=1, threads=2) as app_server:
        port = free_port()
        config = nginx_config(tmp_path, instance / "uploads", port, app_server.url.removeprefix("http://"))
        server = subprocess.Popen(nginx.command(config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            nginx.wait_for_port(port, server)
            status, headers, page = fetch(base + "/", Host="cong.example.vn")
            assert status == 200 and b"<html" in page
            assert "frame-ancestors 'self'" in headers["content-security-policy"]  # from the app
            article_id = re.search(rb'href="/tin-tuc/[^"/]+/[^"]+-(\d+)\.html"', page).group(1).decode()
            _, _, printed = fetch(f"{base}/tin-tuc/in/{article_id}.html", Host="cong.example.vn")
            assert "Nguồn: http://cong.example.vn/tin-tuc/" in printed.decode()  # the configured address
            for host in ("127.0.0.1", "ke-gia-mao.example"):  # the default server answers nothing (444)
                with pytest.raises((ConnectionError, http.client.HTTPException)):
                    fetch(base + "/", Host=host)
            site = {"Host": "cong.example.vn"}
            _, css_headers, _ = fetch(base + "/static/css/portal.css", **site, **{"Accept-Encoding": "gzip"})
            assert css_headers["content-encoding"] == "gzip"
            assert css_headers["cache-control"] == "public, max-age=604800"
            assert css_headers["x-content-type-options"] == "nosniff"
            _, vendor_headers, _ = fetch(base + "/static/vendor/htmx-2.0.11.min.js", **site)
            assert vendor_headers["cache-control"] == "public, max-age=31536000, immutable"
            upload = re.search(rb'src="(/uploads/[^"]+\.svg)"', page).group(1).decode()
            status, upload_headers, image = fetch(base + upload, **site, **{"Accept-Encoding": "gzip"})
            assert status == 200 and upload_headers["content-encoding"] == "gzip"
            assert upload_headers["cache-control"] == "public, max-age=31536000, immutable"
            assert "sandbox" in upload_headers["content-security-policy"] and image.startswith(b"\x1f\x8b")
            attached = next((instance / "uploads" / "dinh-kem").glob("*.pdf")).name  # the seed article's outline
            with pytest.raises(urllib.error.HTTPError, match="404"):  # sent by the app only, once it has asked
                fetch(f"{base}/uploads/dinh-kem/{attached}", **site)
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert "GET /static/" not in app_server.log_text()  # files never reached gunicorn


def test_nginx_site_matches_the_app():
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    assert f"client_max_body_size {config.MAX_CONTENT_LENGTH // (1024 * 1024)}m;" in site
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"):
        assert f"proxy_set_header {header}" in site
    for location in ("/static/", "/static/vendor/", "/uploads/"):
        assert re.search(rf"location {location} \{{[^}}]*Cache-Control \"public, max-age=\d{{6,}}", site), location
    assert "gzip on;" in site
    refusing = re.search(r"server \{[^}]*\}", site).group()  # the first server: the default
    assert "default_server" in refusing and "return 444;" in refusing


def test_systemd_unit_verifies(tmp_path):
    if not SYSTEMD_ANALYZE:
        pytest.skip("systemd-analyze is not installed")
    unit = (DEPLOY / "systemd" / "portal.service").read_text()
    assert "ExecStart=/srv/portal/.venv/bin/gunicorn -c deploy/gunicorn.conf.py wsgi:app" in unit
    (tmp_path / "portal.service").write_text(unit.replace("/srv/portal/.venv/bin/gunicorn", str(GUNICORN)))
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", str(tmp_path / "portal.service")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_unit_sets_only_settings_the_app_knows():
    unit = (DEPLOY / "systemd" / "portal.service").read_text()
    for name in re.findall(r"^Environment=PORTAL_(\w+)=", unit, re.M):
        assert name in ("INSTANCE_PATH",) or hasattr(config, name), name
