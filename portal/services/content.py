"""Reading published content, and cleaning article HTML before it is stored."""

from dataclasses import dataclass
from datetime import datetime

import nh3
from flask import url_for
from sqlalchemy import ColumnElement, Select, and_, bindparam, func, or_, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import load_only, raiseload

from portal.extensions import db
from portal.models import Article, Category
from portal.models.content import HIDDEN_STATES, VIETNAMESE
from portal.services.word import normalise_word_html

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "a", "h2", "h3", "h4", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}


def sanitise_html(html: str) -> str:
    """Keep the tags a news article needs; drop scripts, event handlers, styles and bad URLs.

    Word's pasted HTML is first turned into real lists (see ``portal.services.word``).
    Images in the body come after the title and summary, below the fold on a phone:
    they are marked to load lazily.
    """
    return nh3.clean(
        normalise_word_html(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"img": {"loading": "lazy"}},  # body images sit below the fold
    )


def is_visible(now: datetime, language: str = VIETNAMESE) -> ColumnElement[bool]:
    """The condition on an article a visitor may see at ``now``: published or scheduled (never a
    draft, one awaiting approval or returned, unpublished or in the bin), its time has come and
    its end time (if any) has not: it leaves by itself, as a scheduled one comes out; in
    ``language``: the English versions are for the English section alone, never in the
    Vietnamese lists, feeds, figures or home page.

    Written "not in the hidden states" rather than "published or scheduled": an equality on
    status leads SQLite to the (status, published_at) index and a sort of every match, where
    this form lets it walk ix_article_published_at newest first and stop at the LIMIT.
    """
    return and_(
        Article.status.not_in(HIDDEN_STATES),
        Article.published_at <= now,
        or_(Article.expires_at.is_(None), Article.expires_at > now),
        Article.language == language,
    )


# What a list of links to articles needs (title, address, date, views): not the bodies.
LISTED = (
    load_only(Article.id, Article.title, Article.slug, Article.category_id, Article.published_at, Article.view_count, Article.language),
    raiseload(Article.cover),
)


def published(now: datetime, language: str = VIETNAMESE) -> Select[tuple[Article]]:
    """Articles in ``language`` a visitor may see at ``now``, newest first."""
    return select(Article).where(is_visible(now, language)).order_by(Article.published_at.desc(), Article.id.desc())


def in_category_tree(category_id: int) -> ColumnElement[bool]:
    """Articles of the category or of its sub-categories (categories are one level deep): what
    the category page, its feed and the admin's category filter list."""
    family = select(Category.id).where((Category.id == category_id) | (Category.parent_id == category_id))
    return Article.category_id.in_(family)


@dataclass(frozen=True)
class ArticleFigures:
    """An article's live numbers: printed in its page, and read afresh by its live fragment."""

    views: int
    rating_count: int
    rating_sum: int

    @property
    def rating_average(self) -> float | None:
        return self.rating_sum / self.rating_count if self.rating_count else None

    @classmethod
    def of(cls, article: Article) -> "ArticleFigures":
        return cls(article.view_count, article.rating_count, article.rating_sum)


FIGURES = (Article.view_count, Article.rating_count, Article.rating_sum)


_READ_VISIBLE_FIGURES = select(*FIGURES).where(Article.id == bindparam("article_id"), is_visible(bindparam("now")))


def visible_figures(article_id: int, now: datetime) -> ArticleFigures | None:
    """The figures of an article a visitor may see at ``now`` (None: no such article)."""
    row = db.session.connection().execute(_READ_VISIBLE_FIGURES, {"article_id": article_id, "now": now}).one_or_none()
    return ArticleFigures(*row) if row else None


def menu_categories() -> list[Category]:
    """Top-level categories in the webmaster's order, for the main menu."""
    query = select(Category).where(Category.parent_id.is_(None)).order_by(Category.position, Category.id)
    return list(db.session.execute(query).scalars())


def latest_by_category(now: datetime, counts: dict[int, int]) -> dict[int, list[Article]]:
    """The newest articles of each category, as many as ``counts`` says (category id → count), in one query.

    A UNION ALL of one short, limited index walk per category: a window function over
    every article would read the whole table on each home page.
    """
    if not counts:
        return {}
    newest = [
        published(now).with_only_columns(Article.id).where(Article.category_id == category_id).limit(count).subquery()
        for category_id, count in counts.items()
    ]
    ids = union_all(*(select(subquery.c.id) for subquery in newest))
    query = select(Article).where(Article.id.in_(ids)).order_by(Article.published_at.desc(), Article.id.desc())
    grouped: dict[int, list[Article]] = {}
    for article in db.session.execute(query).scalars():
        grouped.setdefault(article.category_id, []).append(article)
    return grouped


def visible_article(article_id: int, now: datetime) -> Article | None:
    """The article if a visitor may see it now, else None."""
    query = published(now).where(Article.id == article_id)
    return db.session.execute(query).scalar_one_or_none()


def related_articles(article: Article, now: datetime, limit: int) -> list[Article]:
    """Other articles of the same category, newest first ("Tin cùng chuyên mục")."""
    query = (
        published(now)
        .where(Article.category_id == article.category_id, Article.id != article.id)
        .limit(limit)
        .options(*LISTED)
    )
    return list(db.session.execute(query).scalars())


@dataclass(frozen=True)
class ReadCount:
    """One line of the most-read list: the link and the live number of views."""

    id: int
    title: str
    slug: str
    category_slug: str
    view_count: int

    @property
    def url(self) -> str:
        return url_for("news.article", category_slug=self.category_slug, slug=self.slug, article_id=self.id)


_BY_VIEWS = (Article.view_count.desc(), Article.published_at.desc())
_MOST_READ = (
    select(Article.id, Article.title, Article.slug, Category.slug, Article.view_count)
    .join(Category, Category.id == Article.category_id)
    .where(
        Article.id.in_(select(Article.id).order_by(*_BY_VIEWS).limit(bindparam("batch"))),
        is_visible(bindparam("now")),
    )
    .order_by(*_BY_VIEWS)
    .limit(bindparam("limit"))
)


def most_read(now: datetime, limit: int) -> list[ReadCount]:
    """The most viewed visible articles ("Đọc nhiều"), read on every page: plain rows, no ORM objects.

    Takes the top of ix_article_most_read first, then keeps the visible ones: a filter
    on visibility would lead the planner to sort every article by views. Drafts and
    future articles seldom have views, so the first batch nearly always suffices.
    """
    batch = limit * 4
    connection = db.session.connection()
    while True:
        rows = connection.execute(_MOST_READ, {"batch": batch, "now": now, "limit": limit}).all()
        if len(rows) == limit or batch >= connection.execute(select(func.count(Article.id))).scalar_one():
            return [ReadCount(*row) for row in rows]
        batch *= 4


def flush_refusing(refusal: ValueError | None) -> None:
    """Flush the session; where a unique pair may be taken by a concurrent writer (two editors
    writing the English version of the same text at once), the loser's save is rolled back and
    ``refusal``, the message for their form, raised instead of a server error."""
    try:
        db.session.flush()
    except IntegrityError:
        if refusal is None:
            raise
        db.session.rollback()
        raise refusal from None
