"""A real gunicorn serving the portal (``wsgi:app`` with deploy/gunicorn.conf.py) on a free
loopback port, for tests that need separate server processes: several app servers behind one
database and Redis, a Redis that dies under traffic, production settings. Also how those tests
talk to a served portal: as a reader with a browser (``Visitor``), or as a monitoring probe
reading /healthz and the counters fragment (not a reader, so never counted)."""

import html
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

from tests.counters_support import BROWSER_UA

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


def use_server_environment(patch, settings: dict[str, str]) -> None:
    """Give this process (through pytest's ``patch``, a MonkeyPatch) the environment a server
    started with ``settings`` gets, for an app built in the test process itself."""
    for name in os.environ.keys() - server_environment(settings).keys():
        patch.delenv(name)
    for name, value in settings.items():
        patch.setenv(name, value)


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

    def __init__(self, settings: dict[str, str], log: Path, workers: int = 2, threads: int = 4, options=()):
        self.settings = settings
        self.log = log
        self.command = gunicorn_command("--workers", str(workers), "--threads", str(threads), *options)
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
        return health(self.url)

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


def health(base_url: str) -> tuple[int, dict]:
    """/healthz's status and JSON body."""
    try:
        with urllib.request.urlopen(base_url + "/healthz", timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


ARTICLE_PATH = re.compile(r"-(\d+)\.html$")  # an article page's address ends with its id


def reading_paths(base_url: str) -> list[str]:
    """Home, the map, and every category and article page linked from home (as read by a probe)."""
    with urllib.request.urlopen(base_url + "/", timeout=10) as response:
        home = response.read().decode()
    return ["/", "/ban-do", *sorted(set(re.findall(r'href="(/tin-tuc/[^"]+)"', home)))]


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Answer a redirect as it came (the answer is under test, not where it leads)."""

    def redirect_request(self, *args, **kwargs):
        return None


RATING_FORM = re.compile(r'<form class="rating-form" method="post" action="(/widgets/rating/\d+)#danh-gia"')
LIVE_LOADER = re.compile(r'data-hx-get="(/widgets/live[^"]*)" data-hx-trigger="load"')


class Visitor:
    """One reader: a browser's User-Agent (so the portal counts them) and a cookie jar of
    their own, kept across servers as a browser keeps it across the machines behind one name."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _KeepRedirects)
        self._opener.addheaders = [("User-Agent", BROWSER_UA)]

    def request(self, url: str, fields: dict[str, str] | None = None, htmx: bool = False) -> tuple[int, str]:
        """GET ``url``, or POST ``fields`` to it; the status and the body."""
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        sent = urllib.request.Request(url, data=data, headers={"HX-Request": "true"} if htmx else {})
        try:
            with self._opener.open(sent, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def read(self, url: str) -> tuple[int, str]:
        """Open a page as a browser with JavaScript does: the page, then its live fragment (which
        counts the view). The page's body, and its status or the fragment's if that one failed."""
        status, page = self.request(url)
        found = LIVE_LOADER.search(page)
        if status == 200 and found:
            origin = url[: url.index("/", len("http://"))]
            live_status = self.request(origin + html.unescape(found.group(1)), htmx=True)[0]
            status = status if live_status == 200 else live_status
        return status, page

    def rating_form(self, article_url: str) -> tuple[int, str, dict[str, str]]:
        """Read the article page (a page view); its status, the rating form's action and fields
        (none: the form carries no token)."""
        status, page = self.read(article_url)
        action = RATING_FORM.search(page)
        if status != 200 or not action:
            return status, "", {}
        return status, action.group(1), {}


COUNTER_FIGURE = re.compile(r"<dt>([^<]+):</dt> <dd><span class=\"visually-hidden\">[^<]*</span>([^<]+)</dd>")
COUNTER_NAMES = {"Thống kê": "total", "Online": "online", "Hôm nay": "today", "Tháng này": "month"}


def counters_widget(base_url: str) -> dict[str, int | None]:
    """The live counters as the fragment shows them (None for the dash), read as htmx polls
    them but by a probe, not a reader, so reading changes nothing (not even "online")."""
    request = urllib.request.Request(base_url + "/widgets/counters", headers={"HX-Request": "true"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        html = response.read().decode()
    figures = {COUNTER_NAMES[label]: text.strip() for label, text in COUNTER_FIGURE.findall(html)}
    assert figures.keys() == set(COUNTER_NAMES.values()), html
    return {name: None if text == "–" else int(text.replace(".", "")) for name, text in figures.items()}
