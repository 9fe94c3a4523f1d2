"""Search without diacritics, on SQLite (FTS5) and, when PORTAL_TEST_DATABASE_URL is set, PostgreSQL."""

import os
import re
import secrets
from datetime import datetime

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, delete, event, insert, select, text
from sqlalchemy.engine import make_url

from portal import create_app
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, ArticleSearch, ArticleStatus, Category
from portal.services import search

POSTGRES_URL = os.environ.get("PORTAL_TEST_DATABASE_URL")


@pytest.fixture
def throwaway_postgres():
    """A PostgreSQL database of this test's own on the server PORTAL_TEST_DATABASE_URL names."""
    if not POSTGRES_URL:
        pytest.skip("PORTAL_TEST_DATABASE_URL is not set: no PostgreSQL to test against")
    server = make_url(POSTGRES_URL)
    name = f"portal_search_{secrets.token_hex(6)}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def search_app(request, make_app):
    """The demo site on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        yield make_app(demo=True)
        return
    url = request.getfixturevalue("throwaway_postgres")
    app = make_app(demo=True, SQLALCHEMY_DATABASE_URI=url)
    yield app
    with app.app_context():
        db.engine.dispose()


def titles_for(app, query: str) -> list[str]:
    response = app.test_client().get("/tim-kiem", query_string={"q": query})
    assert response.status_code == 200, response.get_data(as_text=True)
    with app.app_context():
        terms = search.parse_query(query)
        found = search.search_query(terms, datetime(2030, 1, 1), db.engine.dialect.name)
        return [a.title for a in db.session.execute(found).scalars()]


def add_article(app, title: str, body: str, published_at: datetime, status=ArticleStatus.PUBLISHED) -> int:
    with app.app_context():
        category = db.session.execute(select(Category).limit(1)).scalar_one()
        article = Article(
            title=title,
            slug=f"bai-{secrets.token_hex(4)}",
            summary="",
            body=body,
            category=category,
            status=status,
            published_at=published_at,
        )
        db.session.add(article)
        db.session.commit()
        return article.id


@pytest.mark.parametrize("query", ["hoi nghi tuyen truyen", "HỘI NGHỊ", "hội nghị", "Hoi Nghi Tuyen Truyen Khoa Giao"])
def test_seed_article_found_with_or_without_diacritics(search_app, query):
    assert SEED_TITLE in titles_for(search_app, query)


def test_dai_hoi_finds_dai_hoi(search_app):
    found = titles_for(search_app, "dai hoi")
    assert any("đại hội" in title.lower() for title in found)


def test_hong_linh_finds_hong_linh(search_app):
    found = titles_for(search_app, "hong linh")
    assert any("Hồng Lĩnh" in title for title in found)


def test_every_word_must_match(search_app):
    assert titles_for(search_app, "hoi nghi zzzkhongco") == []


def test_title_matches_rank_above_body_matches_then_newer_first(search_app):
    word = "xylophonvang"
    body_new = add_article(search_app, "Tin mới", f"<p>Có {word} ở đây</p>", datetime(2021, 5, 1))
    title_old = add_article(search_app, f"Tin cũ về {word}", "<p>Nội dung</p>", datetime(2019, 1, 1))
    title_new = add_article(search_app, f"Tin về {word.upper()}", "<p>Nội dung</p>", datetime(2020, 1, 1))
    body_old = add_article(search_app, "Tin khác", f"<p><strong>{word}</strong></p>", datetime(2018, 1, 1))
    with search_app.app_context():
        query = search.search_query([word], datetime(2030, 1, 1), db.engine.dialect.name)
        ids = [a.id for a in db.session.execute(query).scalars()]
    assert ids == [title_new, title_old, body_new, body_old]


def test_only_published_visible_articles(search_app, fixed_clock):
    word = "bimatchuadang"
    add_article(search_app, f"Nháp {word}", "", datetime(2020, 1, 1), status=ArticleStatus.DRAFT)
    add_article(search_app, f"Hẹn giờ {word}", "", datetime(2031, 1, 1), status=ArticleStatus.SCHEDULED)
    response = search_app.test_client().get("/tim-kiem", query_string={"q": word})
    assert "Không tìm thấy bài viết nào" in response.get_data(as_text=True)


def test_results_show_title_date_category_and_highlighted_snippet(search_app):
    response = search_app.test_client().get("/tim-kiem", query_string={"q": "tuyen truyen khoa giao"})
    page = response.get_data(as_text=True)
    assert "Tìm thấy" in page
    first = page[page.index('class="search-result"') :]
    first = first[: first.index("</li>")]
    assert "<mark>tuyên</mark> <mark>truyền</mark>, <mark>khoa</mark> <mark>giáo</mark>" in first
    assert "Xây dựng Đảng" in first
    assert "Thứ Năm, 20/02/2020 08:30" in first
    assert 'class="search-snippet"' in first and "<mark>" in first.split("search-snippet")[1]


def test_snippet_and_title_are_escaped(search_app):
    add_article(search_app, "<script>alert(1)</script> cảnh báo", "<p>a &lt;b&gt; cảnh báo &amp; c</p>", datetime(2020, 1, 1))
    page = search_app.test_client().get("/tim-kiem", query_string={"q": "canh bao"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>cảnh</mark> <mark>báo</mark>" in page
    assert "a &lt;b&gt; <mark>cảnh</mark> <mark>báo</mark> &amp; c" in page


def test_results_are_paginated(search_app):
    client = search_app.test_client()
    first = client.get("/tim-kiem", query_string={"q": "hong linh"}).get_data(as_text=True)
    assert 'aria-label="Phân trang"' in first
    second = client.get("/tim-kiem", query_string={"q": "hong linh", "page": 2})
    assert second.status_code == 200
    assert "trang 2/" in second.get_data(as_text=True)
    assert client.get("/tim-kiem", query_string={"q": "hong linh", "page": 99}).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a", "Từ khoá quá ngắn"),
        ("x" * 500, "Từ khoá quá dài"),
        ('"', "ít nhất một chữ cái"),
        ("*", "ít nhất một chữ cái"),
        ("😀🎉", "ít nhất một chữ cái"),
        ("   \t ", "Nhập từ khoá để tìm"),
    ],
)
def test_unusable_queries_get_a_clear_answer(search_app, query, message):
    response = search_app.test_client().get("/tim-kiem", query_string={"q": query})
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400)
    assert message in page
    assert 'name="q"' in page


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"hội nghị',
        "hoi* AND NOT nghi",
        "NEAR(hoi nghi, 2)",
        "title: hoi",
        "hội nghị 😀",
        "); DROP TABLE article; --",
        "a & b | !c <-> d:*",
        "\x00hoi",
        "%_%",
        "ĐẠI HỘI'\"",
    ],
)
def test_garbage_queries_never_fail(search_app, query):
    response = search_app.test_client().get("/tim-kiem", query_string={"q": query})
    assert response.status_code in (200, 400)
    page = response.get_data(as_text=True)
    assert "Tìm thấy" in page or "Không tìm thấy" in page or 'role="alert"' in page


def test_index_follows_every_save(search_app):
    article_id = add_article(search_app, "Khánh thành cầu Quỳnhzắc", "<p>Nội dung</p>", datetime(2020, 1, 1))
    assert "Khánh thành cầu Quỳnhzắc" in titles_for(search_app, "quynhzac")
    with search_app.app_context():
        article = db.session.get(Article, article_id)
        article.title = "Thông xe đường Vĩnhzút"
        db.session.commit()
    assert "Thông xe đường Vĩnhzút" not in titles_for(search_app, "quynhzac")
    assert "Thông xe đường Vĩnhzút" in titles_for(search_app, "vinhzut")
    with search_app.app_context():
        db.session.delete(db.session.get(Article, article_id))
        db.session.commit()
        assert db.session.get(ArticleSearch, article_id) is None
    assert titles_for(search_app, "vinhzut") == []


def test_counter_updates_do_not_rewrite_the_index(search_app):
    with search_app.app_context():
        article = db.session.execute(select(Article).limit(1)).scalar_one()
        article.view_count += 1
        statements = []
        record = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", record)
        db.session.commit()
        event.remove(db.engine, "before_cursor_execute", record)
    assert not any("article_search" in statement for statement in statements)


def test_header_has_a_labelled_search_box(client):
    page = client.get("/").get_data(as_text=True)
    header = page[page.index("<header") : page.index("</header>")]
    assert re.search(r'<form class="search-form" action="/tim-kiem" method="get" role="search">', header)
    assert '<label for="tu-khoa">' in header and 'id="tu-khoa"' in header and 'name="q"' in header


def test_migration_indexes_existing_articles(tmp_path, monkeypatch):
    """Upgrading a site that already has articles makes them searchable."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/old.sqlite3"})
    with app.app_context():
        upgrade(revision="0001")
        db.session.execute(insert(Category).values(id=1, name="Tin tức", slug="tin-tuc", position=1))
        db.session.execute(
            insert(Article).values(
                id=1, title="Đại hội Đảng bộ", slug="dai-hoi", summary="", body="<p>Hồng Lĩnh</p>",
                category_id=1, status="published", published_at=datetime(2020, 1, 1),
                created_at=datetime(2020, 1, 1), updated_at=datetime(2020, 1, 1),
            )
        )  # fmt: skip
        db.session.commit()
        upgrade()
        found = search.search_query(["hong", "linh"], datetime(2030, 1, 1), "sqlite")
        assert [a.title for a in db.session.execute(found).scalars()] == ["Đại hội Đảng bộ"]
        db.session.execute(delete(Article))  # a bulk delete: no ORM events, the foreign key cascades
        db.session.commit()
        assert db.session.execute(select(ArticleSearch)).all() == []
        db.session.execute(text("INSERT INTO article_search_fts(article_search_fts) VALUES ('integrity-check')"))


def test_html_to_text_separates_blocks_and_decodes_entities():
    assert search.html_to_text("<p>Hội&nbsp;nghị</p><p>tuyên <b>truyền</b></p>") == "Hội nghị tuyên truyền"
    assert search.folded_words("Hội\xa0nghị, ĐẠI-hội 2020!") == ["hoi", "nghi", "dai", "hoi", "2020"]


def test_reindex_command_rebuilds_the_index_after_raw_sql_writes(demo_app):
    with demo_app.app_context():
        db.session.execute(delete(ArticleSearch))
        db.session.commit()
    assert SEED_TITLE not in titles_for(demo_app, "hoi nghi")
    result = demo_app.test_cli_runner().invoke(args=["portal", "reindex-search"])
    assert result.exit_code == 0 and "Đã dựng lại chỉ mục tìm kiếm: 29 bài viết." in result.output
    assert SEED_TITLE in titles_for(demo_app, "hoi nghi")
