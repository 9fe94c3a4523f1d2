"""Writing articles: create and save them, each save kept as a revision, with the move the
person asked for (portal.services.workflow) made in the same transaction.

Each function owns its transaction and writes the audit entry in it.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime

from markupsafe import escape
from sqlalchemy import ColumnElement, Select, func, select

from portal.extensions import db
from portal.models import Article, ArticleSearch, ArticleStatus, Category, Media, User
from portal.models.content import ENGLISH, PUBLIC_STATES, VIETNAMESE, upload_path
from portal.services import attachments, autosave, revisions, rights, topics, workflow
from portal.services.attachments import AttachmentChanges
from portal.services.content import flush_refusing, in_category_tree, sanitise_html
from portal.services.document_files import files_written
from portal.services.media import PreparedUpload
from portal.services.search import folded_words
from portal.services.workflow import Move
from portal.text import slugify

SLUG_LENGTH = 120


class PublishingError(ValueError):
    """Bad article input; ``field`` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class ArticleInput:
    title: str
    slug: str
    summary: str
    body: str
    category_id: int
    cover_id: int | None
    cover_caption: str
    byline: str
    published_at: datetime | None  # the time to publish at (hẹn giờ), or the date of a published article
    attachments: AttachmentChanges | None = None  # files added, taken off, reordered; None: as they are
    document_ids: list[int] | None = None  # the library documents it cites; None: as they are
    expires_at: datetime | None = None  # when it leaves the public site by itself (None: never)
    tags: str | None = None  # the tags as typed, separated by commas (None: leave the article's as they are)
    thread_ids: list[int] | None = None  # its chuyên đề (None: leave them as they are)

    def topics(self) -> dict[str, str] | None:
        """The tags typed, slug → name (None: not given); a bad name raises PublishingError."""
        if self.tags is None:
            return None
        try:
            return topics.tag_names(self.tags)
        except topics.TopicError as error:
            raise PublishingError(error.field, str(error)) from None


@dataclass
class Action:
    """What the person asked for with the button they pressed: a move to make after saving
    (None: save only), from the version of the article they had opened."""

    move: Move | None = None
    version: int | None = None
    comment: str = ""


def title_contains(search: str) -> ColumnElement[bool]:
    """Titles containing ``search`` regardless of case and diacritics ("dai hoi" finds "ĐẠI HỘI"),
    through the search index's folded titles (SQL's lower() leaves accented capitals alone)."""
    words = " ".join(folded_words(search))
    return Article.id.in_(select(ArticleSearch.article_id).where(ArticleSearch.title.contains(words)))


def article_list(
    user: User, now: datetime, search: str = "", category_id: int | None = None, status: str = ""
) -> Select[tuple[Article]]:
    """The admin's list of the articles ``user`` may open: latest change first (a scheduled
    article counts from when it went live), filtered by a title search, a category and the
    status a visitor sees at ``now``. The bin is listed only when asked for."""
    query = select(Article).where(Article.id.in_(workflow.readable_by(user)))
    query = query.order_by(Article.changed_at(now).desc(), Article.id.desc())
    if search.strip():
        query = query.where(title_contains(search))
    if category_id:
        query = query.where(in_category_tree(category_id))
    if status in {s.value for s in ArticleStatus}:
        return query.where(Article.status_at(now) == status)
    return query.where(Article.status != ArticleStatus.TRASHED)


def status_counts(user: User, now: datetime) -> dict[str, int]:
    """How many of the articles ``user`` may open are in each status, as visitors see them at ``now``."""
    status = Article.status_at(now)
    query = select(status, func.count()).where(Article.id.in_(workflow.readable_by(user))).group_by(status)
    return dict(db.session.execute(query).all())


def _slug_taken(slug: str, article_id: int | None) -> bool:
    query = select(Article.id).where(Article.slug == slug)
    if article_id is not None:
        query = query.where(Article.id != article_id)
    return db.session.execute(query.limit(1)).first() is not None


def _unique_slug(data: ArticleInput, article_id: int | None) -> str:
    """The typed slug if it is free (an error if not); else one made from the title, numbered if needed."""
    if data.slug.strip():
        slug = slugify(data.slug, SLUG_LENGTH)
        if not slug:
            raise PublishingError("slug", "Đường dẫn phải có ít nhất một chữ cái hoặc chữ số.")
        if _slug_taken(slug, article_id):
            raise PublishingError("slug", "Đường dẫn này đã được bài khác dùng; hãy chọn đường dẫn khác.")
        return slug
    base = slugify(data.title, SLUG_LENGTH - 4) or "bai-viet"
    slug, number = base, 2
    while _slug_taken(slug, article_id):
        slug, number = f"{base}-{number}", number + 1
    return slug


