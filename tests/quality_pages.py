"""The pages every quality check walks through: axe-core and the Nu HTML Checker.

Add a page here and both checks cover it. ``{article}`` stands for the demo's seed
article, whose id is only known once the demo is loaded; pages in ``SIGNED_IN`` are
opened by the webmaster account that ``add_webmaster`` creates.
"""

from sqlalchemy import select

from portal import clock
from portal.demo.documents import SEED_DOCUMENT_NUMBER
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, Document, Page, Question, Role, Tag, Thread
from portal.services import two_factor
from portal.services.accounts import create_user
from tests.helpers import ADMIN_PASSWORD, TOTP_SECRET

PAGES = {
    "home": "/",
    "category": "/tin-tuc/xay-dung-dang/",
    "category-page-2": "/tin-tuc/kinh-te-xa-hoi/trang-2",
    "article": "{article}",
    "print": "{print}",
    "town-map": "/ban-do",
    "search": "/tim-kiem?q=hoi+nghi",
    "documents": "/van-ban?loai=ke-hoach",
    "documents-search": "/van-ban?q=ke+hoach+tuyen+giao+2020",
    "document": "{document}",
    "site-page": "/gioi-thieu/lich-su",
    "organisation": "/to-chuc",
    "unit": "/to-chuc/ban-tuyen-giao-thi-uy",
    "contact": "/lien-he",
    "questions": "/hoi-dap?chu-de=thu-tuc-hanh-chinh",
    "question": "{question}",
    "ask": "/hoi-dap/gui-cau-hoi",
    "statistics": "/thong-ke",
    "not-found": "/khong-co-trang-nay",
    "admin-sign-in": "/quan-tri/dang-nhap",
    "admin-dashboard": "/quan-tri/",
    "admin-articles": "/quan-tri/bai-viet",
    "admin-article-edit": "/quan-tri/bai-viet/{article_id}",
    "admin-article-history": "/quan-tri/bai-viet/{article_id}/phien-ban",
    "admin-article-compare": "/quan-tri/bai-viet/{article_id}/so-sanh",
    "admin-accounts": "/quan-tri/tai-khoan",
    "admin-account-new": "/quan-tri/tai-khoan/moi",
    "admin-two-factor": "/quan-tri/xac-thuc-hai-buoc",
    "admin-sessions": "/quan-tri/phien-dang-nhap",
    "admin-password": "/quan-tri/doi-mat-khau",
    "admin-audit": "/quan-tri/nhat-ky?nguoi=quantri",
    "admin-documents": "/quan-tri/van-ban",
    "admin-document-edit": "/quan-tri/van-ban/{document_id}",
    "admin-document-terms": "/quan-tri/van-ban/danh-muc",
    "admin-pages": "/quan-tri/trang",
    "admin-page-edit": "/quan-tri/trang/{page_id}",
    "admin-page-revisions": "/quan-tri/trang/{page_id}/phien-ban",
    "admin-organisation": "/quan-tri/to-chuc",
    "admin-unit-new": "/quan-tri/to-chuc/don-vi/moi",
    "admin-person-new": "/quan-tri/to-chuc/nguoi/moi",
    "admin-contact-messages": "/quan-tri/lien-he",
    "admin-questions": "/quan-tri/hoi-dap",
    "admin-menu": "/quan-tri/trinh-don",
    "admin-question": "/quan-tri/hoi-dap/{waiting_id}",
    # issue 19: chuyên đề, tags, the home page's blocks
    "threads": "/chuyen-de",
    "thread": "/chuyen-de/dai-hoi-dang-bo-thi-xa",
    "tag": "/the/covid-19",
    "admin-threads": "/quan-tri/chuyen-de",
    "admin-thread-edit": "/quan-tri/chuyen-de/{thread_id}",
    "admin-tags": "/quan-tri/the",
    "admin-tag": "/quan-tri/the/{tag_id}",
    "admin-home-blocks": "/quan-tri/trang-chu",
}
SIGNED_IN = {"admin-dashboard", "admin-articles", "admin-article-edit", "admin-article-history", "admin-article-compare",
             "admin-accounts", "admin-account-new", "admin-two-factor", "admin-sessions", "admin-password", "admin-audit",
             "admin-documents", "admin-document-edit", "admin-document-terms", "admin-pages", "admin-page-edit",
             "admin-page-revisions", "admin-organisation", "admin-unit-new", "admin-person-new", "admin-contact-messages",
             "admin-questions", "admin-question", "admin-menu", "admin-threads", "admin-thread-edit", "admin-tags", "admin-tag",
             "admin-home-blocks"}
WEBMASTER = "quantri"

# Three articles a page, so that the demo's categories have a second page and the pager shows;
# the cheapest argon2 parameters, so that signing in does not slow the checks.
CONFIG = {"ARTICLES_PER_PAGE": 3, "PASSWORD_HASH_PROFILE": "CHEAPEST"}


def resolve(app, name: str) -> str:
    """The path of page ``name`` on ``app`` (which must have the demo loaded)."""
    with app.test_request_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        plan = db.session.execute(select(Document).where(Document.number == SEED_DOCUMENT_NUMBER)).scalar_one()
        history = db.session.execute(select(Page).where(Page.title == "Lịch sử")).scalar_one()
        answered = db.session.execute(select(Question).where(Question.status == "published")).scalars().first()
        waiting = db.session.execute(select(Question).where(Question.status == "pending")).scalars().first()
        thread = db.session.execute(select(Thread.id).order_by(Thread.id)).scalars().first()
        tag = db.session.execute(select(Tag.id).where(Tag.slug == "covid-19")).scalar_one()
        return PAGES[name].format(page_id=history.id, question=answered.url, waiting_id=waiting.id, article=seed.url, print=f"/tin-tuc/in/{seed.id}.html", article_id=seed.id, document=plan.url,
                                 document_id=plan.id, thread_id=thread, tag_id=tag)


def add_webmaster(app) -> tuple[str, str]:
    """A quản trị account for the signed-in pages; its user name and password."""
    with app.app_context():
        webmaster = create_user(WEBMASTER, ADMIN_PASSWORD, Role.ADMIN)
        two_factor.enable(webmaster, TOTP_SECRET, clock.now(), actor=None)  # required for quản trị
    return WEBMASTER, ADMIN_PASSWORD
