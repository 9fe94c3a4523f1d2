"""Search without diacritics, on SQLite (FTS5) or, when PORTAL_TEST_DATABASE_URL is set, PostgreSQL."""

import re
import secrets
from datetime import datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import delete, event, insert, select, text

from portal import create_app
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, ArticleSearch, ArticleStatus, Category
from portal.services import search


@pytest.fixture
def search_app(make_app):
    """The demo site, on SQLite or, in the suite's PostgreSQL run, on PostgreSQL."""
    return make_app(demo=True)


def titles_for(app, query: str) -> list[str]:
    response = app.test_client().get("/tim-kiem", query_string={"q": query})
    assert response.status_code == 200, response.get_data(as_text=True)
    with app.app_context():
        return [a.title for a in ranked(search.parse_query(query))]


def ranked(terms: list[str], now=datetime(2030, 1, 1), limit: int | None = None) -> list[Article]:
    """Every article of the ranking, in its order (inside an app context)."""
    return search.result_page(terms, now, db.engine.dialect.name, 1, search.RESULT_LIMIT).items


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


def test_title_matches_rank_above_body_matches(search_app):
    word = "xylophonvang"
    body_new = add_article(search_app, "Tin mới", f"<p>Có {word} ở đây</p>", datetime(2021, 5, 1))
    title_old = add_article(search_app, f"Tin cũ về {word}", "<p>Nội dung</p>", datetime(2019, 1, 1))
    title_new = add_article(search_app, f"Tin về {word.upper()}", "<p>Nội dung</p>", datetime(2020, 1, 1))
    body_old = add_article(search_app, "Tin khác", f"<p><strong>{word}</strong></p>", datetime(2018, 1, 1))
    with search_app.app_context():
        ids = [a.id for a in ranked([word])]
    assert set(ids[:2]) == {title_new, title_old} and set(ids[2:]) == {body_new, body_old}


def test_the_more_relevant_article_comes_first_whatever_its_date(search_app):
    """BM25 (ts_rank_cd on PostgreSQL): the word three times in a short text beats it once in a
    long one, though the long one is newer."""
    word = "xylophonbac"
    filler = " ".join(["Thị xã tổ chức nhiều hoạt động văn hoá, thể thao sôi nổi trong dịp lễ."] * 12)
    passing = add_article(search_app, "Hoạt động trong tuần", f"<p>{filler} Có cả {word}.</p>", datetime(2021, 5, 1))
    about = add_article(search_app, "Tin ngắn", f"<p>{word}: {word} và {word}.</p>", datetime(2018, 1, 1))
    with search_app.app_context():
        assert [a.id for a in ranked([word])] == [about, passing]


def test_equally_relevant_articles_come_newer_first(search_app):
    word = "xylophondong"
    older = add_article(search_app, f"Tin về {word}", "<p>Nội dung như nhau</p>", datetime(2019, 1, 1))
    newer = add_article(search_app, f"Tin về {word}", "<p>Nội dung như nhau</p>", datetime(2020, 1, 1))
    with search_app.app_context():
        assert [a.id for a in ranked([word])] == [newer, older]


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
        "%_%",
        "ĐẠI HỘI'\"",
    ],
)
def test_garbage_queries_never_fail(search_app, query):
    response = search_app.test_client().get("/tim-kiem", query_string={"q": query})
    assert response.status_code in (200, 400)
    page = response.get_data(as_text=True)
    assert "Tìm thấy" in page or "Không tìm thấy" in page or 'role="alert"' in page


def test_a_nul_in_the_query_is_refused_in_vietnamese(search_app):
    """PostgreSQL cannot hold a NUL in any text; portal.web.inputs refuses it before the search runs."""
    response = search_app.test_client().get("/tim-kiem", query_string={"q": "\x00hoi"})
    assert response.status_code == 400
    assert "ký tự không hợp lệ" in response.get_data(as_text=True)


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


