"""What the rating widget shows one visitor: the counts, their own vote, a message."""

from dataclasses import dataclass

from portal.models import Article
from portal.services import content, ratings
from portal.services.content import ArticleFigures
from portal.web.visitor import current_visitor, is_new_visitor
from portal.widgets.forms import RatingForm


@dataclass
class RatingPanel:
    article: Article | None  # None when the article is unknown or not published
    figures: ArticleFigures | None = None  # the live count and sum
    own_stars: int | None = None
    checked: int | None = None  # the star marked in the form: the own vote, or the one just posted
    message: str = ""
    tone: str = "success"  # "success" or "error", for the message's style


def rating_panel(
    article: Article,
    figures: ArticleFigures | None = None,
    form: RatingForm | None = None,
    message: str = "",
    tone: str = "success",
) -> RatingPanel:
    """The widget for ``article`` with its figures (read now unless given) and the visitor's own vote.

    A visitor who has just been given an id has no vote to look up."""
    figures = figures or content.article_figures(article.id)
    own_stars = None if is_new_visitor() else ratings.own_vote(article.id, current_visitor())
    posted = form.stars.data if form and form.stars.data in range(1, 6) else None
    return RatingPanel(article, figures, own_stars, own_stars or posted, message, tone)


def missing_article_panel(message: str) -> RatingPanel:
    """The widget's answer when the article cannot be rated: the message alone."""
    return RatingPanel(None, message=message, tone="error")
