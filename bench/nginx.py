"""Real nginx with the shipped site file (deploy/nginx/portal.conf), for `make bench` (the
article-nginx case), tests/test_nginx_cache.py and tests/test_deploy_files.py.

The site file is used as it ships; only what names this machine is replaced: the app's address,
the listening port (both servers on 127.0.0.1), the code and upload folders, the cache folder,
and, where asked, the server name. A wrapper nginx.conf keeps the pid, logs, temporary files and
cache in one folder, so nothing under /etc or /var is written. The portal behind it must be
started with ``PORTAL_PROXY_FIX=1`` and a ``PORTAL_SITE_URL`` naming the server name without a
port (nginx passes ``Host: $host``).
"""

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_FILE = ROOT / "deploy" / "nginx" / "portal.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SHIPPED_NAME = "cong.example.vn"
SITE_URL = "http://127.0.0.1"  # what a portal behind nginx_in_front must be told


def available() -> bool:
    return Path(NGINX).exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_config(upstream: str, port: int, folder: Path, uploads: Path, server_name: str = SHIPPED_NAME) -> str:
    """The shipped site file with this machine's addresses and folders."""
    text = SITE_FILE.read_text(encoding="utf-8")
    replacements = {
        "/var/cache/nginx/portal": str(folder / "cache"),
        "server 127.0.0.1:8000;": f"server {upstream};",
        "listen [::]:80 default_server;": "",
        "listen [::]:80;": "",
        "listen 80 default_server;": f"listen 127.0.0.1:{port} default_server;",
        "listen 80;": f"listen 127.0.0.1:{port};",
        f"server_name {SHIPPED_NAME};": f"server_name {server_name};",
        "/srv/portal/": f"{ROOT}/",
        "/var/lib/portal/uploads/": f"{uploads}/",
    }
    for shipped, here in replacements.items():
        assert shipped in text, f"deploy/nginx/portal.conf no longer has {shipped!r}"
        text = text.replace(shipped, here)
    return text


def write_config(folder: Path, uploads: Path, port: int, upstream: str, server_name: str = SHIPPED_NAME) -> Path:
    """nginx.conf in ``folder``: the site file inside a wrapper whose files all stay there."""
    folder.mkdir(parents=True, exist_ok=True)
    # As root, nginx's workers would become "nobody", who may not read the test's own folders.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = "".join(f"  {name}_temp_path {folder / name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    config = folder / "nginx.conf"
    config.write_text(
        f"daemon off;\nworker_processes auto;\n{user}pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n{temp}"
        + site_config(upstream, port, folder, uploads, server_name)
        + "\n}\n",
        encoding="utf-8",
    )
    return config


def command(config: Path, *options: str) -> list[str]:
    return [NGINX, *options, "-p", str(config.parent), "-e", str(config.parent / "error.log"), "-c", str(config)]


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"nothing answers on port {port}") from None
            time.sleep(0.05)


@contextmanager
def nginx_in_front(app_port: int, folder: Path, uploads: Path, server_name: str = "127.0.0.1") -> Iterator[int]:
    """nginx on a free loopback port proxying to the app on ``app_port``; yields its port."""
    port = free_port()
    config = write_config(folder, uploads, port, f"127.0.0.1:{app_port}", server_name)
    process = subprocess.Popen(command(config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        try:
            wait_for_port(port, process)
        except RuntimeError:
            log = folder / "error.log"
            raise RuntimeError(f"nginx did not start: {log.read_text(errors='replace') if log.exists() else ''}") from None
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