def old_site(tmp_path, monkeypatch, revision: str, articles: list[tuple[int, str, str, datetime]]):
    """An app whose SQLite database is at ``revision`` and holds ``articles`` (id, title, status,
    published_at; body "Hồng Lĩnh") in one category, written with raw SQL."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/old.sqlite3"})
    with app.app_context():
        upgrade(revision=revision)
        db.session.execute(insert(Category).values(id=1, name="Tin tức", slug="tin-tuc", position=1))
        for id_, title, status, published_at in articles:  # the columns of that revision only, not today's model
            db.session.execute(
                text(
                    "INSERT INTO article (id, title, slug, summary, body, cover_caption, byline, category_id, status,"
                    " published_at, created_at, updated_at) VALUES (:id, :title, :slug, '', '<p>Hồng Lĩnh</p>', '', '',"
                    " 1, :status, :published_at, :created, :created)"
                ),
                {"id": id_, "title": title, "slug": f"bai-{id_}", "status": status, "published_at": published_at,
                 "created": datetime(2020, 1, 1)},
            )  # fmt: skip
        db.session.commit()
    return app


def test_migration_indexes_existing_articles(tmp_path, monkeypatch):
    """Upgrading a site that already has articles makes them searchable."""
    app = old_site(tmp_path, monkeypatch, "0001", [(1, "Đại hội Đảng bộ", "published", datetime(2020, 1, 1))])
    with app.app_context():
        upgrade()
        assert [a.title for a in ranked(["hong", "linh"])] == ["Đại hội Đảng bộ"]
        db.session.execute(delete(Article))  # a bulk delete: no ORM events, the foreign key cascades
        db.session.commit()
        assert db.session.execute(select(ArticleSearch)).all() == []
        for fts in ("article_search_fts", "article_title_fts"):
            db.session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))


def test_html_to_text_separates_blocks_and_decodes_entities():
    assert search.html_to_text("<p>Hội&nbsp;nghị</p><p>tuyên <b>truyền</b></p>") == "Hội nghị tuyên truyền"
    assert search.folded_words("Hội\xa0nghị, ĐẠI-hội 2020!") == ["hoi", "nghi", "dai", "hoi", "2020"]


def test_reindex_command_rebuilds_the_index_after_raw_sql_writes(demo_app):
    with demo_app.app_context():
        db.session.execute(delete(ArticleSearch))
        db.session.commit()
    assert SEED_TITLE not in titles_for(demo_app, "hoi nghi")
    result = demo_app.test_cli_runner().invoke(args=["portal", "reindex-search"])
    assert result.exit_code == 0 and "Đã dựng lại chỉ mục tìm kiếm: 30 bài viết." in result.output  # the demo's 29 and one English version
    assert SEED_TITLE in titles_for(demo_app, "hoi nghi")


# At scale: the first RESULT_LIMIT places of the ranking, exactly, without ranking every match --


def add_matches(app, word: str) -> list[int]:
    """Five title matches and five body matches of ``word`` on interleaved dates, a draft and a
    scheduled one; returns the visible ones' ids in full ranking order."""
    titles, bodies = [], []
    for n in range(5):
        titles.append((datetime(2020, 1, 1 + 2 * n), add_article(app, f"Tin {word} số {n}", "<p>x</p>", datetime(2020, 1, 1 + 2 * n))))
        bodies.append((datetime(2020, 1, 2 + 2 * n), add_article(app, f"Tin số {n}", f"<p>{word}</p>", datetime(2020, 1, 2 + 2 * n))))
    add_article(app, f"Nháp {word}", "", datetime(2020, 2, 1), status=ArticleStatus.DRAFT)
    add_article(app, f"Hẹn giờ {word}", "", datetime(2031, 1, 1), status=ArticleStatus.SCHEDULED)
    newest_first = lambda pairs: [id_ for _, id_ in sorted(pairs, reverse=True)]  # noqa: E731
    return newest_first(titles) + newest_first(bodies)


@pytest.mark.parametrize("sort_at_most", [search.PG_SORT_AT_MOST, 1])  # PostgreSQL: sorted, then walked
@pytest.mark.parametrize("limit", [1, 3, 5, 6, 9, 10, 11, 50])
def test_capped_ranking_is_exactly_the_start_of_the_full_ranking(search_app, limit, sort_at_most, monkeypatch):
    monkeypatch.setattr(search, "PG_SORT_AT_MOST", sort_at_most)
    word = "dacbietmuoi"
    full = add_matches(search_app, word)
    with search_app.app_context():
        ranking = search.rank([word], datetime(2030, 1, 1), db.engine.dialect.name, limit=limit)
        first_places = [
            search.rank([word], datetime(2030, 1, 1), db.engine.dialect.name, places=places, limit=limit).ids
            for places in range(limit + 2)
        ]
    assert ranking.ids == full[:limit]
    assert ranking.total == min(len(full), limit)
    assert ranking.more == (len(full) > limit)
    assert first_places == [full[: min(places, limit)] for places in range(limit + 2)]


