"""Tiêu điểm: the articles the editors pin to the top of the home page, in their order, each
until an optional end time, at most ``FEATURED_MAX`` at once.

Who may pin, unpin or move an article is who may approve in its category (biên tập viên in
theirs, quản trị everywhere: portal.services.rights). Every change takes the content version's
row first (the same upsert its triggers make), which holds every other change of the list
until this one commits, on PostgreSQL (a row lock) and SQLite (the write lock) alike; it then
reads the list, changes it and writes the positions 1..n again. So two editors reordering at
once both act, one after the other, on the list as it really is, and it stays a valid order.
"""

from datetime import datetime

from sqlalchemy import delete, select, text

from portal.extensions import db
from portal.models import Article, FeaturedArticle, User
from portal.models.site import RAISE_VERSION
from portal.services import audit, rights
from portal.services.content import is_visible
from portal.services.ordering import move_in


class FeaturedError(ValueError):
    """A change of the list that cannot be made; the message is for the editor."""


class NotAllowed(FeaturedError):
    """The account may not approve in the article's category."""


def _take_the_list() -> None:
    """Wait for any other change of the list to commit, and hold the next ones until this one does."""
    db.session.execute(text(RAISE_VERSION))


def _held(now: datetime) -> list[FeaturedArticle]:
    """The list as it is, in order, once the pins whose time is over are dropped."""
    db.session.execute(delete(FeaturedArticle).where(FeaturedArticle.until <= now))
    query = select(FeaturedArticle).order_by(FeaturedArticle.position, FeaturedArticle.pinned_at)
    return list(db.session.execute(query.execution_options(populate_existing=True)).scalars())


def _renumber(pins: list[FeaturedArticle]) -> None:
    for position, pin in enumerate(pins, start=1):
        pin.position = position


def _check_right(actor: User, article: Article) -> None:
    if not rights.may_approve_in(actor, article.category_id):
        raise NotAllowed("Bạn chỉ ghim được bài trong chuyên mục mình phụ trách.")


def current(now: datetime) -> list[FeaturedArticle]:
    """The pins as the admin lists them (whether their article is visible now or not), in order."""
    query = select(FeaturedArticle).where((FeaturedArticle.until.is_(None)) | (FeaturedArticle.until > now))
    return list(db.session.execute(query.order_by(FeaturedArticle.position)).scalars())


def pin(article: Article, actor: User, now: datetime, limit: int, until: datetime | None = None) -> None:
    """Pin a visible article last in the list (or change the end time of one already pinned)."""
    _check_right(actor, article)
    if until is not None and until <= now:
        raise FeaturedError("Thời điểm bỏ ghim phải ở tương lai; để trống để ghim đến khi bỏ ghim.")
    visible = db.session.execute(select(Article.id).where(Article.id == article.id, is_visible(now))).first()
    if visible is None:
        raise FeaturedError("Chỉ ghim được bài đang hiện trên trang.")
    try:
        _take_the_list()
        pins = _held(now)
        found = next((p for p in pins if p.article_id == article.id), None)
        if found is not None:
            found.until = until
        elif len(pins) >= limit:
            raise FeaturedError(f"Đã có {limit} bài tiêu điểm, nhiều nhất cho phép: hãy bỏ ghim một bài trước.")
        else:
            pins.append(FeaturedArticle(article_id=article.id, position=len(pins) + 1, until=until,
                                        pinned_by=actor.username, pinned_at=now))  # fmt: skip
            db.session.add(pins[-1])
        _renumber(pins)
        until_text = f" đến {until:%H:%M %d/%m/%Y}" if until else ""
        audit.record(actor, "feature", "article", article.id, f"“{article.title}”{until_text}")
        db.session.commit()
    except FeaturedError:
        db.session.rollback()
        raise


def unpin(article: Article, actor: User, now: datetime) -> None:
    """Take an article off the list (nothing happens if it was not on it)."""
    _check_right(actor, article)
    _take_the_list()
    pins = _held(now)
    kept = [p for p in pins if p.article_id != article.id]
    if len(kept) < len(pins):
        db.session.execute(delete(FeaturedArticle).where(FeaturedArticle.article_id == article.id))
        _renumber(kept)
        audit.record(actor, "unfeature", "article", article.id, f"“{article.title}”")
    db.session.commit()


def move(article: Article, actor: User, now: datetime, step: int) -> None:
    """Move a pinned article one place up (step −1) or down (+1) the list as it is now."""
    _check_right(actor, article)
    _take_the_list()
    pins = _held(now)
    found = next((p for p in pins if p.article_id == article.id), None)
    if found is None:
        db.session.rollback()
        raise FeaturedError("Bài này không còn trong danh sách tiêu điểm.")
    move_in(pins, found, step)
    audit.record(actor, "reorder", "article", article.id, f"Tiêu điểm: “{article.title}” ở vị trí {found.position}")
    db.session.commit()
