"""Reading stays cheap with many articles: the listing queries walk an index and stop.

No timing here (the benchmark measures speed): SQLite's own query plan must show no
sort of the whole table, and the visibility rules must hold on the rewritten queries.
"""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select

from portal.demo.synthetic import add_synthetic_articles
from portal.extensions import db
from portal.models import Article, ArticleStatus, Category
from portal.services import content, front_page

NOW = datetime(2020, 6, 30, 12, 0)


@pytest.fixture
def big_app(make_app):
    app = make_app(demo=True)
    with app.app_context():
        add_synthetic_articles(3_000, until=NOW)
    return app


def _plans_of(app, read) -> list[str]:
    """SQLite's query plan of every statement that ``read()`` runs."""
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    connection = db.session.connection().connection.driver_connection
    return [
        " | ".join(row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
        for statement, parameters in statements
    ]


def test_listing_queries_walk_an_index_in_order(big_app):
    with big_app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("reads SQLite's query plans; PostgreSQL plans by statistics (see the bench at 100,000)")
        article = db.session.execute(content.published(NOW).limit(1)).scalar_one()
        readers = {
            "home": lambda: front_page.home_sections(NOW, front_page.default_blocks(4), set()),
            "lead": lambda: db.session.execute(content.published(NOW).limit(1)).all(),
            "related": lambda: content.related_articles(article, NOW, 6),
            "most read": lambda: content.most_read(NOW, 5),
        }
        for name, read in readers.items():
            for plan in _plans_of(big_app, read):
                if "article" not in plan:
                    continue  # the few categories may be sorted
                full_scan = re.search(r"SCAN article(?! USING (COVERING )?INDEX)", plan)
                sorts_a_range = "TEMP B-TREE" in plan and "SEARCH article USING INTEGER PRIMARY KEY" not in plan
                assert not full_scan and not sorts_a_range, (name, plan)


def test_drafts_and_future_articles_stay_hidden_everywhere(big_app):
    with big_app.app_context():
        category = db.session.execute(select(Category).where(Category.slug == "xay-dung-dang")).scalar_one()
        hidden = [
            Article(title="Bản nháp", slug="ban-nhap", category=category, status=ArticleStatus.DRAFT,
                    published_at=NOW - timedelta(days=1), view_count=10**9),
            Article(title="Hẹn giờ", slug="hen-gio", category=category, status=ArticleStatus.SCHEDULED,
                    published_at=NOW + timedelta(days=1), view_count=10**9),
        ]  # fmt: skip
        due = Article(title="Đã đến giờ", slug="da-den-gio", category=category, status=ArticleStatus.SCHEDULED,
                      published_at=NOW - timedelta(minutes=1), view_count=10**9 - 1)  # fmt: skip
        db.session.add_all([*hidden, due])
        db.session.commit()
        sections = {section.category: section.articles for section in front_page.home_sections(NOW, front_page.default_blocks(4), set())}
        seen = {a.id for articles in sections.values() for a in articles}
        seen |= {a.id for a in content.most_read(NOW, 5)}
        seen |= {a.id for a in content.related_articles(due, NOW, 6)} | {due.id}
        assert due.id in {a.id for a in content.most_read(NOW, 5)}
        assert due.id in {a.id for a in sections[category]}
        assert not seen & {a.id for a in hidden}
        assert all(len(articles) == 4 for articles in sections.values())
