"""What each benchmark case sends, built from a loaded site and its secret key.

Distinct visitors: a request without the visitor cookie is a new visitor (the portal
makes an id and sets the cookie), so the article case sends no cookie at all and every
request is a first visit that must be counted.

The rating POST needs a valid CSRF token, which lives in the signed session cookie.
Fetching a page for each token would mix page renders into the measurement, so the
pairs are made offline with the app's own code: inside a request context,
Flask-WTF's ``generate_csrf()`` puts a raw token in the session and returns its signed
form, and Flask's session serializer signs the session cookie, both with the site's
secret key. The POST carries no visitor cookie, so each vote is a new visitor's and is
never refused as a second vote.

The counters fragment is polled by readers who already have a visitor cookie: those
cookies are signed with the app's own serializer too.
"""

import random
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from flask import Flask, session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import func

from portal import clock
from portal.extensions import db
from portal.models import Article
from portal.services.content import published
from portal.web import visitor

BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br, zstd",  # what Chromium sends: pages go out compressed
    "Accept-Language": "vi-VN,vi;q=0.9",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
}
HTMX_HEADERS = BROWSER_HEADERS | {"HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/"}
SEARCHES = ["hội nghị", "nông thôn mới", "Hồng Lĩnh", "giáo dục", "an ninh trật tự", "lễ hội truyền thống"]
# The văn bản library (issue 17): its list's first pages, filters and searches.
DOCUMENT_PAGES = [f"/van-ban?page={page}" for page in range(1, 6)]
DOCUMENT_FILTERS = ["/van-ban?loai=ke-hoach", "/van-ban?nam=2020", "/van-ban?co-quan=ubnd-thi-xa-hong-linh&nam=2021",
                    "/van-ban?linh-vuc=do-thi", "/van-ban?loai=quyet-dinh&linh-vuc=do-thi"]  # fmt: skip
DOCUMENT_SEARCHES = ["ke hoach tuyen giao 2020", "chuyển đổi số", "phòng cháy chữa cháy", "đô thị văn minh", "quy chế"]
SAMPLE = 2_000


@dataclass
class Request:
    method: str
    path: str
    body: str = ""
    cookie: str = ""


@dataclass
class Case:
    name: str
    requests: list[Request]
    headers: dict[str, str] = field(default_factory=lambda: dict(BROWSER_HEADERS))

    def write(self, path) -> None:
        """The request file bench/load.lua replays."""
        lines = [f"H\t{name}\t{value}" for name, value in self.headers.items()]
        lines += [f"R\t{r.method}\t{r.path}\t{r.body}\t{r.cookie}" for r in self.requests]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def baseline_case() -> Case:
    return Case("baseline", [Request("GET", "/")])


def _article_sample(app: Flask, rng: random.Random) -> list[Article]:
    """Up to SAMPLE visible articles drawn at random, the same way at every size."""
    query = published(clock.now()).order_by(None).order_by(func.random()).limit(SAMPLE)
    articles = list(db.session.execute(query).scalars())
    rng.shuffle(articles)
    return articles


def _csrf_pairs(app: Flask, count: int) -> list[tuple[str, str]]:
    """``count`` (session cookie, CSRF token) pairs signed with the app's secret key."""
    serializer = app.session_interface.get_signing_serializer(app)
    pairs = []
    for _ in range(count):
        with app.test_request_context():
            token = generate_csrf()
            pairs.append((f"{app.config['SESSION_COOKIE_NAME']}={serializer.dumps(dict(session))}", token))
    return pairs


def _visitor_cookies(app: Flask, count: int) -> list[str]:
    with app.test_request_context():
        return [f"{visitor.COOKIE_NAME}={visitor._serializer().dumps(f'bench-{n}')}" for n in range(count)]


def portal_cases(app: Flask, seed: int = 8) -> list[Case]:
    """The portal's cases, for the site loaded in ``app``'s database."""
    rng = random.Random(seed)
    with app.app_context(), app.test_request_context():
        articles = _article_sample(app, rng)
        urls = [a.url for a in articles]
        ids = [a.id for a in articles]
    pairs = _csrf_pairs(app, len(ids))
    return [
        Case("article", [Request("GET", url) for url in urls]),
        Case("home", [Request("GET", "/")]),
        Case("counters", [Request("GET", "/widgets/counters", cookie=c) for c in _visitor_cookies(app, 1_000)], dict(HTMX_HEADERS)),
        Case(
            "rating",
            [
                Request("POST", f"/widgets/rating/{article_id}", f"stars={rng.randint(1, 5)}&csrf_token={token}", cookie)
                for article_id, (cookie, token) in zip(ids, pairs)
            ],
            dict(HTMX_HEADERS),
        ),
        Case("search", [Request("GET", f"/tim-kiem?q={quote_plus(words)}") for words in SEARCHES]),
        Case("documents", [Request("GET", url) for url in DOCUMENT_PAGES]),
        Case("doc-filter", [Request("GET", url) for url in DOCUMENT_FILTERS]),
        Case("doc-search", [Request("GET", f"/van-ban?q={quote_plus(words)}") for words in DOCUMENT_SEARCHES]),
    ]
