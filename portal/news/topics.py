"""Chuyên đề and tags for readers: the list of threads, a thread's page and a tag's, each paged
with its RSS feed; a tag's old slug answers 301 to its address now."""

from flask import abort, current_app, redirect, url_for
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.layout import render_page
from portal.models import Thread
from portal.news import bp
from portal.news.feeds import rss_response
from portal.services import albums, topics
from portal.web.page_cache import public_page


def _paged(query, page: int):
    pagination = db.paginate(query, page=page, per_page=current_app.config["ARTICLES_PER_PAGE"], error_out=False)
    if page < 1 or (page > 1 and page > pagination.pages):
        abort(404)
    return pagination


@bp.get("/chuyen-de")
@public_page()
def threads():
    """Every chuyên đề, the newest first."""
    return render_page("news/threads.html", threads=topics.threads(), now=clock.now())


def _thread(slug: str) -> Thread:
    return db.first_or_404(select(Thread).where(Thread.slug == slug))


@bp.get("/chuyen-de/<thread_slug>", defaults={"page": 1})
@bp.get("/chuyen-de/<thread_slug>/trang-<int:page>")
@public_page()
def thread(thread_slug: str, page: int):
    """A chuyên đề: its cover and description, then its articles, ten a page."""
    found = _thread(thread_slug)
    pagination = _paged(topics.thread_articles(found, clock.now()), page)
    return render_page("news/thread.html", thread=found, pagination=pagination, now=clock.now(), albums=albums.of_thread(found, clock.now()))


@bp.get("/chuyen-de/<thread_slug>/rss")
@public_page()
def thread_rss(thread_slug: str):
    """A chuyên đề's newest articles as RSS 2.0."""
    found = _thread(thread_slug)
    return rss_response(topics.thread_articles(found, clock.now()), found.name, found.url, url_for(".thread_rss", thread_slug=found.slug, _external=True))


def _moved(endpoint: str, **arguments):
    return redirect(url_for(endpoint, **arguments), code=301)


@bp.get("/the/<tag_slug>", defaults={"page": 1})
@bp.get("/the/<tag_slug>/trang-<int:page>")
@public_page()
def tag(tag_slug: str, page: int):
    """The articles carrying a tag, ten a page."""
    found, moved = topics.find_tag(tag_slug)
    if found is None:
        abort(404)
    if moved:
        return _moved(".tag", tag_slug=found.slug, page=page) if page > 1 else _moved(".tag", tag_slug=found.slug)
    pagination = _paged(topics.tag_articles(found, clock.now()), page)
    return render_page("news/tag.html", tag=found, pagination=pagination)


@bp.get("/the/<tag_slug>/rss")
@public_page()
def tag_rss(tag_slug: str):
    """A tag's newest articles as RSS 2.0."""
    found, moved = topics.find_tag(tag_slug)
    if found is None:
        abort(404)
    if moved:
        return _moved(".tag_rss", tag_slug=found.slug)
    return rss_response(topics.tag_articles(found, clock.now()), f"Thẻ {found.name}", found.url, url_for(".tag_rss", tag_slug=found.slug, _external=True))
