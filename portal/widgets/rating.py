"""What the rating widget shows one visitor: the counts, their own vote, a message."""

from dataclasses import dataclass

from portal.services import ratings
from portal.services.content import ArticleFigures
from portal.web.visitor import known_visitor
from portal.widgets.forms import RatingForm


@dataclass
class RatingPanel:
    article_id: int | None  # None when the article is unknown or not published
    figures: ArticleFigures | None = None  # the count and sum
    own_stars: int | None = None
    checked: int | None = None  # the star marked in the form: the own vote, or the one just posted
    message: str = ""
    tone: str = "success"  # "success" or "error", for the message's style


def rating_panel(
    article_id: int,
    figures: ArticleFigures,
    form: RatingForm | None = None,
    message: str = "",
    tone: str = "success",
    own_stars: int | None = None,
) -> RatingPanel:
    """The widget for one visitor: the article's figures and their own vote (looked up unless
    given, as after the vote itself).

    A visitor without an id (no cookie, none made by this request) has no vote to look up."""
    visitor = known_visitor()
    if own_stars is None and visitor:
        own_stars = ratings.own_vote(article_id, visitor)
    posted = form.stars.data if form and form.stars.data in range(1, 6) else None
    return RatingPanel(article_id, figures, own_stars, own_stars or posted, message, tone)
