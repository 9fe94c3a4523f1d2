"""Editors changing the tiêu điểm list at the same instant, on a real server (Werkzeug's threaded
server on a real SQLite file, or PostgreSQL in CI's second run): every change is made on the list
as it is, one after the other, and it ends in a valid order (positions 1..n, each article once)."""

from datetime import datetime

import pytest
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import Article, Category, FeaturedArticle, Role
from portal.services.accounts import create_user
from tests.helpers import ADMIN_PASSWORD, ServerBrowser, run_together
from tests.live_server import serve

pytestmark = pytest.mark.slow  # left out of the fast subset (README)

EDITORS = 8
LIST = "/quan-tri/bai-viet"


@pytest.fixture
def party_articles(admin_app):
    """Five published articles of Xây dựng Đảng, the first three pinned, and ``EDITORS`` editors of it."""
    with admin_app.app_context():
        category = db.session.execute(select(Category).where(Category.slug == "xay-dung-dang")).scalar_one()
        for number in range(EDITORS):
            create_user(f"bientap{number}", ADMIN_PASSWORD, Role.EDITOR, category_ids=[category.id])
        ids = db.session.execute(select(Article.id).where(Article.category_id == category.id).order_by(Article.id).limit(5)).scalars().all()
        db.session.execute(delete(FeaturedArticle))
        for position, article_id in enumerate(ids[:3], start=1):
            db.session.add(FeaturedArticle(article_id=article_id, position=position, pinned_at=datetime(2020, 6, 30)))
        db.session.commit()
        return ids


def test_editors_changing_the_list_at_once_leave_a_valid_order(admin_app, party_articles):
    a, b, c, d, e = party_articles
    changes = [
        (f"/quan-tri/tieu-diem/{a}/di-chuyen", {"direction": "down"}), (f"/quan-tri/tieu-diem/{c}/di-chuyen", {"direction": "up"}),
        (f"/quan-tri/tieu-diem/{b}/di-chuyen", {"direction": "down"}), (f"/quan-tri/tieu-diem/{a}/di-chuyen", {"direction": "up"}),
        (f"/quan-tri/tieu-diem/{d}/ghim", {"until": ""}), (f"/quan-tri/tieu-diem/{b}/bo-ghim", {}),
        (f"/quan-tri/tieu-diem/{e}/ghim", {"until": ""}), (f"/quan-tri/tieu-diem/{c}/di-chuyen", {"direction": "down"}),
    ]  # fmt: skip
    with serve(admin_app) as base:
        editors = [ServerBrowser(base, f"bientap{number}") for number in range(EDITORS)]
        tokens = [editor._token(LIST) for editor in editors]
        for _ in range(2):  # twice over: more ways for the changes to meet
            answers = run_together(EDITORS, lambda i: editors[i]._post(editors[i].still, changes[i][0], changes[i][1] | {"csrf_token": tokens[i]}))
            assert [status for status, _ in answers] == [302] * EDITORS
    with admin_app.app_context():
        rows = db.session.execute(select(FeaturedArticle.article_id, FeaturedArticle.position).order_by(FeaturedArticle.position)).all()
    assert [position for _, position in rows] == [1, 2, 3, 4]
    assert {article_id for article_id, _ in rows} == {a, c, d, e}
