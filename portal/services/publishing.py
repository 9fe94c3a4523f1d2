"""Writing articles: create, edit, publish, schedule and delete them.

Each function owns its transaction and writes the audit entry in it.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from markupsafe import escape
from sqlalchemy import ColumnElement, Select, delete, func, select

from portal.extensions import db
from portal.models import Article, ArticleSearch, ArticleStatus, Category, Media, User
from portal.models.content import upload_path
from portal.services import audit
from portal.services.content import in_category_tree, sanitise_html
from portal.services.media import PreparedUpload
from portal.services.search import folded_words
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
    status: ArticleStatus
    published_at: datetime | None


def title_contains(search: str) -> ColumnElement[bool]:
    """Titles containing ``search`` regardless of case and diacritics ("dai hoi" finds "ĐẠI HỘI"),
    through the search index's folded titles (SQL's lower() leaves accented capitals alone)."""
    words = " ".join(folded_words(search))
    return Article.id.in_(select(ArticleSearch.article_id).where(ArticleSearch.title.contains(words)))


def article_list(
    now: datetime, search: str = "", category_id: int | None = None, status: str = ""
) -> Select[tuple[Article]]:
    """The admin's list: latest change first (a scheduled article counts from when it went live),
    filtered by a title search, a category and the status a visitor sees at ``now``."""
    query = select(Article).order_by(Article.changed_at(now).desc(), Article.id.desc())
    if search.strip():
        query = query.where(title_contains(search))
    if category_id:
        query = query.where(in_category_tree(category_id))
    if status in {s.value for s in ArticleStatus}:
        query = query.where(Article.status_at(now) == status)
    return query


def status_counts(now: datetime) -> dict[str, int]:
    """How many articles are in each status, as visitors see them at ``now``."""
    status = Article.status_at(now)
    return dict(db.session.execute(select(status, func.count()).group_by(status)).all())


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


def _publication_time(data: ArticleInput, now: datetime, previous: datetime | None) -> datetime | None:
    """When the article shows; a scheduled one needs a future time, unless it kept the time it
    already had (a scheduled article edited after it went live)."""
    if data.status == ArticleStatus.SCHEDULED:
        if data.published_at is None or (data.published_at <= now and data.published_at != previous):
            raise PublishingError("published_at", "Bài hẹn giờ cần thời điểm đăng ở tương lai.")
        return data.published_at
    if data.status == ArticleStatus.PUBLISHED:
        return data.published_at or now
    return data.published_at


def _check_references(data: ArticleInput) -> None:
    if db.session.get(Category, data.category_id) is None:
        raise PublishingError("category_id", "Chuyên mục không tồn tại.")
    if data.cover_id is not None and db.session.get(Media, data.cover_id) is None:
        raise PublishingError("cover_id", "Ảnh đại diện không tồn tại.")


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
    article.published_at = _publication_time(data, now, article.published_at)
    article.status = data.status
    article.status = article.status_at(now)  # a scheduled article saved after its time is published
    article.updated_at = now


def _action(before: ArticleStatus | None, after: ArticleStatus, created: bool) -> str:
    if after != before and after == ArticleStatus.PUBLISHED:
        return "publish"
    if after != before and after == ArticleStatus.SCHEDULED:
        return "schedule"
    return "create" if created else "update"


def create_article(data: ArticleInput, actor: User, now: datetime, cover: PreparedUpload | None = None) -> Article:
    """Save a new article; a new cover image is stored in the same transaction."""
    article = Article(created_at=now)
    _apply(article, data, now)  # checks everything before any file is written
    with _cover_stored(cover) as media:
        if media is not None:
            article.cover = media
        db.session.add(article)
        db.session.flush()
        audit.record(actor, _action(None, article.status, True), "article", article.id, article.title)
        db.session.commit()
    return article


def update_article(
    article: Article, data: ArticleInput, actor: User, now: datetime, cover: PreparedUpload | None = None
) -> Article:
    before = article.status
    try:
        _apply(article, data, now)
    except PublishingError:
        db.session.rollback()
        raise
    with _cover_stored(cover) as media:
        if media is not None:
            article.cover = media
        audit.record(actor, _action(before, article.status, False), "article", article.id, article.title)
        db.session.commit()
    return article


@contextmanager
def _cover_stored(cover: PreparedUpload | None) -> Iterator[Media | None]:
    if cover is None:
        yield None
        return
    with cover.stored() as media:
        yield media


def _rows_referring_to(article_id: int) -> None:
    """Delete the rows of other tables (votes, view counts …) that point at this article."""
    article_table = Article.__table__
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is article_table:
                db.session.execute(delete(table).where(key.parent == article_id))


def delete_article(article: Article, actor: User) -> None:
    audit.record(actor, "delete", "article", article.id, article.title)
    _rows_referring_to(article.id)
    db.session.delete(article)
    db.session.commit()

