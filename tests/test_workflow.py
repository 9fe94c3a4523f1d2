"""The article's path (portal.services.workflow): every move from every state, for each kind of
account, against a table written out here; a refused move changes nothing."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, ArticleStateChange, ArticleStatus, AuditLog, Category, Role, User
from portal.services import housekeeping, publishing, workflow
from portal.services.accounts import create_user
from portal.services.workflow import Move
from tests.helpers import ADMIN_PASSWORD

S = ArticleStatus
NOW = datetime(2020, 6, 30, 12, 0)
AUTHOR_AND_APPROVERS = {"author", "editor", "admin"}
APPROVERS = {"editor", "admin"}
# (move, from state) → who may make it; every pair not listed is refused to everybody.
ALLOWED = {
    (Move.SUBMIT, S.DRAFT): AUTHOR_AND_APPROVERS,
    (Move.SUBMIT, S.RETURNED): AUTHOR_AND_APPROVERS,
    (Move.WITHDRAW, S.PENDING): {"author"},
    (Move.RETURN, S.PENDING): APPROVERS,
    (Move.PUBLISH, S.DRAFT): APPROVERS,
    (Move.PUBLISH, S.PENDING): APPROVERS,
    (Move.PUBLISH, S.RETURNED): APPROVERS,
    (Move.PUBLISH, S.UNPUBLISHED): APPROVERS,
    (Move.UNPUBLISH, S.PUBLISHED): APPROVERS,
    (Move.UNPUBLISH, S.SCHEDULED): APPROVERS,
    **{(Move.TRASH, state): APPROVERS for state in S if state != S.TRASHED},
    (Move.RESTORE, S.TRASHED): APPROVERS,
}
TARGET = {Move.SUBMIT: S.PENDING, Move.WITHDRAW: S.DRAFT, Move.RETURN: S.RETURNED, Move.PUBLISH: S.PUBLISHED,
          Move.UNPUBLISH: S.UNPUBLISHED, Move.TRASH: S.TRASHED, Move.RESTORE: S.DRAFT}  # fmt: skip
ACCOUNTS = {
    "author": "phongvien",  # the writer who wrote it, in a category of theirs
    "other_writer": "phongvien2",  # another writer of the same category
    "editor": "bientap",  # an editor of its category
    "other_editor": "bientap2",  # an editor of another category only
    "admin": "quantri",
}


@pytest.fixture
def newsroom(admin_app):
    """The fixture's accounts, a second writer and an editor of another category, and an article
    by the writer in a category both the writer and the editor have."""
    with admin_app.app_context():
        ids = dict(db.session.execute(select(Category.slug, Category.id)).all())
        create_user("phongvien2", ADMIN_PASSWORD, Role.WRITER, category_ids=[ids["tin-tuc-su-kien"]])
        create_user("bientap2", ADMIN_PASSWORD, Role.EDITOR, category_ids=[ids["van-hoa-the-thao"]])
        author = _user("phongvien")
        data = publishing.ArticleInput("Bài thử quy trình", "", "Tóm tắt", "<p>Nội dung</p>", ids["tin-tuc-su-kien"],
                                       None, "", "Phóng viên", None)  # fmt: skip
        article = publishing.create_article(data, author, NOW, publishing.Action())
        return article.id


def _user(username: str) -> User:
    return db.session.execute(select(User).where(User.username == username)).scalar_one()


def _put_in(article: Article, state: ArticleStatus) -> None:
    article.status = state
    article.published_at = {S.PUBLISHED: NOW - timedelta(days=1), S.SCHEDULED: NOW + timedelta(days=1)}.get(state)
    article.trashed_at = NOW if state == S.TRASHED else None
    db.session.commit()


def _counts() -> tuple[int, int]:
    changes = db.session.execute(select(func.count()).select_from(ArticleStateChange)).scalar()
    return changes, db.session.execute(select(func.count()).select_from(AuditLog)).scalar()


def _try(article_id: int, role: str, move: Move, state: ArticleStatus) -> bool:
    username = ACCOUNTS[role]
    article = db.session.get(Article, article_id)
    _put_in(article, state)
    before, version = _counts(), article.version
    try:
        workflow.move(article, move, _user(username), NOW, version, comment="Cần thêm ảnh và nguồn.")
    except (workflow.Forbidden, workflow.WrongState) as refused:
        # 403 to an account that never makes this move; 409 to one that does, from another state
        makes_it = any(role in who for (allowed, _), who in ALLOWED.items() if allowed == move)
        assert isinstance(refused, workflow.Forbidden) == (not makes_it)
        article = db.session.get(Article, article_id)
        assert (article.status, article.version, _counts()) == (state, version, before)  # nothing changed
        return False
    article = db.session.get(Article, article_id)
    assert article.status == TARGET[move]
    assert _counts() == (before[0] + 1, before[1] + 1)  # one state change, one audit entry
    change = db.session.execute(select(ArticleStateChange).order_by(ArticleStateChange.id.desc()).limit(1)).scalar_one()
    assert (change.from_status, change.to_status, change.username) == (state, TARGET[move], username)
    return True


@pytest.mark.parametrize("role", ACCOUNTS)
def test_every_move_from_every_state(admin_app, newsroom, role):
    with admin_app.app_context():
        done = {(move, state): _try(newsroom, role, move, state) for move in Move for state in S}
    expected = {(move, state): role in ALLOWED.get((move, state), set()) for move in Move for state in S}
    assert done == expected


def test_the_buttons_offered_are_the_moves_allowed(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        for state in S:
            _put_in(article, state)
            for role, username in ACCOUNTS.items():
                offered = set(workflow.moves_for(_user(username), article))
                assert offered == {m for m in Move if role in ALLOWED.get((m, state), set())}, (role, state)


def test_returning_needs_a_comment(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        _put_in(article, S.PENDING)
        with pytest.raises(workflow.WorkflowError, match="Hãy ghi lý do trả lại"):
            workflow.move(article, Move.RETURN, _user("bientap"), NOW, article.version, comment="  ")
        assert db.session.get(Article, newsroom).status == S.PENDING


def test_publishing_with_a_time_to_come_schedules(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        _put_in(article, S.PENDING)
        later = NOW + timedelta(hours=3)
        workflow.move(article, Move.PUBLISH, _user("bientap"), NOW, article.version, publish_at=later)
        article = db.session.get(Article, newsroom)
        assert (article.status, article.published_at) == (S.SCHEDULED, later)


def test_a_move_from_a_stale_version_is_refused(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        _put_in(article, S.PENDING)
        seen = article.version
        workflow.move(article, Move.PUBLISH, _user("bientap"), NOW, seen)
        with pytest.raises(workflow.StaleArticle):
            workflow.move(db.session.get(Article, newsroom), Move.RETURN, _user("quantri"), NOW, seen, comment="Không")
        assert db.session.get(Article, newsroom).status == S.PUBLISHED


def test_a_scheduled_article_going_live_is_recorded_once_with_its_time(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        _put_in(article, S.SCHEDULED)
        when = article.published_at
        assert housekeeping.publish_due(when - timedelta(minutes=1)) == 0
        assert housekeeping.publish_due(when + timedelta(hours=5)) == 1
        assert housekeeping.publish_due(when + timedelta(hours=6)) == 0  # observed again: recorded once
        change = workflow.history(newsroom)[-1]
        assert (change.from_status, change.to_status, change.username, change.created_at) == (
            S.SCHEDULED, S.PUBLISHED, workflow.AUTOMATIC, when)  # fmt: skip
        entry = db.session.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).scalar_one()
        assert (entry.username, entry.action, entry.target_id) == (workflow.AUTOMATIC, "publish", newsroom)


def test_the_bin_is_purged_after_thirty_days_at_most_once_an_hour(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        workflow.move(article, Move.TRASH, _user("bientap"), NOW, article.version)
        day_29, day_31 = NOW + timedelta(days=29), NOW + timedelta(days=31)
        assert housekeeping.keep_up(day_29, None) == day_29  # looked, nothing due yet
        assert db.session.get(Article, newsroom) is not None
        just_looked = day_31 - timedelta(minutes=10)
        assert housekeeping.keep_up(day_31, just_looked) == just_looked  # looked 10 minutes ago: not again
        assert db.session.get(Article, newsroom) is not None
        assert housekeeping.keep_up(day_31, day_31 - timedelta(hours=1)) == day_31
        assert db.session.get(Article, newsroom) is None
        assert db.session.execute(select(ArticleStateChange).where(ArticleStateChange.article_id == newsroom)).first() is None
        purged = db.session.execute(select(AuditLog).where(AuditLog.action == "purge")).scalar_one()
        assert (purged.target_id, purged.username) == (newsroom, workflow.AUTOMATIC)


def test_the_purge_command(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        workflow.move(article, Move.TRASH, _user("bientap"), NOW - timedelta(days=31), article.version)
    result = admin_app.test_cli_runner().invoke(args=["portal", "purge-bin"])
    assert result.exit_code == 0, result.output
    assert "Bài thử quy trình" in result.output
    with admin_app.app_context():
        assert db.session.get(Article, newsroom) is None


def test_what_awaits_whom(admin_app, newsroom):
    with admin_app.app_context():
        article = db.session.get(Article, newsroom)
        workflow.move(article, Move.SUBMIT, _user("phongvien"), NOW, article.version, comment="Nhờ anh xem giúp.")
        waiting = {role: [a.id for a in workflow.awaiting(_user(username))] for role, username in ACCOUNTS.items()}
        assert waiting == {"author": [], "other_writer": [], "editor": [newsroom], "other_editor": [], "admin": [newsroom]}
        article = db.session.get(Article, newsroom)
        workflow.move(article, Move.RETURN, _user("bientap"), NOW, article.version, comment="Thiếu nguồn.")
        [(returned, change)] = workflow.came_back(_user("phongvien"))
        assert (returned.id, change.comment, change.username) == (newsroom, "Thiếu nguồn.", "bientap")
        assert workflow.came_back(_user("phongvien2")) == []
