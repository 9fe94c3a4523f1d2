"""The article page's rendering, shared by the article view, the webmaster's preview and the
rating widget (which answers a form posted without JavaScript with the whole page).

What only changes when the article is saved (the article, its related list, its sharing data)
is kept with the page parts (``portal.layout.page_parts``); its figures (views, rating) and the
visitor's own vote are read on every request.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from flask import current_app

from portal import clock
from portal.counters import counting
from portal.layout import page_parts, render_page
from portal.models import Article
from portal.news.sharing import sharing_context
from portal.services import content

if TYPE_CHECKING:
    from portal.widgets.rating import RatingPanel


@dataclass(frozen=True)
class KeptArticle:
    """What an article page keeps between requests: one entry per article, so a
    large site's busy articles fit the kept parts (see ``page_parts.MAX_ITEMS``)."""

    article: Article
    related: list[Article]
    sharing: dict  # canonical address, share links, lead image: absolute, from SITE_URL


def _kept(article_id: int) -> KeptArticle | None:
    def load() -> KeptArticle | None:
        now = clock.now()
        article = content.visible_article(article_id, now)
        if article is None:
            return None
        related = content.related_articles(article, now, current_app.config["RELATED_ARTICLES"])
        return KeptArticle(article, related, sharing_context(article))

    return page_parts.kept(("article", article_id), load)


def visible_article(article_id: int) -> Article | None:
    """The article if a visitor may see it now (kept while the content is unchanged)."""
    kept = _kept(article_id)
    return kept.article if kept else None


def render_article(article: Article, rating: "RatingPanel | None" = None, preview: bool = False) -> str | bytes:
    """The article page with its related articles and the rating widget. Showing it counts a
    view of the article (and of the site). The webmaster's preview is neither counted nor given
    related articles (the article may not be out yet), and keeps nothing."""
    if preview:
        related, sharing, page, view = [], sharing_context(article), {"counted": False, "preview": True}, None
    else:
        kept = _kept(article.id)
        related, sharing, page = kept.related, kept.sharing, {"kept_as": (article.id,)}
        view = counting.count_page_view(article.id)
    from portal.widgets.rating import rating_panel  # not at the top: portal.widgets imports this module

    figures = view.article if view and view.article else rating.figures if rating else content.article_figures(article.id)
    rating = rating or rating_panel(article, figures)
    context = {"article": article, "figures": figures, "related": related, "rating": rating} | sharing
    return render_page("news/article.html", **page, **context)
