"""The article page's rendering, shared by the article view and the rating widget
(which answers a form posted without JavaScript with the whole page)."""

from typing import TYPE_CHECKING

from flask import current_app

from portal import clock
from portal.layout import render_page
from portal.models import Article
from portal.news.sharing import sharing_context
from portal.services import content

if TYPE_CHECKING:
    from portal.widgets.rating import RatingPanel


def render_article(article: Article, rating: "RatingPanel", preview: bool = False) -> str:
    """The article page with its related articles and the rating widget. The webmaster's
    preview is neither counted nor given related articles (the article may not be out yet)."""
    if preview:
        related, page = [], {"counted": False, "preview": True}
    else:
        related = content.related_articles(article, clock.now(), current_app.config["RELATED_ARTICLES"])
        page = {"views_of": article}
    context = {"article": article, "related": related, "rating": rating} | sharing_context(article)
    return render_page("news/article.html", **page, **context)
