"""Median time of the search page and of the search queries alone, on the configured database.

    PORTAL_INSTANCE_PATH=... .venv/bin/flask --app wsgi portal demo --articles 10000
    PORTAL_INSTANCE_PATH=... .venv/bin/python -m scripts.measure_search [--rounds 15]

Set PORTAL_DATABASE_URL to measure PostgreSQL. Prints one line per query and the overall medians:
the page rendered afresh (PAGE_MAX_AGE=0: nothing kept) and the query on its own.
"""

import argparse
import statistics
import time

from sqlalchemy import func, select

from bench.cases import SEARCHES
from portal import clock, create_app
from portal.extensions import db
from portal.models import Article
from portal.services import search

QUERIES = [
    *SEARCHES,
    "hoi nghi",
    "HỘI NGHỊ",
    "hong linh",
    "chuyen doi so",
    "dai hoi dang bo",
    "an toan giao thong",
    "xay dung nong thon moi nam 2022",
    "tuyen truyen phap luat",
    "khongcotunay",
]


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    app = create_app({"PAGE_MAX_AGE": 0})  # every page rendered, as on its first request
    client = app.test_client()
    page_times, query_times = [], []
    with app.app_context():
        total = db.session.execute(select(func.count(Article.id))).scalar()
        dialect = db.engine.dialect.name
        print(f"{dialect}: {total} articles, {rounds} rounds per query")
        for query in QUERIES:
            terms = search.parse_query(query)

            def run_query():
                return search.result_page(terms, clock.now(), dialect, 1, app.config["ARTICLES_PER_PAGE"])

            client.get("/tim-kiem", query_string={"q": query})  # warm the database's own caches
            pages = [timed(lambda: client.get("/tim-kiem", query_string={"q": query})) for _ in range(rounds)]
            queries = [timed(run_query) for _ in range(rounds)]
            results = run_query()
            found = f"{'>' if results.more else ' '}{results.total}"
            print(f"{query!r:36} {found:>6} found  page {statistics.median(pages):6.1f} ms  query {statistics.median(queries):5.1f} ms")
            page_times += pages
            query_times += queries
    home = [timed(lambda: client.get("/")) for _ in range(rounds)]
    print(f"for comparison, the home page: {statistics.median(home):.1f} ms")
    print(
        f"median over all: page {statistics.median(page_times):.1f} ms, "
        f"ranking and one page's articles {statistics.median(query_times):.1f} ms"
    )


if __name__ == "__main__":
    main()
