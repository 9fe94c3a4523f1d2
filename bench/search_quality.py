"""Search quality on the judged queries: precision at 5 and nDCG at 10, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.search_quality [--postgresql postgresql+psycopg://…/EMPTY_DB]

Builds the demo site plus 2,000 synthetic articles in a fresh SQLite file (and in the named
PostgreSQL database, emptied first), asks the search service each query of
``tests/search_judgements.py`` and grades the first ten results by what they hold.
"""

import argparse
import math
import os
import tempfile
from datetime import datetime

from sqlalchemy import select

from portal import create_app
from portal.extensions import db
from portal.models import Article
from portal.services import search
from tests.search_judgements import QUERIES, grade

SYNTHETIC = 2000
NOW = datetime(2030, 1, 1)


def _build(url: str):
    from portal.demo.loader import load_demo
    from portal.demo.synthetic import add_synthetic_articles

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo()
        add_synthetic_articles(SYNTHETIC, until=datetime(2026, 1, 1), seed=2020)
        db.session.commit()
    return app


def _grades(app) -> dict[int, int]:
    """Each visible article's grade for every query, keyed by query then article id."""
    rows = db.session.execute(select(Article.id, Article.title, Article.summary, Article.body)).all()
    documents = {row.id: search.document_of(row.title, row.summary, row.body) for row in rows}
    return {
        query: {
            id_: grade(search.folded_words(query), doc["title"].split(), doc["body"].split())
            for id_, doc in documents.items()
        }
        for query in QUERIES
    }


def _dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def measure(app) -> tuple[float, float]:
    """Mean precision at 5 and mean nDCG at 10 over the queries (printing each)."""
    precisions, ndcgs = [], []
    with app.app_context():
        dialect = db.engine.dialect.name
        graded = _grades(app)
        for query in QUERIES:
            ids = [a.id for a in search.result_page(search.parse_query(query), NOW, dialect, 1, 10).items]
            gains = [graded[query].get(id_, 0) for id_ in ids]
            ideal = _dcg(sorted(graded[query].values(), reverse=True)[:10])
            precision = sum(1 for g in gains[:5] if g > 0) / 5
            ndcg = _dcg(gains) / ideal if ideal else 1.0
            precisions.append(precision)
            ndcgs.append(ndcg)
            print(f"  {query!r:32} P@5 {precision:.2f}  nDCG@10 {ndcg:.3f}")
    return sum(precisions) / len(precisions), sum(ndcgs) / len(ndcgs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", default=os.environ.get("PORTAL_QUALITY_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PORTAL_INSTANCE_PATH"] = folder
        urls = {"sqlite": f"sqlite:///{folder}/quality.sqlite3"}
        if args.postgresql:
            urls["postgresql"] = args.postgresql
        results = {}
        for name, url in urls.items():
            print(f"{name}: {len(QUERIES)} queries")
            results[name] = measure(_build(url))
        for name, (p5, ndcg) in results.items():
            print(f"{name}: mean P@5 {p5:.3f}, mean nDCG@10 {ndcg:.3f}")


if __name__ == "__main__":
    main()