def test_a_title_match_outranks_newer_body_matches_beyond_the_limit(search_app):
    word = "cuxuatich"
    old_title = add_article(search_app, f"Chuyện {word} xưa", "<p>x</p>", datetime(2001, 1, 1))
    for day in range(1, 6):
        add_article(search_app, f"Tin ngày {day}", f"<p>{word}</p>", datetime(2021, 1, day))
    with search_app.app_context():
        ranking = search.rank([word], datetime(2030, 1, 1), db.engine.dialect.name, limit=2)
    assert ranking.ids[0] == old_title and ranking.more


def test_more_matches_than_the_limit_say_so(search_app, monkeypatch):
    monkeypatch.setattr(search, "RESULT_LIMIT", 3)
    search_app.config["PAGE_MAX_AGE"] = 0  # the same address is asked again under another limit
    word = "nhieuketqua"
    full = add_matches(search_app, word)
    client = search_app.test_client()
    page = client.get("/tim-kiem", query_string={"q": word}).get_data(as_text=True)
    assert "Tìm thấy hơn 3 bài viết cho «nhieuketqua»" in page
    assert "Chỉ liệt kê 3 bài đầu tiên" in page
    assert page.count('class="search-result"') == 3
    beyond = client.get("/tim-kiem", query_string={"q": word, "page": 2})
    text_ = beyond.get_data(as_text=True)
    assert beyond.status_code == 404
    assert "Trang 2 nằm ngoài 3 kết quả đầu tiên" in text_ and 'name="q"' in text_
    monkeypatch.setattr(search, "RESULT_LIMIT", len(full))
    exact = client.get("/tim-kiem", query_string={"q": word}).get_data(as_text=True)
    assert f"Tìm thấy {len(full)} bài viết" in exact and "Chỉ liệt kê" not in exact


def test_publishing_unpublishing_and_redating_follow_at_once(search_app):
    word = "xuatbanngay"
    older = add_article(search_app, f"Tin {word} cũ", "", datetime(2020, 1, 1))
    draft = add_article(search_app, f"Bài {word} nháp", "", datetime(2019, 1, 1), status=ArticleStatus.DRAFT)
    with search_app.app_context():
        assert [a.id for a in ranked([word])] == [older]
        db.session.get(Article, draft).status = ArticleStatus.PUBLISHED
        db.session.commit()
        assert [a.id for a in ranked([word])] == [older, draft]
        db.session.get(Article, draft).published_at = datetime(2021, 1, 1)
        db.session.commit()
        assert [a.id for a in ranked([word])] == [draft, older]
        db.session.get(Article, draft).status = ArticleStatus.DRAFT
        db.session.commit()
        assert [a.id for a in ranked([word])] == [older]
        assert [a.id for a in ranked([word], now=datetime(2019, 12, 31))] == []


def test_rank_key_sorts_like_published_at_then_id():
    moments = [datetime(1900, 1, 1), datetime(1999, 12, 31, 23, 59, 59), datetime(2020, 1, 1), datetime(2150, 6, 1)]
    rows = [(moment, id_) for moment in moments for id_ in (1, 2, (1 << search.ID_BITS) - 1)]
    keys = [search.rank_key(id_, ArticleStatus.PUBLISHED, moment) for moment, id_ in rows]
    assert keys == sorted(keys) and all(key > 0 for key in keys)
    assert [search.article_id_of(key) for key in keys] == [id_ for _, id_ in rows]
    assert search.rank_key(7, ArticleStatus.DRAFT, datetime(2020, 1, 1)) == -7
    assert search.article_id_of(-7) == 7
    assert search.rank_key(7, ArticleStatus.PUBLISHED, datetime(2020, 1, 1)) <= search.visible_bound(datetime(2020, 1, 1))
    assert search.rank_key(7, ArticleStatus.PUBLISHED, datetime(2020, 1, 1, 0, 0, 1)) > search.visible_bound(datetime(2020, 1, 1))
    with pytest.raises(ValueError):
        search.rank_key(1 << search.ID_BITS, ArticleStatus.PUBLISHED, datetime(2020, 1, 1))


