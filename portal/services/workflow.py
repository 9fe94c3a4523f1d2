"""The article's path, in one place: which moves exist, who may make each, and making them.

    nháp → chờ duyệt → (trả lại, with the editor's comment) → đã đăng or hẹn giờ → gỡ xuống
    → thùng rác (30 days, restorable) → purged

``RULES`` is the whole state machine; the README's table is written from it. Rights come from
portal.services.rights (the article's category); "the author" is the account that created the
article. Every move is a compare-and-set on the article's version (``claim``), so of two
editors approving at once exactly one succeeds, and each move writes a state change row and an
audit entry in the same transaction. Functions ending in ``_in_transaction`` leave the commit to
their caller (portal.services.publishing saves and moves in one transaction).
"""

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select, update

from portal.extensions import db
from portal.models import Article, ArticleStateChange, ArticleStatus, User
from portal.models.revisions import authored_by
from portal.services import audit, mail, rights

S = ArticleStatus
AUTOMATIC = "(tự động)"  # the name on a move the site makes itself (a scheduled article going live)


class Move(enum.StrEnum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    RETURN = "return"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    TRASH = "trash"
    RESTORE = "restore"


class By(enum.Flag):
    AUTHOR = enum.auto()  # the article's author, while they may write in its category
    APPROVER = enum.auto()  # an editor of its category, or quản trị


@dataclass(frozen=True)
class Rule:
    sources: frozenset[ArticleStatus]
    target: ArticleStatus
    by: By
    label: str


RULES: dict[Move, Rule] = {
    Move.SUBMIT: Rule(frozenset({S.DRAFT, S.RETURNED}), S.PENDING, By.AUTHOR | By.APPROVER, "Gửi duyệt"),
    Move.WITHDRAW: Rule(frozenset({S.PENDING}), S.DRAFT, By.AUTHOR, "Rút về để sửa"),
    Move.RETURN: Rule(frozenset({S.PENDING}), S.RETURNED, By.APPROVER, "Trả lại"),
    # The target is SCHEDULED instead when the publication time is in the future.
    Move.PUBLISH: Rule(frozenset({S.DRAFT, S.PENDING, S.RETURNED, S.UNPUBLISHED}), S.PUBLISHED, By.APPROVER, "Duyệt và đăng"),
    Move.UNPUBLISH: Rule(frozenset({S.PUBLISHED, S.SCHEDULED}), S.UNPUBLISHED, By.APPROVER, "Gỡ xuống"),
    Move.TRASH: Rule(frozenset(set(S) - {S.TRASHED}), S.TRASHED, By.APPROVER, "Chuyển vào thùng rác"),
    Move.RESTORE: Rule(frozenset({S.TRASHED}), S.DRAFT, By.APPROVER, "Khôi phục từ thùng rác"),
}


class WorkflowError(Exception):
    """A move or a save that cannot be made; ``status`` is the HTTP status the admin answers with,
    the message is for the person, in Vietnamese."""

    status = 422

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class Forbidden(WorkflowError):
    status = 403


class StaleArticle(WorkflowError):
    status = 409


class WrongState(WorkflowError):
    """The move does not start from the state the article is in (restoring one not in the bin)."""

    status = 409


STALE = (
    "Bài viết vừa được người khác thay đổi sau khi bạn mở trang này, nên chưa lưu gì cả. "
    "Nội dung bạn nhập vẫn còn trong biểu mẫu: hãy mở bài trong thẻ mới để xem bản mới nhất, "
    "chép phần của bạn vào đó rồi lưu."
)


def is_author(user: User, article: Article) -> bool:
    return article.author_id is not None and article.author_id == user.id


def may_read(user: User, article: Article) -> bool:
    """May the account open the article in the admin (its form, preview, revisions)?"""
    return is_author(user, article) or rights.may_approve_in(user, article.category_id)


def may_edit(user: User, article: Article) -> bool:
    """May the account save the article's content? Editors of its category while it is not in
    the bin; its author while it is a draft or returned to them."""
    if article.status == S.TRASHED:
        return False
    if rights.may_approve_in(user, article.category_id):
        return True
    return is_author(user, article) and article.status in {S.DRAFT, S.RETURNED} and rights.may_write_in(user, article.category_id)


def _has_right(user: User, article: Article, move: Move) -> bool:
    """Is the account one of those who make this move on this article (whatever its state)?"""
    by = RULES[move].by
    if By.APPROVER in by and rights.may_approve_in(user, article.category_id):
        return True
    return By.AUTHOR in by and is_author(user, article) and rights.may_write_in(user, article.category_id)


def may_move(user: User, article: Article, move: Move) -> bool:
    return ArticleStatus(article.status) in RULES[move].sources and _has_right(user, article, move)


def moves_for(user: User, article: Article) -> list[Move]:
    """The moves this account may make now, in the order the buttons are shown."""
    return [move for move in Move if may_move(user, article, move)]


def readable_by(user: User) -> Select[tuple[int]]:
    """The ids of the articles this account may open: in the categories it approves in, or its own."""
    query = select(Article.id)
    categories = rights.category_ids(user)
    if categories is None:
        return query
    approved = categories if user.is_editor else set()
    return query.where(Article.category_id.in_(approved) | Article.id.in_(authored_by(user.id)))


def claim(article: Article, expected_version: int | None) -> None:
    """Raise the article's version if it is still ``expected_version``, then reread it.

    The first write of the transaction: PostgreSQL locks the row until the commit (a second
    claimer waits, then finds the version moved); SQLite takes its write lock here. So two
    saves or moves made from the same version cannot both pass. None: the caller makes no
    claim about what was seen (the site's own moves)."""
    condition = [Article.id == article.id]
    if expected_version is not None:
        condition.append(Article.version == expected_version)
    raised = db.session.execute(
        update(Article).where(*condition).values(version=Article.version + 1).execution_options(synchronize_session=False)
    )
    if raised.rowcount != 1:
        db.session.rollback()
        raise StaleArticle(STALE)
    db.session.refresh(article)


def record_change(
    article: Article, before: ArticleStatus | None, actor: User | None, at: datetime, comment: str = ""
) -> ArticleStateChange:
    change = ArticleStateChange(
        article_id=article.id, from_status=before, to_status=article.status, user_id=actor.id if actor else None,
        username=actor.username if actor else AUTOMATIC, comment=comment, created_at=at,
    )  # fmt: skip
    db.session.add(change)
    return change


def move_in_transaction(
    article: Article, move: Move, actor: User, now: datetime, comment: str = "", publish_at: datetime | None = None
) -> None:
    """Check and make ``move`` on an article already claimed in this transaction: refused with
    Forbidden when the account is not one who makes it (whatever the state: nothing is told to
    those without the right), then with WrongState when the article is not where it starts."""
    if not _has_right(actor, article, move):
        db.session.rollback()
        raise Forbidden("Bạn không có quyền làm việc này với bài viết này.")
    if ArticleStatus(article.status) not in RULES[move].sources:
        db.session.rollback()
        raise WrongState(f"Bài viết đang ở trạng thái “{article.status_label}”: không thể “{RULES[move].label.lower()}”.")
    comment = comment.strip()
    if move == Move.RETURN and not comment:
        db.session.rollback()
        raise WorkflowError("Hãy ghi lý do trả lại để người viết biết cần sửa gì.", "comment")
    before = ArticleStatus(article.status)
    article.status = RULES[move].target
    if move == Move.PUBLISH:
        _set_publication(article, publish_at, now)
    article.trashed_at = now if move == Move.TRASH else None
    record_change(article, before, actor, now, comment)
    action = "schedule" if article.status == S.SCHEDULED else move.value  # the audit log's names are the moves' own
    audit.record(actor, action, "article", article.id, _summary(article, comment))


def _set_publication(article: Article, publish_at: datetime | None, now: datetime) -> None:
    """Now, or at a time to come (hẹn giờ). A time already past means "now": the article is
    not backdated by a stale form (the time shown publicly is when it really came out)."""
    if publish_at is not None and publish_at > now:
        article.status, article.published_at = S.SCHEDULED, publish_at
    else:
        article.published_at = now


def _summary(article: Article, comment: str) -> str:
    return f"“{article.title}”" + (f": {comment}" if comment else "")


def move(
    article: Article, move_: Move, actor: User, now: datetime, version: int | None, comment: str = "",
    publish_at: datetime | None = None,
) -> None:  # fmt: skip
    """Make one move from the version the person saw, commit, then send the mail it calls for."""
    claim(article, version)
    move_in_transaction(article, move_, actor, now, comment, publish_at)
    db.session.commit()
    notify(article, move_, comment)


def notify(article: Article, move_: Move, comment: str) -> None:
    """After the commit: editors of the category hear of an article awaiting them, the author of
    one returned (only where a mail server is configured; see portal.services.mail)."""
    if move_ == Move.SUBMIT:
        mail.tell_awaiting_approval(article, approvers(article.category_id))
    elif move_ == Move.RETURN and article.author_id is not None:
        mail.tell_returned(article, db.session.get(User, article.author_id), comment.strip())


def approvers(category_id: int) -> list[User]:
    """The active accounts that may approve in the category."""
    users = db.session.execute(select(User).where(User.active.is_(True)).order_by(User.id)).scalars()
    return [user for user in users if rights.may_approve_in(user, category_id)]


def history(article_id: int) -> list[ArticleStateChange]:
    """The article's moves, oldest first."""
    query = select(ArticleStateChange).where(ArticleStateChange.article_id == article_id)
    return list(db.session.execute(query.order_by(ArticleStateChange.created_at, ArticleStateChange.id)).scalars())


def last_comment(article: Article) -> ArticleStateChange | None:
    """The latest move with a comment (what the editor said when returning it)."""
    for change in reversed(history(article.id)):
        if change.comment:
            return change
    return None


def awaiting(user: User, limit: int = 50) -> list[Article]:
    """What awaits this account's approval: articles submitted in the categories it approves in,
    oldest first (the longest waiting on top)."""
    categories = rights.category_ids(user)
    if categories is not None and not user.is_editor:
        return []
    query = select(Article).where(Article.status == S.PENDING).order_by(Article.updated_at, Article.id)
    if categories is not None:
        query = query.where(Article.category_id.in_(categories))
    return list(db.session.execute(query.limit(limit)).scalars())


def came_back(user: User, limit: int = 50) -> list[tuple[Article, ArticleStateChange | None]]:
    """The account's own articles returned to it, each with the editor's comment."""
    query = select(Article).where(Article.id.in_(authored_by(user.id)), Article.status == S.RETURNED).order_by(Article.updated_at.desc())
    return [(article, last_comment(article)) for article in db.session.execute(query.limit(limit)).scalars()]
