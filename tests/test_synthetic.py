"""The synthetic article generator, `portal demo --articles N` and `portal demo --documents N`."""

from datetime import datetime

from sqlalchemy import func, select

from portal.demo.documents import DOCUMENTS
from portal.demo.synthetic import generate_articles
from portal.extensions import db
from portal.models import Article, ArticleSearch, Document, DocumentSearch
from portal.services import search


def test_generated_articles_are_vietnamese_spread_and_repeatable():
    until = datetime(2026, 1, 1)
    first = list(generate_articles(200, [1, 2, 3], until, seed=5))
    assert first == list(generate_articles(200, [1, 2, 3], until, seed=5))
    assert first != list(generate_articles(200, [1, 2, 3], until, seed=6))
    assert {a["category_id"] for a in first} == {1, 2, 3}
    assert all(until.replace(year=2020) <= a["published_at"] <= until for a in first)
    assert len({a["published_at"].year for a in first}) >= 5
    assert len({a["slug"] for a in first}) == 200
    assert any("ư" in a["title"] or "ộ" in a["title"] or "ị" in a["title"] for a in first)
    assert all(a["body"].startswith("<p>") and a["body"].count("<p>") >= 4 for a in first)


def test_cli_adds_synthetic_articles_searchable_on_top_of_the_demo(app, fixed_clock):
    app.config["CLOCK"] = fixed_clock
    runner = app.test_cli_runner()
    result = runner.invoke(args=["portal", "demo", "--articles", "1500"])
    assert result.exit_code == 0, result.output
    assert "Đã nạp dữ liệu mẫu: 29 bài viết." in result.output
    assert "Đã thêm 1.500 bài viết tổng hợp" in result.output
    again = runner.invoke(args=["portal", "demo", "--articles", "20"])
    assert again.exit_code == 0 and "nạp dữ liệu mẫu" not in again.output
    with app.app_context():
        demo = 29 + 1  # the demo's Vietnamese articles and the seed's English version (issue 18)
        assert db.session.execute(select(func.count(Article.id))).scalar() == demo + 1520
        assert db.session.execute(select(func.count(ArticleSearch.article_id))).scalar() == demo + 1520
        assert len(search.rank(["chuyen", "doi", "so"], fixed_clock(), db.engine.dialect.name).ids) > 10


def test_cli_refuses_a_non_positive_count(runner):
    result = runner.invoke(args=["portal", "demo", "--articles", "0"])
    assert result.exit_code != 0 and "0" in result.output


def test_cli_adds_synthetic_documents_listed_filtered_and_searchable(app, fixed_clock):
    app.config["CLOCK"] = fixed_clock
    result = app.test_cli_runner().invoke(args=["portal", "demo", "--documents", "1200"])
    assert result.exit_code == 0, result.output
    assert "Đã nạp dữ liệu mẫu: 29 bài viết." in result.output and "Đã thêm 1.200 văn bản tổng hợp." in result.output
    with app.app_context():
        assert db.session.execute(select(func.count(Document.id))).scalar() == len(DOCUMENTS) + 1200
        assert db.session.execute(select(func.count(DocumentSearch.document_id))).scalar() == len(DOCUMENTS) + 1200
    client = app.test_client()
    listing = client.get("/van-ban?page=3").get_data(as_text=True)
    assert f"{len(DOCUMENTS) + 1200:,} văn bản".replace(",", ".") in listing
    assert client.get("/van-ban?loai=ke-hoach&nam=2019").status_code == 200
    found = client.get("/van-ban?q=chuyen+doi+so").get_data(as_text=True)
    assert "Tìm thấy" in found and "-TS</a>" in found
