"""The article page's rendering, shared by the article view, the webmaster's preview and the
rating widget (which answers a form posted without JavaScript with the whole page).

What only changes when the article is saved (the article, its related list, its sharing data)
is kept with the page parts (``portal.page_parts``); its figures (views, rating) and the
visitor's own vote are read on every request.
"""

from typing import TYPE_CHECKING

from flask import current_app, request

from portal import clock, counting, page_parts
from portal.layout import render_page
from portal.models import Article
from portal.news.sharing import sharing_context
from portal.services import content

if TYPE_CHECKING:
    from portal.widgets.rating import RatingPanel


def visible_article(article_id: int) -> Article | None:
    """The article if a visitor may see it now (kept while the content is unchanged)."""
    return page_parts.kept(("article", article_id), lambda: content.visible_article(article_id, clock.now()))


def _related(article: Article) -> list[Article]:
    limit = current_app.config["RELATED_ARTICLES"]
    return page_parts.kept(("related", article.id), lambda: content.related_articles(article, clock.now(), limit))


def render_article(article: Article, rating: "RatingPanel | None" = None, preview: bool = False) -> str:
    """The article page with its related articles and the rating widget. Showing it counts a
    view of the article (and of the site). The webmaster's preview is neither counted nor given
    related articles (the article may not be out yet)."""
    if preview:
        related, page, view = [], {"counted": False, "preview": True}, None
    else:
        related, page, view = _related(article), {"kept_as": (article.id,)}, counting.count_page_view(article.id)
    from portal.widgets.rating import rating_panel  # not at the top: portal.widgets imports this module

    figures = view.article if view and view.article else rating.figures if rating else content.article_figures(article.id)
    rating = rating or rating_panel(article, figures)
    sharing = page_parts.kept(("sharing", article.id, request.host_url), lambda: sharing_context(article))
    context = {"article": article, "figures": figures, "related": related, "rating": rating} | sharing
    return render_page("news/article.html", **page, **context)
