"""Every saved version of an article: kept, listed, compared word by word, and restored.

A revision is written by each save that changes the content (portal.services.publishing) and by
each restore, in the transaction of the save itself. Articles written before revisions existed
(the demo, older sites) get one "as it was" revision the first time they are saved, so the
first edit can be compared and undone too.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, ArticleRevision, ArticleStatus, Category, Document, User
from portal.services import attachments, audit, rights, workflow
from portal.services.search import html_to_text

# What a revision keeps of the article, besides its state.
CONTENT_FIELDS = ("title", "summary", "body", "cover_id", "cover_caption", "byline", "category_id")


def content_of(item: Article | ArticleRevision) -> dict:
    return {name: getattr(item, name) for name in CONTENT_FIELDS}


def _next_number(article_id: int) -> int:
    last = db.session.execute(select(func.max(ArticleRevision.number)).where(ArticleRevision.article_id == article_id))
    return (last.scalar() or 0) + 1


def _new_revision(article: Article, actor: User | None, at: datetime, note: str) -> ArticleRevision:
    revision = ArticleRevision(
        article_id=article.id, number=_next_number(article.id), status=article.status,
        user_id=actor.id if actor else None, username=actor.username if actor else workflow.AUTOMATIC,
        note=note, created_at=at, attachment_ids=attachments.attachment_ids(article),
        document_ids=attachments.document_ids(article), **content_of(article),
    )  # fmt: skip
    db.session.add(revision)
    db.session.flush()
    return revision


def keep_baseline(article: Article) -> None:
    """Before the first save of an article that has no revision: keep it as it was."""
    has_one = db.session.execute(select(ArticleRevision.id).where(ArticleRevision.article_id == article.id).limit(1))
    if has_one.first() is None:
        _new_revision(article, None, article.updated_at, "Bản có trước khi bài có lịch sử sửa đổi")


def record_in_transaction(
    article: Article, actor: User, now: datetime, action: str = "update", note: str = ""
) -> ArticleRevision:
    """Keep the article as it now is as its next revision, with the audit entry pointing at it."""
    revision = _new_revision(article, actor, now, note)
    summary = f"“{article.title}”: bản {revision.number}" + (f" ({note})" if note else "")
    audit.record(actor, action, "article_revision", revision.id, summary)
    return revision


def revisions_of(article_id: int) -> list[ArticleRevision]:
    """Newest first."""
    query = select(ArticleRevision).where(ArticleRevision.article_id == article_id).order_by(ArticleRevision.number.desc())
    return list(db.session.execute(query).scalars())


def revision(article_id: int, number: int) -> ArticleRevision | None:
    query = select(ArticleRevision).where(ArticleRevision.article_id == article_id, ArticleRevision.number == number)
    return db.session.execute(query).scalar_one_or_none()


def restore(article: Article, number: int, actor: User, now: datetime, version: int) -> ArticleRevision:
    """Put revision ``number``'s content back on the article (its state stays as it is: a restore
    neither publishes nor withdraws), as a new revision. Refused when the article changed since
    the person opened it (``version``)."""
    old = revision(article.id, number)
    if old is None:
        raise workflow.WorkflowError(f"Bài viết không có bản lưu số {number}.")
    workflow.claim(article, version)
    if not workflow.may_edit(actor, article):
        db.session.rollback()
        raise workflow.Forbidden("Bạn không có quyền sửa bài viết này ở trạng thái hiện tại.")
    category_id = old.category_id if old.category_id is not None and db.session.get(Category, old.category_id) else article.category_id
    if category_id != article.category_id and not rights.may_write_in(actor, category_id):
        db.session.rollback()
        raise workflow.Forbidden("Bản lưu này thuộc một chuyên mục bạn không được viết.")
    for name, value in content_of(old).items():
        setattr(article, name, value)
    article.category_id = category_id
    article.updated_at = now
    attachments.put_back(article, old.attachment_ids, old.document_ids, now)
    restored = record_in_transaction(article, actor, now, "restore", f"Khôi phục từ bản {number}")
    db.session.commit()
    return restored


# Comparing two revisions ------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_PARAGRAPH_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption|caption|tr)>|<br\s*/?>", re.IGNORECASE)


_IMAGE = re.compile(r'<img\b[^>]*?\balt="([^"]*)"[^>]*>', re.IGNORECASE)


def prose(html: str) -> str:
    """The text a reader reads in sanitised article HTML, a blank line between paragraphs, and
    each picture as "[Ảnh: its description]" (so a picture added or removed shows too)."""
    html = _IMAGE.sub(lambda image: f" [Ảnh: {image[1]}] ", html or "")
    blocks = _PARAGRAPH_END.split(html)[::2]  # split() keeps the captured tag names at odd places
    return "\n\n".join(text for text in (html_to_text(block) for block in blocks) if text)


@dataclass(frozen=True)
class FieldDiff:
    label: str
    old: Markup  # the older text, removed words in <del>
    new: Markup  # the newer text, added words in <ins>
    changed: bool


def mark_words(old: str, new: str) -> tuple[Markup, Markup]:
    """A prose diff: the two texts split into words, spaces and punctuation, compared with
    difflib, and what changed wrapped in <del> (left) and <ins> (right), escaped."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = escape("".join(a[a1:a2])), escape("".join(b[b1:b2]))
        if operation == "equal":
            left.append(removed)
            right.append(added)
            continue
        left.append(_marked("del", removed))
        right.append(_marked("ins", added))
    return Markup("").join(left), Markup("").join(right)


def _marked(tag: str, text: Markup) -> Markup:
    """``text`` in <tag>, the spaces at its ends left outside (a changed space alone is not marked)."""
    core = text.strip()
    if not core:
        return text
    before, after = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return Markup("{}<%s>{}</%s>{}" % (tag, tag)).format(before, Markup(core), after)


def _shown(revision_: ArticleRevision, categories: dict[int, str]) -> dict[str, str]:
    """What a person compares: the fields as text, in the order of the form."""
    return {
        "Tiêu đề": revision_.title,
        "Chuyên mục": categories.get(revision_.category_id, "(chuyên mục đã xoá)"),
        "Tóm tắt": revision_.summary,
        "Nội dung": prose(revision_.body),
        "Ảnh đại diện": f"Ảnh số {revision_.cover_id}" if revision_.cover_id else "(không có)",
        "Chú thích ảnh": revision_.cover_caption,
        "Tác giả / nguồn": revision_.byline,
        "Tài liệu đính kèm": "\n".join(attachments.names(revision_.attachment_ids)) or "(không có)",
        "Văn bản trong thư viện": "\n".join(_document_names(revision_.document_ids)) or "(không có)",
        "Trạng thái": ArticleStatus(revision_.status).label,
    }


def _document_names(ids: str) -> list[str]:
    wanted = attachments.ids_of(ids)
    rows = db.session.execute(select(Document.id, Document.number, Document.title).where(Document.id.in_(wanted))).all()
    return sorted(f"{number} {title}" for _id, number, title in rows)


def compare(old: ArticleRevision, new: ArticleRevision) -> list[FieldDiff]:
    """Each field of the two revisions side by side, changed words marked."""
    ids = {old.category_id, new.category_id} - {None}
    categories = dict(db.session.execute(select(Category.id, Category.name).where(Category.id.in_(ids))).all())
    before, after = _shown(old, categories), _shown(new, categories)
    return [FieldDiff(label, *mark_words(before[label], after[label]), before[label] != after[label]) for label in before]
