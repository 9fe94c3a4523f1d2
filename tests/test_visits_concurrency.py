"""Exactness under load: a real threaded server on a real SQLite file (and Redis when one
answers), many threads of distinct visitors, every page view counted exactly once: each reads
the page (the same kept bytes for all), then what the page loads to be counted, its live
fragment (htmx) or, every other time, its counting image (no JavaScript)."""

import http.client
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from portal.counters import counting
from portal.extensions import db
from portal.models import Article
from tests.counters_support import BROWSER_UA, redis_prefix, redis_url_or_skip
from tests.live_server import serve

pytestmark = pytest.mark.slow  # left out of the fast subset (README)

THREADS = 8
VIEWS_PER_THREAD = 250


def hammer(base_url: str, path: str, article_id: int) -> Counter:
    """THREADS threads × VIEWS_PER_THREAD page views without cookies: each a new visitor."""
    address = urlsplit(base_url)
    statuses: Counter = Counter()
    lock = threading.Lock()

    def reader() -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        seen: Counter = Counter()
        try:
            for view in range(VIEWS_PER_THREAD):
                counted = (f"/widgets/live?bai={article_id}&bo-dem=1", {"HX-Request": "true"}) if view % 2 else (f"/widgets/dem.gif?bai={article_id}", {})
                for url, headers in ((path, {}), counted):
                    connection.request("GET", url, headers={"User-Agent": BROWSER_UA, **headers})
                    response = connection.getresponse()
                    response.read()
                    seen[response.status] += 1
        except (OSError, http.client.HTTPException) as error:
            seen[type(error).__name__] += 1
        finally:
            connection.close()
            with lock:
                statuses.update(seen)

    workers = [threading.Thread(target=reader) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses


@pytest.fixture(params=["sql", "redis"])
def store_config(request):
    if request.param == "redis":
        url = redis_url_or_skip()
        with redis_prefix(url) as prefix:
            yield {"REDIS_URL": url, "REDIS_KEY_PREFIX": prefix}
    else:
        yield {"REDIS_URL": None}


def test_every_page_view_is_counted_exactly(make_app, fixed_clock, store_config):
    app = make_app(demo=True, CLOCK=fixed_clock, **store_config)
    with app.test_request_context():
        article = db.session.execute(select(Article).order_by(Article.id)).scalars().first()
        path, views_before = article.url, article.view_count
        before = counting.store().counters(fixed_clock())
    started = time.perf_counter()
    with serve(app) as base_url:
        statuses = hammer(base_url, path, article.id)
    elapsed = time.perf_counter() - started
    sent = THREADS * VIEWS_PER_THREAD
    with app.app_context():
        after = counting.store().counters(fixed_clock())
        views_after = db.session.execute(select(Article.view_count).where(Article.id == article.id)).scalar()
        counting.store().close()
    print(
        f"\n{len(store_config) and 'redis' or 'sql'}: {sent} page views from {THREADS} threads in {elapsed:.1f} s; "
        f"statuses {dict(statuses)}; total visits +{after.total.visits - before.total.visits}, "
        f"today's page views +{after.today.page_views - before.today.page_views}, "
        f"article views +{views_after - views_before}, online {after.online}"
    )
    assert statuses == {200: 2 * sent}  # every page and every fragment or image
    assert after.total.visits - before.total.visits == sent
    assert after.today.page_views - before.today.page_views == sent
    assert after.today.visits - before.today.visits == sent
    assert after.month.visits - before.month.visits == sent
    assert views_after - views_before == sent
    assert after.online == sent
