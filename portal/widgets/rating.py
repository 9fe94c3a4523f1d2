"""What the rating widget shows one visitor: the counts, their own vote, a message."""

from dataclasses import dataclass

from portal.models import Article
from portal.services import ratings
from portal.visitor import current_visitor
from portal.widgets.forms import RatingForm


@dataclass
class RatingPanel:
    article: Article | None  # None when the article is unknown or not published
    form: RatingForm
    own_stars: int | None = None
    message: str = ""
    tone: str = "success"  # "success" or "error", for the message's style


def rating_panel(article: Article, form: RatingForm | None = None, message: str = "", tone: str = "success") -> RatingPanel:
    """The widget for ``article``, the visitor's own vote marked in the form."""
    form = form or RatingForm(formdata=None)
    own_stars = ratings.own_vote(article.id, current_visitor())
    if own_stars:
        form.stars.data = own_stars
    return RatingPanel(article, form, own_stars, message, tone)


def missing_article_panel(message: str) -> RatingPanel:
    """The widget's answer when the article cannot be rated: the message alone."""
    return RatingPanel(None, RatingForm(formdata=None), message=message, tone="error")