_UPLOADED_IMAGE = re.compile(
    r'<img\b(?P<before>[^>]*?)(?P<src>\ssrc="/uploads/(?P<filename>[0-9a-f]{24}\.(?:jpg|png|webp))")(?P<after>[^>]*?)>'
)
BODY_IMAGE_SIZES = "(min-width: 72rem) 46rem, 100vw"


def with_renditions(html: str) -> str:
    """Give uploaded images in a (sanitised) body their renditions as ``srcset``, their size and alt text.

    Done after nh3, which strips these attributes from what the editor sends back; the
    srcset goes right after src and a missing size at the end, so saving again changes nothing."""
    filenames = {match["filename"] for match in _UPLOADED_IMAGE.finditer(html)}
    if not filenames:
        return html
    found = {m.filename: m for m in db.session.execute(select(Media).where(Media.filename.in_(filenames))).scalars()}

    def enrich(match: re.Match) -> str:
        media = found.get(match["filename"])
        if media is None or not media.width:
            return match.group(0)
        before, after = match["before"].replace(' alt=""', ""), match["after"].replace(' alt=""', "")
        srcset = f' srcset="{media.srcset_with(upload_path)}" sizes="{BODY_IMAGE_SIZES}"' if media.renditions else ""
        size = "" if " width=" in before + after else f' width="{media.width}" height="{media.height}"'
        alt = "" if " alt=" in before + after else f' alt="{escape(media.alt)}"'  # given when it was uploaded
        return f"<img{before}{match['src']}{srcset}{after}{size}{alt}>"

    return _UPLOADED_IMAGE.sub(enrich, html)


def _publication_time(article: Article, data: ArticleInput, now: datetime) -> datetime | None:
    """A scheduled article keeps a time to come (or the time it already had: edited after it went
    live); a published one may be re-dated; any other keeps the time it will be published at."""
    if article.status == ArticleStatus.SCHEDULED:
        if data.published_at is None or (data.published_at <= now and data.published_at != article.published_at):
            raise PublishingError("published_at", "Bài hẹn giờ cần thời điểm đăng ở tương lai.")
        return data.published_at
    if article.status == ArticleStatus.PUBLISHED:
        return data.published_at or article.published_at or now
    return article.published_at


def _check_references(data: ArticleInput) -> None:
    if db.session.get(Category, data.category_id) is None:
        raise PublishingError("category_id", "Chuyên mục không tồn tại.")
    if data.cover_id is not None and db.session.get(Media, data.cover_id) is None:
        raise PublishingError("cover_id", "Ảnh đại diện không tồn tại.")
    try:
        topics.check_threads(data.thread_ids or [])
    except topics.TopicError as error:
        raise PublishingError(error.field, str(error)) from None


def _expiry(article: Article, data: ArticleInput, now: datetime) -> datetime | None:
    """The end time: after the publication time, and, when it is set anew, to come."""
    expires_at = data.expires_at
    if expires_at is None:
        return None
    if expires_at != article.expires_at and expires_at <= now:
        raise PublishingError("expires_at", "Thời điểm hết hạn phải ở tương lai.")
    if article.published_at is not None and expires_at <= article.published_at:
        raise PublishingError("expires_at", "Thời điểm hết hạn phải sau thời điểm đăng.")
    return expires_at


def _check_category(article: Article, category_id: int, actor: User) -> None:
    """Moving an article to another category needs the same right there: to write in it, and
    to approve in it when the article is public."""
    if category_id == article.category_id:
        return
    allowed = rights.may_write_in(actor, category_id)
    if article.status in PUBLIC_STATES:
        allowed = allowed and rights.may_approve_in(actor, category_id)
    if not allowed:
        raise workflow.Forbidden("Bạn không được đưa bài vào chuyên mục này.")


def _apply(article: Article, data: ArticleInput, now: datetime) -> None:
    _check_references(data)
    article.title = data.title.strip()
    article.slug = _unique_slug(data, article.id)
    article.summary = data.summary.strip()
    article.body = with_renditions(sanitise_html(data.body))
    article.category_id = data.category_id
    article.cover_id = data.cover_id
    article.cover_caption = data.cover_caption.strip()
    article.byline = data.byline.strip()
    article.published_at = _publication_time(article, data, now)
    article.expires_at = _expiry(article, data, now)
    article.updated_at = now
    if data.document_ids is not None:
        article.documents = attachments.documents_chosen(data.document_ids, keep=article.documents)


def _set_topics(article: Article, data: ArticleInput) -> None:
    """The article's tags and threads as typed and chosen (in the transaction of its save)."""
    named = data.topics()
    if named is not None:
        topics.set_topics_in_transaction(article.id, named, data.thread_ids or [])


def _publish_time(action: Action, data: ArticleInput, now: datetime) -> datetime | None:
    """The time a "Duyệt và đăng" publishes at: empty is now, else it must be to come (hẹn giờ)."""
    if action.move != Move.PUBLISH or data.published_at is None:
        return None
    if data.published_at <= now:
        raise PublishingError("published_at", "Thời điểm hẹn đăng phải ở tương lai; để trống để đăng ngay.")
    return data.published_at


