"""The pages every quality check walks through: axe-core and the Nu HTML Checker.

Add a page here and both checks cover it. ``{article}`` stands for the demo's seed
article, whose id is only known once the demo is loaded; pages in ``SIGNED_IN`` are
opened by the webmaster account that ``add_webmaster`` creates.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from portal import clock
from portal.demo.documents import SEED_DOCUMENT_NUMBER
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Album, Article, Document, Page, Poll, Question, Role, Tag, Thread
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
    "albums": "/anh",
    "album": "/anh/{album}",
    "photo": "/anh/{album}/2",
    "poll": "/tham-do/{poll_id}",
    # issue 18, point 4: the English section
    "en-home": "/en/",
    "en-organisation": "/en/organisation",
    "en-unit": "/en/organisation/ban-tuyen-giao-thi-uy",
    "en-page": "/en/about-us/functions-and-duties",
    "en-article": "{english_article}",
    "en-search": "/en/search?q=duties",
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
    "admin-document-history": "/quan-tri/van-ban/{document_id}/lich-su",
    "admin-article-preview": "/quan-tri/bai-viet/{article_id}/xem-truoc",
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
    "admin-albums": "/quan-tri/album",
    "admin-album-edit": "/quan-tri/album/{album_id}",
    "admin-polls": "/quan-tri/tham-do",
    "admin-poll-edit": "/quan-tri/tham-do/{poll_id}",
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
             "admin-documents", "admin-document-edit", "admin-document-terms", "admin-document-history",
             "admin-article-preview", "admin-pages", "admin-page-edit",
             "admin-page-revisions", "admin-organisation", "admin-unit-new", "admin-person-new", "admin-contact-messages",
             "admin-questions", "admin-question", "admin-menu", "admin-albums", "admin-album-edit", "admin-polls",
             "admin-poll-edit", "admin-threads", "admin-thread-edit", "admin-tags", "admin-tag", "admin-home-blocks"}
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
        album = db.session.execute(select(Album).order_by(Album.id)).scalars().first()
        poll = db.session.execute(select(Poll).order_by(Poll.id)).scalars().first()
        thread = db.session.execute(select(Thread.id).order_by(Thread.id)).scalars().first()
        tag = db.session.execute(select(Tag.id).where(Tag.slug == "covid-19")).scalar_one()
        return PAGES[name].format(english_article=seed.translation.url, page_id=history.id, question=answered.url, waiting_id=waiting.id, article=seed.url, print=f"/tin-tuc/in/{seed.id}.html", article_id=seed.id, document=plan.url,
                                 document_id=plan.id, album=album.slug, album_id=album.id, poll_id=poll.id, thread_id=thread, tag_id=tag)


@contextmanager
def quality_site(folder: Path) -> Iterator[Flask]:
    """The demo site on a SQLite file of its own, with the webmaster, for a whole module of
    checks: they only read its pages, and what they check (markup, accessibility) is the same
    whatever the database, so one site serves every page instead of one site a page."""
    from portal import create_app
    from portal.demo.loader import load_demo

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTAL_INSTANCE_PATH", str(folder / "instance"))
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'portal.sqlite3'}", **CONFIG})
        with app.app_context():
            db.create_all()
            load_demo()
        add_webmaster(app)
        yield app
        with app.app_context():
            db.engine.dispose()


def add_webmaster(app) -> tuple[str, str]:
    """A quản trị account for the signed-in pages; its user name and password."""
    with app.app_context():
        webmaster = create_user(WEBMASTER, ADMIN_PASSWORD, Role.ADMIN)
        two_factor.enable(webmaster, TOTP_SECRET, clock.now(), actor=None)  # required for quản trị
    return WEBMASTER, ADMIN_PASSWORD
