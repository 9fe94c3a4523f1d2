"""What the site does with articles on its own, without cron: a scheduled article that went
live is recorded as published, and the bin is emptied of what has been there ``BIN_DAYS`` days
(with it, the citizens' messages past their retention time are cleared: portal.services.contact).

Run by the admin's requests (``keep_up``, portal.admin.articles) and by
`flask --app wsgi portal purge-bin`.
"""

from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, select, update

from portal.extensions import db
from portal.models import Article, ArticleAttachment, ArticleStatus, User
from portal.models.attachments import ATTACHMENT_FOLDER
from portal.services import audit, contact
from portal.services.media import remove_files
from portal.services.workflow import AUTOMATIC, WrongState, record_change

S = ArticleStatus
BIN_DAYS = 30


def publish_due(now: datetime) -> int:
    """Record the scheduled articles whose time has come as published.

    A visitor sees a scheduled article from its time on without anything rewriting the row
    (Article.status_at), so the moment it went live is recorded when it is first observed
    after it: by any admin request and by the bin's purge command. The state change carries the
    publication time itself, so the history says when it happened, not when it was noticed;
    the audit entry is written at the observation and names that time. Each row is taken with
    a compare-and-set on its state, so two workers observing at once record it once."""
    due = db.session.execute(
        select(Article).where(Article.status == S.SCHEDULED, Article.published_at <= now).order_by(Article.published_at)
    ).scalars().all()
    recorded = 0
    for article in due:
        taken = db.session.execute(
            update(Article).where(Article.id == article.id, Article.status == S.SCHEDULED)
            .values(status=S.PUBLISHED, version=Article.version + 1).execution_options(synchronize_session=False)
        )  # fmt: skip
        if taken.rowcount != 1:
            continue
        db.session.refresh(article)
        record_change(article, S.SCHEDULED, None, article.published_at, "Tự đăng theo giờ hẹn.")
        summary = f"“{article.title}”: tự đăng lúc {article.published_at:%H:%M %d/%m/%Y}"
        audit.record(None, "publish", "article", article.id, summary, by=AUTOMATIC)
        recorded += 1
    db.session.commit()
    return recorded


def _rows_referring_to(article_id: int) -> None:
    """Delete the rows of other tables (votes, view counts, revisions …) that point at this article."""
    article_table = Article.__table__
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is article_table:
                db.session.execute(delete(table).where(key.parent == article_id))


def purge(article: Article, actor: User | None, by: str = AUTOMATIC) -> None:
    """Delete an article in the bin for good, with everything that points at it, its attached
    files (those of its older revisions too) included; the audit entry stays."""
    if article.status != S.TRASHED:
        raise WrongState("Chỉ xoá hẳn được bài đang ở trong thùng rác.")
    audit.record(actor, "purge", "article", article.id, f"“{article.title}”", by=by)
    attached = select(ArticleAttachment).where(ArticleAttachment.article_id == article.id)
    files = [name for attachment in db.session.execute(attached).scalars() for name in attachment.stored_names]
    _rows_referring_to(article.id)
    db.session.delete(article)
    db.session.commit()
    remove_files(Path(current_app.config["UPLOAD_FOLDER"]) / ATTACHMENT_FOLDER, files)  # once the rows are gone for good


def purge_bin(now: datetime, by: str = AUTOMATIC) -> list[str]:
    """Delete for good the articles in the bin for ``BIN_DAYS`` days or more; their titles."""
    query = select(Article).where(Article.status == S.TRASHED, Article.trashed_at <= now - timedelta(days=BIN_DAYS))
    titles = []
    for article in db.session.execute(query).scalars().all():
        titles.append(article.title)
        purge(article, None, by)
    return titles


def keep_up(now: datetime, last_purge: datetime | None) -> datetime | None:
    """What the site does on its own, without cron, run by the admin's requests: record the
    scheduled articles that went live, and empty the bin of what is due at most once an hour.
    Returns when the bin was last emptied (to be passed back next time)."""
    publish_due(now)
    if last_purge is not None and now - last_purge < timedelta(hours=1):
        return last_purge
    purge_bin(now)
    contact.hourly(now, AUTOMATIC)  # issue 18: the citizens' messages past their retention time, mail waiting
    return now


def days_left_in_bin(article: Article, now: datetime) -> int:
    """Whole days before the purge takes it (0: at the next purge)."""
    if article.trashed_at is None:
        return BIN_DAYS
    return max(0, (article.trashed_at + timedelta(days=BIN_DAYS) - now).days)
