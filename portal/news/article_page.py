"""The article page's rendering, shared by the article view and the rating widget
(which answers a form posted without JavaScript with the whole page)."""

from typing import TYPE_CHECKING

from flask import current_app

from portal import clock
from portal.layout import render_page
from portal.models import Article
from portal.services import content

if TYPE_CHECKING:
    from portal.widgets.rating import RatingPanel


def render_article(article: Article, rating: "RatingPanel") -> str:
    """The article page with its related articles and the rating widget."""
    related = content.related_articles(article, clock.now(), current_app.config["RELATED_ARTICLES"])
    return render_page("news/article.html", views_of=article, article=article, related=related, rating=rating)
