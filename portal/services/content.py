"""Reading published content, and cleaning article HTML before it is stored."""

from datetime import datetime

import nh3
from sqlalchemy import Select, or_, select

from portal.extensions import db
from portal.models import Article, ArticleStatus, Category

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
    """Keep the tags a news article needs; drop scripts, event handlers and bad URLs.

    Images in the body come after the title and summary, below the fold on a phone:
    they are marked to load lazily.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        set_tag_attribute_values={"img": {"loading": "lazy"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def published(now: datetime) -> Select[tuple[Article]]:
    """Articles a visitor may see at ``now``: not drafts, and their time has come."""
    return (
        select(Article)
        .where(
            or_(Article.status == ArticleStatus.PUBLISHED, Article.status == ArticleStatus.SCHEDULED),
            Article.published_at <= now,
        )
        .order_by(Article.published_at.desc(), Article.id.desc())
    )


def menu_categories() -> list[Category]:
    """Top-level categories in the webmaster's order, for the main menu."""
    query = select(Category).where(Category.parent_id.is_(None)).order_by(Category.position, Category.id)
    return list(db.session.execute(query).scalars())


def latest_by_category(now: datetime, per_category: int) -> dict[int, list[Article]]:
    """The newest ``per_category`` articles of each category, in one query."""
    rank = (
        db.func.row_number()
        .over(partition_by=Article.category_id, order_by=(Article.published_at.desc(), Article.id.desc()))
        .label("rank")
    )
    ranked = published(now).add_columns(rank).order_by(None).subquery()
    query = (
        select(Article)
        .join(ranked, Article.id == ranked.c.id)
        .where(ranked.c.rank <= per_category)
        .order_by(Article.published_at.desc(), Article.id.desc())
    )
    grouped: dict[int, list[Article]] = {}
    for article in db.session.execute(query).scalars():
        grouped.setdefault(article.category_id, []).append(article)
    return grouped


def home_sections(now: datetime, per_category: int, lead: Article | None) -> list[tuple[Category, list[Article]]]:
    """Each menu category with its newest articles, leaving out the lead story."""
    latest = latest_by_category(now, per_category + 1)
    sections = []
    for category in menu_categories():
        articles = [a for a in latest.get(category.id, []) if a is not lead][:per_category]
        if articles:
            sections.append((category, articles))
    return sections


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
    )
    return list(db.session.execute(query).scalars())


def most_read(now: datetime, limit: int) -> list[Article]:
    """The most viewed visible articles ("Đọc nhiều")."""
    query = published(now).order_by(None).order_by(Article.view_count.desc(), Article.published_at.desc()).limit(limit)
    return list(db.session.execute(query).scalars())