def create_article(
    data: ArticleInput, actor: User, now: datetime, action: Action, cover: PreparedUpload | None = None,
    translation_of: Article | None = None,
) -> Article:
    """Save a new draft written by ``actor`` (revision 1), then make the move asked for; a new
    cover image is stored in the same transaction. ``translation_of``: the new article is the
    English version of that Vietnamese one (for /en/ alone)."""
    if not rights.may_write_in(actor, data.category_id):
        raise workflow.Forbidden("Bạn không được viết bài trong chuyên mục này.")
    if translation_of is not None and (translation_of.language != VIETNAMESE or translation_of.translation is not None):
        raise PublishingError("title", "Bài này đã có bản tiếng Anh.")
    article = Article(created_at=now, status=ArticleStatus.DRAFT)  # its author: the first state change
    if translation_of is not None:
        article.language = ENGLISH
    publish_at = _publish_time(action, data, now)
    data.topics()  # checks everything before any file is written
    _apply(article, data, now)
    with _cover_stored(cover) as media, _files_stored(data):
        if media is not None:
            article.cover = media
        db.session.add(article)
        if translation_of is not None:
            article.original = translation_of
        flush_refusing(PublishingError("title", "Bài này đã có bản tiếng Anh.") if translation_of else None)
        if data.attachments is not None:
            attachments.apply(article, data.attachments, now)
        _set_topics(article, data)
        workflow.record_change(article, None, actor, now)
        revisions.record_in_transaction(article, actor, now, "create")
        if action.move is not None:
            workflow.move_in_transaction(article, action.move, actor, now, action.comment, publish_at)
        autosave.drop_in_transaction(actor, None)
        db.session.commit()
    if action.move is not None:
        workflow.notify(article, action.move, action.comment)
    return article


def _content_changed(article: Article, data: ArticleInput, cover: PreparedUpload | None) -> bool:
    """Would saving ``data`` change the article? (compared before anything is written)"""
    if cover is not None or (data.attachments is not None and data.attachments.changes(article.attachments)):
        return True
    if data.document_ids is not None and set(data.document_ids) != {document.id for document in article.documents}:
        return True
    typed = {
        "title": data.title.strip(), "summary": data.summary.strip(), "body": with_renditions(sanitise_html(data.body)),
        "cover_id": data.cover_id, "cover_caption": data.cover_caption.strip(), "byline": data.byline.strip(),
        "category_id": data.category_id,
    }  # fmt: skip
    slug_changed = bool(data.slug.strip()) and slugify(data.slug, SLUG_LENGTH) != article.slug
    dated = article.status in PUBLIC_STATES and data.published_at not in (None, article.published_at)
    named = data.topics()
    retopic = named is not None and not topics.same_topics(article.id, named, data.thread_ids or [])
    return typed != revisions.content_of(article) or slug_changed or dated or data.expires_at != article.expires_at or retopic


def save_article(
    article: Article, data: ArticleInput, actor: User, now: datetime, action: Action, cover: PreparedUpload | None = None
) -> Article:
    """Save the article from the version the person opened (409 if it moved since), keeping a
    revision when the content changed, then make the move asked for: one transaction."""
    workflow.claim(article, action.version)
    try:
        changed = _content_changed(article, data, cover)
        if not changed and action.move is None:  # nothing to keep: others' open forms stay current
            db.session.rollback()
            autosave.drop(actor, article.id)
            return article
        if changed and not workflow.may_edit(actor, article):
            raise workflow.Forbidden("Bạn không có quyền sửa bài viết này ở trạng thái hiện tại.")
        publish_at = _publish_time(action, data, now)
        if changed:
            _check_category(article, data.category_id, actor)
            revisions.keep_baseline(article)
            _apply(article, data, now)
            _set_topics(article, data)
    except (PublishingError, workflow.WorkflowError):
        db.session.rollback()
        raise
    with _cover_stored(cover) as media, _files_stored(data):
        if media is not None:
            article.cover = media
        if changed and data.attachments is not None:
            attachments.apply(article, data.attachments, now)
        if changed:
            revisions.record_in_transaction(article, actor, now)
        if action.move is not None:
            workflow.move_in_transaction(article, action.move, actor, now, action.comment, publish_at)
        autosave.drop_in_transaction(actor, article.id)
        db.session.commit()
    if action.move is not None:
        workflow.notify(article, action.move, action.comment)
    return article


@contextmanager
def _cover_stored(cover: PreparedUpload | None) -> Iterator[Media | None]:
    if cover is None:
        yield None
        return
    with cover.stored() as media:
        yield media


def _files_stored(data: ArticleInput):
    """The new attached files written for the transaction, removed if it fails."""
    if data.attachments is None or not data.attachments.uploads:
        return nullcontext()
    return files_written(data.attachments.folder, data.attachments.uploads)
