"""Editors approving the same article at the same instant, on a real server (Werkzeug's threaded
server on a real SQLite file, or PostgreSQL in CI's second run): exactly one approval, the
others refused with 409 and a Vietnamese message; one state change, one audit entry."""

import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, ArticleStateChange, AuditLog, Category, Role, User
from portal.services import publishing
from portal.services.accounts import create_user
from tests.helpers import ADMIN_PASSWORD, ServerBrowser, run_together
from tests.live_server import serve

pytestmark = pytest.mark.slow  # left out of the fast subset (README)

EDITORS = 6


class EditorBrowser(ServerBrowser):
    """One editor's browser, approving the article it opened."""

    def open_article(self, article_id: int, fields: dict) -> None:
        """The edit page as the editor sees it: its token and version go with the approval."""
        page = self._get(f"/quan-tri/bai-viet/{article_id}")
        version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
        self.form = fields | {"csrf_token": self._token(f"/quan-tri/bai-viet/{article_id}"), "version": version}
        self.path = f"/quan-tri/bai-viet/{article_id}"

    def approve(self) -> tuple[int, str]:
        return self._post(self.still, self.path, self.form | {"thao_tac": "publish"})


@pytest.fixture
def pending_article(admin_app):
    """An article awaiting approval in a category with ``EDITORS`` editors."""
    with admin_app.app_context():
        category = db.session.execute(select(Category).where(Category.slug == "tin-tuc-su-kien")).scalar_one()
        for number in range(1, EDITORS):
            create_user(f"bientap{number}", ADMIN_PASSWORD, Role.EDITOR, category_ids=[category.id])
        writer = db.session.execute(select(User).where(User.username == "phongvien")).scalar_one()
        data = publishing.ArticleInput("Khai mạc hội chợ xuân", "", "", "<p>Hội chợ mở cửa.</p>", category.id, None, "", "", None)
        article = publishing.create_article(data, writer, datetime(2020, 6, 30, 9, 0), publishing.Action(publishing.Move.SUBMIT))
        fields = {"title": article.title, "slug": article.slug, "summary": "", "body": article.body, "category_id": category.id,
                  "cover_caption": "", "cover_alt": "", "byline": "", "published_at": "", "comment": ""}  # fmt: skip
        return article.id, fields


def test_editors_approving_at_once_make_one_approval(admin_app, pending_article):
    article_id, fields = pending_article
    usernames = ["bientap"] + [f"bientap{number}" for number in range(1, EDITORS)]
    with serve(admin_app) as base:
        editors = [EditorBrowser(base, username) for username in usernames]
        for editor in editors:
            editor.open_article(article_id, fields)
        answers = run_together(EDITORS, lambda i: editors[i].approve())
    statuses = sorted(status for status, _ in answers)
    assert statuses == [302] + [409] * (EDITORS - 1)
    refusals = [page for status, page in answers if status == 409]
    assert all("Bài viết vừa được người khác thay đổi sau khi bạn mở trang này" in page for page in refusals)
    with admin_app.app_context():
        assert db.session.get(Article, article_id).status == "published"
        approvals = select(func.count()).select_from(ArticleStateChange).where(
            ArticleStateChange.article_id == article_id, ArticleStateChange.to_status == "published")
        assert db.session.execute(approvals).scalar() == 1
        logged = select(func.count()).select_from(AuditLog).where(AuditLog.action == "publish", AuditLog.target_id == article_id)
        assert db.session.execute(logged).scalar() == 1
