"""What each benchmark case sends, built from a loaded site and its secret key.

A page is the same bytes for every reader (issue 15): the article, home and search cases send
no cookie and are answered from the app's page cache while a page is younger than its max age.
``article`` reads what readers read, the newest ``READ_TOGETHER`` articles (those the home and
category pages lead to), the same number at every size. Pages rendered afresh are what the
crawler of bench/run.py reads (20,000 distinct articles), and its pages per second are reported.
What is live comes from the page's one live request, GET /widgets/live: without the visitor
cookie it is a new visitor (a visit counted, the cookie set: ``live-new``); with a cookie signed
by the app's own serializer it is a returning reader (``live-returning``). ``reader`` is what a
browser does for one article: the page, then its live request, as a pair.

The rating POST carries no token: like a browser's, it says ``Sec-Fetch-Site: same-origin``. It
sends no visitor cookie, so each vote is a new visitor's and is never refused as a second vote.
"""

import random
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from flask import Flask
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
HTMX_HEADERS = BROWSER_HEADERS | {"HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/", "Sec-Fetch-Site": "same-origin"}
SEARCHES = ["hội nghị", "nông thôn mới", "Hồng Lĩnh", "giáo dục", "an ninh trật tự", "lễ hội truyền thống"]
# The văn bản library (issue 17): its list's first pages, filters and searches.
DOCUMENT_PAGES = [f"/van-ban?page={page}" for page in range(1, 6)]
DOCUMENT_FILTERS = ["/van-ban?loai=ke-hoach", "/van-ban?nam=2020", "/van-ban?co-quan=ubnd-thi-xa-hong-linh&nam=2021",
                    "/van-ban?linh-vuc=do-thi", "/van-ban?loai=quyet-dinh&linh-vuc=do-thi"]  # fmt: skip
DOCUMENT_SEARCHES = ["ke hoach tuyen giao 2020", "chuyển đổi số", "phòng cháy chữa cháy", "đô thị văn minh", "quy chế"]
SAMPLE = 2_000
READ_TOGETHER = 100


@dataclass
class Request:
    method: str
    path: str
    body: str = ""
    cookie: str = ""
    htmx: bool = False  # sent as htmx sends it, in a case whose other requests are not


@dataclass
class Case:
    name: str
    requests: list[Request]
    headers: dict[str, str] = field(default_factory=lambda: dict(BROWSER_HEADERS))
    requests_per_view: int = 1  # the ratio is of views: a reader's view is two requests

    def write(self, path) -> None:
        """The request file bench/load.lua replays."""
        lines = [f"H\t{name}\t{value}" for name, value in self.headers.items()]
        lines += [f"R\t{r.method}\t{r.path}\t{r.body}\t{r.cookie}\t{'htmx' if r.htmx else ''}" for r in self.requests]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def baseline_case() -> Case:
    return Case("baseline", [Request("GET", "/")])


def _article_sample(app: Flask, rng: random.Random) -> list[Article]:
    """Up to SAMPLE visible articles drawn at random, the same way at every size."""
    query = published(clock.now()).order_by(None).order_by(func.random()).limit(SAMPLE)
    articles = list(db.session.execute(query).scalars())
    rng.shuffle(articles)
    return articles


def _visitor_cookies(app: Flask, count: int) -> list[str]:
    with app.test_request_context():
        return [f"{visitor.COOKIE_NAME}={visitor._serializer().dumps(f'bench-{n}')}" for n in range(count)]


def live_path(article_id: int) -> str:
    """The live request an article page makes (templates/includes/_live.html), counters shown."""
    return f"/widgets/live?bai={article_id}&bo-dem=1"


def portal_cases(app: Flask, seed: int = 8) -> list[Case]:
    """The portal's cases, for the site loaded in ``app``'s database."""
    rng = random.Random(seed)
    with app.app_context(), app.test_request_context():
        articles = _article_sample(app, rng)
        ids = [a.id for a in articles]
        newest = list(db.session.execute(published(clock.now()).limit(READ_TOGETHER)).scalars())
        read = [(a.url, a.id) for a in newest]
    readers = _visitor_cookies(app, 1_000)
    live = dict(HTMX_HEADERS)
    return [
        Case("article", [Request("GET", url) for url, _ in read]),
        Case("home", [Request("GET", "/")]),
        Case("counters", [Request("GET", "/widgets/counters", cookie=c) for c in readers], live),
        Case("live-new", [Request("GET", live_path(article_id)) for article_id in ids], live),
        Case("live-returning", [Request("GET", live_path(a), cookie=c) for a, c in zip(ids, readers * 2)], live),
        Case(
            "reader",
            [
                request
                for (url, article_id), cookie in zip(read, readers)
                for request in (Request("GET", url, cookie=cookie), Request("GET", live_path(article_id), cookie=cookie, htmx=True))
            ],
            requests_per_view=2,
        ),
        Case("rating", [Request("POST", f"/widgets/rating/{article_id}", f"stars={rng.randint(1, 5)}") for article_id in ids], live),
        Case("search", [Request("GET", f"/tim-kiem?q={quote_plus(words)}") for words in SEARCHES]),
        Case("documents", [Request("GET", url) for url in DOCUMENT_PAGES]),
        Case("doc-filter", [Request("GET", url) for url in DOCUMENT_FILTERS]),
        Case("doc-search", [Request("GET", f"/van-ban?q={quote_plus(words)}") for words in DOCUMENT_SEARCHES]),
    ]
