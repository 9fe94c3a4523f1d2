from pathlib import Path

from flask import abort, current_app, redirect, send_from_directory, url_for
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.layout import render_page
from portal.models import BlockKind, Category, SidebarBlock
from portal.models.attachments import ATTACHMENT_FOLDER
from portal.news import bp
from portal.news.article_page import render_article
from portal.news.sharing import canonical_url
from portal.services import attachments, content, front_page
from portal.web.page_cache import public_page
from portal.web.stored_files import send_stored


@bp.get("/")
@public_page()
def home():
    """The featured articles (or the newest) large, a running chuyên đề, then the webmaster's blocks of categories."""
    config = current_app.config
    chosen = front_page.blocks(config["HOME_ARTICLES_PER_CATEGORY"])
    return render_page("news/home.html", home=front_page.compose(clock.now(), chosen, config["FEATURED_MAX"]),
                       counterpart=url_for("pages.english_home"))


@bp.get("/tin-tuc/<slug>/", defaults={"page": 1})
@bp.get("/tin-tuc/<slug>/trang-<int:page>")
@public_page()
def category(slug: str, page: int):
    """One category's articles (and its sub-categories'), ten a page."""
    found = db.first_or_404(select(Category).where(Category.slug == slug))
    query = content.published(clock.now()).where(content.in_category_tree(found.id))
    pagination = db.paginate(query, page=page, per_page=current_app.config["ARTICLES_PER_PAGE"], error_out=False)
    if page < 1 or (page > 1 and page > pagination.pages):
        abort(404)
    return render_page("news/category.html", category=found, pagination=pagination)


@bp.get("/tin-tuc/<category_slug>/<slug>-<int:article_id>.html")
@public_page()
def article(category_slug: str, slug: str, article_id: int):
    """An article; an outdated slug answers 301 to the canonical address."""
    found = content.visible_article(article_id, clock.now())
    if found is None:
        abort(404)
    if (category_slug, slug) != (found.category.slug, found.slug):
        return redirect(found.url, code=301)
    return render_article(found)


@bp.get("/tin-tuc/in/<int:article_id>.html")
@public_page()
def print_article(article_id: int):
    """A clean, printable copy of an article."""
    found = content.visible_article(article_id, clock.now())
    if found is None:
        abort(404)
    return render_page("news/print.html", article=found, canonical=canonical_url(found))


@bp.get("/ban-do")
@public_page()
def town_map():
    """The town map from the sidebar, shown large."""
    block = db.first_or_404(select(SidebarBlock).where(SidebarBlock.kind == BlockKind.MAP))
    return render_page("news/map.html", block=block)


@bp.get("/uploads/<path:filename>")
def upload(filename: str):
    """An uploaded image or audio file, or a library document's file, from the instance folder
    (not the articles' attached files: ``attachment`` asks first whether the article is public)."""
    if filename.split("/", 1)[0] == ATTACHMENT_FOLDER:
        abort(404)
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], filename, max_age=30 * 24 * 3600)


def _public_attachment(attachment_id: int, page: int | None):
    found = attachments.visible_attachment(attachment_id, clock.now())
    if found is None:
        abort(404)
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / ATTACHMENT_FOLDER
    return send_stored(folder, found, page, max_age=current_app.config["PAGE_MAX_AGE"])


@bp.get("/tin-tuc/dinh-kem/<int:attachment_id>")
def attachment(attachment_id: int):
    """A file attached to an article a visitor may read, as a download (kept by caches as long as a page)."""
    return _public_attachment(attachment_id, None)


@bp.get("/tin-tuc/dinh-kem/<int:attachment_id>/trang-<int:page>.png")
def attachment_page(attachment_id: int, page: int):
    """The picture of one of the first pages of an attached PDF, drawn when it was uploaded."""
    return _public_attachment(attachment_id, page)
