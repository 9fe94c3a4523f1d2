"""The files a webmaster copies (deploy/): gunicorn's settings, the nginx site, the systemd
unit; each is checked by the program that reads it."""

import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

from portal import config
from tests.gunicorn_server import CONFIG, GUNICORN, ROOT, gunicorn_command, server_environment

DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
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


def test_nginx_site_passes_nginx_t(tmp_path):
    """`nginx -t` on the example site, included from a wrapper nginx.conf with paths of this
    checkout, so nothing under /etc or /var is read or written."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    site = site.replace("/srv/portal/", f"{ROOT}/").replace("/var/lib/portal/uploads/", f"{uploads}/")
    site = re.sub(r"listen (\[::\]:)?80;", lambda m: "" if m.group(1) else "listen 127.0.0.1:8080;", site)
    (tmp_path / "portal.conf").write_text(site)
    temp = {name: tmp_path / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n"
        f"  include /etc/nginx/mime.types;\n  access_log {tmp_path}/access.log;\n"
        + "".join(f"  {name}_temp_path {path};\n" for name, path in temp.items())
        + f"  include {tmp_path}/portal.conf;\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def test_nginx_site_matches_the_app():
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    assert f"client_max_body_size {config.MAX_CONTENT_LENGTH // (1024 * 1024)}m;" in site
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"):
        assert f"proxy_set_header {header}" in site
    assert re.search(r"location /static/ \{[^}]*expires", site) and re.search(r"location /uploads/ \{[^}]*expires", site)
    assert "gzip on;" in site


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
