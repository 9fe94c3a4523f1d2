"""What several test files use: signing in through the real admin form, reading a page as a
browser does, counting SQL statements, finding the seed article. Test files import from here,
never from each other."""

import html
import http.cookiejar
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pyotp
from aiosmtpd.controller import Controller
from sqlalchemy import event, select

from portal import clock
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, Document, User
from tests.counters_support import BROWSER_UA

ADMIN_PASSWORD = "mat-khau-rat-dai-2020"
# The demo categories assigned to the fixture accounts (tests/conftest.py, admin_app).
EDITOR_CATEGORIES = ("tin-tuc-su-kien", "xay-dung-dang", "kinh-te-xa-hoi")
WRITER_CATEGORIES = ("tin-tuc-su-kien", "van-hoa-the-thao")
# The authenticator secret of the fixture accounts with two-factor sign-in (quản trị must have it):
# the tests compute its codes as the person's phone would.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CODE_PAGE = "/quan-tri/dang-nhap/ma-xac-thuc"
LIVE_LOADER = re.compile(r'data-hx-get="(/widgets/live[^"]*)" data-hx-trigger="load"')
COUNTING_IMAGE = re.compile(r'<noscript><img class="counting-image" src="([^"]+)"')
HX = {"HX-Request": "true"}


def read(client, url: str, headers: dict | None = None, javascript: bool = True):
    """Open ``url`` as a browser does: the page, then what the page loads to be counted, its
    live fragment with htmx (``javascript``) or else its counting image. Returns both answers
    (the second is None when the page loads neither: an error page)."""
    page = client.get(url, headers=headers or {})
    found = (LIVE_LOADER if javascript else COUNTING_IMAGE).search(page.get_data(as_text=True))
    if found is None:
        return page, None
    kept = {name: value for name, value in (headers or {}).items() if not name.startswith("HX-")}  # the page's own request's
    return page, client.get(html.unescape(found.group(1)), headers=kept | (HX if javascript else {}))


class AdminBrowser:
    """A test client that signs in through the real form and posts with real CSRF tokens."""

    def __init__(self, client):
        self.client = client

    def token(self, url: str) -> str:
        page = self.client.get(url)
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))
        assert match, f"no CSRF token on {url} ({page.status_code})"
        return match.group(1)

    def sign_in(self, username: str, password: str = ADMIN_PASSWORD):
        """The password, then, for an account with two-factor sign-in, its app's code."""
        token = self.token("/quan-tri/dang-nhap")
        response = self.client.post(
            "/quan-tri/dang-nhap", data={"csrf_token": token, "username": username, "password": password}
        )
        if response.status_code == 302 and response.headers["Location"].startswith(CODE_PAGE):
            return self.enter_code(response.headers["Location"], totp_code(self.client.application, username))
        return response

    def enter_code(self, url: str, code: str):
        """Answer the code page at ``url`` (its hidden "next" kept) with ``code``."""
        page = self.client.get(url).get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        following = re.search(r'name="next"[^>]*value="([^"]*)"', page)
        fields = {"csrf_token": token, "code": code, "next": html.unescape(following.group(1)) if following else ""}
        return self.client.post(CODE_PAGE, data=fields)

    def post(self, url: str, data: dict | None = None, form_url: str | None = None, **kwargs):
        """POST to ``url`` with the token read from ``form_url`` (default: the same page)."""
        fields = {"csrf_token": self.token(form_url or url), **(data or {})}
        return self.client.post(url, data=fields, **kwargs)


def totp_code(app, username: str) -> str:
    """The code the account's authenticator app shows now, by the app's clock, as the server
    will accept it: each 30-second step once, so a test that signs the same account in again
    within the step gets the next step's code (accepted for clock drift), or waits for it."""
    with app.app_context():
        user = db.session.execute(select(User).where(User.username == username)).scalar_one()
        moment = clock.now().replace(tzinfo=ZoneInfo(app.config["SITE_TIMEZONE"])).timestamp()
        secret, last = user.totp_secret, user.totp_last_step
    current = int(moment) // 30
    # The step before is accepted for clock drift, but only until the step ends: in its last
    # seconds a code of the step before could be too old by the time the server reads it.
    steps = (current, current + 1) if moment % 30 > 27 else (current - 1, current, current + 1)
    for step in steps:
        if last is None or step > last:
            return pyotp.TOTP(secret).generate_otp(step)
    assert app.config.get("CLOCK") is None, "a fixed clock: move it on 30 s before signing this account in again"
    time.sleep(30 - moment % 30)
    return totp_code(app, username)


class QueryCounter:
    """Counts the SQL statements run while it is active."""

    def __init__(self, engine):
        self.engine = engine
        self.statements: list[str] = []

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._record)

    @property
    def count(self) -> int:
        return len(self.statements)


def seed_article(app) -> Article:
    with app.app_context():
        article = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        db.session.expunge(article)
        return article


def url_of(app, article_id: int) -> str:
    with app.test_request_context():
        return db.session.get(Article, article_id).url


def article_version(browser: AdminBrowser, article_id: int) -> str:
    """The version an article's edit form carries (the optimistic check of a save)."""
    page = browser.client.get(f"/quan-tri/bai-viet/{article_id}").get_data(as_text=True)
    return re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)


def document_url(app, number: str) -> str:
    """The address of the published document of that số/ký hiệu."""
    with app.test_request_context():
        return db.session.execute(select(Document).where(Document.number == number)).scalar_one().url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class ServerBrowser:
    """A member of the newsroom's browser on a real server (tests.live_server): signs in through
    the form (an account without two-factor sign-in), then reads pages and posts forms; ``still``
    posts without following the redirect, to read its status."""

    def __init__(self, base: str, username: str):
        self.base = base
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)
        self.still = urllib.request.build_opener(cookies, _NoRedirect)
        token = self._token("/quan-tri/dang-nhap")
        self._post(self.opener, "/quan-tri/dang-nhap", {"csrf_token": token, "username": username, "password": ADMIN_PASSWORD})

    def _get(self, path: str) -> str:
        request = urllib.request.Request(self.base + path, headers={"User-Agent": BROWSER_UA})
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()

    def _token(self, path: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', self._get(path)).group(1)

    def _post(self, opener, path: str, fields: dict) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"User-Agent": BROWSER_UA})
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def run_together(count: int, work) -> list:
    """Run ``work(i)`` in ``count`` threads released at the same instant."""
    start = threading.Barrier(count)

    def released(i: int):
        start.wait()
        return work(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(released, range(count)))


class SmtpInbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps every message it is given; ``address``
    is what PORTAL_MAIL_SERVER takes. Use it as a context manager."""

    def __init__(self):
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"

    def __enter__(self) -> "SmtpInbox":
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        self.address = f"127.0.0.1:{self.controller.port}"
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


def free_port() -> int:
    """A loopback port nobody listens on (at the moment of asking)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
