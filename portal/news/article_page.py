"""The article page's rendering, shared by the article view, the webmaster's preview and the
rating widget (which answers a form posted without JavaScript with the whole page).

The page is the same for every reader: its figures as they are when it is rendered, and the
rating form; the live fragment brings the figures of the moment and the reader's own vote.
"""

from typing import TYPE_CHECKING

from flask import current_app

from portal import clock
from portal.layout import render_page
from portal.models import Article
from portal.news.sharing import sharing_context
from portal.services import albums, content, documents, english, polls, topics

if TYPE_CHECKING:
    from portal.widgets.rating import RatingPanel


def render_article(article: Article, rating: "RatingPanel | None" = None, preview: bool = False) -> str:
    """The article page with its related articles and the rating widget; ``rating`` is one
    visitor's widget (a vote posted without JavaScript), else the one every reader gets. The
    webmaster's preview gets no related articles (the article may not be out yet) and no live fragment."""
    from portal.widgets.poll import page_panel  # not at the top: portal.widgets imports this module
    from portal.widgets.rating import RatingPanel

    figures = content.ArticleFigures.of(article)
    threads, tags = topics.of_article(article.id)
    related = [] if preview else content.related_articles(article, clock.now(), current_app.config["RELATED_ARTICLES"])
    context = {
        "article": article,
        "figures": figures,
        "related": related,
        "attached": documents.attached_to(article),
        "albums": albums.linked_to(article),
        "poll_panel": page_panel(polls.poll_of(article), clock.now()),
        "attachments": article.attachments,
        "threads": threads,
        "tags": tags,
        "rating": rating or RatingPanel(article.id, figures),
        "preview": preview,
        "live_article": None if preview else article.id,
    }
    translation = None if preview else english.article_counterpart(article, clock.now())
    counterpart = translation.url if translation else None
    return render_page("news/article.html", live=not preview, counterpart=counterpart, **context | sharing_context(article))
