"""The English section: its articles and pages (the English versions the webmaster wrote of
Vietnamese ones), each one's counterpart in the other language, writing an English version,
and searching the section."""

from datetime import datetime

from sqlalchemy import Select, or_, select

from portal.extensions import db
from portal.models import Article, ArticleSearch, Page, User
from portal.models.content import ENGLISH, VIETNAMESE, article_translation
from portal.services import pages
from portal.services.content import LISTED, is_visible, published
from portal.services.search import html_to_text
from portal.text import fold

MAX_WORDS = 10


def articles(now: datetime) -> Select[tuple[Article]]:
    """The English articles a visitor may see at ``now``, newest first."""
    return published(now, ENGLISH).options(*LISTED)


def visible_article(article_id: int, now: datetime) -> Article | None:
    return db.session.execute(published(now, ENGLISH).where(Article.id == article_id)).scalar_one_or_none()


def article_counterpart(article: Article, now: datetime) -> Article | None:
    """The article's other-language version, if a visitor may see it now (one query: every
    article page asks)."""
    pair = article_translation.c
    if article.language == VIETNAMESE:
        this, other, language = pair.original_id, pair.article_id, ENGLISH
    else:
        this, other, language = pair.article_id, pair.original_id, VIETNAMESE
    query = select(Article).join(article_translation, other == Article.id).where(this == article.id, is_visible(now, language))
    return db.session.execute(query).scalar_one_or_none()


def page_for_translation(original: Page) -> pages.PageFields:
    """A new English page's first fields: the Vietnamese page's, to be translated; under the
    English version of its parent page when there is one."""
    parent = original.parent.translation if original.parent is not None else None
    return pages.PageFields(original.title, "", parent.id if parent else None, original.summary, original.body,
                            False, ENGLISH)  # fmt: skip


def save_page_translation(original: Page, fields: pages.PageFields, actor: User | None, now: datetime) -> Page:
    """Write the English version of a Vietnamese page."""
    if original.language != VIETNAMESE or original.translation is not None:
        raise pages.PageError("", "Trang này đã có bản tiếng Anh.")
    return pages.save(None, fields, actor, now, translation_of=original)


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(words: str, now: datetime) -> tuple[list[Article], list[Page]]:
    """The English articles and pages holding every word (with or without diacritics): the index's
    folded copy of each article, matched as Hỏi đáp's questions are; the section's few pages, folded here."""
    terms = fold(words).split()[:MAX_WORDS]
    if not terms:
        return [], []
    found = select(ArticleSearch.article_id)
    for term in terms:
        pattern = f"%{_escaped(term)}%"
        found = found.where(or_(ArticleSearch.title.like(pattern, escape="\\"), ArticleSearch.body.like(pattern, escape="\\")))
    matched = list(db.session.execute(articles(now).where(Article.id.in_(found))).scalars())
    shown = [page for page in pages.published(ENGLISH)
             if all(term in fold(f"{page.title} {page.summary} {html_to_text(page.body)}") for term in terms)]  # fmt: skip
    return matched, shown


def translated_articles(now: datetime) -> dict[int, Article]:
    """The visible English articles by the id of the Vietnamese article each translates (for the
    sitemap's alternates: one query, however many articles the site has)."""
    query = (
        select(article_translation.c.original_id, Article)
        .join(Article, Article.id == article_translation.c.article_id)
        .where(is_visible(now, ENGLISH))
    )
    return {original_id: article for original_id, article in db.session.execute(query).all()}
