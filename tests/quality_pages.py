"""The pages every quality check walks through: axe-core and the Nu HTML Checker.

Add a page here and both checks cover it. ``{article}`` stands for the demo's seed
article, whose id is only known once the demo is loaded.
"""

from sqlalchemy import select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article

PAGES = {
    "home": "/",
    "category": "/tin-tuc/xay-dung-dang/",
    "category-page-2": "/tin-tuc/kinh-te-xa-hoi/trang-2",
    "article": "{article}",
    "print": "{print}",
    "town-map": "/ban-do",
    "not-found": "/khong-co-trang-nay",
}


def resolve(app, name: str) -> str:
    """The path of page ``name`` on ``app`` (which must have the demo loaded)."""
    with app.test_request_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        return PAGES[name].format(article=seed.url, print=f"/tin-tuc/in/{seed.id}.html")

# Three articles a page, so that the demo's categories have a second page and the pager shows.
CONFIG = {"ARTICLES_PER_PAGE": 3}
