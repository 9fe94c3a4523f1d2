"""A real gunicorn serving the portal (``wsgi:app`` with deploy/gunicorn.conf.py) on a free
loopback port, for tests that need separate server processes: several app servers behind one
database and Redis, a Redis that dies under traffic, production settings."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
FLASK = Path(sys.executable).with_name("flask")
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


def server_environment(settings: dict[str, str]) -> dict[str, str]:
    """This process's environment without any PORTAL_* or debug switch, plus ``settings``."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PORTAL_") and name not in ("FLASK_DEBUG", "SERVER_SOFTWARE")
    }
    return inherited | settings


def flask_command(settings: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    """Run ``flask --app wsgi …`` as a webmaster would, with ``settings`` as the environment."""
    return subprocess.run(
        [str(FLASK), "--app", "wsgi", *arguments],
        cwd=ROOT,
        env=server_environment(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def gunicorn_command(*options: str) -> list[str]:
    return [str(GUNICORN), "-c", str(CONFIG), "--bind", "127.0.0.1:0", *options, "wsgi:app"]


class GunicornServer:
    """One gunicorn master and its workers; ``url`` once started."""

    def __init__(self, settings: dict[str, str], log: Path, workers: int = 2, threads: int = 4):
        self.settings = settings
        self.log = log
        self.command = gunicorn_command("--workers", str(workers), "--threads", str(threads))
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 60) -> None:
        """Start gunicorn and wait until /healthz answers 200 from it."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=server_environment(self.settings), stdout=log, stderr=log
            )
        deadline = time.monotonic() + timeout
        while not self._healthy():
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log_text()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn did not become healthy in {timeout} s:\n{self.log_text()}")
            time.sleep(0.1)

    def _healthy(self) -> bool:
        if not self.url:
            found = LISTENING.search(self.log_text())
            if not found:
                return False
            self.url = f"http://127.0.0.1:{found.group(1)}"
        try:
            return self.health()[0] == 200
        except OSError:
            return False

    def health(self) -> tuple[int, dict]:
        """/healthz's status and JSON body."""
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """Stop at once (SIGINT, gunicorn's quick shutdown); kill after 30 s (orphaned workers exit)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@contextmanager
def gunicorn_server(settings: dict[str, str], log: Path, **sizes) -> Iterator[GunicornServer]:
    """A started server, stopped when the block ends."""
    server = GunicornServer(settings, log, **sizes)
    server.start()
    try:
        yield server
    finally:
        server.stop()