def test_migration_0007_keys_existing_rows_and_downgrades(tmp_path, monkeypatch):
    days = ((1, "published", 1), (2, "draft", 2), (3, "published", 3))
    articles = [(id_, f"Đại hội {id_}", status, datetime(2020, 1, day)) for id_, status, day in days]
    app = old_site(tmp_path, monkeypatch, "0006", articles)
    with app.app_context():
        for id_, *_ in articles:
            db.session.execute(
                text("INSERT INTO article_search (article_id, title, body) VALUES (:id, :title, 'hong linh')"),
                {"id": id_, "title": f"dai hoi {id_}"},
            )
        db.session.commit()
        upgrade()
        assert [a.id for a in ranked(["dai", "hoi"])] == [3, 1]
        for fts in ("article_search_fts", "article_title_fts"):
            db.session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
        db.session.commit()
        downgrade(revision="0006")
        rows = db.session.execute(text("SELECT rowid FROM article_search_fts WHERE article_search_fts MATCH 'hong'"))
        assert sorted(rows.scalars()) == [1, 2, 3]


@pytest.mark.parametrize(
    ("text_", "terms", "marked"),
    [
        ("Hội nghị HỘI NGHỊ", ["hoi", "nghi"], "<mark>Hội</mark> <mark>nghị</mark> <mark>HỘI</mark> <mark>NGHỊ</mark>"),
        ("hội_nghị hội1 đại-hội", ["hoi", "dai"], "<mark>hội</mark>_nghị hội1 <mark>đại</mark>-<mark>hội</mark>"),
        ("\u0048\u006f\u0302\u0323i nghi\u0323", ["hoi"], "<mark>Hội</mark> nghị"),  # decomposed (NFD) input
        ("İzmir và hội nghị", ["hoi"], "İzmir và <mark>hội</mark> nghị"),  # folding changes the length
        ("<hội> & nghị", ["hoi"], "&lt;<mark>hội</mark>&gt; &amp; nghị"),
    ],
)
def test_highlight_marks_whole_words_whatever_the_form(text_, terms, marked):
    assert search.highlight(text_, terms) == marked


# Rankings follow the index and the clock ---------------------------------------------------------


def test_a_ranking_follows_the_clock(search_app):
    word = "hengioxuatban"
    out = add_article(search_app, f"Tin {word} đã đăng", "", datetime(2020, 1, 1))
    coming = add_article(search_app, f"Tin {word} hẹn giờ", "", datetime(2020, 1, 3), status=ArticleStatus.SCHEDULED)
    with search_app.app_context():
        dialect = db.engine.dialect.name
        at = lambda moment: search.rank([word], moment, dialect, places=10).ids  # noqa: E731
        assert at(datetime(2020, 1, 2)) == [out]
        assert at(datetime(2020, 1, 2, 12)) == [out]
        assert at(datetime(2020, 1, 3)) == [coming, out]
        assert at(datetime(2020, 1, 2, 23, 59, 59)) == [out]
        assert at(datetime(2019, 12, 31)) == []


def test_raw_sql_writes_to_the_index_are_seen_at_once(search_app):
    word = "suathangsql"
    article_id = add_article(search_app, f"Tin {word}", "", datetime(2020, 1, 1))
    with search_app.app_context():
        dialect, now = db.engine.dialect.name, datetime(2030, 1, 1)
        assert search.rank([word], now, dialect).ids == [article_id]
        db.session.execute(text("UPDATE article_search SET title = 'khac' WHERE article_id = :id"), {"id": article_id})
        db.session.commit()
        assert search.rank([word], now, dialect).ids == []
        db.session.execute(delete(ArticleSearch))
        db.session.commit()
        assert search.rank(["khac"], now, dialect).ids == []


def test_an_expired_article_is_neither_found_nor_counted(search_app):
    """An article past its end time leaves search by itself: the total, every page and the
    capped ranking leave it out, at once and without touching the index (issue 19, point 4)."""
    word = "hethanroi"
    kept = add_article(search_app, f"Tin {word} còn hạn", "<p>x</p>", datetime(2020, 1, 1))
    ended = add_article(search_app, f"Tin {word} hết hạn", "<p>x</p>", datetime(2020, 1, 2))
    with search_app.app_context():
        db.session.get(Article, ended).expires_at = datetime(2025, 1, 1)
        db.session.commit()
        dialect = db.engine.dialect.name
        before = search.rank([word], datetime(2024, 12, 31), dialect)
        after = search.rank([word], datetime(2025, 1, 1), dialect)
        capped = search.rank([word], datetime(2025, 1, 1), dialect, limit=1)
        page = search.result_page([word], datetime(2025, 1, 1), dialect, 1, 10)
    assert (before.ids, before.total) == ([ended, kept], 2)
    assert (after.ids, after.total, capped.ids, capped.more) == ([kept], 1, [kept], False)
    assert ([a.id for a in page.items], page.total) == ([kept], 1)
